/**
 * `postmortem/newTimelineEntry`: the engine's new timeline entry (`timeline/new-entry.ts`) as a
 * snippet at its position, the cursor where the event goes.
 */
import { newTimelineEntry as newEntry } from '../../engine';
import type { NewTimelineEntryResult } from '../../protocol';
import type { AnalyzedPostmortem } from '../session/analyzed';

/** Text for a snippet: `$`, `}` and `\\` escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** The new entry for a document's timeline at time `now`; null without a timeline. */
export function newTimelineEntry(
  document: AnalyzedPostmortem,
  now: Date,
): NewTimelineEntryResult | null {
  const entry = newEntry(document.analysis.model, now);
  if (!entry) return null;
  const { offset, text, cursor } = entry;
  return {
    position: document.positions.positionAt(offset),
    snippet: `${snippetText(text.slice(0, cursor))}$0${snippetText(text.slice(cursor))}`,
  };
}
