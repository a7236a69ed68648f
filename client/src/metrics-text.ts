/**
 * Metrics and follow-ups as people read them in the client: `1h 5m`, `@alice · due 2025-04-01`,
 * and the Markdown tables of "Copy Metrics".
 */
import type { MetricName, MetricNote, Metrics, OutlineFollowUp } from '../../server/src/protocol';
import {
  formatDuration,
  gapReason,
  METRIC_NAMES,
  METRIC_VOCABULARY,
  metricTitle,
} from '../../server/src/protocol';

/** What a metric's span runs between, e.g. `start → detected`. */
export function metricSpan(name: MetricName): string {
  const { from, to } = METRIC_VOCABULARY[name];
  return `${from} → ${to}`;
}

/** What a metric shows when the timeline does not mark the milestone that ends it. */
export const NOT_MARKED = 'not marked';

/** A metric's value as the code lens and hover write it (`1h 5m`), or `not marked`. */
export function metricValue(minutes: number | null): string {
  return minutes === null ? NOT_MARKED : formatDuration(minutes);
}

/** Metrics in a line, `TTD 5m · TTR 40m`: the ones named, in the order named. */
export function metricsLine(metrics: Metrics, names: readonly MetricName[] = METRIC_NAMES): string {
  return names
    .map((name) => `${METRIC_VOCABULARY[name].abbreviation} ${metricValue(metrics[name])}`)
    .join(' · ');
}

/** A metric's value for the view: `20m`, `20m, guessed` when it rests on keywords, `not marked`. */
export function metricDescription(note: MetricNote): string {
  const guessed = note.minutes !== null && note.inferredFrom.length > 0;
  return guessed ? `${metricValue(note.minutes)}, guessed` : metricValue(note.minutes);
}

/** What a metric rests on, for a tooltip: its keyword guesses, or why it has no value. */
export function metricExplanation(name: MetricName, note: MetricNote): string {
  const head = `${metricTitle(name)} (${metricSpan(name)}): `;
  if (note.gap?.kind === 'incidents') {
    return `${head}not computed: the report holds ${gapReason(note.gap)}.`;
  }
  if (note.gap) {
    return `${head}${NOT_MARKED}: ${gapReason(note.gap)}. Mark the entry in the timeline with [${note.gap.milestone}].`;
  }
  const value = metricValue(note.minutes);
  if (note.inferredFrom.length === 0) return `${head}${value}`;
  const words = note.inferredFrom.map((word) => `\`${word}\``).join(', ');
  return `${head}${value}, guessed from the keywords ${words}. Mark the entries with [${METRIC_VOCABULARY[name].to}] and the like to state them.`;
}

/** The metrics as a Markdown table, one row per metric, for pasting into a report or chat. */
export function metricsMarkdown(metrics: Metrics): string {
  const rows = METRIC_NAMES.map((name) => {
    const { abbreviation } = METRIC_VOCABULARY[name];
    return `| ${metricTitle(name)} (${abbreviation}) | ${metricValue(metrics[name])} | ${metricSpan(name)} |`;
  });
  return ['| Metric | Value | From → to |', '|--------|-------|-----------|', ...rows, ''].join(
    '\n',
  );
}

/** What a follow-up line says; a summary's follow-ups (the Incidents view's) carry no ticket. */
type DescribedFollowUp = Pick<OutlineFollowUp, 'status' | 'owner' | 'due' | 'overdue'> &
  Partial<Pick<OutlineFollowUp, 'ticket'>>;

/**
 * A follow-up's status, owner, due date and ticket in a line: `open · @alice · due 2025-04-01,
 * overdue · OPS-1`; without a `ticket` field, no ticket part.
 */
export function followUpDescription(followUp: DescribedFollowUp): string {
  const due = followUp.due
    ? `due ${followUp.due}${followUp.overdue ? ', overdue' : ''}`
    : 'no due date';
  const parts = [followUp.status, followUp.owner ?? 'no owner', due];
  if (followUp.ticket !== undefined) parts.push(followUp.ticket ?? 'no ticket');
  return parts.join(' · ');
}

/** A table cell: its pipes escaped, its line breaks folded. */
function cell(text: string | null): string {
  return text === null ? '—' : text.replace(/\s+/g, ' ').replaceAll('|', '\\|');
}

/** The follow-ups as a Markdown table, one row each, for "Copy Metrics". */
export function followUpsMarkdown(followUps: readonly OutlineFollowUp[]): string {
  const rows = followUps.map((followUp) => {
    const status = followUp.overdue ? 'open, overdue' : followUp.status;
    return `| ${cell(followUp.text)} | ${cell(followUp.owner)} | ${cell(followUp.due)} | ${cell(followUp.ticket)} | ${status} |`;
  });
  return [
    '| Follow-up | Owner | Due | Ticket | Status |',
    '|-----------|-------|-----|--------|--------|',
    ...rows,
    '',
  ].join('\n');
}
