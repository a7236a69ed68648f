import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { isDayHeading } from '../../../server/src/engine/timeline/scope';

describe('isDayHeading', () => {
  test('a date, with a weekday or a short note', () => {
    for (const text of [
      'July 22',
      'Tuesday 2026-03-03',
      '15 March 2025 (day 2)',
      'Jul 23 — day 2',
    ]) {
      assert.equal(isDayHeading(text), true, text);
    }
  });

  test('not a time, a date in a sentence, or a section named with a date', () => {
    for (const text of [
      '13:06',
      'July 22 13:06',
      'Root Cause',
      'July 22: what we learned about the queue',
      '2026-03-03 follow-up [actions]',
    ]) {
      assert.equal(isDayHeading(text), false, text);
    }
  });
});

describe('pathological scopes are read in one pass', () => {
  // No timing assertions: these would hang with backtracking patterns or quadratic scans.
  test('long day headings, thousands of timeline headings, a long bold label', () => {
    const text = [
      '## Timeline',
      '',
      `## July 22 ${'a'.repeat(50_000)}!`,
      '',
      '## Timeline\n\n10:00 a\n\n## Other\n\n'.repeat(5_000),
      `**${':'.repeat(20_000)}${' '.repeat(20_000)}x**`,
    ].join('\n');
    const timeline = analyze(text, defaultConfig()).model.timeline!;
    assert.equal(timeline.entries.length, 5_000);
  });
});
