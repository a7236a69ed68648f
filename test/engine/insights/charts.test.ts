/** The insights' SVG charts: accessible, escaped, themed through classes, a clear empty state. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AggregatedReport } from '../../../server/src/engine/insights/aggregate';
import { aggregateReports } from '../../../server/src/engine/insights/aggregate';
import {
  CHART_STYLESHEET,
  followUpsByOwnerChart,
  metricByMonthChart,
  metricBySeverityChart,
  reportsByMonthChart,
} from '../../../server/src/engine/insights/charts';
import { drawChart } from '../../../server/src/engine/insights/svg';

function report(
  month: string | null,
  severity: string | null,
  ttr: number | null,
): AggregatedReport {
  return {
    month,
    severity,
    severityRank: severity === 'SEV1' ? 0 : severity === 'SEV2' ? 1 : null,
    metrics: {
      timeToDetect: null,
      timeToAcknowledge: null,
      timeToMitigate: null,
      timeToResolve: ttr,
    },
    followUps: [],
  };
}

/** Tags open and close in order, and no `<` or `&` stands bare in text or attributes. */
function assertWellFormed(svg: string): void {
  const open: string[] = [];
  const tag = /<(\/?)([a-z]+)((?:\s+[a-z][a-z0-9:-]*="[^"<]*")*)\s*(\/?)>/iy;
  let at = 0;
  while (at < svg.length) {
    if (svg[at] === '<') {
      tag.lastIndex = at;
      const match = tag.exec(svg);
      assert.ok(match, `a tag at ${at}: ${svg.slice(at, at + 40)}`);
      const [whole, closing, name, attributes, selfClosing] = match;
      assert.doesNotMatch(attributes!, /&(?!amp;|lt;|gt;|quot;|#39;)/);
      if (closing) assert.equal(open.pop(), name);
      else if (!selfClosing) open.push(name!);
      at += whole.length;
    } else {
      const end = svg.indexOf('<', at);
      const text = svg.slice(at, end < 0 ? svg.length : end);
      assert.doesNotMatch(text, /&(?!amp;|lt;|gt;|quot;|#39;)|>/);
      at += text.length;
    }
  }
  assert.deepEqual(open, []);
}

const MARCH = [42, 130, 20].map((ttr) => report('2025-03', 'SEV2', ttr));
const AGGREGATE = aggregateReports([
  ...MARCH,
  report('2025-04', 'SEV1', 60),
  report('2025-05', null, null),
  report(null, 'SEV1', 10),
]);

describe('charts', () => {
  test('each chart is one accessible SVG image: role, title, a description of its data', () => {
    const charts = [
      metricByMonthChart(AGGREGATE, 'timeToResolve'),
      metricBySeverityChart(AGGREGATE, 'timeToResolve'),
      reportsByMonthChart(AGGREGATE),
      followUpsByOwnerChart(AGGREGATE),
    ];
    for (const svg of charts) {
      assertWellFormed(svg);
      assert.match(
        svg,
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="pm-chart[^"]*" role="img"/,
      );
      assert.match(svg, /<title>[^<]+<\/title><desc>[^<]+<\/desc>/);
      assert.equal(svg.match(/<svg/g)!.length, 1);
    }
    const byMonth = charts[0]!;
    assert.match(byMonth, /<title>TTR by month: median and 90th percentile<\/title>/);
    // March: 20, 42, 130; April: 60; May: none. The undated report is left out, and said so.
    assert.match(
      byMonth,
      /<desc>2025-03: Median 42m, 90th percentile 2h 10m; 2025-04: Median 1h, 90th percentile 1h; 2025-05: Median none, 90th percentile none\. 1 report has no date and is not shown<\/desc>/,
    );
    assert.match(
      charts[1]!,
      /<desc>SEV1: Median 35m, 90th percentile 1h; SEV2: Median 42m, 90th percentile 2h 10m; No severity: Median none, 90th percentile none<\/desc>/,
    );
    assert.match(charts[2]!, /<desc>2025-03: Reports 3; 2025-04: Reports 1; 2025-05: Reports 1\./);
  });

  test('the month axis has every month from the first to the last, the quiet ones empty', () => {
    const gaps = aggregateReports([
      report('2024-11', null, 30),
      report('2025-02', null, 60),
      report('2025-02', null, 90),
    ]);
    assert.match(
      reportsByMonthChart(gaps),
      /<desc>2024-11: Reports 1; 2024-12: Reports 0; 2025-01: Reports 0; 2025-02: Reports 2<\/desc>/,
    );
    // No line through the quiet months: two runs of one point each.
    const lines = metricByMonthChart(gaps, 'timeToResolve');
    const path = /<path class="pm-chart-series-1 pm-chart-line"[^>]* d="([^"]*)"/.exec(lines)![1]!;
    assert.deepEqual(path.match(/[ML]/g), ['M', 'M']);
    // Past 20 years, only the months with reports.
    const far = aggregateReports([report('1990-01', null, 1), report('2025-01', null, 1)]);
    assert.match(reportsByMonthChart(far), /<desc>1990-01: Reports 1; 2025-01: Reports 1<\/desc>/);
  });

  test('text is escaped: a severity written as a script stays text', () => {
    const svg = metricBySeverityChart(
      aggregateReports([report('2025-03', '<script>alert("x")</script> & co', 5)]),
      'timeToResolve',
    );
    assertWellFormed(svg);
    assert.doesNotMatch(svg, /<script/);
    assert.match(svg, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co/);
  });

  test('colours through classes the stylesheet maps to custom properties, with fallbacks; no inline style', () => {
    const svg = metricByMonthChart(AGGREGATE, 'timeToResolve');
    assert.doesNotMatch(svg, /style=/);
    assert.match(svg, /class="pm-chart-series-1 pm-chart-line" fill="none" stroke="#3794ff"/);
    assert.match(svg, /class="pm-chart-series-2" fill="#d18616"/);
    assert.match(
      CHART_STYLESHEET,
      /\.pm-chart-series-1 \{ fill: var\(--pm-chart-1, #3794ff\); stroke: var\(--pm-chart-1, #3794ff\); \}/,
    );
    assert.match(
      CHART_STYLESHEET,
      /\.pm-chart text \{ fill: var\(--pm-chart-text, currentColor\); \}/,
    );
  });

  test('no data: a clear empty state, not an empty plot', () => {
    const none = aggregateReports([]);
    for (const svg of [
      metricByMonthChart(none, 'timeToDetect'),
      reportsByMonthChart(none),
      followUpsByOwnerChart(none),
      metricBySeverityChart(aggregateReports([report('2025-03', 'SEV1', null)]), 'timeToDetect'),
    ]) {
      assertWellFormed(svg);
      assert.match(svg, /class="pm-chart pm-chart-empty" role="img"/);
      assert.match(svg, /<text [^>]*>No data: [^<]+<\/text>/);
      assert.doesNotMatch(svg, /<rect class="pm-chart-series/);
    }
    assert.match(metricByMonthChart(none, 'timeToDetect'), /No data: no report has a date/);
    assert.match(followUpsByOwnerChart(none), /No data: no follow-up is open/);
    assert.match(
      metricByMonthChart(aggregateReports([report('2025-03', null, null)]), 'timeToResolve'),
      /No data: no report has a time to resolve yet/,
    );
  });

  test('bars: one per known value, heights in proportion, none for an unknown value', () => {
    const svg = drawChart({
      title: 'Counts',
      kind: 'bars',
      categories: ['a', 'b', 'c'],
      series: [{ name: 'Reports', values: [2, null, 4] }],
      unit: 'count',
      format: String,
      empty: 'No data',
    });
    const heights = [
      ...svg.matchAll(/<rect class="pm-chart-series-1" [^>]*height="([\d.]+)"><title>/g),
    ].map((match) => Number(match[1]));
    assert.equal(heights.length, 2);
    assert.ok(Math.abs(heights[1]! - 2 * heights[0]!) < 0.2, `${heights}`);
    assert.match(svg, /<title>c, Reports: 4<\/title>/);
  });

  test('lines: a gap where a category has no value; points carry their value', () => {
    const svg = drawChart({
      title: 'TTD',
      kind: 'lines',
      categories: ['2025-01', '2025-02', '2025-03', '2025-04'],
      series: [{ name: 'Median', values: [10, 20, null, 30] }],
      unit: 'minutes',
      format: (value) => `${value}m`,
      empty: 'No data',
    });
    const path = /<path class="pm-chart-series-1 pm-chart-line"[^>]* d="([^"]*)"/.exec(svg)![1]!;
    assert.deepEqual(path.match(/[ML]/g), ['M', 'L', 'M']);
    assert.equal(svg.match(/<circle /g)!.length, 3);
    assert.match(svg, /<title>2025-04, Median: 30m<\/title>/);
  });

  test('the duration axis steps by minutes, hours and days', () => {
    const axis = (max: number) => {
      const svg = drawChart({
        title: 'TTR',
        kind: 'bars',
        categories: ['a'],
        series: [{ name: 'Median', values: [max] }],
        unit: 'minutes',
        format: (value) => `${value}`,
        empty: 'No data',
      });
      return [
        ...svg.matchAll(
          /<text x="70" y="[\d.]+" text-anchor="end" fill="currentColor">(\d+)<\/text>/g,
        ),
      ].map((match) => Number(match[1]));
    };
    assert.deepEqual(axis(42), [0, 10, 20, 30, 40, 50]);
    assert.deepEqual(axis(130), [0, 30, 60, 90, 120, 150]);
    assert.deepEqual(axis(5000), [0, 1440, 2880, 4320, 5760]);
  });

  test('long category names are cut, whole in their tooltip, and slanted when they would overlap', () => {
    const owner = '@a-very-long-owner-name-from-a-team';
    const few = followUpsByOwnerChart({
      ...aggregateReports([]),
      followUps: { open: 2, overdue: 0, byOwner: [{ owner: '@al', open: 2, overdue: 0 }] },
    });
    assert.doesNotMatch(few, /rotate/);
    const others = Array.from({ length: 7 }, (_, index) => ({
      owner: `@${index}`,
      open: 1,
      overdue: 0,
    }));
    const svg = followUpsByOwnerChart({
      ...aggregateReports([]),
      followUps: { open: 8, overdue: 0, byOwner: [{ owner, open: 1, overdue: 0 }, ...others] },
    });
    assert.match(
      svg,
      />@a-very-long-owner-name…<title>@a-very-long-owner-name-from-a-team<\/title>/,
    );
    assert.match(svg, /transform="rotate\(-45 /);
  });

  test('follow-ups: the 20 owners with most open drawn, the others summed up in the description', () => {
    const byOwner = Array.from({ length: 23 }, (_, index) => ({
      owner: `@owner${String(index).padStart(2, '0')}`,
      open: 30 - index,
      overdue: 0,
    }));
    const svg = followUpsByOwnerChart({
      ...aggregateReports([]),
      followUps: { open: 0, overdue: 0, byOwner },
    });
    assert.equal(svg.match(/<rect class="pm-chart-series-1" [^>]*><title>/g)!.length, 20);
    assert.match(svg, /@owner19/);
    assert.doesNotMatch(svg, /@owner20/);
    // @owner20, @owner21, @owner22: 10 + 9 + 8 open.
    assert.match(svg, /3 more owners, with 27 open follow-ups, are not shown<\/desc>/);
  });

  test('many categories: no stack overflow, a wider chart', () => {
    const categories = Array.from({ length: 150_000 }, (_, index) => `c${index}`);
    const svg = drawChart({
      title: 'Many',
      kind: 'bars',
      categories,
      series: [{ name: 'Reports', values: categories.map((_, index) => index % 7) }],
      unit: 'count',
      format: String,
      empty: 'No data',
    });
    assert.match(svg, /^<svg [^>]*width="\d{6,}"/);
  });

  test('more series than colours is refused', () => {
    const series = Array.from({ length: 5 }, (_, index) => ({ name: `s${index}`, values: [1] }));
    assert.throws(
      () =>
        drawChart({
          title: 'x',
          kind: 'bars',
          categories: ['a'],
          series,
          unit: 'count',
          format: String,
          empty: '',
        }),
      /at most 4 series/,
    );
  });
});
