import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { readFrontMatter } from '../../../server/src/engine/markdown/front-matter';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import type { LintConfig } from '../../../server/src/engine/model';
import { createSession } from '../../../server/src/engine/session';
import { documentDates } from '../../../server/src/engine/timeline/document-dates';
import { findDateOrder } from '../../../server/src/engine/timeline/times';
import { fixturesDir } from '../../helpers/paths';

const withOrder = (dateOrder: LintConfig['dateOrder']) => ({ ...defaultConfig(), dateOrder });

function datesOf(text: string, configured: LintConfig['dateOrder'] = null) {
  return documentDates(text, readFrontMatter(parseMarkdown(text).children, text), configured);
}

/** The dates of the timeline's entries (`YYYY-MM-DD`, null without a year or a time). */
function entryDates(text: string, config = defaultConfig()) {
  return buildModel(text, config).timeline!.entries.map((entry) => entry.time?.date ?? null);
}

describe('findDateOrder', () => {
  test('a part over 12 settles the order', () => {
    assert.equal(findDateOrder('On 14/02/2025 the export failed.'), 'day-month');
    assert.equal(findDateOrder('- 02/14/2025 10:00 export failed'), 'month-day');
  });
  test('nothing settles it: parts of 12 or less, equal parts, no dates', () => {
    assert.equal(findDateOrder('02/03/2025 and 04/04/2025'), null);
    assert.equal(findDateOrder('No dates at all.'), null);
  });
  test('dates that disagree settle nothing', () => {
    assert.equal(findDateOrder('14/02/2025, then 02/15/2025'), null);
  });
  test('paths and versions are not dates', () => {
    assert.equal(findDateOrder('See https://example.com/archive/12/25/2020/notes'), null);
    assert.equal(findDateOrder('v1/13/20250 and a1/13/2025'), null);
  });
  test('one pass over many slashes', () => {
    assert.equal(findDateOrder('1/'.repeat(100_000)), null);
    assert.equal(findDateOrder('/'.repeat(100_000)), null);
  });
});

describe('documentDates', () => {
  test('the document settles the order over the configured one', () => {
    assert.equal(datesOf('On 14/02/2025.', 'month-day').order, 'day-month');
    assert.equal(datesOf('No dates.', 'month-day').order, 'month-day');
    assert.equal(datesOf('No dates.').order, null);
  });
  test('the year of the front matter date, YAML or TOML', () => {
    assert.equal(datesOf('---\ndate: 2022-12-18\n---\n').year, 2022);
    assert.equal(datesOf('---\ndate: 2022-12-18T10:00:00Z\n---\n').year, 2022);
    assert.equal(datesOf('+++\ndate = 2021-04-27\n+++\n').year, 2021);
    assert.equal(datesOf('---\ndate: soon\n---\n').year, null);
    assert.equal(datesOf('# No front matter\n').year, null);
  });
});

describe('dates without a year', () => {
  const rows = '## Timeline\n\n- Dec 16th **12:43** first report\n- 12-17 08:21 second report\n';

  test('take the front matter year', () => {
    assert.deepEqual(entryDates(`---\ndate: 2022-12-18\n---\n\n${rows}`), [
      '2022-12-16',
      '2022-12-17',
    ]);
    assert.deepEqual(entryDates(`+++\ndate = 2022-12-18\n+++\n\n${rows}`), [
      '2022-12-16',
      '2022-12-17',
    ]);
  });
  test("take the timeline's own year before the front matter's", () => {
    const text = `---\ndate: 2030-01-01\n---\n\n${rows}- 2022-12-18 14:45 audit\n`;
    assert.deepEqual(entryDates(text), ['2022-12-16', '2022-12-17', '2022-12-18']);
  });
  test('take the year of the first full date before the timeline', () => {
    const summary = '## Summary\n\nOn Saturday, December 17th, 2022 at 12:43 the cache failed.\n\n';
    assert.deepEqual(entryDates(`${summary}${rows}`), ['2022-12-16', '2022-12-17']);
    const stated = `---\ndate: 2023-01-02\n---\n\n${summary}${rows}`;
    assert.deepEqual(entryDates(stated), ['2023-12-16', '2023-12-17']);
  });
  test('have none when nothing gives one', () => {
    assert.deepEqual(entryDates(rows), [null, null]);
    assert.deepEqual(entryDates(`${rows}\n## Lessons\n\nSince March 2, 2021.\n`), [null, null]);
    assert.deepEqual(entryDates(`## Summary\n\nIn Dec 16 we saw it.\n\n${rows}`), [null, null]);
  });
});

describe('numeric dates in a timeline', () => {
  const rows = '## Timeline\n\n- 02/03/2025 09:10 job fails\n- 03/03/2025 08:00 fix deployed\n';
  const problems = (text: string, config = defaultConfig()) =>
    analyze(text, config).findings.filter((f) => f.ruleId === 'timeline-time').length;

  test('the dateOrder setting reads them, without a finding', () => {
    assert.deepEqual(entryDates(rows, withOrder('day-month')), ['2025-03-02', '2025-03-03']);
    assert.deepEqual(entryDates(rows, withOrder('month-day')), ['2025-02-03', '2025-03-03']);
    assert.equal(problems(rows, withOrder('day-month')), 0);
  });
  test('unsettled, they are read month first and reported once', () => {
    assert.deepEqual(entryDates(rows), ['2025-02-03', '2025-03-03']);
    assert.equal(problems(rows), 1);
  });
  test('a date elsewhere in the report settles them', () => {
    const text = `## Summary\n\nThe job failed on 13/02/2025 too.\n\n${rows}`;
    assert.deepEqual(entryDates(text), ['2025-03-02', '2025-03-03']);
    assert.equal(problems(text), 0);
  });
});

describe('the forms of SPEC §2 are read in every shape of row', () => {
  for (const name of ['ok-clock-forms.md', 'ok-date-forms.md', 'ok-dotted-and-compact.md']) {
    test(name, () => {
      const text = readFileSync(join(fixturesDir, 'rules', 'timeline-time', name), 'utf8');
      const entries = buildModel(text, defaultConfig()).timeline!.entries;
      assert.ok(entries.length >= 4);
      for (const entry of entries) assert.notEqual(entry.instant, null, entry.timeText);
    });
  }
  test('the year of ok-date-forms comes from its front matter', () => {
    const text = readFileSync(
      join(fixturesDir, 'rules', 'timeline-time', 'ok-date-forms.md'),
      'utf8',
    );
    assert.deepEqual(entryDates(text), [
      '2024-11-04',
      '2024-11-04',
      '2024-11-05',
      '2024-11-05',
      '2024-11-05',
      '2024-11-05',
      '2024-11-05',
    ]);
  });
});

describe('incremental analysis reads document dates as a full analysis does', () => {
  test('edits outside the timeline that settle the order or give the year', () => {
    const rows =
      '## Timeline\n\n- 02/03 09:10 job fails\n- 02/03/2025 09:40 job fails again\n- Mar 3rd 08:00 fix deployed\n';
    const steps = [
      `# Report\n\n${rows}`,
      `# Report\n\nAlso on 13/02/2025.\n\n${rows}`,
      `---\ndate: 2025-03-04\n---\n\n# Report\n\nAlso on 13/02/2025.\n\n${rows}`,
      `---\ndate: 2024-03-04\n---\n\n# Report\n\n${rows}`,
      `# Report\n\n${rows}`,
    ];
    for (const config of [defaultConfig(), withOrder('day-month')]) {
      const session = createSession();
      for (const text of steps) {
        assert.deepEqual(analyze(text, config, session), analyze(text, config));
      }
    }
  });
});
