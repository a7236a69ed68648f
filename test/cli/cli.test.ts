/** `postmortem-lint` run as a process: `node server/out/cli.js`, built first. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { version } from '../../package.json';
import { RULE_IDS } from '../../server/src/engine/model';
import { ruleUrl } from '../../server/src/engine/rules/rule';
import { buildBundles } from '../helpers/build';
import type { Run } from '../helpers/cli';
import { runCli } from '../helpers/cli';
import { corpusDir, repoRoot } from '../helpers/paths';

const dfdsFolder = join(corpusDir, 'dfds-postmortems');
const fixtures = 'test/fixtures/cli';
const sample = 'examples/sample-postmortem.md';

/** Runs the command; `NO_COLOR` is unset so that colour depends on the TTY check alone. */
function run(args: string[], cwd = repoRoot): Run {
  return runCli(args, { cwd, unsetNoColor: true });
}

interface JsonOutput {
  files: {
    path: string;
    diagnostics: {
      rule: string;
      severity: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      message: string;
    }[];
    metrics: Record<string, number | null> | null;
    sections: { id: string; title: string; line: number | null; state: string }[];
    timeline: {
      line: number;
      entries: {
        line: number;
        column: number;
        time: string | null;
        text: string;
        milestones: string[];
        inferredFrom?: Record<string, string>;
      }[];
    } | null;
    metadata: Record<string, unknown>;
    followUps: {
      line: number;
      text: string;
      owner: string | null;
      due: string | null;
      ticket: string | null;
      status: string;
      overdue: boolean;
    }[];
  }[];
}

function runJson(args: string[]): Run & { output: JsonOutput } {
  const result = run(['--format', 'json', ...args]);
  return { ...result, output: JSON.parse(result.stdout) as JsonOutput };
}

let scratch: string;

