/**
 * The Markdown preview's engine (`client/out/preview.js`): the client loads it the first time
 * the preview renders a post-mortem, so that its own bundle stays without a parser.
 */
import type { LintConfig } from '../engine';
import { analyze } from '../engine';
import type { MakeToken, PreviewToken } from './decorate';
import { decorateTokens } from './decorate';
import { PreviewSessions } from './sessions';

/** The documents previewed last, each with its analysis session. */
const sessions = new PreviewSessions(8);

/**
 * Analyses `text`, the text of `document` (its URI), with `config` and adds the metrics card,
 * the chart and the badges to its tokens.
 */
export function decoratePreview(
  document: string,
  text: string,
  config: LintConfig,
  tokens: PreviewToken[],
  makeToken: MakeToken,
): void {
  decorateTokens(tokens, analyze(text, config, sessions.of(document)), makeToken);
}
