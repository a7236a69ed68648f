/// <reference types="mocha" />
// The contributed snippets, inserted the two ways VS Code inserts snippets: by name through
// `editor.action.insertSnippet` (what the suggest widget does), and as a `SnippetString`
// through `TextEditor.insertSnippet`, with the body read from the installed extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticSummary } from './diagnostics';
import { reportSnippet } from './report-snippet';
import { waitForDiagnostics } from './wait';
import { activeExtension, createFile, removeCreatedFiles } from './workspace';

/** A new empty report `postmortems/<name>.md`, in the active editor. */
async function emptyReport(name: string): Promise<vscode.TextEditor> {
  const uri = await createFile(`postmortems/${name}.md`, new Uint8Array());
  return vscode.window.showTextDocument(uri, { preview: false });
}

/** Today as `YYYY-MM-DD` in local time, as the snippet variables give it. */
function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe('Snippets', () => {
  after(removeCreatedFiles);

  it('`pm-rca` by name writes the Root Cause Analysis scaffold, first placeholder selected', async () => {
    const editor = await emptyReport('snippet-rca');
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      langId: 'markdown',
      name: 'Post-mortem: Root Cause Analysis',
    });
    assert.equal(
      editor.document.getText(),
      [
        '## Root Cause Analysis',
        '',
        '- **Root Cause:** the technical reason behind the failure',
        '- **Supporting Evidence:**',
        '  - log lines, graphs or links that show it',
        '',
      ].join('\n'),
    );
    assert.equal(
      editor.document.getText(editor.selection),
      'the technical reason behind the failure',
    );
  });

  it('the whole report from the installed snippets file has every section, in order', async () => {
    const { extension } = await activeExtension();
    const body = reportSnippet(extension);

    const editor = await emptyReport('snippet-report');
    // The empty file gets one `required-sections` finding per section; the report none.
    const sectionRules = ['required-sections', 'section-order'];
    const checked = waitForDiagnostics(
      editor.document.uri,
      'the findings of the report, none of them about sections',
      (found) =>
        found.length > 0 && !found.some((diagnostic) => sectionRules.includes(codeOf(diagnostic))),
    );
    assert.equal(await editor.insertSnippet(body), true);
    const lines = editor.document.getText().split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      '---',
      'title: Incident title',
      `id: PM-${today()}`,
      `date: ${today()}`,
    ]);
    assert.equal(lines[9], '# Post-Mortem: Incident title');
    assert.deepEqual(
      lines.filter((line) => line.startsWith('## ')),
      [
        '## Summary',
        '## Impact',
        '## Timeline',
        '## Root Cause Analysis',
        '## Resolution & Recovery',
        '## Preventative Measures',
        '## Lessons Learned',
      ],
    );
    assert.equal(editor.document.getText(editor.selection), 'Incident title');
    // What is left to write: the five `HH:mm` times of the timeline rows, each one finding,
    // and information only: the report is a draft.
    const found = await checked;
    assert.deepEqual(
      diagnosticSummary(found),
      [25, 26, 27, 28, 29].map((line) => `placeholder:${line}`),
    );
    assert.ok(found.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
  });
});
