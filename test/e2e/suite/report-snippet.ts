/** The whole-report snippet (`pm-report`) as the installed extension ships it. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
}

/** The body of `pm-report`, read from the installed extension's `snippets/postmortem.json`. */
export function reportSnippet(extension: vscode.Extension<unknown>): vscode.SnippetString {
  const file = join(extension.extensionPath, 'snippets', 'postmortem.json');
  const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;
  const report = Object.values(snippets).find(
    (snippet) => Array.isArray(snippet.prefix) && snippet.prefix.includes('pm-report'),
  );
  assert.ok(report, 'No snippet with the prefix `pm-report`');
  return new vscode.SnippetString(
    Array.isArray(report.body) ? report.body.join('\n') : report.body,
  );
}
