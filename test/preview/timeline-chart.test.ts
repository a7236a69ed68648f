/**
 * The preview's timeline chart: when there is one, where the entries and milestones sit on the
 * axis, labels that never run into each other, and a mitigation that is the resolution drawn
 * once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, defaultConfig } from '../../server/src/engine';
import { timelineChart } from '../../server/src/preview/timeline-chart';
import { reportWithTimeline } from './reports';

const chartOf = (timeline: string[]) =>
  timelineChart(analyze(reportWithTimeline(timeline), defaultConfig()).model);

/** Each element of `kind` with its numeric attributes. */
function elements(svg: string, kind: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${kind} ([^>]*?)/?>`, 'g'))].map((match) =>
    Object.fromEntries([...match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

test('no chart without two entries with a time', () => {
  assert.equal(chartOf(['- 10:00 Deploy [start]']), null);
  assert.equal(chartOf(['- TBD Deploy', '- --:-- Alert']), null);
});

test('entries and milestones on one axis, in the order of their times', () => {
  const svg = chartOf([
    '- 10:00 Deploy [start]',
    '- 10:10 Alert [detected]',
    '- 10:20 Paged [acknowledged]',
    '- 10:40 Rolled back [mitigated]',
    '- 11:00 Fixed [resolved]',
  ])!;
  const entries = elements(svg, 'circle').filter((c) => c.class === 'pm-chart-entry');
  const xs = entries.map((entry) => Number(entry.cx));
  assert.deepEqual(
    xs,
    [...xs].sort((a, b) => a - b),
  );
  // An hour on the axis: 10 minutes is a sixth of it.
  const width = xs.at(-1)! - xs[0]!;
  assert.ok(Math.abs(xs[1]! - xs[0]! - width / 6) < 0.2);
  const milestones = elements(svg, 'circle').filter((c) => c['data-milestone']);
  assert.deepEqual(
    milestones.map((m) => [m['data-milestone'], m.cx]),
    ['start', 'detected', 'acknowledged', 'mitigated', 'resolved'].map((name, i) => [
      name,
      String(xs[i]),
    ]),
  );
  const spans = elements(svg, 'rect').filter((r) => r['data-metric']);
  assert.deepEqual(
    spans.map((span) => [span['data-metric'], Number(span.width)]),
    [
      ['timeToDetect', Math.round((width / 6) * 10) / 10],
      ['timeToMitigate', Math.round(((width * 4) / 6) * 10) / 10],
      ['timeToResolve', width],
    ],
  );
});

test('milestone labels close together go to rows of their own, never overlapping', () => {
  const svg = chartOf([
    '- 10:00 Deploy [start] [detected]',
    '- 10:01 Paged [acknowledged]',
    '- 10:02 Rolled back [mitigated]',
    '- 12:00 Fixed [resolved]',
  ])!;
  const labels = [
    ...svg.matchAll(
      /<text class="pm-chart-milestone-label" x="([\d.]+)" y="([\d.]+)"[^>]*>(\w+)</g,
    ),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: m[3]!.length * 6.5 }));
  assert.equal(labels.length, 5);
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      if (a.y !== b.y) continue;
      assert.ok(
        Math.abs(a.x - b.x) >= (a.width + b.width) / 2,
        `${JSON.stringify(a)} ${JSON.stringify(b)}`,
      );
    }
  }
  assert.ok(new Set(labels.map((label) => label.y)).size >= 3);
});

test('no mitigation of its own: one marker, the resolution, and the span to it', () => {
  const svg = chartOf([
    '- 10:00 Deploy [start]',
    '- 10:10 Alert [detected]',
    '- 11:00 Fixed [resolved]',
  ])!;
  assert.deepEqual(
    elements(svg, 'circle').flatMap((c) => (c['data-milestone'] ? [c['data-milestone']] : [])),
    ['start', 'detected', 'resolved'],
  );
  assert.match(svg, /data-metric="timeToMitigate"/);
});

test('a span that cannot be measured: an empty track that says why', () => {
  const svg = chartOf(['- 10:00 Deploy [start]', '- 10:10 Alert [detected]'])!;
  assert.match(
    svg,
    /<rect class="pm-chart-track"[^>]*\/><text class="pm-chart-gap"[^>]*>no entry marks resolved<\/text>/,
  );
});
