/**
 * `postmortem-lint report` as a process: the dfds corpus against numbers worked out by hand,
 * a small fixture folder (severities, owners, overdue follow-ups) in every format, and what
 * bad paths and empty input say.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';

const DFDS = 'test/fixtures/corpus/dfds-postmortems';
/** Four reports: two in 2025-03, one in 2025-04, one without a date (see each file). */
const FIXTURES = 'test/fixtures/cli/report';

const report = (...args: string[]) => runCli(['report', ...args]);

const NONE = { median: null, p90: null, n: 0 };
const one = (value: number) => ({ median: value, p90: value, n: 1 });

describe('postmortem-lint report on the dfds corpus', () => {
  const run = report(DFDS, '--format', 'json');
  const result = JSON.parse(run.stdout);
  const month = (name: string | null) =>
    result.byMonth.find((group: { month: string | null }) => group.month === name);

  test('exits 0 and prints the object of SPEC §5, with its keys', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(Object.keys(result), ['reports', 'byMonth', 'bySeverity', 'followUps']);
    assert.deepEqual(Object.keys(result.followUps), ['open', 'overdue', 'byOwner']);
    for (const group of [...result.byMonth, ...result.bySeverity]) {
      assert.deepEqual(Object.keys(group).slice(1), [
        'count',
        'timeToDetect',
        'timeToAcknowledge',
        'timeToMitigate',
        'timeToResolve',
      ]);
    }
  });

  test('39 reports: the 38 PM files and the template; README.md is no post-mortem', () => {
    assert.equal(result.reports, 39);
    // Each report counts in one month group and one severity group.
    const sum = (groups: { count: number }[]) =>
      groups.reduce((total, group) => total + group.count, 0);
    assert.equal(sum(result.byMonth), 39);
    assert.equal(sum(result.bySeverity), 39);
  });

  test('2021-06 by hand: PM2021-005 and PM2021-006', () => {
    // PM2021-005 (dated 2021-06-22): TTD 8, TTA 1, TTM 12, TTR 25 minutes.
    // PM2021-006 (2021-06-30): TTD and TTA unknown, TTM 92, TTR 92.
    // TTM: 12 and 92, an even count: median (12 + 92) / 2 = 52; p90 rank ⌈0.9 × 2⌉ = 2: 92.
    // TTR: 25 and 92: median 58.5; p90 92.
    assert.deepEqual(month('2021-06'), {
      month: '2021-06',
      count: 2,
      timeToDetect: one(8),
      timeToAcknowledge: one(1),
      timeToMitigate: { median: 52, p90: 92, n: 2 },
      timeToResolve: { median: 58.5, p90: 92, n: 2 },
    });
  });

  test('2021-02 by hand: PM2021-002 and PM2021-003', () => {
    // PM2021-002 (2021-02-15): TTD 40, TTM 55, TTR 55. PM2021-003 (2021-02-19): TTD 20, TTM 48,
    // TTR 48. TTD: median (20 + 40) / 2 = 30, p90 40; TTM and TTR: (48 + 55) / 2 = 51.5, p90 55.
    assert.deepEqual(month('2021-02'), {
      month: '2021-02',
      count: 2,
      timeToDetect: { median: 30, p90: 40, n: 2 },
      timeToAcknowledge: NONE,
      timeToMitigate: { median: 51.5, p90: 55, n: 2 },
      timeToResolve: { median: 51.5, p90: 55, n: 2 },
    });
  });

  test('2022-01 by hand: PM2022-001 and PM2022-002', () => {
    // PM2022-001 (2022-01-25): TTD 0, nothing else. PM2022-002 (2022-01-31): TTD 41, TTA 12,
    // TTM 78, TTR unknown. TTD: median 20.5, p90 41; the others over one report or none.
    assert.deepEqual(month('2022-01'), {
      month: '2022-01',
      count: 2,
      timeToDetect: { median: 20.5, p90: 41, n: 2 },
      timeToAcknowledge: one(12),
      timeToMitigate: one(78),
      timeToResolve: NONE,
    });
  });

  test('months ascending; the two reports without a date (PM2020-003, the template) last', () => {
    const months = result.byMonth.map((group: { month: string | null }) => group.month);
    assert.equal(months[0], '2019-11');
    assert.equal(months.at(-2), '2025-03');
    assert.deepEqual(months.slice(0, -1), [...months.slice(0, -1)].sort());
    assert.deepEqual(month(null), {
      month: null,
      count: 2,
      timeToDetect: NONE,
      timeToAcknowledge: NONE,
      timeToMitigate: NONE,
      timeToResolve: NONE,
    });
  });

  test('no report states a severity: one group of all 39; TTD over the 25 that have it, by hand', () => {
    // The 25 TTD values, sorted: seven 0s (PM2020-001, PM2021-011, PM2022-001, PM2022-003,
    // PM2022-008, PM2024-002, PM2024-003), then 2, 5, 7, 8, 10, 20, 22, 26, 40, 41, 85, 101, 335,
    // 548, 1415, 1563, 5721, 16357. Median: the 13th, 20 (PM2021-003). p90: rank ⌈22.5⌉ = 23,
    // 1563 (PM2023-001).
    assert.equal(result.bySeverity.length, 1);
    const [all] = result.bySeverity;
    assert.equal(all.severity, null);
    assert.equal(all.count, 39);
    assert.deepEqual(all.timeToDetect, { median: 20, p90: 1563, n: 25 });
  });

  test('in worker threads (`-j 2`), the same numbers', () => {
    const threaded = report(DFDS, '--format', 'json', '-j', '2');
    assert.equal(threaded.status, 0, threaded.stderr);
    assert.equal(threaded.stdout, run.stdout);
  });

  test('follow-ups: every one open and without an owner or a due date', () => {
    assert.deepEqual(result.followUps, {
      open: 119,
      overdue: 0,
      byOwner: [{ owner: null, open: 119, overdue: 0 }],
    });
  });
});

