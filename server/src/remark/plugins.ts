/**
 * The rules as remark-lint plugins, by remark-lint's conventions: each takes remark-lint's
 * `[severity, options]`, where the options are the settings of `.postmortemrc.json` (over the
 * nearest such file, which applies on its own); messages come from `remark-lint:<rule-id>`, so
 * that `<!-- lint disable rule-id -->` turns them off; a finding with a fix is placed on the
 * text its fix replaces and carries the replacement as `expected`, which editors built on
 * unified-language-server offer as a quick fix.
 */
import { dirname, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { Analysis, Finding, LineIndex, ResolvedConfig, RuleId, Span } from '../engine';
import { RULES, analyze, applyEdits, ruleUrl } from '../engine';
import { configForDocument, resolveSettings } from '../node/config-files';

/** The options of every plugin: the keys of `.postmortemrc.json`. */
export type PostmortemOptions = Record<string, unknown>;

/** Where the options' problems are said to be. */
const OPTIONS_NAME = '(options of postmortem-lint/remark)';

/** Where a file is, for its configuration: its path, or a file of the working folder. */
function locationOf(file: VFile): string {
  return resolve(file.cwd, file.path || 'stdin.md');
}

/** The nearest configuration file, with the options given over it. */
function configOf(file: VFile, options: PostmortemOptions | undefined): ResolvedConfig {
  const location = locationOf(file);
  if (options && Object.keys(options).length > 0) {
    return resolveSettings(options, dirname(location), OPTIONS_NAME);
  }
  return configForDocument(location);
}

/** One analysis per file and options, shared by the rules. */
const analyses = new WeakMap<
  VFile,
  Map<string, { analysis: Analysis; resolved: ResolvedConfig }>
>();

/**
 * The analysis of a file's own text, as the CLI makes it (suppression comments applied; a
 * file too large or complex to parse in full gets the degraded analysis and its notice).
 */
function analysisOf(file: VFile, options: PostmortemOptions | undefined) {
  const key = JSON.stringify(options ?? {});
  let byOptions = analyses.get(file);
  if (!byOptions) analyses.set(file, (byOptions = new Map()));
  let entry = byOptions.get(key);
  if (!entry) {
    const resolved = configOf(file, options);
    entry = { analysis: analyze(String(file.value), resolved.config), resolved };
    byOptions.set(key, entry);
  }
  return entry;
}

function place(span: Span) {
  return {
    start: { line: span.start.line, column: span.start.column },
    end: { line: span.end.line, column: span.end.column },
  };
}

/**
 * A finding's fix as one replacement: the text from its first edit's start to its last
 * edit's end, as the fix leaves it. Null for a finding without a fix.
 */
function replacementOf(finding: Finding, lines: LineIndex) {
  const edits = finding.fix?.edits ?? [];
  if (edits.length === 0) return null;
  const start = Math.min(...edits.map((edit) => edit.start));
  const end = Math.max(...edits.map((edit) => edit.end));
  const inner = edits.map((edit) => ({
    ...edit,
    start: edit.start - start,
    end: edit.end - start,
  }));
  const expected = applyEdits(lines.text.slice(start, end), inner);
  return { span: lines.span(start, end), expected };
}

function rulePlugin(id: RuleId): Plugin<[unknown?], Root> {
  return lintRule<Root, PostmortemOptions | undefined>(
    { origin: `remark-lint:${id}`, url: ruleUrl(id) },
    (_tree, file, options) => {
      const { analysis } = analysisOf(file, options);
      const { lines } = analysis.model;
      for (const finding of analysis.findings) {
        if (finding.ruleId !== id) continue;
        const fix = replacementOf(finding, lines);
        const message = file.message(finding.message, { place: place(fix?.span ?? finding.span) });
        if (fix) message.expected = [fix.expected];
      }
    },
  ) as Plugin<[unknown?], Root>;
}

/** Each rule's plugin, by rule id. */
export const rules = Object.fromEntries(
  RULES.map((rule) => [rule.id, rulePlugin(rule.id)]),
) as Record<RuleId, Plugin<[unknown?], Root>>;

/**
 * What the analysis says of itself (parts too large to check), as information, and the
 * problems of the configuration, once per file, as warnings.
 */
export const notices: Plugin<[PostmortemOptions?], Root> = (options) => (_tree, file) => {
  const { analysis, resolved } = analysisOf(file, options);
  for (const notice of analysis.notices) {
    file.info(notice.message, { place: place(notice.span), source: 'postmortem-lint' });
  }
  for (const problem of resolved.problems) {
    file.message(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`, {
      source: 'postmortem-lint',
      ruleId: 'configuration',
    });
  }
};
