/// <reference types="mocha" />
// The fixture report in the editor: its diagnostics, the metrics lenses, and the hover on a
// timeline time, all from the packaged server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MetricsBreakdown } from '../../../server/src/protocol';
import { SAMPLE_METRICS_LENS } from '../../helpers/sample-metrics';
import { codeOf, diagnosticOf, diagnosticSummary } from './diagnostics';
import { DRIVER, typeIntoQuickInputs } from './driver';
import { until } from './wait';
import type { OpenReport } from './workspace';
import {
  activeExtension,
  FIXTURE,
  FIXTURE_FINDINGS,
  openReport,
  skipAcrossHosts,
  WEB_HOST,
  workspaceFile,
} from './workspace';

const RULE_DOCS = 'https://github.com/postmortem-tools/postmortem-authoring/blob/main/docs/rules/';

describe('A report with known problems', () => {
  let report: OpenReport;

  before(async () => {
    // On the web the report's language activates the extension, out of this host's reach.
    if (!WEB_HOST) await activeExtension();
    report = await openReport(workspaceFile(FIXTURE));
  });

  it('gets one diagnostic per finding: the rule id as code, on the line of the problem', () => {
    assert.deepEqual(diagnosticSummary(report.diagnostics), FIXTURE_FINDINGS);
  });

  it('words each diagnostic as the engine does, as a warning linked to its rule page', function () {
    skipAcrossHosts(this);
    const seen = [...report.diagnostics]
      .sort((a, b) => a.range.start.line - b.range.start.line)
      .map((diagnostic) => {
        const code = diagnostic.code;
        const target = typeof code === 'object' ? code.target.toString() : '(no link)';
        return [codeOf(diagnostic), diagnostic.severity, target, diagnostic.message];
      });
    const warning = vscode.DiagnosticSeverity.Warning;
    assert.deepEqual(seen, [
      [
        'timeline-order',
        warning,
        `${RULE_DOCS}timeline-order.md`,
        'Timeline entry `1:10 PM` is earlier than the entry before it (`1:15 PM`)',
      ],
      [
        'metrics-consistency',
        vscode.DiagnosticSeverity.Information,
        `${RULE_DOCS}metrics-consistency.md`,
        "Stated time to resolve `30 minutes` differs from the timeline's `40m` (guessed from `resolved`; mark the entries to be sure)",
      ],
      // On the heading after which the section belongs.
      [
        'required-sections',
        warning,
        `${RULE_DOCS}required-sections.md`,
        'Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
      ],
    ]);
  });

  it('marks the out-of-order time itself', () => {
    const order = diagnosticOf(report.diagnostics, 'timeline-order');
    assert.equal(report.document.getText(order.range), '1:10 PM');
  });

  it('shows the metrics in a lens above the timeline and the computed value on the stated one', async function () {
    skipAcrossHosts(this);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      report.document.uri,
      100,
    );
    const seen = lenses.map((lens) => `${lens.range.start.line + 1}: ${lens.command?.title}`);
    assert.deepEqual(seen, [
      '10: TTD 0m* · TTA 5m* · TTM 20m* · TTR 40m* (* guessed from keywords)',
      '25: Computed from timeline: 40m',
    ]);
  });

  it('keeps the lens to one short line: its tooltip says what the values rest on', async function () {
    skipAcrossHosts(this);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      report.document.uri,
      100,
    );
    // The fixture's timeline words its milestones as the sample's does.
    assert.equal(lenses[0]?.command?.tooltip, SAMPLE_METRICS_LENS.tooltip);
  });

  it('runs the lens command: a pick of the spans with their entries; a pick goes to its end', async function () {
    skipAcrossHosts(this);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      report.document.uri,
      100,
    );
    const command = lenses[0]?.command;
    assert.ok(command, 'The timeline lens has no command');
    assert.equal(command.command, 'postmortem.showMetricsBreakdown');
    const breakdown = await vscode.commands.executeCommand<MetricsBreakdown>(
      command.command,
      ...(command.arguments ?? []),
    );
    const entry = (time: string, event: string): string => `${time} “${event}”`;
    const start = entry('12:55 PM', 'Automated monitoring detects increased DB errors.');
    assert.equal(breakdown.title, 'Metrics from the timeline');
    assert.deepEqual(
      breakdown.spans.map(({ title, span, bounds }) => [title, span, bounds?.to]),
      [
        ['TTD 0m', 'start → detected', `detected ${start} (guessed from \`monitor\`)`],
        [
          'TTA 5m',
          'detected → acknowledged',
          `acknowledged ${entry('1:00 PM', 'PagerDuty alert sent to on-call engineers.')} (guessed from \`on-call\`)`,
        ],
        [
          'TTM 20m',
          'start → mitigated',
          `mitigated ${entry('1:15 PM', 'Temporary fix applied (manually restarted DB).')} (guessed from \`temporary fix\`)`,
        ],
        [
          'TTR 40m',
          'start → resolved',
          `resolved ${entry('1:35 PM', 'Issue marked as resolved.')} (guessed from \`resolved\`)`,
        ],
      ],
    );
    if (!DRIVER) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      this.skip();
    }
    // The pick is titled as the breakdown; picking TTR goes to the row that resolved it.
    await typeIntoQuickInputs([{ title: 'Metrics from the timeline', text: 'TTR' }]);
    const resolvedRow = 16;
    const editor = await until(
      vscode.window.onDidChangeTextEditorSelection,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.selection.active.line === resolvedRow ? active : undefined;
      },
      () => `the cursor on line ${vscode.window.activeTextEditor?.selection.active.line}`,
    );
    assert.equal(
      editor.document.lineAt(resolvedRow).text,
      '| 1:35 PM | Issue marked as resolved. |',
    );
  });

  it('puts the elapsed-time hints after the table rows, apart from them', async () => {
    const { document } = report;
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
    );
    const seen = hints.map((hint) => {
      const row = document.lineAt(hint.position.line).text;
      const at = hint.position.character === row.length ? 'end of row' : hint.position.character;
      return `${hint.position.line + 1}: ${String(hint.label)} at ${at}, padded ${hint.paddingLeft}`;
    });
    assert.deepEqual(seen, [
      '13: T+0m at end of row, padded true',
      '14: T+5m at end of row, padded true',
      '15: T+20m at end of row, padded true',
      '16: T+15m at end of row, padded true',
      '17: T+40m at end of row, padded true',
    ]);
  });

  /** The hover texts at a position, and the range of the first hover. */
  async function hoverAt(line: number, character: number): Promise<[string[], string]> {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      report.document.uri,
      new vscode.Position(line - 1, character),
    );
    const texts = hovers.flatMap((hover) =>
      hover.contents.map((content) => (typeof content === 'string' ? content : content.value)),
    );
    const range = hovers[0]?.range;
    return [texts, range ? report.document.getText(range) : '(no range)'];
  }

  it('explains a timeline time on hover: as read, elapsed, and the milestones it marks', async () => {
    // Line 13 is the first timeline row: `| 12:55 PM | Automated monitoring detects … |`.
    assert.deepEqual(await hoverAt(13, 4), [
      [
        [
          '`12:55 PM` is 12:55 (no date, UTC)',
          'T+0m since the start',
          'Marks **start**: the first entry with a time; **detected**: guessed from keyword `monitor`',
        ].join('\n\n'),
      ],
      '12:55 PM',
    ]);
    // Line 16 is the row out of order: 5 minutes before the one above it.
    assert.deepEqual(await hoverAt(16, 4), [
      ['`1:10 PM` is 13:10 (no date, UTC)\n\nT+15m since the start · 5m before `1:15 PM`'],
      '1:10 PM',
    ]);
  });

  it('leaves the Outline and breadcrumbs to VS Code: one tree of the headings, none of ours', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      report.document.uri,
    );
    const all = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] =>
      list.flatMap((symbol) => [symbol, ...all(symbol.children)]);
    const names = all(symbols).map((symbol) => symbol.name);
    assert.ok(
      names.some((name) => name.includes('Timeline')),
      `No heading symbols: ${names}`,
    );
    // Ours marked timeline entries as events and doubled every heading.
    assert.deepEqual(
      all(symbols).filter((symbol) => symbol.kind === vscode.SymbolKind.Event),
      [],
    );
    assert.deepEqual(names, [...new Set(names)]);
  });

  it('has no hover away from the times', async () => {
    assert.deepEqual(await hoverAt(4, 10), [[], '(no range)']);
  });
});
