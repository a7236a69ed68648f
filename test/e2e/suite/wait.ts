/**
 * Waiting on editor events instead of sleeping: each helper checks its condition at once and
 * again on every event, and fails after a deadline with what it saw last.
 */
import * as vscode from 'vscode';
import { diagnosticSummary, ourDiagnostics } from './diagnostics';

/** How long a wait may take before the test fails with what it saw. */
export const WAIT_MS = 20_000;

/**
 * Resolves with `check()`'s value once it is defined, checking now and on each `event`; rejects
 * after `timeoutMs` with `describe()` (what was seen last).
 */
export function until<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined,
  describe: () => string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (value: T): void => {
      settled = true;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    };
    const attempt = (): void => {
      if (settled) return;
      try {
        const value = check();
        if (value !== undefined) finish(value);
      } catch (error) {
        settled = true;
        clearTimeout(timer);
        subscription.dispose();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const subscription = event(attempt);
    const timer = setTimeout(() => {
      settled = true;
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms: ${describe()}`));
    }, timeoutMs);
    attempt();
  });
}

/**
 * The server's diagnostics of `uri` once `predicate` holds for them (checked now and on each
 * `onDidChangeDiagnostics` for the URI). `what` names the awaited state in the timeout message,
 * which also lists the diagnostics seen last as `code:line`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const event: vscode.Event<unknown> = (listener) =>
    vscode.languages.onDidChangeDiagnostics((change) => {
      if (change.uris.some((changed) => changed.toString() === key)) listener(change);
    });
  return until(
    event,
    () => {
      const diagnostics = ourDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    () =>
      `waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; saw [${diagnosticSummary(ourDiagnostics(uri)).join(', ')}]`,
    timeoutMs,
  );
}

/**
 * A wait for the diagnostics of `uri` to be published again, as after a server (re)start: the
 * client clears them when the server stops, and the new server publishes new ones. Create it
 * before the action that restarts the server. The ext host batches diagnostic events, so the
 * cleared state may not be seen: diagnostics that are all new objects count too.
 */
export function waitForRepublishedDiagnostics(
  uri: vscode.Uri,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const before = new Set(ourDiagnostics(uri));
  let cleared = false;
  return waitForDiagnostics(
    uri,
    'the diagnostics to be published again',
    (diagnostics) => {
      if (diagnostics.length === 0) cleared = true;
      const fresh = diagnostics.every((diagnostic) => !before.has(diagnostic));
      return diagnostics.length > 0 && (cleared || fresh);
    },
    timeoutMs,
  );
}
