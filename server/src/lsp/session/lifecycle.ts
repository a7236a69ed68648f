/**
 * Where the server is in the LSP lifecycle, and the errors the protocol gives requests outside
 * serving: before `initialize` (ServerNotInitialized), after `shutdown` (InvalidRequest), and
 * for a request the client cancelled (RequestCancelled).
 */
import type { CancellationToken } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export class Lifecycle {
  private state: 'starting' | 'serving' | 'shut down' = 'starting';

  initialized(): void {
    this.state = 'serving';
  }

  shutDown(): void {
    this.state = 'shut down';
  }

  /** The error for request `method` when the server is not serving; null when it is. */
  refusal(method: string): ResponseError<void> | null {
    if (this.state === 'starting') {
      return new ResponseError(
        ErrorCodes.ServerNotInitialized,
        `\`${method}\` came before \`initialize\`: the server is not initialized yet`,
      );
    }
    if (this.state === 'shut down') {
      return new ResponseError(
        ErrorCodes.InvalidRequest,
        `\`${method}\` came after \`shutdown\`: the server only waits for \`exit\` now`,
      );
    }
    return null;
  }

  /** `handler`, answering the protocol's error instead when the server is not serving. */
  serving<P extends unknown[], R>(
    method: string,
    handler: (...params: P) => R | Promise<R>,
  ): (...params: P) => Promise<R> {
    return async (...params: P) => {
      const refusal = this.refusal(method);
      if (refusal) throw refusal;
      return handler(...params);
    };
  }
}

/** Throws RequestCancelled when the client cancelled the request of `token`. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) {
    throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
  }
}
