/**
 * `postmortem-lint report --format html`: one self-contained page (the charts inline, no
 * remote resource, a content security policy that allows nothing but its own stylesheet),
 * light or dark as the reader's system prefers.
 */
import type { ReportsAggregate } from '../../engine';
import {
  CHART_STYLESHEET,
  escapeMarkup,
  followUpsByOwnerChart,
  METRIC_NAMES,
  metricByMonthChart,
  metricBySeverityChart,
  reportsByMonthChart,
} from '../../engine';
import type { ReportTable } from './tables';
import { READING, reportsLine, reportTables } from './tables';

/** The page's colours; the charts' `--pm-chart-*` follow them. */
const PAGE_STYLESHEET = `:root {
  color-scheme: light dark;
  --pm-background: #ffffff;
  --pm-text: #1f2328;
  --pm-muted: #59636e;
  --pm-border: #d1d9e0;
  --pm-chart-1: #0969da;
  --pm-chart-2: #bc4c00;
  --pm-chart-3: #cf222e;
  --pm-chart-4: #1a7f37;
  --pm-chart-text: #1f2328;
  --pm-chart-grid: #d1d9e0;
  --pm-chart-axis: #818b98;
}
@media (prefers-color-scheme: dark) {
  :root {
    --pm-background: #0d1117;
    --pm-text: #e6edf3;
    --pm-muted: #9198a1;
    --pm-border: #3d444d;
    --pm-chart-1: #4493f8;
    --pm-chart-2: #db6d28;
    --pm-chart-3: #f85149;
    --pm-chart-4: #3fb950;
    --pm-chart-text: #e6edf3;
    --pm-chart-grid: #3d444d;
    --pm-chart-axis: #656c76;
  }
}
body {
  margin: 0 auto;
  max-width: 1200px;
  padding: 24px;
  font: 14px/1.5 system-ui, sans-serif;
  background: var(--pm-background);
  color: var(--pm-text);
}
.reading { color: var(--pm-muted); }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.chart { margin: 0; max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 24px; }
th, td { border: 1px solid var(--pm-border); padding: 4px 10px; text-align: left; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
${CHART_STYLESHEET}`;

/**
 * The content security policy: nothing loads or runs; only the stylesheet of this page applies.
 * (`node:crypto` is loaded here, not by every run of the CLI.)
 */
function policy(stylesheet: string): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256').update(stylesheet, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
}

function htmlTable({ title, lead, columns, numeric, rows }: ReportTable): string[] {
  const cell = (tag: 'th' | 'td', text: string, index: number) =>
    `<${tag}${numeric[index] ? ' class="number"' : ''}>${escapeMarkup(text)}</${tag}>`;
  const lines = [`<h2>${escapeMarkup(title)}</h2>`];
  if (lead) lines.push(`<p>${escapeMarkup(lead)}</p>`);
  if (rows.length === 0) return lines;
  return [
    ...lines,
    '<table>',
    `<thead><tr>${columns.map((text, index) => cell('th', text, index)).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => `<tr>${row.map((text, index) => cell('td', text, index)).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ];
}

/** Every chart of the insights: counts, follow-ups, then each metric by month and by severity. */
function charts(aggregate: ReportsAggregate): string[] {
  const svgs = [
    reportsByMonthChart(aggregate),
    followUpsByOwnerChart(aggregate),
    ...METRIC_NAMES.flatMap((name) => [
      metricByMonthChart(aggregate, name),
      metricBySeverityChart(aggregate, name),
    ]),
  ];
  return [
    '<div class="charts">',
    ...svgs.map((svg) => `<figure class="chart">${svg}</figure>`),
    '</div>',
  ];
}

/** The report as one HTML page. */
export function formatHtml(aggregate: ReportsAggregate): string {
  const lines = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy(PAGE_STYLESHEET)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<title>Post-mortem report</title>',
    `<style>${PAGE_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Post-mortem report</h1>',
    `<p>${escapeMarkup(reportsLine(aggregate))}</p>`,
  ];
  if (aggregate.reports > 0) {
    lines.push(`<p class="reading">${escapeMarkup(READING)}</p>`, ...charts(aggregate));
  }
  lines.push(...reportTables(aggregate).flatMap(htmlTable), '</main>', '</body>', '</html>');
  return `${lines.join('\n')}\n`;
}
