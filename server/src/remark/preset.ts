/**
 * The rules as remark-lint plugins: `remark --use postmortem-authoring/server/out/remark-preset.mjs`
 * (or `.use(preset)` in a unified pipeline) reports the same findings as the CLI, with the
 * default configuration.
 */
import type { Root } from 'mdast';
import type { Plugin, Preset } from 'unified';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { Analysis, Span } from '../engine';
import { RULES, analyze, defaultConfig, ruleUrl } from '../engine';

// The default configuration, in which every rule is on: remark's own configuration turns
// plugins off and sets their severity.
const config = defaultConfig();
const analyses = new WeakMap<VFile, Analysis>();

/**
 * One analysis per file, shared by the rules: of the file's own text, as the CLI makes it
 * (suppression comments applied; a file too large or complex to parse in full gets the
 * degraded analysis, whose notice `notices` reports).
 */
function analysisOf(file: VFile): Analysis {
  let analysis = analyses.get(file);
  if (!analysis) {
    // The rules need offsets into the text without a byte order mark; analyse it that way.
    analysis = analyze(String(file.value), config);
    analyses.set(file, analysis);
  }
  return analysis;
}

function place(span: Span) {
  return {
    start: { line: span.start.line, column: span.start.column },
    end: { line: span.end.line, column: span.end.column },
  };
}

const rulePlugins = RULES.map((rule) =>
  lintRule<Root>({ origin: `postmortem:${rule.id}`, url: ruleUrl(rule.id) }, (_tree, file) => {
    for (const finding of analysisOf(file).findings) {
      if (finding.ruleId === rule.id) file.message(finding.message, { place: place(finding.span) });
    }
  }),
);

/** What the analysis says of itself (such as parts too large to check), as information. */
const notices: Plugin<[], Root> = () => (_tree, file) => {
  for (const notice of analysisOf(file).notices) {
    const message = file.info(notice.message, { place: place(notice.span) });
    message.source = 'postmortem';
  }
};

const preset: Preset = { plugins: [notices, ...rulePlugins] };

export default preset;
