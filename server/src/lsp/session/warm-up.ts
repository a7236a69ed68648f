/**
 * Warming the analysis when the server is idle after `initialize`: the first report opened in
 * a fresh process pays for compiling the parser and the engine (17 to 45 % of its open).
 * A small report of the default schema, its timeline rows holding the markup real rows hold,
 * is analysed once before any document is opened.
 */
import { analyze, createSession, defaultConfig, renderTemplate } from '../../engine';
import type { Analysis } from '../../engine';

/** How long after `initialized` the warm-up waits for a document to open first. */
export const WARM_UP_DELAY_MS = 50;

const ROWS = [
  '| Time (UTC) | Event |',
  '|---|---|',
  '| 2025-01-01 12:00 | Alert `HighErrorRate` fires [detected] |',
  '| 2025-01-01 12:05 | **On-call** acknowledges, see [the runbook](https://example.com/r) |',
  '| 2025-01-01 12:20 | Rolled back \\(v1.2\\), _"errors gone"_ [resolved] |',
  '',
];

/** Analyses the warm-up report in a session, as an opened document would be. */
export function warmUp(): Analysis {
  const config = defaultConfig();
  const template = renderTemplate(config.schema, 'Warm-up', '2025-01-01');
  return analyze(`${template}\n## Timeline\n\n${ROWS.join('\n')}`, config, createSession());
}
