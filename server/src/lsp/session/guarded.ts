/** Handlers that never throw to the client: errors are logged and a neutral answer is sent. */
import type { Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';

/** A stack trace or message for the log. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Wraps a handler: an exception is logged to the connection's console and `fallback` is
 * answered instead. A `ResponseError` (such as invalid parameters) is an answer, and passes.
 */
export function guarded<P extends unknown[], R>(
  connection: Connection,
  name: string,
  handler: (...params: P) => R | Promise<R>,
  fallback: R,
): (...params: P) => Promise<R> {
  return async (...params: P) => {
    try {
      return await handler(...params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
