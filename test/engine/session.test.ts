/**
 * Identity of incremental analysis: for the corpus, the sample, the rule fixtures and random
 * edits applied in sequence, `IncrementalAnalyzer` gives exactly what a fresh `analyze` gives
 * (the whole model, its tree and positions included, and the findings).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, buildModel } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { createSession } from '../../server/src/engine/session';
import { parseIncrementally } from '../../server/src/engine/markdown/incremental-parser';
import { ParseCache } from '../../server/src/engine/markdown/chunk-cache';
import { parseMarkdown } from '../../server/src/engine/markdown/parse';
import { LineIndex, stripBom } from '../../server/src/engine/markdown/lines';
import { TimelineMemo } from '../../server/src/engine/timeline/memo';
import { prng } from '../helpers/prng';
import { rowEdit } from '../helpers/row-edit';
import { corpusDir as corpus, filesUnder as files, repoRoot } from '../helpers/paths';

function read(path: string): string {
  return stripBom(readFileSync(path, 'utf8')).text;
}

const documents = [
  ...files(corpus),
  join(repoRoot, 'examples', 'sample-postmortem.md'),
  ...files(join(repoRoot, 'test', 'fixtures', 'rules')).filter((path) => path.endsWith('.md')),
];

describe('parseIncrementally', () => {
  test('the corpus has the documents this test is about', () => {
    assert.ok(documents.length > 60, `${documents.length} documents`);
  });

  for (const path of documents) {
    test(`parses ${path.slice(repoRoot.length - 4)} as parseMarkdown does`, () => {
      const text = read(path);
      const cache = new ParseCache();
      assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
      // Again from the cache: the same tree.
      assert.deepEqual(parseIncrementally(text, cache), parseMarkdown(text));
      assert.equal(cache.stats.chunksParsed, cache.stats.chunksReused);
    });
  }
});

describe('IncrementalAnalyzer', () => {
  test('analyses every document as analyze does', () => {
    const config = defaultConfig();
    for (const path of documents) {
      const text = read(path);
      assert.deepEqual(analyze(text, config, createSession()), analyze(text, config), path);
    }
  });

  const LINES = [
    '# Heading',
    '## Timeline',
    '### 2025-03-16',
    '## Root Cause Analysis',
    '```',
    '~~~~',
    '  ```',
    '<!--',
    '-->',
    '<!-- postmortem-disable timeline-order -->',
    '<div>',
    '</div>',
    '<script>',
    '</script>',
    '---',
    '',
    '',
    '- item',
    '1. step',
    '> quote',
    '    indented code',
    '| Time | Event |',
    '|------|-------|',
    '| 12:00 | Alert fired [detected] |',
    '| 11:00 | Rolled back `api` |',
    '| 2025-03-15 13:05 | **Resolved** |',
    '| 13:10 | See [the graph](https://grafana.example.com/d/a_b) _"still slow"_ |',
    '| 13:12 | Rolled back \\(v1.42\\) *again* |',
    '12:30 - Engineers investigate',
    'Time to detection: 5 minutes',
    'TBD',
    '[ref]: https://example.com',
  ];
  const CHARACTERS = [...'a |#`~<>-*_[]:!&\\\n\n1', '\r\n', '```', '<!--', '-->'];

  /** One random edit of `text`: characters or lines inserted, deleted or duplicated. */
  function edit(text: string, random: () => number): string {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const at = Math.floor(random() * (text.length + 1));
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEndAt = text.indexOf('\n', at);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt + 1;
    switch (pick(['char', 'char', 'delete', 'line', 'line', 'delete-line', 'duplicate-line'])) {
      case 'char':
        return text.slice(0, at) + pick(CHARACTERS) + text.slice(at);
      case 'delete':
        return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
      case 'line':
        return `${text.slice(0, lineStart)}${pick(LINES)}\n${text.slice(lineStart)}`;
      case 'delete-line':
        return text.slice(0, lineStart) + text.slice(lineEnd);
      default:
        return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    }
  }

  const timelineReport = [
    '# Post-Mortem: Checkout outage',
    '',
    '## Summary',
    'Checkout failed for 40 minutes.',
    '',
    '## Timeline',
    'All times in UTC.',
    '',
    '| Time | Event |',
    '|------|-------|',
    ...Array.from({ length: 60 }, (_, i) => {
      const time = `${10 + Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}`;
      if (i % 7 === 3) return `| ${time} | Restarted \`checkout-${i}\` |`;
      if (i % 7 === 5) return `| ${time} | **Paged** [on-call](https://pager.example.com/i/${i}) |`;
      if (i % 7 === 6) return `| ${time} | Slack: _"is checkout down?"_ \\(#inc-${i}\\) |`;
      return `| ${time} | ${['Alert fired', 'Engineers investigate', 'Rolled back', 'Resolved'][i % 4]} |`;
    }),
    '',
    '## Root Cause Analysis',
    '- **Supporting Evidence:** logs.',
    '',
  ].join('\n');

  const startingPoints = [
    { name: 'a generated timeline report', text: timelineReport },
    {
      name: 'a generated timeline report with front matter and repeated rows',
      text: `---\ntitle: Checkout outage\nseverity: SEV2\n---\n${timelineReport.replace(
        /(\| 10:0[0-4] \|[^\n]*\n)/g,
        '$1$1',
      )}`,
    },
    { name: 'the sample', text: read(join(repoRoot, 'examples', 'sample-postmortem.md')) },
    ...files(join(corpus, 'dfds-postmortems'))
      .filter((path) => /PM2021-011|PM2023-001|PM2020-002/.test(path))
      .map((path) => ({ name: path.slice(corpus.length + 1), text: read(path) })),
  ];

  for (const [index, { name, text: original }] of startingPoints.entries()) {
    test(`after each of 150 random edits of ${name}, equals a fresh analysis`, () => {
      const random = prng(100 + index);
      const config = defaultConfig();
      const session = createSession();
      let text = original;
      for (let step = 0; step < 150; step++) {
        text = text.length > 3 * original.length ? original : edit(text, random);
        const incremental = analyze(text, config, session);
        const full = analyze(text, config);
        assert.deepEqual(incremental, full, `step ${step}: ${JSON.stringify(text)}`);
      }
    });
  }

  // Rows whose reading depends on the rows above them: dates set by a row, midnight crossed,
  // 12-hour times without AM/PM, zones written or not, phases.
  const stateRows = [
    '| 2025-03-15 | Day one |',
    '| 11:50 PM | Alert fired [detected] |',
    '| 11:58 | Paged on-call |',
    '| 12:05 AM | Engineers investigate |',
    '| 00:10 CET | Rolled back |',
    '| 1:15 | Resolved |',
    '| Mar 16 | Next day |',
    '| 09:00 PST | Follow-up |',
    '| 08:30 | Monitoring |',
    '| 23:59 | Last check |',
    '| 00:01 | Closed [resolved] |',
  ];
  /** A report of `head`, then a timeline of 40 rows taking `rows` in turn, then its cause. */
  const reportWithRows = (head: readonly string[], rows: readonly string[]) =>
    [
      ...head,
      '## Timeline',
      '',
      '| Time | Event |',
      '|------|-------|',
      ...Array.from({ length: 40 }, (_, i) => rows[i % rows.length]!),
      '',
      '## Root Cause Analysis',
      '- **Supporting Evidence:** logs.',
      '',
    ].join('\n');
  const stateReport = reportWithRows(
    ['# Post-Mortem: Queue outage', '', '## Summary', 'The queue stalled.', ''],
    stateRows,
  );

  test('after each of 300 edits in rows read from the rows above them, equals a fresh analysis', () => {
    const random = prng(31);
    const config = defaultConfig();
    const session = createSession();
    let text = stateReport;
    for (let step = 0; step < 300; step++) {
      const inserts = ['1', '0', ' ', 'x', 'PM', 'AM', '[detected]', '|'];
      text = rowEdit(text, random, { rows: stateRows, inserts }) ?? stateReport;
      assert.deepEqual(analyze(text, config, session), analyze(text, config), `step ${step}`);
    }
  });

  test('after each of 200 edits in rows with a Phase column, equals a fresh analysis', () => {
    const phases = ['Detect', 'Investigate', 'Mitigate', 'Resolve', 'Monitoring', ''];
    const rows = Array.from(
      { length: 24 },
      (_, i) => `| 10:${String(i * 2).padStart(2, '0')} | ${phases[i % 6]} | Step ${i} |`,
    );
    const report = stateReport
      .replace('| Time | Event |\n|------|-------|', '| Time | Phase | Event |\n|---|---|---|')
      .replace(/\| [^\n]*\|\n(?=\| |\n## Root)/g, '')
      .replace('|---|---|---|\n', `|---|---|---|\n${rows.join('\n')}\n`);
    const random = prng(37);
    const config = defaultConfig();
    const session = createSession();
    let text = report;
    const inserts = ['Resolve', 'Detect', 'x', ' ', '[mitigated]'];
    for (let step = 0; step < 200; step++) {
      text = rowEdit(text, random, { rows, inserts }) ?? report;
      assert.deepEqual(analyze(text, config, session), analyze(text, config), `step ${step}`);
    }
  });

  test('after each of 300 edits in the rows of two tables, and tables added or removed before them, equals a fresh analysis', () => {
    const rows = stateRows.slice(0, 6);
    const early = '| Time | Event |\n|------|-------|\n| 09:00 | Early alert |\n\n';
    const report = stateReport.replace(
      '\n## Root Cause Analysis',
      `\nThen, after the rollback:\n\n| When | Event |\n|---|---|\n${stateRows.slice(4).join('\n')}\n\n## Root Cause Analysis`,
    );
    const random = prng(53);
    const config = defaultConfig();
    const session = createSession();
    let text = report;
    for (let step = 0; step < 300; step++) {
      const choice = random();
      if (choice < 0.1) text = text.replace('## Timeline\n\n', `## Timeline\n\n${early}`);
      else if (choice < 0.2) text = text.replace(early, '');
      else {
        const table = Math.floor(random() * (text.includes(early) ? 3 : 2));
        text = rowEdit(text, random, { rows, inserts: ['1', ' ', 'x', 'PM'], table }) ?? report;
      }
      assert.deepEqual(analyze(text, config, session), analyze(text, config), `step ${step}`);
    }
  });

  test('an edit in a row keeps the entries of the other rows, moved', () => {
    const config = defaultConfig();
    const session = createSession();
    const entriesOf = (text: string) => analyze(text, config, session).model.timeline!.entries;
    const before = [...entriesOf(timelineReport)];
    const row = '| 10:30 | Rolled back |';
    const typed = [...entriesOf(timelineReport.replace(row, '| 10:30 | Rolled backx |'))];
    assert.equal(typed.length, before.length);
    assert.deepEqual(
      typed.flatMap((entry, i) => (entry === before[i] ? [] : [i])),
      [30],
      'only the edited row has a new entry',
    );
    // A row duplicated: the rows after it are the same nodes one index on. The splice reads
    // again the lines the change spans: the new row, and the one after it when the change
    // starts within it.
    const added = entriesOf(timelineReport.replace(row, `${row}\n${row}`));
    assert.equal(added.length, before.length + 1);
    const fresh = added.flatMap((entry, i) => (typed.includes(entry) ? [] : [i]));
    assert.ok(fresh.length <= 2 && fresh.every((i) => i >= 30 && i <= 31), fresh.join());
  });

  // Rows whose times and zones have findings, kept with the entries moved in place.
  const findingRows = [
    '| 2025-03-32 10:00 | Day that does not exist |',
    '| 10:05 XYZ | Unknown zone |',
    '| 10:07 IST | Zone of several readings |',
    '| 2025-03-30 02:30 Europe/Berlin | Clock went forward |',
    '| 03/04/2025 10:10 | Day or month first |',
    '| 04/05/2025 10:12 | Day or month first again |',
    '| HH:mm | Template time |',
    '| soon | Unreadable |',
    '|  | No time |',
    '| 10:15 | Resolved [resolved] |',
  ];
  const findingReport = reportWithRows(
    ['---', 'status: draft', '---', '# Post-Mortem: Queue outage', ''],
    findingRows,
  );

  test('after each of 300 edits in rows with findings, and of the status, equals a fresh analysis', () => {
    const random = prng(41);
    const config = defaultConfig();
    const session = createSession();
    let text = findingReport;
    let kept = 0;
    let last = analyze(text, config, session).findings;
    for (let step = 0; step < 300; step++) {
      // Every tenth edit changes the status, and so the severity of every finding kept.
      text =
        step % 10 === 9
          ? text.replace(
              /status: (draft|final)/,
              (_, s) => `status: ${s === 'draft' ? 'final' : 'draft'}`,
            )
          : (rowEdit(text, random, {
              rows: findingRows,
              inserts: ['1', ':', ' ', 'x', 'UTC', 'IST', '2025-'],
            }) ?? findingReport);
      const incremental = analyze(text, config, session);
      assert.deepEqual(incremental, analyze(text, config), `step ${step}`);
      kept += incremental.findings.filter((finding) => last.includes(finding)).length;
      last = incremental.findings;
    }
    assert.ok(kept > 1000, `findings kept from the last analysis: ${kept}`);
  });

  test('after each of 300 edits in a table of stated metrics, equals a fresh analysis', () => {
    const metricRows = [
      '| Time to detect | 5 minutes |',
      '| TTR | 1h 5m |',
      '| Time to acknowledge: | **10 min** |',
      '| Traffic | 5 minutes |',
      '| Notes | none |',
      '| TTM | about an hour |',
    ];
    const report = timelineReport.replace(
      '## Summary\nCheckout failed for 40 minutes.\n',
      `## Summary\n\n| Metric | Value |\n|---|---|\n${metricRows.join('\n')}\n`,
    );
    const random = prng(43);
    const config = defaultConfig();
    const session = createSession();
    let text = report;
    let stated = 0;
    for (let step = 0; step < 300; step++) {
      const inserts = ['T', 'TT', 'D', ' ', '5', 'x', ':', ' minutes'];
      text = rowEdit(text, random, { rows: metricRows, inserts }) ?? report;
      const incremental = analyze(text, config, session);
      assert.deepEqual(incremental, analyze(text, config), `step ${step}`);
      stated += incremental.model.statedMetrics.length;
    }
    assert.ok(stated > 300, `metrics stated: ${stated}`);
  });

  test('rows kept from the last parse read again when a row settles the date order', () => {
    // Days that read the same in either order: only whether the order is settled changes.
    const dated = (day: string) => `| ${day}/${day}/2025 10:${day} | Step on ${day} |`;
    const rows = ['01', '02', '03', '05', '07', '09', '11'].map(dated);
    const report = [
      '# Post-Mortem: Dates',
      '',
      '## Timeline',
      '',
      '| Time | Event |',
      '|------|-------|',
      ...rows,
      '',
    ].join('\n');
    const settled = report.replace('| 11/11/2025 10:11 |', '| 13/11/2025 10:11 |');
    const session = createSession();
    const config = defaultConfig();
    for (const [index, text] of [report, settled, report, settled].entries()) {
      assert.deepEqual(analyze(text, config, session), analyze(text, config), `step ${index}`);
    }
  });

  test('rows kept by the parse read again under a header of other columns', () => {
    // Headers of one length: the rows stay the same nodes at the same places.
    const headers = [
      '| Time | Event |',
      '| Event | Time |',
      '| Time | Phase |',
      '| Date | Event |',
    ];
    const rows = ['| 10:00 | Detect |', '| 2025-03-15 | Resolve |', '| 10:20 | Mitigate |'];
    const reportUnder = (header: string) =>
      ['# Post-Mortem: Columns', '', '## Timeline', '', header, '|---|---|', ...rows, ''].join(
        '\n',
      );
    const session = createSession();
    const config = defaultConfig();
    for (const [index, header] of [...headers, ...headers.reverse()].entries()) {
      const text = reportUnder(header);
      assert.deepEqual(analyze(text, config, session), analyze(text, config), `step ${index}`);
    }
  });

  test('re-uses the timeline only for the same section text and configuration', () => {
    const config = defaultConfig();
    const inCet = { ...config, timeZone: 'CET' };
    const keywords = {
      ...config,
      milestoneKeywords: { ...config.milestoneKeywords, resolved: ['restarted'] },
    };
    const withLink = timelineReport
      .replace('| Alert fired |', '| Alert fired, see [runbook] |')
      .replace('## Summary', '## Summary\n\n[runbook]: https://example.com/runbook\n');
    const steps: [string, typeof config][] = [
      [timelineReport, config],
      [timelineReport.replace('Checkout failed', 'Checkout failed badly'), config],
      [timelineReport, inCet],
      [timelineReport, keywords],
      [timelineReport.replace('## Timeline', ' ## Timeline'), keywords],
      [withLink, config],
      [withLink.replace('[runbook]: https', '[runbook-old]: https'), config],
    ];
    const session = createSession();
    for (const [index, [text, stepConfig]] of steps.entries()) {
      assert.deepEqual(
        analyze(text, stepConfig, session),
        analyze(text, stepConfig),
        `step ${index}`,
      );
    }
  });

  test('keyword guesses kept from a read in which a marker ruled them out', () => {
    const config = defaultConfig();
    const marked = timelineReport.replace('| Alert fired |', '| Alert fired [detected] |');
    const steps = [timelineReport, marked, timelineReport, marked.replace('[detected]', '')];
    const session = createSession();
    for (const [index, text] of steps.entries()) {
      const incremental = analyze(text, config, session);
      assert.deepEqual(incremental, analyze(text, config), `step ${index}`);
    }
    const marks = analyze(timelineReport, config, session).model.timeline!.entries.map((entry) =>
      entry.marks.map((mark) => mark.reason).join(),
    );
    assert.ok(marks.includes('keyword `alert`'), marks.join('; '));
  });

  test('front-matter fences opened, closed and broken', () => {
    const config = defaultConfig();
    const report =
      '# Outage\n\n## Timeline\n\n- 10:00 alert fired\n- 09:00 on-call joined\n\n> quoted\n';
    const fenced = `---\ntitle: Outage\n---\n\n${report}`;
    const steps = [
      fenced,
      fenced.replace('---\n\n', '-\n\n'),
      fenced,
      fenced.replace('---\ntitle', '--\ntitle'),
      fenced.replace('---\n\n', '+++\n\n'),
      `---\n${report}`,
      report,
    ];
    const session = createSession();
    for (const [index, text] of steps.entries()) {
      assert.deepEqual(analyze(text, config, session), analyze(text, config), `step ${index}`);
    }
  });

  test('reads again only the timeline rows an edit changed', () => {
    const config = defaultConfig();
    const memo = new TimelineMemo();
    const read = (text: string) => {
      const lines = new LineIndex(text);
      return buildModel(text, config, lines, {
        tree: parseMarkdown(text),
        timelineOf: memo.reader(false),
      });
    };
    read(timelineReport);
    assert.equal(memo.rowsRead, 60);
    const edited = timelineReport.replace('| 10:02 | Rolled back |', '| 10:02 | Rolled back db |');
    const model = read(edited);
    assert.equal(memo.rowsRead, 61, 'the edited row only');
    assert.deepEqual(model, buildModel(edited, config));
    read(edited.replace('## Summary', '## Summary\n'));
    assert.equal(memo.rowsRead, 61, 'an edit above the timeline only moves it');
  });

  test('re-parses only the chunk an edit touches', () => {
    const config = defaultConfig();
    const session = createSession();
    const cache = new ParseCache();
    analyze(timelineReport, config, session);
    parseIncrementally(timelineReport, cache);
    const edited = timelineReport.replace('Checkout failed', 'Checkout failed badly');
    parseIncrementally(edited, cache);
    // Four chunks parsed at first; then Summary again, spliced in, the two after it moved in place.
    assert.deepEqual(
      {
        parsed: cache.stats.chunksParsed,
        moved: cache.stats.chunksMoved,
        splices: cache.stats.splices,
      },
      { parsed: 5, moved: 0, splices: 1 },
    );
    // An edit that adds a chunk is parsed in chunks again: the others moved as copies.
    parseIncrementally(edited.replace('Checkout failed', '## Impact\nCheckout failed'), cache);
    assert.deepEqual(
      { parsed: cache.stats.chunksParsed, moved: cache.stats.chunksMoved, splices: 1 },
      { parsed: 7, moved: 2, splices: cache.stats.splices },
    );
    assert.deepEqual(analyze(edited, config, session), analyze(edited, config));
  });
});
