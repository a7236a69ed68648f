/**
 * The rules as remark-lint plugins: `remark --use postmortem-authoring/server/out/remark-preset.mjs`
 * (or `.use(preset)` in a unified pipeline) reports the same findings as the CLI, with the
 * default configuration.
 */
import type { Root } from 'mdast';
import type { Preset } from 'unified';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import { buildModel } from '../engine/analyze';
import { defaultConfig } from '../engine/defaults';
import type { PostmortemModel } from '../engine/model';
import { RULES } from '../engine/rules/registry';
import { ruleUrl } from '../engine/rules/rule';
import { filterSuppressed } from '../engine/suppress';
import { stripBom } from '../engine/text';

const config = defaultConfig();
const models = new WeakMap<VFile, PostmortemModel>();

/** One model per file, shared by the rules; built from the file's own text. */
function modelOf(file: VFile): PostmortemModel {
  let model = models.get(file);
  if (!model) {
    // The rules need offsets into the text without a byte order mark; parse it that way.
    model = buildModel(stripBom(String(file.value)).text, config);
    models.set(file, model);
  }
  return model;
}

const plugins = RULES.map((rule) =>
  lintRule<Root>({ origin: `postmortem:${rule.id}`, url: ruleUrl(rule.id) }, (_tree, file) => {
    const model = modelOf(file);
    const findings = rule
      .check(model, config)
      .map((finding) => ({ ...finding, ruleId: rule.id, severity: 'warning' as const }));
    // `<!-- postmortem-disable … -->` comments hold in remark pipelines too.
    for (const finding of filterSuppressed(findings, model.tree)) {
      file.message(finding.message, {
        place: {
          start: { line: finding.span.start.line, column: finding.span.start.column },
          end: { line: finding.span.end.line, column: finding.span.end.column },
        },
      });
    }
  }),
);

const preset: Preset = { plugins };

export default preset;
