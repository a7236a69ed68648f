/** A new timeline entry in the timeline's own shape, with the place for its event. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { newTimelineEntry } from '../../../server/src/engine/timeline/new-entry';

const now = new Date('2025-03-15T14:07:00Z');
const config = { ...defaultConfig(), timeZone: 'UTC' };
const entryOf = (text: string) => newTimelineEntry(analyze(text, config).model, now);
const withCursor = ({ text, cursor }: { text: string; cursor: number }): string =>
  `${text.slice(0, cursor)}|CURSOR|${text.slice(cursor)}`;

describe('newTimelineEntry', () => {
  test('a table row after the last row, as many cells, the event cell for the cursor', () => {
    const text =
      '## Timeline\n\n| Time | Event | Who |\n|---|---|---|\n| 13:05 | Alert | bot |\n\n## Impact\n';
    const entry = entryOf(text)!;
    assert.equal(entry.offset, text.indexOf('\n## Impact'));
    assert.equal(withCursor(entry), '| 14:07 | |CURSOR| |  |\n');
  });

  test('a list item with the marker, markup and separator of the last one', () => {
    const text = '## Timeline\n\n1. **13:05** — Alert fired\n2. **13:10** — Paged\n';
    const entry = entryOf(text)!;
    assert.equal(entry.offset, text.length);
    assert.equal(withCursor(entry), '3. **14:07** — |CURSOR|\n');
  });

  test('a bracketed time keeps its brackets', () => {
    const text = '## Timeline\n\n- [13:05] Alert fired\n';
    assert.equal(withCursor(entryOf(text)!), '- [14:07] |CURSOR|\n');
  });

  test('a time sub-heading of the same level, set off by a blank line', () => {
    const text = '## Timeline\n\n### 13:05\n\nAlert fired.\n';
    assert.equal(withCursor(entryOf(text)!), '\n### 14:07\n\n|CURSOR|\n');
  });

  test('no entries and no table: a list item after the section, set off by a blank line', () => {
    const text = '## Timeline\n\nTo be written.\n';
    assert.equal(withCursor(entryOf(text)!), '\n- 14:07 - |CURSOR|\n');
  });

  test('no timeline: nothing', () => {
    assert.equal(entryOf('## Impact\n\nDown.\n'), null);
  });
});
