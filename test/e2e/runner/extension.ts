/**
 * The test-runner extension of `npm run test:e2e`. Installed into code-server beside the
 * packaged extension, it runs the end-to-end suite (bundled beside it in `suite/`) in the
 * extension host once the workbench has started, leaves the fixture report on screen for the
 * screenshot, and writes the results where the driver (`run-code-server.mjs`) waits for them.
 * Without `PM_E2E_CONFIG` in its environment it does nothing.
 */
import { closeSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SuiteResult } from '../suite/index';
import { runSuite, testFiles } from '../suite/index';
import { waitForDiagnostics } from '../suite/wait';

/** The run configuration the driver writes (path in `PM_E2E_CONFIG`). */
export interface RunConfig {
  /** Where to write `RunResults` (atomically: the driver reads it as soon as it exists). */
  resultsFile: string;
  /** Mocha's per-test timeout. */
  timeoutMs: number;
  /** Only tests whose full title matches. */
  grep?: string;
  /** The report to leave open for the screenshot. */
  screenshotReport: string;
}

/** What the driver reads back. */
export interface RunResults extends Partial<SuiteResult> {
  /** Set when the suite could not run at all. */
  error?: string;
  /** What setting up the screenshot did, step by step (`ok` or the error). */
  screen: Record<string, string>;
  host: { vscode: string; node: string; pid: number };
  startedAt: string;
  finishedAt: string;
}

function writeAtomically(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value, null, 2));
  renameSync(temporary, file);
}

/** Runs each step, recording `ok` or its error: a failed step must not lose the results. */
async function steps(
  record: Record<string, string>,
  list: [string, () => Thenable<unknown>][],
): Promise<void> {
  for (const [name, step] of list) {
    try {
      await step();
      record[name] = 'ok';
    } catch (error) {
      record[name] = error instanceof Error ? error.message : String(error);
    }
  }
}

/** The fixture with its findings, the lens, the Post-Mortem view and the Problems panel. */
async function setUpScreenshot(config: RunConfig, record: Record<string, string>): Promise<void> {
  const report = vscode.Uri.file(config.screenshotReport);
  await steps(record, [
    ['saveAll', () => vscode.commands.executeCommand('workbench.action.files.saveAll')],
    ['closeAll', () => vscode.commands.executeCommand('workbench.action.closeAllEditors')],
    // The Post-Mortem view with the room for its rows (the driver collapses the file tree,
    // which no command hides).
    ['hideOutline', () => vscode.commands.executeCommand('outline.removeView')],
    ['hideTimeline', () => vscode.commands.executeCommand('timeline.removeView')],
    ['showOutline', () => vscode.commands.executeCommand('postmortem.showOutline')],
    ['problems', () => vscode.commands.executeCommand('workbench.actions.view.problems')],
    ['clearNotifications', () => vscode.commands.executeCommand('notifications.clearAll')],
    // Opened last, so the editor has the focus and is laid out once, at its final size.
    ['openReport', async () => vscode.window.showTextDocument(report, { preview: false })],
    ['diagnostics', () => waitForDiagnostics(report, 'diagnostics', (found) => found.length > 0)],
  ]);
}

async function main(config: RunConfig): Promise<void> {
  // A reload starts a second extension host: only the first one runs the suite.
  try {
    closeSync(openSync(`${config.resultsFile}.lock`, 'wx'));
  } catch {
    return;
  }
  const startedAt = new Date().toISOString();
  const host = { vscode: vscode.version, node: process.version, pid: process.pid };
  let suite: SuiteResult | undefined;
  let error: string | undefined;
  try {
    const files = testFiles(join(__dirname, 'suite'));
    const options = { timeoutMs: config.timeoutMs, capture: true, grep: config.grep };
    suite = await runSuite(files, options);
  } catch (failure) {
    error = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
  }
  const screen: Record<string, string> = {};
  await setUpScreenshot(config, screen);
  const results: RunResults = {
    ...suite,
    ...(error ? { error } : {}),
    screen,
    host,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
  writeAtomically(config.resultsFile, results);
}

/** Starts the run in the background: activation must not wait for the suite. */
export function activate(): void {
  const configFile = process.env.PM_E2E_CONFIG;
  if (!configFile) return;
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as RunConfig;
  main(config).catch((failure: unknown) => {
    const message = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
    const host = { vscode: vscode.version, node: process.version, pid: process.pid };
    const now = new Date().toISOString();
    writeAtomically(config.resultsFile, {
      error: message,
      screen: {},
      host,
      startedAt: now,
      finishedAt: now,
    } satisfies RunResults);
  });
}
