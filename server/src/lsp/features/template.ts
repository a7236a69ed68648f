/** `postmortem/template`: a new report for a preset, or for the schema configured at a URI. */
import { dequal } from 'dequal';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { LintConfig } from '../../engine';
import { defaultConfig, findPreset, renderTemplate, unknownPresetMessage } from '../../engine';
import type { TemplateParams, TemplateResult } from '../../protocol';

/** Renders the template; unknown presets and missing fields are invalid parameters. */
export async function template(
  params: TemplateParams,
  configFor: (uri: string) => Promise<LintConfig>,
): Promise<TemplateResult> {
  if (typeof params?.title !== 'string' || typeof params.date !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected `title` and `date` strings');
  }
  const config = params.uri ? await configFor(params.uri) : defaultConfig();
  const configured = config.schema;
  // A new report is a draft: its front matter says so, with its date and configured id.
  const metadata = { idPattern: config.metadata.idPattern };
  if (!params.preset) {
    return { text: renderTemplate(configured, params.title, params.date, undefined, metadata) };
  }
  const preset = findPreset(params.preset);
  if (!preset) {
    throw new ResponseError(ErrorCodes.InvalidParams, unknownPresetMessage(params.preset));
  }
  // Sections other than the configured ones are named in the report, which is then checked
  // against them rather than against the configuration.
  const named = dequal(preset.schema, configured) ? undefined : preset.name;
  return { text: renderTemplate(preset.schema, params.title, params.date, named, metadata) };
}
