/** The engine's entry point: text and configuration in, model and findings out. */
import type { Root } from 'mdast';
import { computeMetrics } from './metrics';
import { resolveMilestones } from './milestones';
import type { Finding, LintConfig, PostmortemModel } from './model';
import { parseMarkdown } from './parse';
import { RULES } from './rules/registry';
import { findSections } from './sections';
import { findStatedMetrics } from './stated-metrics';
import { filterSuppressed } from './suppress';
import { LineIndex } from './text';
import { readTimeline } from './timeline';

export interface Analysis {
  model: PostmortemModel;
  /** Findings of enabled rules, suppressions applied, in document order. */
  findings: Finding[];
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
  const sections = findSections(tree, config.schema, lines);
  const timelineSection = sections.find((section) => section.spec.id === 'timeline');
  const timeline = timelineSection ? timelineOf(timelineSection, lines, config) : null;
  const milestones = resolveMilestones(timeline);
  return {
    text,
    lines,
    tree,
    schema: config.schema,
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

/** Analyses a document's text (without a byte order mark) under a configuration. */
export function analyze(text: string, config: LintConfig): Analysis {
  const model = buildModel(text, config);
  return { model, findings: runRules(model, config) };
}
