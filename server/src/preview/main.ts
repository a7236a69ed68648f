/**
 * The Markdown preview's engine (`client/out/preview.js`): the client loads it the first time
 * the preview renders a post-mortem, so that its own bundle stays without a parser.
 */
import type { LintConfig } from '../engine';
import { analyze } from '../engine';
import type { MakeToken, PreviewToken } from './decorate';
import { decorateTokens } from './decorate';

/** Analyses `text` with `config` and adds the metrics card, the chart and the badges to its tokens. */
export function decoratePreview(
  text: string,
  config: LintConfig,
  tokens: PreviewToken[],
  makeToken: MakeToken,
): void {
  decorateTokens(tokens, analyze(text, config), makeToken);
}