before(() => {
  buildBundles('cli');
  scratch = mkdtempSync(join(tmpdir(), 'postmortem-cli-'));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('the sample report', () => {
  test("json: no diagnostics, the guide's metrics, exit 0", () => {
    const { status, output, stderr } = runJson([sample]);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const [file] = output.files;
    assert.equal(output.files.length, 1);
    assert.deepEqual(Object.keys(file!), [
      'path',
      'diagnostics',
      'metrics',
      'sections',
      'timeline',
      'metadata',
      'followUps',
    ]);
    assert.deepEqual(
      { path: file!.path, diagnostics: file!.diagnostics, metrics: file!.metrics },
      {
        path: sample,
        diagnostics: [],
        metrics: { timeToDetect: 0, timeToAcknowledge: 5, timeToMitigate: 20, timeToResolve: 40 },
      },
    );
  });

  test('json: the sections and timeline entries read, as SPEC §5 prints them', () => {
    const [file] = runJson([sample]).output.files;
    assert.deepEqual(
      file!.sections.map(({ id, line, state }) => [id, line, state]),
      [
        ['summary', 3, 'present'],
        ['impact', 6, 'present'],
        ['timeline', 11, 'present'],
        ['rca', 21, 'present'],
        ['resolution', 25, 'present'],
        ['prevention', 32, 'present'],
        ['lessons', 37, 'present'],
      ],
    );
    assert.equal(file!.sections[3]!.title, 'Root Cause Analysis');
    const timeline = file!.timeline!;
    assert.equal(timeline.line, 11);
    assert.deepEqual(timeline.entries[0], {
      line: 14,
      column: 1,
      time: 'T12:55:00Z',
      text: 'Automated monitoring detects increased DB errors.',
      milestones: ['start', 'detected'],
      inferredFrom: { detected: 'monitor' },
    });
    assert.equal(timeline.entries.length, 6);
  });

  test('json: metadata as written and follow-ups, as SPEC §5 prints them', () => {
    const [sampleFile] = runJson([sample]).output.files;
    assert.deepEqual(sampleFile!.metadata, {});
    assert.deepEqual(
      sampleFile!.followUps.map(({ line, status, owner }) => [line, status, owner]),
      [
        [33, 'done', null],
        [34, 'done', null],
        [35, 'done', null],
      ],
    );
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-json-'));
    const path = join(folder, 'login-postmortem.md');
    writeFileSync(
      path,
      [
        '---',
        'id: INC-42',
        'date: 2025-03-15',
        'severity: SEV2',
        'status: draft',
        'preset: standard',
        '---',
        '# Login outage',
        '',
        '## Action Items',
        '',
        '- [ ] Add config validation @alice due 2099-04-01 (OPS-123)',
        '- [x] Page on pool usage',
        '',
      ].join('\n'),
    );
    const [file] = runJson([path]).output.files;
    rmSync(folder, { recursive: true, force: true });
    assert.deepEqual(file!.metadata, {
      id: 'INC-42',
      date: '2025-03-15',
      severity: 'SEV2',
      status: 'draft',
    });
    assert.deepEqual(file!.followUps, [
      {
        line: 12,
        text: 'Add config validation',
        owner: '@alice',
        due: '2099-04-01',
        ticket: 'OPS-123',
        status: 'open',
        overdue: false,
      },
      {
        line: 13,
        text: 'Page on pool usage',
        owner: null,
        due: null,
        ticket: null,
        status: 'done',
        overdue: false,
      },
    ]);
  });

  test('json: a missing section is `missing` with no line; no timeline is null', () => {
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-json-'));
    const path = join(folder, 'no-timeline.md');
    writeFileSync(path, '# Report\n\n## Summary\n\nDown.\n\n## Impact\n\n');
    const [file] = runJson([path]).output.files;
    rmSync(folder, { recursive: true, force: true });
    assert.equal(file!.timeline, null);
    assert.deepEqual(
      file!.sections.find(({ id }) => id === 'impact'),
      {
        id: 'impact',
        title: 'Impact',
        line: 7,
        state: 'empty',
      },
    );
    assert.deepEqual(
      file!.sections.find(({ id }) => id === 'timeline'),
      {
        id: 'timeline',
        title: 'Timeline',
        line: null,
        state: 'missing',
      },
    );
  });

  test('stylish: the path, no problems, the metrics and a summary, without colour off a TTY', () => {
    const { status, stdout } = run([sample]);
    assert.equal(status, 0);
    assert.equal(
      stdout,
      [
        sample,
        '  no problems',
        '  TTD 0m* · TTA 5m* · TTM 20m* · TTR 40m* (* guessed from keywords)',
        '',
        '✔ No problems in 1 file',
        '',
      ].join('\n'),
    );
  });
});

describe('the DFDS corpus', () => {
  const markdownFiles = readdirSync(dfdsFolder).filter((name) => name.endsWith('.md'));
  const withoutExtension = readdirSync(dfdsFolder).filter(
    (name) => name.startsWith('PM') && !name.includes('.'),
  );

  test('a folder: every post-mortem reported, in name order, not the README; --all: every .md', () => {
    const { status, output, stderr } = runJson([dfdsFolder]);
    assert.equal(stderr, '');
    assert.equal(status, 1);
    assert.ok(markdownFiles.length >= 38);
    const reports = markdownFiles.filter((name) => name !== 'README.md').sort();
    assert.deepEqual(
      output.files.map((file) => file.path),
      reports.map((name) => join(dfdsFolder, name)),
    );
    assert.deepEqual(
      runJson(['--all', dfdsFolder]).output.files.map((file) => file.path),
      markdownFiles.sort().map((name) => join(dfdsFolder, name)),
    );
    for (const file of output.files) {
      assert.ok(Array.isArray(file.diagnostics));
      assert.ok(file.metrics === null || typeof file.metrics.timeToResolve !== 'undefined');
    }
  });

  test('a file without .md is linted when named, once even if its folder is named too', () => {
    assert.deepEqual(withoutExtension, ['PM2022-009 - Bad AWS EKS AMI causing Kubernetes issues']);
    const named = join(dfdsFolder, withoutExtension[0]!);
    const { output } = runJson([dfdsFolder, named, join(dfdsFolder, markdownFiles[0]!)]);
    // Every report of the folder but its README, and the file named.
    assert.equal(output.files.length, markdownFiles.length);
    assert.equal(output.files[output.files.length - 1]!.path, named);
  });

  test('PM2023-001: timeline-order on the 11:07 row, at its time', () => {
    const name = 'PM2023-001 - Total node failure.md';
    const lines = readFileSync(join(dfdsFolder, name), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('| 2023-02-14 11:07 ')) + 1;
    const column = lines[line - 1]!.indexOf('2023-02-14 11:07') + 1;
    const { output } = runJson([join(dfdsFolder, name)]);
    const order = output.files[0]!.diagnostics.filter((d) => d.rule === 'timeline-order');
    assert.deepEqual(
      order.map((d) => ({ line: d.line, column: d.column, severity: d.severity })),
      [{ line, column, severity: 'warning' }],
    );
  });
});

describe('exit codes and errors', () => {
  test('a missing file: exit 2 and a message, the other files still linted', () => {
    const { status, output, stderr } = runJson(['missing.md', sample]);
    assert.equal(status, 2);
    assert.equal(stderr, 'postmortem-lint: Cannot read `missing.md`: no such file or directory\n');
    assert.deepEqual(
      output.files.map((file) => file.path),
      [sample],
    );
  });

  test('a glob that matches nothing: exit 2', () => {
    const { status, stderr } = run(['docs/**/*.postmortem.md']);
    assert.equal(status, 2);
    assert.equal(stderr, 'postmortem-lint: No files match `docs/**/*.postmortem.md`\n');
  });

  test('a glob is expanded by the command', () => {
    const { output } = runJson(['examples/*.md']);
    assert.deepEqual(
      output.files.map((file) => file.path),
      [sample],
    );
  });

  test('an unknown option, an unknown format, no files: exit 2, nothing on stdout', () => {
    for (const args of [['--bogus', sample], ['--format', 'xml', sample], []]) {
      const { status, stdout, stderr } = run(args);
      assert.equal(status, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^postmortem-lint: .+\nRun `postmortem-lint --help` for usage\.\n$/);
    }
    assert.match(
      run(['--format', 'xml', sample]).stderr,
      /Unknown format `xml`; expected `stylish`, `json`, `sarif` or `github`/,
    );
  });

  test('warnings: exit 1', () => {
    const { status, output } = runJson([`${fixtures}/fixable.md`]);
    assert.equal(status, 1);
    assert.deepEqual(
      output.files[0]!.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`),
      ['required-sections@3:1', 'timeline-order@13:3'],
    );
  });

  test('only info findings: exit 0, and they are in the output', () => {
    const { status, output } = runJson([`${fixtures}/info-only/report.md`]);
    assert.equal(status, 0);
    assert.deepEqual(
      output.files[0]!.diagnostics.map((d) => `${d.rule}:${d.severity}`),
      ['required-sections:info', 'timeline-order:info'],
    );
  });

  test('--help and --version: exit 0', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.ok(
      help.stdout.startsWith(
        'Usage: postmortem-lint [options] <file | directory | glob | !glob | ->...\n',
      ),
    );
    assert.deepEqual(run(['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('configuration', () => {
  test('the nearest .postmortemrc.json applies', () => {
    const { output } = runJson(['test/fixtures/config/team/reports/2025/queue-backlog.md']);
    // The team's `dfds` schema: no Impact or Resolution expected; lessons are optional.
    assert.deepEqual(
      output.files[0]!.diagnostics.filter((d) => d.rule === 'required-sections'),
      [],
    );
  });

  test('--config replaces the nearest file', () => {
    const { output } = runJson([
      '--config',
      `${fixtures}/strict.json`,
      `${fixtures}/info-only/report.md`,
    ]);
    assert.deepEqual(
      output.files[0]!.diagnostics.map((d) => `${d.rule}:${d.severity}`),
      ['required-sections:error'],
    );
  });

  test('a malformed configuration: its place on stderr, the defaults used, exit 2', () => {
    const { status, output, stderr } = runJson(['test/fixtures/config/broken/report.md']);
    assert.equal(status, 2);
    assert.equal(
      stderr,
      'test/fixtures/config/broken/.postmortemrc.json:3:25: Unexpected trailing comma: not allowed in JSON\n',
    );
    assert.deepEqual(output.files[0]!.diagnostics, []);
  });

  test('a --config file that cannot be read: exit 2, the defaults used', () => {
    const { status, output, stderr } = runJson([
      '--config',
      'missing.json',
      `${fixtures}/fixable.md`,
    ]);
    assert.equal(status, 2);
    assert.equal(
      stderr,
      'missing.json:1:1: Cannot read `missing.json`: no such file or directory\n',
    );
    assert.equal(output.files[0]!.diagnostics.length, 2);
  });
});

describe('sarif', () => {
  test("SARIF 2.1.0 with the registry's rules and one result per finding", () => {
    const json = runJson([`${fixtures}/fixable.md`]).output.files[0]!.diagnostics;
    const { status, stdout } = run(['--format', 'sarif', `${fixtures}/fixable.md`]);
    assert.equal(status, 1);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const [runLog] = log.runs;
    assert.equal(runLog.tool.driver.name, 'postmortem-lint');
    assert.equal(runLog.tool.driver.version, version);
    assert.deepEqual(
      runLog.tool.driver.rules.map((rule: { id: string }) => rule.id),
      [...RULE_IDS],
    );
    for (const rule of runLog.tool.driver.rules) {
      assert.equal(rule.helpUri, ruleUrl(rule.id));
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.equal(rule.defaultConfiguration.level, 'warning');
    }
    assert.deepEqual(
      runLog.results,
      json.map((d) => ({
        ruleId: d.rule,
        ruleIndex: RULE_IDS.indexOf(d.rule as (typeof RULE_IDS)[number]),
        level: 'warning',
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: `${fixtures}/fixable.md`, uriBaseId: '%SRCROOT%' },
              region: {
                startLine: d.line,
                startColumn: d.column,
                endLine: d.endLine,
                endColumn: d.endColumn,
              },
            },
          },
        ],
      })),
    );
    assert.equal(runLog.originalUriBaseIds['%SRCROOT%'].uri, `file://${repoRoot}/`);
  });
});

describe('--fix', () => {
  test('inserts the missing section and sorts the timeline; every other byte, CRLF and BOM kept', () => {
    const lf = readFileSync(join(repoRoot, fixtures, 'fixable.md'), 'utf8');
    const original = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const file = join(scratch, 'checkout.md');
    writeFileSync(file, original);

    const { status, output } = runJson(['--fix', file]);
    const fixed = readFileSync(file, 'utf8');

    // The regions the fixes may change: the insertion point before `## Timeline`, and the rows.
    const insertAt = original.indexOf('## Timeline');
    const rowsStart = original.indexOf('| 09:00 |');
    const rowsEnd = original.indexOf('\r\n\r\n## Root Cause Analysis');
    assert.ok(fixed.startsWith(original.slice(0, insertAt)));
    assert.ok(fixed.endsWith(original.slice(rowsEnd)));
    const inserted = fixed.slice(insertAt, fixed.indexOf('## Timeline'));
    assert.ok(inserted.startsWith('## Impact\r\n'), JSON.stringify(inserted));
    assert.equal(inserted.replace(/\r\n/g, ''), inserted.replace(/[\r\n]/g, ''));
    const afterInsert = fixed.slice(insertAt + inserted.length);
    assert.ok(afterInsert.startsWith(original.slice(insertAt, rowsStart)));
    const rows = (text: string) => text.split('\r\n');
    const fixedRows = afterInsert.slice(
      rowsStart - insertAt,
      afterInsert.length - (original.length - rowsEnd),
    );
    const originalRows = original.slice(rowsStart, rowsEnd);
    assert.deepEqual(rows(fixedRows), [...rows(originalRows)].sort());
    assert.notDeepEqual(rows(originalRows), [...rows(originalRows)].sort());
    assert.ok(fixed.startsWith('\uFEFF'));
    assert.ok(!/[^\r]\n/.test(fixed), 'a line ends with LF alone');

    const remaining = output.files[0]!.diagnostics.map((d) => d.rule);
    assert.ok(!remaining.includes('required-sections') && !remaining.includes('timeline-order'));
    assert.equal(status, remaining.length > 0 ? 1 : 0);
    assert.deepEqual(readdirSync(scratch), ['checkout.md']);
  });

  test('a file without safe fixes is left as it is', () => {
    const file = join(scratch, 'sample.md');
    const original = readFileSync(join(repoRoot, sample));
    writeFileSync(file, original);
    assert.equal(run(['--fix', file]).status, 0);
    assert.deepEqual(readFileSync(file), original);
  });

  test('a CR-only report ending in an open code block: fixed once as twice, in CR line endings', () => {
    const file = join(scratch, 'open-fence.md');
    writeFileSync(file, '# Outage\r\r## Summary\r\rDown.\r\r```\rlog line\r');
    run(['--fix', file]);
    const once = readFileSync(file, 'utf8');
    run(['--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), once);
    assert.ok(!once.includes('\n'), JSON.stringify(once));
    assert.equal(once.split('\r').filter((line) => line.startsWith('## ')).length, 7);
    assert.ok(
      once.startsWith('# Outage\r\r## Summary\r\rDown.\r\r```\rlog line\r```\r\r## Impact\r'),
    );
  });
});
