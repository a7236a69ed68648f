/** The engine's entry point: text and configuration in, model and findings out. */
import type { Root } from 'mdast';
import { CONTENT_RULES, parseDegraded } from './guard/degraded';
import { documentPresetNotices, documentSchema } from './sections/document-preset';
import { assessText } from './guard/guard';
import { computeMetrics } from './metrics/compute';
import { resolveMilestones } from './metrics/milestones';
import type { Finding, LintConfig, PostmortemModel, Span } from './model';
import { parseMarkdown } from './markdown/parse';
import { RULES } from './rules/registry';
import { findSections } from './sections/match';
import { findStatedMetrics } from './metrics/stated';
import { filterSuppressed } from './markdown/directives';
import { isBinaryText, LineIndex } from './markdown/lines';
import { readTimeline } from './timeline/read';

/** Something about the analysis itself that the reader should know, such as what was not checked. */
export interface Notice {
  message: string;
  span: Span;
}

export interface Analysis {
  model: PostmortemModel;
  /** Findings of enabled rules, suppressions applied, in document order. */
  findings: Finding[];
  /** Empty unless the text was too large or too complex to check fully (`guard.ts`). */
  notices: Notice[];
}

/**
 * Builds the post-mortem model of a text without a byte order mark. `tree` and `timelineOf`
 * let incremental analysis hand in its parse and re-use the timeline it last read.
 */
export function buildModel(
  text: string,
  config: LintConfig,
  lines = new LineIndex(text),
  tree: Root = parseMarkdown(text),
  timelineOf: typeof readTimeline = readTimeline,
): PostmortemModel {
  const schema = documentSchema(tree.children, lines, config.schema);
  const sections = findSections(tree, schema, lines);
  const timelineSection = sections.find((section) => section.spec.id === 'timeline');
  const timeline = timelineSection ? timelineOf(timelineSection, lines, config) : null;
  const milestones = resolveMilestones(timeline);
  return {
    text,
    lines,
    tree,
    schema,
    sections,
    timeline,
    milestones,
    metrics: timeline ? computeMetrics(timeline, milestones) : null,
    statedMetrics: findStatedMetrics(tree, lines),
  };
}

/** Runs every enabled rule over a model. */
export function runRules(model: PostmortemModel, config: LintConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = config.rules[rule.id];
    if (severity === 'off') continue;
    for (const finding of rule.check(model, config)) {
      findings.push({ ...finding, ruleId: rule.id, severity });
    }
  }
  return filterSuppressed(findings, model.tree).sort(
    (a, b) => a.span.start.offset - b.span.start.offset || a.ruleId.localeCompare(b.ruleId),
  );
}

/**
 * The analysis of a text the guard will not parse in full (`guard.ts`): the model of what is
 * safe to read (`degraded.ts`), the rules that stay meaningful on it, and a notice saying so.
 * Null when the text may be parsed in full. Every entry point asks it first, so that they
 * degrade alike.
 */
export function guardedAnalysis(
  text: string,
  config: LintConfig,
  lines: LineIndex,
): Analysis | null {
  if (isBinaryText(text)) return binaryAnalysis(text, config, lines);
  const hazard = assessText(text, lines.lineStarts);
  if (!hazard) return null;
  const read = parseDegraded(text, lines, config.schema, hazard);
  let model = buildModel(text, config, lines, read.tree);
  if (!read.timelineRead) {
    // A timeline section that was not read has no entries to order or measure.
    model = { ...model, timeline: null, milestones: resolveMilestones(null), metrics: null };
  }
  const rules = { ...config.rules };
  for (const id of CONTENT_RULES) rules[id] = 'off';
  return analysisOf(model, { ...config, rules }, [read.notice]);
}

/** A text that is not text (`isBinaryText`): nothing is read or checked, and a notice says so. */
function binaryAnalysis(text: string, config: LintConfig, lines: LineIndex): Analysis {
  const model = buildModel(text, config, lines, { type: 'root', children: [] });
  const notice: Notice = {
    message:
      'This file holds NUL characters, so it is binary or not UTF-8 text (UTF-16, say): it was not checked',
    span: lines.span(0, lines.lineEnd(1)),
  };
  return { model, findings: [], notices: [notice] };
}

/** The analysis of a model: the findings of its rules, and its notices after `first`. */
export function analysisOf(
  model: PostmortemModel,
  config: LintConfig,
  first: Notice[] = [],
): Analysis {
  const notices = [...first, ...documentPresetNotices(model.tree.children, model.lines)];
  return { model, findings: runRules(model, config), notices };
}

/** Analyses a document's text (without a byte order mark) under a configuration. */
export function analyze(text: string, config: LintConfig): Analysis {
  const lines = new LineIndex(text);
  const guarded = guardedAnalysis(text, config, lines);
  if (guarded) return guarded;
  return analysisOf(buildModel(text, config, lines), config);
}
