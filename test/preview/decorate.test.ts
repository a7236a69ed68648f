/**
 * Where the preview's additions land among markdown-it's tokens: badges by each entry's source
 * line in list timelines (tight and loose) and table rows, the card after a timeline written as
 * a bold label, and nothing placed for entries that are lines of one paragraph.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { analyze, defaultConfig } from '../../server/src/engine';
import { decorateTokens } from '../../server/src/preview/decorate';
import { repoRoot } from '../helpers/paths';
import { reportWithTimeline } from './reports';

/** The HTML of `text` with the preview's additions, each list item numbered by its source line. */
function decorated(text: string): string {
  const md = new MarkdownIt({ html: true });
  const tokens = md.parse(text, {});
  for (const token of tokens) {
    if (token.map && token.type === 'list_item_open')
      token.attrSet('data-line', String(token.map[0]));
  }
  const { Token } = md.core.State.prototype;
  decorateTokens(
    tokens,
    analyze(text, defaultConfig()),
    (type, tag, nesting) => new Token(type, tag, nesting),
  );
  return md.renderer.render(tokens, md.options, {});
}

/** The badges of each list item, by its 0-based source line. */
function badgesByLine(html: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const item of html.matchAll(/<li data-line="(\d+)">([\s\S]*?)<\/li>/g)) {
    const badges = [...item[2]!.matchAll(/data-milestone="(\w+)"/g)].map((match) => match[1]!);
    if (badges.length > 0) found[item[1]!] = badges;
  }
  return found;
}

const listTimeline = readFileSync(
  join(repoRoot, 'test', 'fixtures', 'server', 'list-timeline.md'),
  'utf8',
);

test('a list timeline: badges at the end of the items the milestones resolved to', () => {
  const html = decorated(listTimeline);
  // Lines 19 to 23 of the file; the acknowledgement at 09:10 comes before the detection.
  assert.deepEqual(badgesByLine(html), {
    '18': ['start'],
    '19': ['detected'],
    '21': ['mitigated'],
    '22': ['resolved'],
  });
  assert.match(html, /Latency alert fires \[detected\] <span class="pm-badges">/);
});

test("a loose list: the badge inside the item's paragraph", () => {
  const html = decorated(
    listTimeline.replace(
      '- 09:12 - Latency alert fires [detected]\n',
      '- 09:12 - Latency alert fires [detected]\n\n',
    ),
  );
  assert.match(
    html,
    /<p>09:12 - Latency alert fires \[detected\] <span class="pm-badges">[^\n]*<\/span><\/p>/,
  );
});

test("a timeline under a bold label: the card after the label's paragraph", () => {
  const text = reportWithTimeline(
    ['- 10:00 Deploy [start]', '- 10:05 Alert [detected]'],
    '**Timeline:**',
  );
  const html = decorated(text);
  assert.match(
    html,
    /<p><strong>Timeline:<\/strong><\/p>\n<div class="pm-preview pm-metrics-card">/,
  );
});

test('entries that are lines of one paragraph: the card, and no badge placed', () => {
  const text = reportWithTimeline(['10:00 Deploy [start]', '10:05 Alert [detected]']);
  const html = decorated(text);
  assert.match(html, /pm-metrics-card/);
  assert.doesNotMatch(html, /pm-badge/);
});
