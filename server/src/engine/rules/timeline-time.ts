/** `timeline-time`: a timeline entry whose time cannot be read or is ambiguous. */
import type { RuleFinding, TimelineEntry } from '../model';
import type { Rule } from './rule';

function message(entry: TimelineEntry): string {
  const time = entry.timeText.trim();
  switch (entry.timeProblem) {
    case 'unknown':
      return `Timeline time \`${time}\` is unknown; the entry is skipped for ordering and metrics`;
    case 'ambiguous':
      return `Timeline time \`${time}\` has no AM or PM in a timeline that uses 12-hour times`;
    case 'date-order':
      return `Timeline date \`${time}\` may be day or month first, and no date of the report settles it; it is read month first. Set \`dateOrder\` to \`day-month\` or \`month-day\``;
    default:
      return time === ''
        ? 'Timeline entry has no time; expected a time such as `13:05` or `2025-03-15 13:05`'
        : `Timeline time \`${time}\` cannot be read; expected a time such as \`13:05\` or \`2025-03-15 13:05\``;
  }
}

export const timelineTime: Rule = {
  id: 'timeline-time',
  description: 'A timeline entry has a time that cannot be read or is ambiguous.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    const findings: RuleFinding[] = [];
    let dateOrderReported = false;
    for (const entry of model.timeline?.entries ?? []) {
      if (entry.timeProblem === null) continue;
      // The order is the document's: said once, on its first date.
      if (entry.timeProblem === 'date-order') {
        if (dateOrderReported) continue;
        dateOrderReported = true;
      }
      findings.push({ message: message(entry), span: entry.timeSpan ?? entry.span });
    }
    return findings;
  },
};