describe('postmortem-lint report on severities, owners and overdue follow-ups', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'postmortem-report-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('json: every number of the four fixtures, worked out by hand', () => {
    const run = report(FIXTURES, '-f', 'json');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    // login (2025-03-02, SEV2): TTD 5, TTM and TTR 30; payments (2025-03-20, `Sev 1`, read as
    // SEV1): TTD 15, TTM and TTR 130; search (2025-04-11, off the scale): TTD 0, TTM and TTR 42;
    // cache (no date, no severity): TTD 10, TTM 0 (`restarts` guessed), TTR 20. No TTA.
    // 2025-03: TTD (5 + 15) / 2 = 10, p90 15; TTM and TTR (30 + 130) / 2 = 80, p90 130.
    const metrics = (ttd: object, ttm: object, ttr: object) => ({
      timeToDetect: ttd,
      timeToAcknowledge: NONE,
      timeToMitigate: ttm,
      timeToResolve: ttr,
    });
    assert.deepEqual(JSON.parse(run.stdout), {
      reports: 4,
      byMonth: [
        {
          month: '2025-03',
          count: 2,
          ...metrics(
            { median: 10, p90: 15, n: 2 },
            { median: 80, p90: 130, n: 2 },
            { median: 80, p90: 130, n: 2 },
          ),
        },
        { month: '2025-04', count: 1, ...metrics(one(0), one(42), one(42)) },
        { month: null, count: 1, ...metrics(one(10), one(0), one(20)) },
      ],
      bySeverity: [
        { severity: 'SEV1', count: 1, ...metrics(one(15), one(130), one(130)) },
        { severity: 'SEV2', count: 1, ...metrics(one(5), one(30), one(30)) },
        {
          severity: 'critical <script>alert(1)</script>, "db"',
          count: 1,
          ...metrics(one(0), one(42), one(42)),
        },
        { severity: null, count: 1, ...metrics(one(10), one(0), one(20)) },
      ],
      // Open: @alice's canary (due 2000-01-01, overdue) and certificates (due 2999-12-31);
      // @carol's index check (overdue); the runbook without an owner. @bob's rollback is done.
      followUps: {
        open: 4,
        overdue: 2,
        byOwner: [
          { owner: '@alice', open: 2, overdue: 1 },
          { owner: '@carol', open: 1, overdue: 1 },
          { owner: null, open: 1, overdue: 0 },
        ],
      },
    });
  });

  test('markdown (the default): padded tables a person reads, text from reports escaped', () => {
    const run = report(FIXTURES);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        '# Post-mortem report',
        '',
        '4 reports from 2025-03 to 2025-04; 1 without a date.',
        '',
        'Each metric: median / 90th percentile (nearest rank), over the reports where it is known (how many in brackets); — where none is.',
        '',
        '## By month',
        '',
        '| Month   | Reports | TTD           | TTA | TTM                 | TTR                 |',
        '| ------- | ------: | ------------- | --- | ------------------- | ------------------- |',
        '| 2025-03 |       2 | 10m / 15m (2) | —   | 1h 20m / 2h 10m (2) | 1h 20m / 2h 10m (2) |',
        '| 2025-04 |       1 | 0m / 0m (1)   | —   | 42m / 42m (1)       | 42m / 42m (1)       |',
        '| No date |       1 | 10m / 10m (1) | —   | 0m / 0m (1)         | 20m / 20m (1)       |',
        '',
        '## By severity',
        '',
        '| Severity                                     | Reports | TTD           | TTA | TTM                 | TTR                 |',
        '| -------------------------------------------- | ------: | ------------- | --- | ------------------- | ------------------- |',
        '| SEV1                                         |       1 | 15m / 15m (1) | —   | 2h 10m / 2h 10m (1) | 2h 10m / 2h 10m (1) |',
        '| SEV2                                         |       1 | 5m / 5m (1)   | —   | 30m / 30m (1)       | 30m / 30m (1)       |',
        '| critical \\<script\\>alert(1)\\</script\\>, "db" |       1 | 0m / 0m (1)   | —   | 42m / 42m (1)       | 42m / 42m (1)       |',
        '| No severity                                  |       1 | 10m / 10m (1) | —   | 0m / 0m (1)         | 20m / 20m (1)       |',
        '',
        '## Follow-ups',
        '',
        '4 follow-ups open, 2 overdue; by owner (those without one last):',
        '',
        '| Owner    | Open | Overdue |',
        '| -------- | ---: | ------: |',
        '| @alice   |    2 |       1 |',
        '| @carol   |    1 |       1 |',
        '| No owner |    1 |       0 |',
        '',
      ].join('\n'),
    );
    // README shows this output as its sample.
    assert.ok(readFileSync('README.md', 'utf8').includes(run.stdout.trimEnd()));
  });

  test('csv: a header, one row per month, severity and owner; RFC 4180 quoting and CRLF', () => {
    const run = report(FIXTURES, '--format=csv');
    assert.equal(run.status, 0, run.stderr);
    const stats = (ttd: string, ttm: string, ttr: string) => `${ttd},,,0,${ttm},${ttr}`;
    assert.equal(
      run.stdout,
      [
        'by,group,reports,timeToDetect.median,timeToDetect.p90,timeToDetect.n,timeToAcknowledge.median,timeToAcknowledge.p90,timeToAcknowledge.n,timeToMitigate.median,timeToMitigate.p90,timeToMitigate.n,timeToResolve.median,timeToResolve.p90,timeToResolve.n,followUps.open,followUps.overdue',
        `month,2025-03,2,${stats('10,15,2', '80,130,2', '80,130,2')},,`,
        `month,2025-04,1,${stats('0,0,1', '42,42,1', '42,42,1')},,`,
        `month,,1,${stats('10,10,1', '0,0,1', '20,20,1')},,`,
        `severity,SEV1,1,${stats('15,15,1', '130,130,1', '130,130,1')},,`,
        `severity,SEV2,1,${stats('5,5,1', '30,30,1', '30,30,1')},,`,
        `severity,"critical <script>alert(1)</script>, ""db""",1,${stats('0,0,1', '42,42,1', '42,42,1')},,`,
        `severity,,1,${stats('10,10,1', '0,0,1', '20,20,1')},,`,
        'owner,@alice,,,,,,,,,,,,,,2,1',
        'owner,@carol,,,,,,,,,,,,,,1,1',
        'owner,,,,,,,,,,,,,,,1,0',
        '',
      ].join('\r\n'),
    );
  });

  test('html: one self-contained page, a strict policy, the charts inline, light and dark', () => {
    const run = report(FIXTURES, '--format', 'html');
    assert.equal(run.status, 0, run.stderr);
    const page = run.stdout;
    assert.match(page, /^<!doctype html>\n<html lang="en">/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    assert.ok(
      page.includes(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">`,
      ),
    );
    assert.equal(page.match(/<style>/g)!.length, 1);
    assert.match(style, /@media \(prefers-color-scheme: dark\)/);
    assert.match(style, /--pm-chart-1: #0969da/);
    assert.match(style, /\.pm-chart-series-1 \{ fill: var\(--pm-chart-1/);
    // Nothing loads or runs: no script, no source or link to fetch, no inline style attribute.
    assert.doesNotMatch(page, /<script|\ssrc=|\shref=|<link|style="|@import|url\(/i);
    assert.match(page, /critical &lt;script&gt;alert\(1\)&lt;\/script&gt;, &quot;db&quot;/);
    // Reports by month, follow-ups by owner, and each metric by month and by severity.
    assert.equal(page.match(/<svg /g)!.length, 10);
    assert.equal(page.match(/role="img"/g)!.length, 10);
    assert.match(page, /<title>Incidents by month<\/title>/);
    assert.match(page, /<title>TTR by severity: median and 90th percentile<\/title>/);
    // TTA is known in no report: its charts say so.
    assert.match(page, /No data: no report has a time to acknowledge yet/);
    assert.match(page, /<td>@alice<\/td><td class="number">2<\/td><td class="number">1<\/td>/);
  });

  test('-o writes the report to a file and nothing to standard output', () => {
    const file = join(scratch, 'report.json');
    const run = report(FIXTURES, '-f', 'json', '-o', file);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).reports, 4);
  });

  test('a file that cannot be written: exit 2 and why', () => {
    const run = report(FIXTURES, '-o', join(scratch, 'missing', 'report.md'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Cannot write `.*missing\/report\.md`: /);
  });

  test('standard input is one report, named by --stdin-filename', () => {
    const result = runCli(['report', '-', '--stdin-filename', 'postmortems/x.md', '-f', 'json'], {
      input: readFileSync(join(FIXTURES, 'postmortems', '2025-03-02-login.md'), 'utf8'),
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).bySeverity[0].severity, 'SEV2');
  });
});

describe('postmortem-lint report: usage, bad paths, empty input', () => {
  test('--help says where reports without a month, severity or owner go, and how medians are taken', () => {
    const run = report('--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: postmortem-lint report \[options\]/);
    assert.match(run.stdout, /"No date", "No severity"; `null` in JSON, an empty\ngroup in CSV/);
    assert.match(run.stdout, /the median of\nan even count is the mean of the two middle values/);
    assert.match(run.stdout, /-f, --format <name> +markdown \(default/);
  });

  test('the lint help names the report command', () => {
    assert.match(
      runCli(['--help']).stdout,
      /`postmortem-lint report <paths>\.\.\.` summarises many reports/,
    );
  });

  test('a path that does not exist: exit 2, a clear message, the report of the others', () => {
    const run = report(FIXTURES, 'no/such/folder', '-f', 'json');
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      'postmortem-lint: Cannot read `no/such/folder`: no such file or directory\n',
    );
    assert.equal(JSON.parse(run.stdout).reports, 4);
  });

  test('a glob that matches nothing: exit 2 and says so', () => {
    const run = report('no-such-*/**/*.md');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /No files match `no-such-\*\/\*\*\/\*\.md`/);
  });

  test('a folder without a post-mortem: exit 0, an empty report, and a message saying why', () => {
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-report-empty-'));
    try {
      writeFileSync(join(folder, 'README.md'), '# A project\n\nNothing happened here.\n');
      const run = report(folder, '-f', 'json');
      assert.equal(run.status, 0);
      assert.equal(
        run.stderr,
        'postmortem-lint report: No post-mortem among the files given (folders and globs take only post-mortems; `--all` takes every Markdown file)\n',
      );
      assert.deepEqual(JSON.parse(run.stdout), {
        reports: 0,
        byMonth: [],
        bySeverity: [],
        followUps: { open: 0, overdue: 0, byOwner: [] },
      });
      assert.equal(
        report(folder).stdout,
        '# Post-mortem report\n\nNo post-mortem among the files given.\n',
      );
      // `--all` takes the README: one report without a date, a severity or a timeline.
      const all = JSON.parse(report(folder, '--all', '-f', 'json').stdout);
      assert.equal(all.reports, 1);
      assert.deepEqual(
        all.byMonth.map((group: { month: string | null; count: number }) => [
          group.month,
          group.count,
        ]),
        [[null, 1]],
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('usage errors: exit 2 and the way to the help', () => {
    for (const [args, message] of [
      [[], 'No files given; expected at least one file, directory or glob to report on'],
      [
        ['-f', 'pdf', FIXTURES],
        'Unknown report format `pdf`; expected `markdown`, `json`, `csv` or `html`',
      ],
      [['--fix', FIXTURES], "Unknown option '--fix'"],
      [['-j', '0', FIXTURES], 'Invalid `--jobs` value `0`; expected a whole number from 1 to 64'],
    ] as const) {
      const run = report(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.ok(run.stderr.startsWith(`postmortem-lint report: ${message}`), run.stderr);
      assert.match(run.stderr, /Run `postmortem-lint report --help` for usage\.\n$/);
      assert.equal(run.stdout, '');
    }
  });
});
