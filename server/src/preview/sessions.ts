/**
 * The analysis sessions of the documents the preview renders: VS Code renders a document again
 * on every change, and with its session a render re-reads only what changed, as in the server.
 * Only the documents previewed last keep theirs, so memory stays bounded.
 */
import type { Session } from '../engine';
import { createSession } from '../engine';

export class PreviewSessions {
  /** Document → its session, the one rendered last at the end. */
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly kept: number) {}

  /** The session of `document` (its URI), made the most recent; the oldest past the bound dropped. */
  of(document: string): Session {
    const session = this.sessions.get(document) ?? createSession();
    this.sessions.delete(document);
    this.sessions.set(document, session);
    for (const oldest of this.sessions.keys()) {
      if (this.sessions.size <= this.kept) break;
      this.sessions.delete(oldest);
    }
    return session;
  }

  /** The documents that keep a session, the one rendered last at the end. */
  documents(): string[] {
    return [...this.sessions.keys()];
  }
}
