/**
 * What the preview adds to markdown-it's tokens of a post-mortem: the metrics card and the
 * timeline chart after the timeline's heading (or, without a timeline, after the title), and
 * each entry's milestone badges at the end of its table row or list item. Rows are found by
 * their source line (the tokens' `map`), never by their text.
 */
import type { Analysis, PostmortemModel } from '../engine';
import { milestonesByEntry } from '../engine';
import { milestoneBadges } from './badges';
import { metricsCard } from './metrics-card';
import { timelineChart } from './timeline-chart';

/** The part of a markdown-it token this reads and writes. */
export interface PreviewToken {
  type: string;
  tag: string;
  nesting: number;
  level: number;
  /** Source lines `[first, past last]`, 0-based, of a block token. */
  map: [number, number] | null;
  content: string;
  block: boolean;
}

/** markdown-it's `new state.Token(type, tag, nesting)`. */
export type MakeToken = (type: string, tag: string, nesting: -1 | 0 | 1) => PreviewToken;

/** The index of the token that closes the one at `open` (itself when it closes nothing). */
function closingIndex(tokens: readonly PreviewToken[], open: number): number {
  if (tokens[open]!.nesting !== 1) return open;
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    depth += tokens[index]!.nesting;
    if (depth === 0) return index;
  }
  return tokens.length - 1;
}

/** The first top-level block that starts on `line` (0-based) or holds it; -1 for none. */
function blockAt(tokens: readonly PreviewToken[], line: number): number {
  return tokens.findIndex(
    (token) =>
      token.level === 0 &&
      token.nesting !== -1 &&
      token.map !== null &&
      token.map[0] <= line &&
      line < token.map[1],
  );
}

/** Where the card goes: past the timeline's heading, else past the first top-level heading, else first. */
function cardPlace(tokens: readonly PreviewToken[], model: PostmortemModel): number {
  const heading = model.timeline?.section.heading.span.start.line;
  const at =
    heading !== undefined
      ? blockAt(tokens, heading - 1)
      : tokens.findIndex((token) => token.level === 0 && token.type === 'heading_open');
  return at < 0 ? 0 : closingIndex(tokens, at) + 1;
}

/**
 * Where an entry's badges go, by the line it starts on: before the last cell's close of its
 * table row, or after the first inline content of its list item; -1 for an entry that is
 * neither (a line of a paragraph).
 */
function badgePlace(tokens: readonly PreviewToken[], line: number): number {
  const open = tokens.findIndex(
    (token) =>
      (token.type === 'tr_open' || token.type === 'list_item_open') && token.map?.[0] === line,
  );
  if (open < 0) return -1;
  const close = closingIndex(tokens, open);
  if (tokens[open]!.type === 'tr_open') {
    for (let index = close - 1; index > open; index--) {
      if (tokens[index]!.type === 'td_close' || tokens[index]!.type === 'th_close') return index;
    }
    return -1;
  }
  for (let index = open + 1; index < close; index++) {
    if (tokens[index]!.type === 'inline') return index + 1;
  }
  return -1;
}

function htmlToken(
  makeToken: MakeToken,
  type: 'html_block' | 'html_inline',
  content: string,
  level: number,
): PreviewToken {
  const token = makeToken(type, '', 0);
  token.content = content;
  token.block = type === 'html_block';
  token.level = level;
  return token;
}

/** Adds the card, the chart and the badges of an analysed post-mortem to its tokens, in place. */
export function decorateTokens(
  tokens: PreviewToken[],
  { model }: Analysis,
  makeToken: MakeToken,
): void {
  const inserts: { at: number; token: PreviewToken }[] = [];
  const byEntry = milestonesByEntry(model);
  for (const [index, milestones] of byEntry) {
    const entry = model.timeline!.entries[index]!;
    const at = badgePlace(tokens, entry.span.start.line - 1);
    if (at < 0) continue;
    const html = milestoneBadges(entry, milestones);
    inserts.push({ at, token: htmlToken(makeToken, 'html_inline', html, tokens[at - 1]!.level) });
  }
  const card = metricsCard(model) + (timelineChart(model) ?? '');
  inserts.push({
    at: cardPlace(tokens, model),
    token: htmlToken(makeToken, 'html_block', card, 0),
  });
  // From the last place back, so that each index still points where it did.
  inserts.sort((a, b) => b.at - a.at);
  for (const { at, token } of inserts) tokens.splice(at, 0, token);
}
