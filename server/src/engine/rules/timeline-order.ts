/** `timeline-order`: a timeline entry earlier than the entry before it. */
import type { RuleFinding, TimelineEntry } from '../model';
import { timelineBlocks, timelineSortFix } from '../timeline/sort';
import type { Rule } from './rule';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry is earlier than the entry before it.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    const findings: RuleFinding[] = [];
    const blocks = timelineBlocks(model);
    const blockOf = new Map<TimelineEntry, number>();
    blocks.forEach((block, index) => block.entries.forEach((entry) => blockOf.set(entry, index)));
    const fix = timelineSortFix(model);
    let previous: TimelineEntry | undefined;
    for (const entry of model.timeline?.entries ?? []) {
      if (entry.instant === null) continue;
      if (previous && entry.instant < previous.instant!) {
        // Sorting moves rows within their own table or list only.
        const sortable = fix !== null && blockOf.get(entry) === blockOf.get(previous);
        findings.push({
          message: `Timeline entry \`${entry.timeText.trim()}\` is earlier than the entry before it (\`${previous.timeText.trim()}\`)`,
          span: entry.timeSpan ?? entry.span,
          ...(sortable ? { fix } : {}),
        });
      }
      previous = entry;
    }
    return findings;
  },
};
