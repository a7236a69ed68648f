/**
 * The insights page as HTML, without VS Code: the reports' counts, the metrics by month and by
 * severity (charts and the tables they draw), the open and overdue follow-ups by owner, and
 * every report. No script at all; one style element by nonce; every text from a report escaped.
 */
import type {
  GroupStats,
  IncidentItem,
  MetricName,
  ReportsAggregate,
} from '../../../server/src/protocol';
import {
  aggregateReports,
  CHART_STYLESHEET,
  escapeMarkup,
  followUpsByOwnerChart,
  formatDuration,
  groupLabel,
  METRIC_NAMES,
  METRIC_VOCABULARY,
  metricByMonthChart,
  plural,
  metricBySeverityChart,
  reportsByMonthChart,
} from '../../../server/src/protocol';
import { incidentLabel, sortIncidents } from '../incidents/rows';
import { metricsLine } from '../metrics-text';

/** What the page shows: the index as the server last gave it, or why it has none. */
export type InsightsInput =
  | { kind: 'waiting' }
  | { kind: 'failed'; message: string }
  | { kind: 'listed'; incidents: readonly IncidentItem[]; indexing: boolean };

export interface PageContext {
  /** A fresh nonce for this page's style element. */
  nonce: string;
  /** A `command:` link that opens a report (the panel allows that command only, and New). */
  openLink: (uri: string) => string;
  /** A `command:` link that runs New Post-Mortem. */
  newReportLink: string;
}

/** The policy: nothing but this page's own style element, no script, no remote resource. */
export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:`;
}

// The charts' custom properties (`--pm-chart-*`) from the theme: series in VS Code's chart
// colours, text in the editor's foreground.
const STYLE = `
:root {
  --pm-chart-1: var(--vscode-charts-blue);
  --pm-chart-2: var(--vscode-charts-orange);
  --pm-chart-3: var(--vscode-charts-red);
  --pm-chart-4: var(--vscode-charts-green);
  --pm-chart-text: var(--vscode-foreground);
  --pm-chart-grid: var(--vscode-editorWidget-border, var(--vscode-widget-border));
  --pm-chart-axis: var(--vscode-descriptionForeground);
  --pm-chart-font: var(--vscode-font-family);
}
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; }
h1 { font-size: 1.6em; font-weight: 600; }
h2 { font-size: 1.25em; font-weight: 600; margin-top: 2em; border-bottom: 1px solid var(--pm-chart-grid); padding-bottom: 4px; }
.summary, .note { color: var(--vscode-descriptionForeground); }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; padding: 4px; color: var(--vscode-foreground); }
figure svg { display: block; max-width: 100%; height: auto; }
figure:focus-visible, a:focus-visible, summary:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; padding: 2px 12px 2px 0; border-bottom: 1px solid var(--pm-chart-grid); font-variant-numeric: tabular-nums; }
th { font-weight: 600; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
${CHART_STYLESHEET}
`;

/** Charts side by side, each a stop of the keyboard (its picture says its data to a reader). */
function charts(svgs: readonly string[]): string {
  return `<div class="charts">${svgs.map((svg) => `<figure tabindex="0">${svg}</figure>`).join('')}</div>`;
}

function minutes(value: number | null): string {
  return value === null ? '—' : formatDuration(value);
}

/** A section of `heading` (its id `id`): its charts, then the table of its groups. */
function section(id: string, heading: string, content: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${content}</section>`;
}

/** A table of groups, folded: one row each, its count and each metric's median and p90 (`n`). */
function groupTable(keyTitle: string, rows: readonly { key: string; stats: GroupStats }[]): string {
  const metricHead = METRIC_NAMES.map(
    (name: MetricName) =>
      `<th scope="col">${METRIC_VOCABULARY[name].abbreviation} median / p90 (n)</th>`,
  ).join('');
  const body = rows
    .map(({ key, stats }) => {
      const cells = METRIC_NAMES.map((name) => {
        const { median, p90, n } = stats[name];
        return `<td>${minutes(median)} / ${minutes(p90)} (${n})</td>`;
      }).join('');
      return `<tr><th scope="row">${escapeMarkup(key)}</th><td>${stats.count}</td>${cells}</tr>`;
    })
    .join('');
  return (
    `<details><summary>The numbers by ${keyTitle.toLowerCase()}</summary><table><thead><tr>` +
    `<th scope="col">${keyTitle}</th><th scope="col">Reports</th>${metricHead}</tr></thead>` +
    `<tbody>${body}</tbody></table></details>`
  );
}

