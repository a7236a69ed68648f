// `npm run bench`: generates reports, measures the targets of the performance issue against
// the peers (remark-parse + remark-gfm, markdownlint, markdownlint-cli2), prints a table of
// medians and ratios with pass or fail, and writes bench/results.json.
//
// Run with `node --import tsx bench/run.mjs` (the npm script does): the engine is bundled as
// it ships (`engine-bundle.mjs`); the CLI and the server run as their built bundles.
// `--only engine,cli,server` runs some groups of measurements; `--quick` runs each fewer times.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import { loadEngine } from './engine-bundle.mjs';
import { generateReport, reportOfSize } from './generate.mjs';
import { markdownTable, median, timeProcess, timeRuns } from './measure.mjs';
import { serverEditLatency, serverMemory } from './server.mjs';

const {
  engine: { analyze, createSession, defaultConfig },
  parse: { parseMarkdown },
} = await loadEngine();

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(repoRoot, 'test', 'fixtures', 'corpus', 'dfds-postmortems');
const cli = join(repoRoot, 'server', 'out', 'cli.js');
const markdownlintCli2 = join(
  repoRoot,
  'node_modules',
  'markdownlint-cli2',
  'markdownlint-cli2-bin.mjs',
);
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const groups = new Set(
  onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : ['engine', 'cli', 'server'],
);
const runsOf = (n) => (quick ? Math.max(1, Math.ceil(n / 3)) : n);

function progress(message) {
  process.stderr.write(`bench: ${message}\n`);
}

const rows = [];
/** Records a measurement; `pass` is null for a reference without a target. */
function record({ name, value, unit = 'ms', target = '', ratio = null, pass = null, note = '' }) {
  rows.push({ name, value: Math.round(value * 10) / 10, unit, ratio, target, pass, note });
}

const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

