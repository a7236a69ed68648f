/**
 * The metrics card the preview shows above the timeline: TTD, TTA, TTM and TTR from the
 * engine's notes, a value resting on a keyword guess marked as one, and what is missing to
 * compute the others, in the words of the code lens (`gapAdvice`).
 */
import type { MetricName, MetricNote, PostmortemModel } from '../engine';
import {
  anyGuessed,
  escapeMarkup,
  formatDuration,
  gapReason,
  GUESSED_NOTE,
  METRIC_NAMES,
  METRIC_VOCABULARY,
  metricNotes,
  metricTitle,
  missingAdvice,
  NO_TIMELINE_ADVICE,
} from '../engine';

function metricCell(name: MetricName, note: MetricNote): string {
  const { abbreviation, from, to } = METRIC_VOCABULARY[name];
  const guessed = note.minutes !== null && note.inferredFrom.length > 0;
  const value =
    note.minutes === null ? '—' : `${formatDuration(note.minutes)}${guessed ? '*' : ''}`;
  let detail = `${from} → ${to}`;
  if (note.gap) detail = gapReason(note.gap);
  else if (guessed)
    detail = `guessed from ${note.inferredFrom.map((word) => `“${word}”`).join(', ')}`;
  const state = note.minutes === null ? ' pm-metric-missing' : guessed ? ' pm-metric-guessed' : '';
  return [
    `<div class="pm-metric${state}" data-metric="${name}" title="${escapeMarkup(`${metricTitle(name)}: ${from} → ${to}`)}">`,
    `<span class="pm-metric-name">${abbreviation}</span>`,
    `<span class="pm-metric-value">${escapeMarkup(value)}</span>`,
    `<span class="pm-metric-detail">${escapeMarkup(detail)}</span>`,
    '</div>',
  ].join('');
}

/** The card as an HTML block; a report without a timeline is told how to get metrics. */
export function metricsCard(model: PostmortemModel): string {
  const notes = metricNotes(model);
  if (!notes) {
    return `<div class="pm-preview pm-metrics-card pm-metrics-none"><p class="pm-metrics-missing">${escapeMarkup(NO_TIMELINE_ADVICE)}</p></div>\n`;
  }
  const missing = missingAdvice(notes);
  return [
    '<div class="pm-preview pm-metrics-card">',
    `<div class="pm-metrics">${METRIC_NAMES.map((name) => metricCell(name, notes[name])).join('')}</div>`,
    missing.length > 0
      ? `<ul class="pm-metrics-missing">${missing.map((advice) => `<li>${escapeMarkup(advice)}</li>`).join('')}</ul>`
      : '',
    anyGuessed(notes) ? `<p class="pm-metrics-footnote">${escapeMarkup(GUESSED_NOTE)}</p>` : '',
    '</div>\n',
  ].join('');
}
