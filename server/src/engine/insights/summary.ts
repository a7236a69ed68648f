/**
 * What one report amounts to across reports: its title, date, severity and status, the four
 * metrics, how complete its sections are, its follow-ups and how many findings it has. The
 * workspace index, the Incidents view, the insights and `postmortem-lint report` all read
 * reports through this one summary.
 */
import { toString } from 'mdast-util-to-string';
import type { Analysis } from '../analyze';
import { sectionHasContent } from '../markdown/content';
import { detached, detachedOrNull } from '../markdown/detached';
import { metadataEntry, scaleValue } from '../metadata/read';
import { firstTimelineDay } from '../metadata/write';
import type { FindingCounts } from '../finding-counts';
import type { FollowUp, LintConfig, Metrics, PostmortemModel } from '../model';
import { isRequired } from '../sections/required';

/** A follow-up as the summaries count it. */
export type FollowUpSummary = Pick<FollowUp, 'text' | 'owner' | 'due' | 'status' | 'overdue'> & {
  /** 1-based line of the item. */
  line: number;
};

export interface ReportSummary {
  /** The front matter's `title`, else the first top-level heading; null without either. */
  title: string | null;
  /** The front matter's `id`, as text; null without it. */
  id: string | null;
  /** `YYYY-MM-DD`: the front matter's `date`, else the first dated timeline entry; null. */
  date: string | null;
  /** `YYYY-MM` of `date`; null without a date. */
  month: string | null;
  /** The severity on the configured scale (`Sev 2` is `SEV2`); as written when off the scale. */
  severity: string | null;
  /** The severity's place on the configured scale (0 for its first, most severe value); null off it. */
  severityRank: number | null;
  /** The status on the configured list; as written when off it. */
  status: string | null;
  /** Null when the report has no timeline. */
  metrics: Metrics | null;
  /** How many schema sections are present, empty or missing, and the required ones missing. */
  sections: { present: number; empty: number; missing: number; requiredMissing: number };
  followUps: FollowUpSummary[];
  /** Findings per severity (suppressed ones are not findings). */
  findings: FindingCounts;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** `YYYY-MM-DD` of a front matter date (text, a TOML date as written, or a YAML date); else null. */
function dayOf(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const match = ISO_DAY.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  const parsed = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return parsed.getUTCMonth() === Number(month) - 1 ? `${year}-${month}-${day}` : null;
}

function textValue(model: PostmortemModel, field: string): string | null {
  const value = metadataEntry(model.metadata, field)?.value;
  if (typeof value === 'string') return value.trim() || null;
  return typeof value === 'number' ? String(value) : null;
}

function titleOf(model: PostmortemModel): string | null {
  const stated = textValue(model, 'title');
  if (stated) return stated;
  const heading = model.tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  return heading ? toString(heading).trim() || null : null;
}

function dateOf(model: PostmortemModel): string | null {
  const stated = dayOf(metadataEntry(model.metadata, 'date')?.value);
  return stated ?? firstTimelineDay(model);
}

function onScale(
  written: string | null,
  scale: readonly string[],
  aliases: Readonly<Record<string, string>>,
): string | null {
  return written === null ? null : (scaleValue(written, scale, aliases) ?? written);
}

function rankOn(value: string | null, scale: readonly string[]): number | null {
  const rank = value === null ? -1 : scale.indexOf(value);
  return rank < 0 ? null : rank;
}

function sectionCounts(model: PostmortemModel, config: LintConfig): ReportSummary['sections'] {
  const counts = { present: 0, empty: 0, missing: 0, requiredMissing: 0 };
  for (const spec of model.schema.sections) {
    const found = model.sections.find((section) => section.spec.id === spec.id);
    if (!found) {
      counts.missing += 1;
      if (isRequired(spec, model, config)) counts.requiredMissing += 1;
    } else if (sectionHasContent(found.nodes)) counts.present += 1;
    else counts.empty += 1;
  }
  return counts;
}

/** The summary of an analysed report under `config` (the configuration it was analysed with). */
export function summarizeReport(analysis: Analysis, config: LintConfig): ReportSummary {
  const { model } = analysis;
  const date = dateOf(model);
  const severity = onScale(
    model.metadata.severity,
    config.metadata.severities,
    config.metadata.aliases,
  );
  const findings: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of analysis.findings) findings[finding.severity] += 1;
  // A summary outlives its analysis (the index keeps one of every report): its strings are
  // copies, which keep nothing of the report's text.
  return {
    title: detachedOrNull(titleOf(model)),
    id: detachedOrNull(textValue(model, 'id')),
    date: detachedOrNull(date),
    month: date ? date.slice(0, 7) : null,
    severity: detachedOrNull(severity),
    severityRank: rankOn(severity, config.metadata.severities),
    status: detachedOrNull(
      onScale(model.metadata.status, config.metadata.statuses, config.metadata.aliases),
    ),
    metrics: model.metrics,
    sections: sectionCounts(model, config),
    followUps: model.followUps.map((item) => ({
      line: item.span.start.line,
      text: detached(item.text),
      owner: detachedOrNull(item.owner),
      due: detachedOrNull(item.due),
      status: item.status,
      overdue: item.overdue,
    })),
    findings,
  };
}
