/**
 * Warming the analysis when the server is idle after `initialize`: the first report opened in
 * a fresh process pays for compiling the parser and the engine, and runs them unoptimised. A
 * report of the default schema whose timeline rows hold the plain text and markup real rows
 * hold is analysed a few times, one analysis per turn of the event loop, until a document
 * opens: enough for V8 to optimise what a long timeline runs most, while a document opened
 * meanwhile waits for one analysis of the warm-up report at most. A full collection then
 * gives back the rounds' garbage.
 */
import { analyze, createSession, defaultConfig, renderTemplate } from '../../engine';
import type { Analysis } from '../../engine';

/** How long after `initialized` the warm-up waits for a document to open first. */
export const WARM_UP_DELAY_MS = 50;

/**
 * Analyses of the warm-up report, at most, and the rows of its timeline. A fresh server's
 * first open of a 5,000-row report, from `didOpen` to the code lens (15 opens alternated):
 * 3 rounds of 60 rows 178 ms, 4 of 120 rows 156-163 ms, 6 of 200 rows 144-157 ms, for 20 to
 * 30 ms a round once the first has compiled the engine (about 200 ms for the six). The idle
 * server holds 71-75 MB resident after it and its collection, against 67 MB after 3 rounds of
 * 60 rows.
 */
export const WARM_UP_ROUNDS = 6;
export const WARM_UP_ROWS = 200;

/** Events of the warm-up timeline, in turn: markers, keywords, markup and plain text. */
const EVENTS = [
  'Alert `HighErrorRate` fires [detected]',
  '**On-call** acknowledges, see [the runbook](https://example.com/r)',
  'Rolled back \\(v1.2\\), _"errors gone"_ [resolved]',
  'Error rate on checkout rises above 2 percent',
  'Engineers investigate connection usage of the database',
  'Traffic shifted away from eu-west-1 while the team looks at the graphs',
];

/** The warm-up timeline: `WARM_UP_ROWS` rows a minute apart from 12:00. */
function timeline(): string {
  const rows = ['| Time (UTC) | Event |', '|---|---|'];
  for (let i = 0; i < WARM_UP_ROWS; i++) {
    const hour = String(12 + Math.floor(i / 60)).padStart(2, '0');
    const minute = String(i % 60).padStart(2, '0');
    rows.push(`| 2025-01-01 ${hour}:${minute} | ${EVENTS[i % EVENTS.length]} |`);
  }
  return rows.join('\n');
}

/** Analyses the warm-up report in a session, as an opened document would be. */
export function warmUp(): Analysis {
  const config = defaultConfig();
  const template = renderTemplate(config.schema, 'Warm-up', '2025-01-01');
  return analyze(`${template}\n## Timeline\n\n${timeline()}\n`, config, createSession());
}

/**
 * Starts the warm-up: `WARM_UP_DELAY_MS` after the call, then one `warmUp` per turn of the
 * event loop, `WARM_UP_ROUNDS` at most, each only while `idle()` (no document is open); then,
 * when all the rounds ran, one `collect`.
 */
export function warmUpWhileIdle(idle: () => boolean, collect: (() => void) | null): void {
  let round = 0;
  const next = (): void => {
    if (!idle()) return;
    if (round === WARM_UP_ROUNDS) {
      collect?.();
      return;
    }
    round++;
    warmUp();
    setTimeout(next, 0);
  };
  setTimeout(next, WARM_UP_DELAY_MS);
}
