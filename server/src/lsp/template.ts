/** `postmortem/template`: a new report for a preset, or for the schema configured at a URI. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { defaultConfig } from '../engine/defaults';
import type { LintConfig, Schema } from '../engine/model';
import { findPreset, PRESETS } from '../engine/presets';
import { renderTemplate } from '../engine/template';
import type { TemplateParams, TemplateResult } from '../protocol';

/** Renders the template; unknown presets and missing fields are invalid parameters. */
export async function template(
  params: TemplateParams,
  configFor: (uri: string) => Promise<LintConfig>,
): Promise<TemplateResult> {
  if (typeof params?.title !== 'string' || typeof params.date !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected `title` and `date` strings');
  }
  let schema: Schema;
  if (params.preset) {
    const preset = findPreset(params.preset);
    if (!preset) {
      const names = PRESETS.map((known) => `\`${known.name}\``).join(', ');
      throw new ResponseError(
        ErrorCodes.InvalidParams,
        `Unknown preset \`${params.preset}\`; expected one of ${names}`,
      );
    }
    schema = preset.schema;
  } else {
    schema = params.uri ? (await configFor(params.uri)).schema : defaultConfig().schema;
  }
  return { text: renderTemplate(schema, params.title, params.date) };
}
