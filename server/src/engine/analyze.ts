/** The engine's entry point: text and configuration in, model and findings out. */
import { parseDegraded } from './guard/degraded';
import { documentPresetNotices, documentSchema } from './sections/document-preset';
import type { ParsePath } from './guard/guard';
import { assessText } from './guard/guard';
import { computeMetrics, nullMetrics } from './metrics/compute';
import { resolveMilestones, winningStated } from './metrics/milestones';
import { findStatedMilestones } from './metrics/stated-milestones';
import { incidentNotices, severalIncidents } from './metrics/incidents';
import type { Finding, LintConfig, Notice, PostmortemModel } from './model';
import { readFrontMatter } from './markdown/front-matter';
import { localDate, readFollowUps } from './followups/read';
import { readMetadata } from './metadata/read';
import { parseMarkdown } from './markdown/parse';
import { RULES } from './rules/registry';
import { readSections } from './sections/infer-preset';
import { findStatedMetrics } from './metrics/stated';
import { filterSuppressed } from './rules/suppressed';
import type { FindingMemo } from './rules/finding-memo';
import { findingOf } from './rules/finding-memo';
import { ruleSeverity } from './rules/strictness';
import { isBinaryText, LineIndex, stripBom } from './markdown/lines';
import type { Reading, Session } from './session';
import { documentDates } from './timeline/document-dates';
import { readTimeline } from './timeline/read';
import { timelineScope } from './timeline/scope';

export interface Analysis {
  model: PostmortemModel;
  /** Findings of enabled rules, suppressions applied, in document order. */
  findings: Finding[];
  /** Empty unless the text was too large or too complex to check fully (`guard.ts`). */
  notices: Notice[];
  /** Characters of a byte order mark before the model's text (0 or 1). */
  bomLength: number;
}

/**
 * Builds the post-mortem model of a text without a byte order mark, from a full parse or from
 * what a session read (its incremental parse and the timeline it last read).
 */
export function buildModel(
  text: string,
  config: LintConfig,
  lines = new LineIndex(text),
  { tree, timelineOf }: Reading = { tree: parseMarkdown(text), timelineOf: readTimeline },
): PostmortemModel {
  const { schema, sections, inferred } = readSections(
    tree,
    lines,
    documentSchema(tree.children, lines, config.schema),
  );
  const scope = timelineScope(tree, sections, schema, lines);
  const matter = readFrontMatter(tree.children, text);
  const timelineStart = scope?.span.start.offset ?? 0;
  const dates = documentDates(text, matter, config.dateOrder, timelineStart);
  const timeline = scope ? timelineOf(scope, lines, config, dates) : null;
  const summary = sections.find((section) => section.spec.id === 'summary');
  const stated = findStatedMilestones(matter, summary, timeline, lines);
  const milestones = resolveMilestones(timeline, stated);
  const statedMilestones = winningStated(timeline, stated);
  const incidents = severalIncidents(tree, timeline);
  const metrics = timeline ? computeMetrics(timeline, milestones, statedMilestones) : null;
  const followUps = readFollowUps({
    lines,
    sections,
    config: config.followUps,
    dates,
    dateOrder: config.dateOrder,
    today: config.today ?? localDate(new Date()),
  });
  return {
    text,
    lines,
    tree,
    schema,
    inferredPreset: inferred,
    sections,
    timeline,
    milestones,
    statedMilestones,
    incidents,
    // Never one sum across several incidents: none is computed (a notice says why).
    metrics: metrics && incidents.length > 0 ? nullMetrics() : metrics,
    statedMetrics: findStatedMetrics(tree, lines),
    metadata: readMetadata(matter, text, lines),
    followUps,
  };
}

/**
 * The rules in the order of their ids, which orders findings at the same place. Ids are
 * lowercase ASCII, so code units order them as a collator would, without its tables being
 * loaded when the bundle starts (about 5 ms of every CLI run).
 */
const RULES_BY_ID = [...RULES].sort((a, b) => (a.id < b.id ? -1 : 1));

const offsetOf = (finding: Finding) => finding.span.start.offset;
const byOffset = (a: Finding, b: Finding) => offsetOf(a) - offsetOf(b);

function isInOrder(findings: Finding[]): boolean {
  let last = -1;
  for (const finding of findings) {
    const offset = offsetOf(finding);
    if (offset < last) return false;
    last = offset;
  }
  return true;
}

/**
 * The first index from `from` of `findings` (in document order) at a place after `offset`, or
 * at it too when `atToo`.
 */
