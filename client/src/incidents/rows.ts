/**
 * What the Incidents view shows of the workspace's reports, decided without VS Code: their
 * order (newest first, undated last), the severity and status filter, and each row's words.
 */
import type { IncidentItem } from '../../../server/src/protocol';
import { findingTotal, plural } from '../../../server/src/protocol';
import { followUpDescription, metricsLine } from '../metrics-text';

/** The fields the view filters on. */
export type FilterField = 'severity' | 'status';

/**
 * The values kept per field (`null` stands for reports that state none); an empty list keeps
 * every report.
 */
export type IncidentFilter = Record<FilterField, readonly (string | null)[]>;

export const NO_FILTER: IncidentFilter = { severity: [], status: [] };

/** What each field's missing value is called in the filter and the rows. */
const NONE: Record<FilterField, string> = { severity: 'no severity', status: 'no status' };

/** The last segment of a URI's path, decoded: the report's file name. */
export function fileName(uri: string): string {
  const last = uri.split(/[?#]/, 1)[0]!.split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The title a row shows: the report's, else its file name. */
export function incidentTitle(incident: IncidentItem): string {
  return incident.title ?? fileName(incident.uri);
}

/** Newest first by date, undated ones last; the same date by title, then by URI. */
export function sortIncidents(incidents: readonly IncidentItem[]): IncidentItem[] {
  return [...incidents].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? 1 : -1;
    }
    const byTitle = incidentTitle(a).localeCompare(incidentTitle(b));
    return byTitle !== 0 ? byTitle : a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
  });
}

export function isFiltered(filter: IncidentFilter): boolean {
  return filter.severity.length > 0 || filter.status.length > 0;
}

/** The reports the filter keeps, in the order given. */
export function applyFilter(
  incidents: readonly IncidentItem[],
  filter: IncidentFilter,
): IncidentItem[] {
  const keeps = (field: FilterField, incident: IncidentItem): boolean =>
    filter[field].length === 0 || filter[field].includes(incident[field]);
  return incidents.filter((incident) => keeps('severity', incident) && keeps('status', incident));
}

/** One value a field's quick pick offers: how many reports have it, and whether it is kept now. */
export interface FilterChoice {
  value: string | null;
  label: string;
  description: string;
  picked: boolean;
}

/**
 * The values of `field` the reports have, each with its count, the kept ones picked: severities
 * in the order of their scale, then the others by name, then the reports without one. A kept
 * value no report has any more stays offered, so that it can be dropped.
 */
export function filterChoices(
  incidents: readonly IncidentItem[],
  field: FilterField,
  filter: IncidentFilter,
): FilterChoice[] {
  const counts = new Map<string | null, number>();
  const ranks = new Map<string | null, number>();
  for (const value of filter[field]) counts.set(value, 0);
  for (const incident of incidents) {
    counts.set(incident[field], (counts.get(incident[field]) ?? 0) + 1);
    if (field === 'severity' && incident.severityRank !== null) {
      ranks.set(incident.severity, incident.severityRank);
    }
  }
  const rank = (value: string | null) => ranks.get(value) ?? Infinity;
  const values = [...counts.keys()].sort((a, b) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return rank(a) - rank(b) || a.localeCompare(b, undefined, { numeric: true });
  });
  return values.map((value) => ({
    value,
    label: value ?? NONE[field],
    description: plural(counts.get(value) ?? 0, 'report'),
    picked: filter[field].includes(value),
  }));
}

/** The filter in words, `severity SEV1, SEV2 · status draft`; null when nothing is filtered. */
export function filterSummary(filter: IncidentFilter): string | null {
  const parts = (['severity', 'status'] as const)
    .filter((field) => filter[field].length > 0)
    .map((field) => `${field} ${filter[field].map((value) => value ?? NONE[field]).join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The view's description: `filtered: severity SEV1 (3 of 12)`, or the count of reports. */
export function viewDescription(shown: number, total: number, filter: IncidentFilter): string {
  const summary = filterSummary(filter);
  if (summary) return `filtered: ${summary} (${shown} of ${total})`;
  return plural(total, 'report');
}

/** The problems in words: `1 error, 2 warnings`, `no problems`. */
export function problemsText(incident: IncidentItem): string {
  const { error, warning, info } = incident.findings;
  const parts = [
    error > 0 ? plural(error, 'error') : '',
    warning > 0 ? plural(warning, 'warning') : '',
    info > 0 ? `${info} information` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}

/** Open follow-ups, overdue ones said: `2 open (1 overdue)`, `none open`. */
export function openFollowUpsText(incident: IncidentItem): string {
  const open = incident.followUps.filter((item) => item.status === 'open').length;
  const overdue = incident.followUps.filter((item) => item.overdue).length;
  if (open === 0) return 'none open';
  return `${open} open${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
}

/** The metrics the row shows: `TTD 5m · TTR 40m`, or `no timeline`. */
function rowMetrics(incident: IncidentItem): string {
  return incident.metrics
    ? metricsLine(incident.metrics, ['timeToDetect', 'timeToResolve'])
    : 'no timeline';
}

/** The row's label: `2025-03-15 — Login outage`, or the title alone for an undated report. */
export function incidentLabel(incident: IncidentItem): string {
  const title = incidentTitle(incident);
  return incident.date ? `${incident.date} — ${title}` : title;
}

/**
 * The row's description: `SEV2 · resolved · TTD 5m · TTR 40m · 1 follow-up open · 2 problems`
 * (what is not stated said so, `no date` first for an undated report).
 */
export function incidentDescription(incident: IncidentItem): string {
  const open = incident.followUps.filter((item) => item.status === 'open').length;
  const problems = findingTotal(incident.findings);
  return [
    ...(incident.date ? [] : ['no date']),
    incident.severity ?? NONE.severity,
    incident.status ?? NONE.status,
    rowMetrics(incident),
    `${plural(open, 'follow-up')} open`,
    problems === 0 ? 'no problems' : plural(problems, 'problem'),
  ].join(' · ');
}

/** The row's tooltip: the report, its four metrics, its follow-ups and problems, in lines. */
export function incidentTooltip(incident: IncidentItem, path: string): string {
  const lines = [incidentTitle(incident), path, ''];
  lines.push(
    [
      incident.date ?? 'no date',
      incident.severity ?? NONE.severity,
      incident.status ?? NONE.status,
    ].join(' · '),
  );
  lines.push(incident.metrics ? metricsLine(incident.metrics) : 'No timeline: no metrics.');
  const { followUps } = incident;
  lines.push(
    '',
    followUps.length === 0
      ? 'Follow-ups: none'
      : `Follow-ups: ${openFollowUpsText(incident)} of ${followUps.length}`,
  );
  for (const item of followUps) lines.push(`- ${item.text} (${followUpDescription(item)})`);
  lines.push('', `Problems: ${problemsText(incident)}`);
  return lines.join('\n');
}
