/**
 * The timeline chart of the preview: an SVG time axis with the timeline's entries and its
 * milestones, and above it the spans the metrics measure (detect: start → detected, mitigate:
 * start → mitigated, resolve: start → resolved). Pure SVG, no script or remote resource.
 */
import type { MetricName, Milestone, PostmortemModel } from '../engine';
import {
  boundInstant,
  escapeMarkup,
  formatDuration,
  gapReason,
  METRIC_VOCABULARY,
  metricNotes,
  metricTitle,
  MILESTONES,
} from '../engine';

const WIDTH = 560;
const LEFT = 80;
const RIGHT = 40;
const LANE = 22;
const LABEL_ROW = 14;
/** About how wide a character of the 11px labels is, for keeping labels apart. */
const CHARACTER_WIDTH = 6.5;

/** The spans drawn above the axis, each a metric measured from the start. */
const SPANS: readonly MetricName[] = ['timeToDetect', 'timeToMitigate', 'timeToResolve'];

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * The milestone labels' rows under the axis: each label in the first row where it does not
 * run into the one before it (five milestones: at most five rows).
 */
function labelRows(labels: { x: number; width: number }[]): number[] {
  const rowEnds: number[] = [];
  return labels.map(({ x, width }) => {
    let row = rowEnds.findIndex((end) => end + 6 <= x - width / 2);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = x + width / 2;
    return row;
  });
}

/**
 * The chart as an HTML block; null when there is nothing to draw on an axis: fewer than two
 * entries with a time, or several incidents (each on a clock of its own).
 */
export function timelineChart(model: PostmortemModel): string | null {
  const { timeline } = model;
  const notes = metricNotes(model);
  if (!timeline || !notes || model.incidents.length > 0) return null;
  const timed = timeline.entries.filter((entry) => entry.instant !== null);
  if (timed.length < 2) return null;
  const at = Object.fromEntries(
    MILESTONES.map((milestone) => [
      milestone,
      boundInstant(timeline, model.milestones, model.statedMilestones, milestone),
    ]),
  ) as Record<Milestone, number | null>;
  const instants = [
    ...timed.map((entry) => entry.instant!),
    ...Object.values(at).filter((instant) => instant !== null),
  ];
  const first = Math.min(...instants);
  const last = Math.max(...instants);
  const scale = (WIDTH - LEFT - RIGHT) / Math.max(last - first, 1);
  const x = (instant: number): number => round(LEFT + (instant - first) * scale);

  const parts: string[] = [];
  for (const [lane, name] of SPANS.entries()) {
    const { abbreviation, from, to } = METRIC_VOCABULARY[name];
    const note = notes[name];
    const y = 8 + lane * LANE;
    const start = at[from];
    const end = at[to];
    const value = note.minutes === null ? '—' : formatDuration(note.minutes);
    const guess = note.minutes !== null && note.inferredFrom.length > 0 ? '*' : '';
    parts.push(
      `<text class="pm-chart-lane-label" x="0" y="${y + 10}">${abbreviation} ${escapeMarkup(value)}${guess}</text>`,
    );
    if (start === null || end === null || note.minutes === null) {
      const reason = note.gap ? gapReason(note.gap) : 'not measured';
      parts.push(
        `<rect class="pm-chart-track" x="${LEFT}" y="${y}" width="${WIDTH - LEFT - RIGHT}" height="12" rx="2"/>`,
        `<text class="pm-chart-gap" x="${LEFT + 6}" y="${y + 10}">${escapeMarkup(reason)}</text>`,
      );
      continue;
    }
    const width = Math.max(round((end - start) * scale), 2);
    parts.push(
      `<rect class="pm-chart-span pm-chart-span-${to}${guess ? ' pm-chart-guessed' : ''}" data-metric="${name}" x="${x(start)}" y="${y}" width="${width}" height="12" rx="2"><title>${escapeMarkup(`${metricTitle(name)}: ${from} → ${to}, ${value}${guess ? ', guessed from keywords' : ''}`)}</title></rect>`,
    );
  }

  // The first and last times sit between the spans and the axis, clear of the milestones' ticks.
  const axis = 8 + SPANS.length * LANE + 18;
  parts.push(
    `<line class="pm-chart-axis" x1="${LEFT}" y1="${axis}" x2="${WIDTH - RIGHT}" y2="${axis}"/>`,
  );
  for (const entry of timed) {
    parts.push(
      `<circle class="pm-chart-entry" cx="${x(entry.instant!)}" cy="${axis}" r="3"><title>${escapeMarkup(`${entry.timeText} — ${entry.description}`)}</title></circle>`,
    );
  }
  const earliest = timed.reduce((a, b) => (b.instant! < a.instant! ? b : a));
  const latest = timed.reduce((a, b) => (b.instant! >= a.instant! ? b : a));
  parts.push(
    `<text class="pm-chart-time" x="${LEFT}" y="${axis - 6}">${escapeMarkup(earliest.timeText)}</text>`,
    `<text class="pm-chart-time" x="${WIDTH - RIGHT}" y="${axis - 6}" text-anchor="end">${escapeMarkup(latest.timeText)}</text>`,
  );

  // With no mitigation of its own, mitigation is the resolution: one marker for both.
  const ownMitigation =
    model.milestones.mitigated !== null || model.statedMilestones.mitigated !== undefined;
  const marked = MILESTONES.filter(
    (milestone) => at[milestone] !== null && (milestone !== 'mitigated' || ownMitigation),
  )
    .map((milestone) => ({ milestone, x: x(at[milestone]!) }))
    .sort((a, b) => a.x - b.x);
  const rows = labelRows(
    marked.map(({ milestone, x }) => ({ x, width: milestone.length * CHARACTER_WIDTH })),
  );
  const labelsTop = axis + 22;
  for (const [index, { milestone, x: mx }] of marked.entries()) {
    const y = labelsTop + rows[index]! * LABEL_ROW;
    parts.push(
      `<line class="pm-chart-tick" x1="${mx}" y1="${axis}" x2="${mx}" y2="${y - 10}"/>`,
      `<circle class="pm-chart-milestone pm-chart-milestone-${milestone}" data-milestone="${milestone}" cx="${mx}" cy="${axis}" r="5"/>`,
      `<text class="pm-chart-milestone-label" x="${mx}" y="${y}" text-anchor="middle">${milestone}</text>`,
    );
  }
  const height = labelsTop + Math.max(0, ...rows) * LABEL_ROW + 6;
  const label = `Timeline from ${earliest.timeText} to ${latest.timeText}, ${formatDuration(last - first)}`;
  return `<div class="pm-preview pm-timeline-chart"><svg role="img" aria-label="${escapeMarkup(label)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${parts.join('')}</svg></div>\n`;
}