// Build the bundles measured as processes.
progress('building the CLI and server bundles');
const build = spawnSync(process.execPath, ['scripts/build.mjs', 'cli', 'server'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Generate the reports.
const work = mkdtempSync(join(tmpdir(), 'pm-bench-'));
const big = generateReport({ rows: 5000 });
// Where the one-character edits go: in the Summary, and in the event of a row mid-timeline.
const summaryAt = big.indexOf('our login system');
const rowAt = big.indexOf('\n| 2025-03-16 ') + 25;
const mid = generateReport({ rows: 500 });
const seedSize = reportOfSize(8 * 1024);
const generated = join(work, 'generated');
mkdirSync(generated);
for (let i = 0; i < 2000; i++) {
  const name = `report-${String(i).padStart(4, '0')}.md`;
  writeFileSync(join(generated, name), generateReport({ rows: 10 + ((i * 37) % 70), seed: i + 1 }));
}
const open = join(work, 'workspace', 'postmortems');
mkdirSync(open, { recursive: true });
const openFiles = [];
for (let i = 0; i < 100; i++) {
  const file = join(open, `incident-${String(i).padStart(3, '0')}.md`);
  writeFileSync(file, reportOfSize(50 * 1024, 1000 + i));
  openFiles.push(file);
}
const dfds = join(work, 'dfds');
cpSync(corpus, dfds, { recursive: true });
const config = defaultConfig();

try {
  // T_parse: one full remark-parse + remark-gfm parse of the 5,000-row report.
  progress(`parsing the 5,000-row report (${Math.round(big.length / 1024)} KB)`);
  const parse = timeRuns({ run: () => parseMarkdown(big), runs: runsOf(5) });
  const tParse = parse.median;
  record({ name: 'T_parse: remark-parse + remark-gfm, 5,000 rows', value: tParse });

  if (groups.has('engine')) {
    progress('first analysis after open');
    const first = timeRuns({
      run: () => analyze(big, config, createSession()),
      runs: runsOf(5),
    });
    record({
      name: 'First analysis after open, 5,000 rows',
      value: first.median,
      ratio: round(first.median / tParse),
      target: '≤ 0.5 × T_parse',
      pass: first.median <= 0.5 * tParse,
    });

    /** Medians of typing one character after another at `offset`, re-analysing after each. */
    const typing = (offset, runs) => {
      const session = createSession();
      analyze(big, config, session);
      let text = big;
      return timeRuns({
        prepare: () => {
          text = `${text.slice(0, offset)}x${text.slice(offset)}`;
          return text;
        },
        run: (_, input) => analyze(input ?? text, config, session),
        runs,
      });
    };
    progress('one-character edits');
    const outside = typing(summaryAt, runsOf(21));
    record({
      name: 'Edit outside the timeline, then analysis',
      value: outside.median,
      ratio: round(outside.median / tParse),
      target: '≤ 0.05 × T_parse',
      pass: outside.median <= 0.05 * tParse,
    });
    const inside = typing(rowAt, runsOf(21));
    record({
      name: 'Edit inside a timeline row, then analysis',
      value: inside.median,
      ratio: round(inside.median / tParse),
      target: '≤ 0.1 × T_parse',
      pass: inside.median <= 0.1 * tParse,
    });

    // Both sizes alternately, so that they run in the same conditions (heap, caches, load).
    progress('500 rows against 5,000, alternately');
    const firstOf = (text, runs) =>
      timeRuns({ run: () => analyze(text, config, createSession()), runs, warmup: 1 });
    const larger = [];
    const smaller = [];
    for (let i = 0; i < runsOf(9); i++) {
      larger.push(firstOf(big, 1).median);
      smaller.push(firstOf(mid, 5).median);
    }
    const growth = median(larger) / median(smaller);
    record({ name: 'First analysis, 5,000 rows, alternating with 500', value: median(larger) });
    record({ name: 'First analysis, 500 rows, alternating with 5,000', value: median(smaller) });
    record({
      name: 'Growth: 5,000 rows over 500 rows',
      value: growth,
      unit: '×',
      target: '≤ 12 ×',
      pass: growth <= 12,
    });
    const reference = timeRuns({ run: () => analyze(big, config), runs: runsOf(3) });
    record({
      name: 'Reference: analyze() with the full parse, 5,000 rows',
      value: reference.median,
    });
    const peer = timeRuns({ run: () => markdownlint({ strings: { big } }), runs: 1, warmup: 0 });
    record({ name: 'Reference: markdownlint, 5,000 rows', value: peer.median });

    progress(`seed-size report (${Math.round(seedSize.length / 1024)} KB) against markdownlint`);
    const ours = timeRuns({
      run: () => analyze(seedSize, config, createSession()),
      runs: runsOf(51),
      warmup: 10,
    });
    const theirs = timeRuns({
      run: () => markdownlint({ strings: { seedSize } }),
      runs: runsOf(51),
      warmup: 10,
    });
    const full = timeRuns({ run: () => analyze(seedSize, config), runs: runsOf(51), warmup: 10 });
    record({ name: 'markdownlint, 8 KB report', value: theirs.median });
    record({
      name: 'Full analysis, 8 KB report',
      value: ours.median,
      ratio: round(ours.median / theirs.median),
      target: '< markdownlint',
      pass: ours.median < theirs.median,
    });
    record({ name: 'Reference: analyze() with the full parse, 8 KB report', value: full.median });
  }

  if (groups.has('cli')) {
    progress('the dfds corpus as processes');
    const cli2 = timeProcess({
      command: process.execPath,
      args: [markdownlintCli2, '**/*.md'],
      cwd: dfds,
      runs: runsOf(5),
    });
    const corpusRun = timeProcess({
      command: process.execPath,
      args: [cli, '--format', 'json', '.'],
      cwd: dfds,
      runs: runsOf(5),
    });
    record({ name: 'markdownlint-cli2, dfds corpus', value: cli2.median });
    record({
      name: 'postmortem-lint, dfds corpus',
      value: corpusRun.median,
      ratio: round(corpusRun.median / cli2.median),
      target: '< markdownlint-cli2',
      pass: corpusRun.median < cli2.median,
    });

    progress('2,000 generated reports as processes');
    const cli2Many = timeProcess({
      command: process.execPath,
      args: [markdownlintCli2, '**/*.md'],
      cwd: generated,
      runs: runsOf(3),
    });
    const many = timeProcess({
      command: process.execPath,
      args: [cli, '--format', 'json', '.'],
      cwd: generated,
      runs: runsOf(3),
    });
    const cores = many.cpu / many.median;
    record({ name: 'markdownlint-cli2, 2,000 reports', value: cli2Many.median });
    record({
      name: 'postmortem-lint, 2,000 reports',
      value: many.median,
      ratio: round(many.median / cli2Many.median),
      target: '< markdownlint-cli2',
      pass: many.median < cli2Many.median,
    });
    record({
      name: 'postmortem-lint, 2,000 reports: CPU time over wall time',
      value: cores,
      unit: 'cores',
      target: '≥ 1.5 (both cores)',
      pass: cores >= 1.5,
    });
  }

  if (groups.has('server')) {
    progress('server memory with 100 open 50 KB reports');
    const memory = await serverMemory({ folder: join(work, 'workspace'), files: openFiles });
    record({
      name: 'Server resident memory, 100 open 50 KB reports (2 s after opening)',
      value: memory.settledMb,
      unit: 'MB',
      target: '< 150 MB',
      pass: memory.settledMb < 150,
      note: `${Math.round(memory.burstMb)} MB as the last diagnostics arrive, peak ${Math.round(memory.peakMb)} MB; ${memory.findings} diagnostics`,
    });

    progress('server: codeLens after an edit');
    const bigFile = join(open, 'timeline-5000.md');
    writeFileSync(bigFile, big);
    for (const [name, offset, factor] of [
      [
        'Server: codeLens after an edit outside the timeline',
        big.indexOf('our login system'),
        0.05,
      ],
      ['Server: codeLens after an edit inside a timeline row', rowAt, 0.1],
    ]) {
      const latency = await serverEditLatency({
        folder: join(work, 'workspace'),
        file: bigFile,
        text: big,
        offset,
        runs: runsOf(7),
      });
      record({
        name,
        value: latency.median,
        ratio: round(latency.median / tParse),
        target: `≤ ${factor} × T_parse`,
        pass: latency.median <= factor * tParse,
      });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: loadavg().map((load) => round(load, 2)),
};
const results = {
  date: new Date().toISOString(),
  machine,
  quick,
  groups: [...groups],
  reports: {
    timeline5000: { rows: 5000, bytes: big.length },
    timeline500: { rows: 500, bytes: mid.length },
    seedSize: { bytes: seedSize.length },
    generated: { count: 2000, rows: '10 to 79' },
    open: { count: 100, bytes: 50 * 1024 },
  },
  results: rows,
};
writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const table = [
  ['Measurement', 'Median', 'Ratio', 'Target', 'Result'],
  ...rows.map((row) => [
    row.name,
    `${row.value} ${row.unit}`,
    row.ratio === null ? '' : String(row.ratio),
    row.target,
    row.pass === null ? '' : row.pass ? 'pass' : 'FAIL',
  ]),
];
console.log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${results.date}`);
console.log(markdownTable(table));
for (const row of rows.filter((r) => r.note)) console.log(`${row.name}: ${row.note}`);
process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
