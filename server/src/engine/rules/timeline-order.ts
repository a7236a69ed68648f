/** `timeline-order`: a timeline entry earlier than the entry before it. */
import type { RuleFinding, TimelineEntry } from '../model';
import { timelineSort } from '../timeline/sort';
import type { Rule } from './rule';

/** Each timed entry earlier than the timed entry before it, with that entry. */
function inversions(entries: readonly TimelineEntry[]): [TimelineEntry, TimelineEntry][] {
  const found: [TimelineEntry, TimelineEntry][] = [];
  let previous: TimelineEntry | undefined;
  for (const entry of entries) {
    if (entry.instant === null) continue;
    if (previous && entry.instant < previous.instant!) found.push([entry, previous]);
    previous = entry;
  }
  return found;
}

const message = ([entry, previous]: [TimelineEntry, TimelineEntry]): string =>
  `Timeline entry \`${entry.timeText.trim()}\` is earlier than the entry before it (\`${previous.timeText.trim()}\`)`;

function countOf(messages: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of messages) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry is earlier than the entry before it.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    const found = inversions(model.timeline?.entries ?? []);
    if (found.length === 0) return [];
    const messages = found.map(message);
    const sort = timelineSort(model);
    // The sort is offered for the findings it removes: it moves entries only within their own
    // table or list, and list items only among the items of their own list.
    const sorted = sort.fix ? inversions(sort.order) : found;
    const stillEarly = new Set(sorted.map(([entry]) => entry));
    const before = countOf(messages);
    const after = countOf(sorted.map(message));
    return found.map(([entry], i): RuleFinding => {
      const text = messages[i]!;
      const sortable =
        sort.fix !== null && !stillEarly.has(entry) && (after.get(text) ?? 0) < before.get(text)!;
      return {
        message: text,
        span: entry.timeSpan ?? entry.span,
        ...(sortable ? { fix: sort.fix! } : {}),
      };
    });
  },
};