function monthSection(aggregate: ReportsAggregate): string {
  const rows = aggregate.byMonth.map((group) => ({
    key: groupLabel('month', group.month),
    stats: group,
  }));
  const svgs = [
    reportsByMonthChart(aggregate),
    ...METRIC_NAMES.map((name) => metricByMonthChart(aggregate, name)),
  ];
  return section('by-month', 'By month', charts(svgs) + groupTable('Month', rows));
}

function severitySection(aggregate: ReportsAggregate): string {
  const rows = aggregate.bySeverity.map((group) => ({
    key: groupLabel('severity', group.severity),
    stats: group,
  }));
  const svgs = METRIC_NAMES.map((name) => metricBySeverityChart(aggregate, name));
  return section('by-severity', 'By severity', charts(svgs) + groupTable('Severity', rows));
}

function followUpSection(aggregate: ReportsAggregate): string {
  const { open, overdue, byOwner } = aggregate.followUps;
  const rows = byOwner
    .map(
      (row) =>
        `<tr><th scope="row">${escapeMarkup(groupLabel('owner', row.owner))}</th><td>${row.open}</td><td>${row.overdue}</td></tr>`,
    )
    .join('');
  const table =
    byOwner.length === 0
      ? ''
      : '<details><summary>The numbers by owner</summary><table><thead><tr>' +
        '<th scope="col">Owner</th><th scope="col">Open</th><th scope="col">Overdue</th>' +
        `</tr></thead><tbody>${rows}</tbody></table></details>`;
  return section(
    'follow-ups',
    'Follow-ups by owner',
    `<p class="summary">${open} open, ${overdue} overdue</p>` +
      charts([followUpsByOwnerChart(aggregate)]) +
      table,
  );
}

function reportsSection(incidents: readonly IncidentItem[], context: PageContext): string {
  const items = sortIncidents(incidents)
    .map((incident) => {
      const link = `<a href="${escapeMarkup(context.openLink(incident.uri))}">${escapeMarkup(incidentLabel(incident))}</a>`;
      const facts = [
        incident.severity ?? 'no severity',
        incident.status ?? 'no status',
        incident.metrics ? metricsLine(incident.metrics) : 'no timeline',
      ].join(' · ');
      return `<li>${link} <span class="note">${escapeMarkup(facts)}</span></li>`;
    })
    .join('');
  return section('reports', 'Reports', `<ul>${items}</ul>`);
}

function body(input: InsightsInput, context: PageContext): string {
  if (input.kind === 'waiting') return '<p class="note">Indexing the workspace’s post-mortems…</p>';
  if (input.kind === 'failed') return `<p class="note">${escapeMarkup(input.message)}</p>`;
  const { incidents, indexing } = input;
  const note = indexing
    ? '<p class="note">Indexing the workspace’s post-mortems…: more reports may follow.</p>'
    : '';
  if (incidents.length === 0) {
    return indexing
      ? note
      : '<p class="note">No post-mortem in this workspace yet: the insights come from the ' +
          `reports the Incidents view lists. <a href="${escapeMarkup(context.newReportLink)}">` +
          'New Post-Mortem</a></p>';
  }
  const aggregate = aggregateReports(incidents);
  const { open, overdue } = aggregate.followUps;
  return (
    note +
    `<p class="summary">${plural(aggregate.reports, 'report')} · ` +
    `${plural(open, 'open follow-up')}, ${overdue} overdue</p>` +
    monthSection(aggregate) +
    severitySection(aggregate) +
    followUpSection(aggregate) +
    reportsSection(incidents, context)
  );
}

/** The whole page for `input`. */
export function insightsPage(input: InsightsInput, context: PageContext): string {
  const { nonce } = context;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Post-Mortem Insights</title>',
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Post-Mortem Insights</h1>',
    body(input, context),
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