function firstAfter(findings: Finding[], offset: number, from: number, atToo = false): number {
  let low = from;
  let high = findings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = offsetOf(findings[middle]!);
    if (at < offset || (at === offset && !atToo)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Two lists in document order merged, `first`'s before `second`'s at the same place. Each
 * run of either list that goes before the other's next is found by halving: a rule of few
 * findings merged with one of thousands costs a few comparisons, whichever comes first.
 */
function merge(first: Finding[], second: Finding[]): Finding[] {
  if (first.length === 0) return second;
  if (second.length === 0) return first;
  const merged: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    // The first's up to the second's next, those at its place included.
    const nextOfFirst = firstAfter(first, offsetOf(second[j]!), i);
    for (; i < nextOfFirst; i++) merged.push(first[i]!);
    if (i === first.length) break;
    // The second's before the first's next, which is after the second's next.
    const nextOfSecond = firstAfter(second, offsetOf(first[i]!), j, true);
    for (; j < nextOfSecond; j++) merged.push(second[j]!);
  }
  for (; i < first.length; i++) merged.push(first[i]!);
  for (; j < second.length; j++) merged.push(second[j]!);
  return merged;
}

/**
 * Runs every enabled rule over a model, at the severities the report's status gives them.
 * Findings are in document order, by rule id at the same place: each rule's in its own order
 * (most give theirs in document order already), merged in the order of the rules' ids.
 */
function runRules(model: PostmortemModel, config: LintConfig, memo?: FindingMemo): Finding[] {
  let findings: Finding[] = [];
  for (const rule of RULES_BY_ID) {
    const severity = ruleSeverity(model, config, rule.id);
    if (severity === 'off') continue;
    const given = rule.check(model, config);
    let found = memo
      ? memo.build(rule.id, severity, given)
      : given.map((finding) => findingOf(finding, rule.id, severity));
    // A copy sorted: the memo keeps what it built in the order given.
    if (!isInOrder(found)) found = [...found].sort(byOffset);
    findings = merge(findings, found);
  }
  return filterSuppressed(findings, model.tree, model.text);
}

/**
 * The analysis of a text the guard will not parse in full (`guard.ts`): the model of what is
 * safe to read (`degraded.ts`), the rules that stay meaningful on it, and a notice saying so.
 * Null when the text may be parsed in full. Every entry point asks it first, so that they
 * degrade alike.
 */
function guardedAnalysis(
  text: string,
  config: LintConfig,
  lines: LineIndex,
  path: ParsePath,
  session?: Session,
): Omit<Analysis, 'bomLength'> | null {
  if (isBinaryText(text)) return binaryAnalysis(text, config, lines);
  const hazard = assessText(text, lines.lineStarts, path, session?.scans);
  if (!hazard) return null;
  const read = parseDegraded(text, lines, config.schema, hazard);
  let model = buildModel(text, config, lines, { tree: read.tree, timelineOf: readTimeline });
  if (!read.timelineRead) {
    // A timeline section that was not read has no entries to order or measure.
    model = {
      ...model,
      timeline: null,
      milestones: resolveMilestones(null),
      statedMilestones: {},
      incidents: [],
      metrics: null,
    };
  }
  const rules = { ...config.rules };
  for (const rule of RULES) if (rule.reads === 'content') rules[rule.id] = 'off';
  return analysisOf(model, { ...config, rules }, [read.notice], session?.findings);
}

/** A text that is not text (`isBinaryText`): nothing is read or checked, and a notice says so. */
function binaryAnalysis(
  text: string,
  config: LintConfig,
  lines: LineIndex,
): Omit<Analysis, 'bomLength'> {
  const model = buildModel(text, config, lines, {
    tree: { type: 'root', children: [] },
    timelineOf: readTimeline,
  });
  const notice: Notice = {
    message:
      'This file holds NUL characters, so it is binary or not UTF-8 text (UTF-16, say): it was not checked',
    span: lines.span(0, lines.lineEnd(1)),
  };
  return { model, findings: [], notices: [notice] };
}

/** The analysis of a model: the findings of its rules, and its notices after `first`. */
function analysisOf(
  model: PostmortemModel,
  config: LintConfig,
  first: Notice[] = [],
  memo?: FindingMemo,
): Omit<Analysis, 'bomLength'> {
  const notices = [
    ...first,
    ...documentPresetNotices(model.tree.children, model.lines),
    ...incidentNotices(model),
  ];
  return { model, findings: runRules(model, config, memo), notices };
}

/**
 * Analyses a document's text under a configuration. A leading byte order mark is not part of
 * the model's text (`bomLength` says whether there was one). With a `session`, the analysis
 * re-uses what the session kept of the document's last version, and gives the same result;
 * the guard then estimates the cost of the session's parse.
 */
export function analyze(raw: string, config: LintConfig, session?: Session): Analysis {
  const { text, bomLength } = stripBom(raw);
  const lines = new LineIndex(text);
  const path = session?.readsInChunks(text, lines) ? 'chunked' : 'full';
  const analysis =
    guardedAnalysis(text, config, lines, path, session) ??
    analysisOf(
      buildModel(text, config, lines, session?.read(text, lines)),
      config,
      [],
      session?.findings,
    );
  return { ...analysis, bomLength };
}
