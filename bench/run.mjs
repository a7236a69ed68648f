// `npm run bench`: generates reports, measures the performance targets the way a user meets
// the product (a fresh server process over stdio, typing bursts to their diagnostics, memory
// with and without `--expose-gc`, edits as the timeline grows), each ratio against its
// yardstick measured interleaved in the same run; prints a table and writes bench/results.json.
//
// Run with `node --expose-gc --import tsx bench/run.mjs` (the npm script does): the engine is
// bundled as it ships (`engine-bundle.mjs`); the CLI and the server run as their built bundles.
// `--only engine,cli,server` runs some groups of measurements, `--only cli.corpus,server.cold`
// some parts of them (`engine.seed`, `engine.edits`, `engine.guard`, `engine.heap`,
// `cli.corpus`, `cli.many`, `server.cold`, `server.bursts`, `server.memory`, `server.index`);
// `--quick` runs each fewer times.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import { loadEngine } from './engine-bundle.mjs';
import { generateReport, reportOfSize } from './generate.mjs';
import { exponent, markdownTable, median, timeProcess, timeRuns } from './measure.mjs';
import { coldOpen, indexWorkspace, serverMemory, typingBurst } from './server.mjs';

const {
  engine: { analyze, createSession, defaultConfig, LineIndex },
  parse: { fullParse },
  guard: { estimatedWork, measureText, utf8Length },
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
/** Whether the measurements `name` (a group, or `group.part`) run: named, or their group. */
const runs = (name) => groups.has(name) || groups.has(name.split('.')[0]);
const runsOf = (n) => (quick ? Math.max(1, Math.ceil(n / 3)) : n);

function progress(message) {
  process.stderr.write(`bench: ${message}\n`);
}

const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

const rows = [];
/** Records a measurement; `pass` is null for a yardstick or a reference without a target. */
function record({ name, value, unit = 'ms', target = '', ratio = null, pass = null, note = '' }) {
  rows.push({
    name,
    value: round(value, Math.abs(value) < 10 ? 2 : 1),
    unit,
    ratio,
    target,
    pass,
    note,
  });
}

// Build the bundles measured as processes.
progress('building the CLI and server bundles');
const build = spawnSync(process.execPath, ['scripts/build.mjs', 'cli', 'server'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Generate the reports.
const work = mkdtempSync(join(tmpdir(), 'pm-bench-'));
/** Where a one-character edit goes in a row mid-timeline of a generated report. */
const rowEditAt = (text) => text.indexOf('\n| ', text.indexOf('\n| ', text.length >> 1)) + 25;
const big = generateReport({ rows: 5000 });
const plain = generateReport({ rows: 5000, marked: 0 });
const marked = generateReport({ rows: 5000, marked: 1 });
const seedSize = reportOfSize(8 * 1024);
const generated = join(work, 'generated');
mkdirSync(generated);
for (let i = 0; i < 2000; i++) {
  const name = `report-${String(i).padStart(4, '0')}.md`;
  writeFileSync(join(generated, name), generateReport({ rows: 10 + ((i * 37) % 70), seed: i + 1 }));
}
const workspace = join(work, 'workspace');
const open = join(workspace, 'postmortems');
mkdirSync(open, { recursive: true });
const openFiles = [];
for (let i = 0; i < 100; i++) {
  const file = join(open, `incident-${String(i).padStart(3, '0')}.md`);
  writeFileSync(file, reportOfSize(50 * 1024, 1000 + i));
  openFiles.push(file);
}
// The workspace index's folder: the first 1,000 generated reports, as post-mortems by path.
const indexed = join(work, 'indexed');
mkdirSync(join(indexed, 'postmortems'), { recursive: true });
for (let i = 0; i < 1000; i++) {
  const name = `report-${String(i).padStart(4, '0')}.md`;
  cpSync(join(generated, name), join(indexed, 'postmortems', name));
}
const dfds = join(work, 'dfds');
cpSync(corpus, dfds, { recursive: true });
const config = defaultConfig();

/** A warm full parse of `text` in this process, as remark parses: the yardstick of a cold open. */
const warmParse = (text) => timeRuns({ run: () => fullParse(text), runs: 1, warmup: 0 }).median;

try {
  if (runs('engine.seed')) {
    progress(`seed-size report (${Math.round(seedSize.length / 1024)} KB) against markdownlint`);
    const ours = [];
    const theirs = [];
    for (let i = 0; i < 10; i++) {
      analyze(seedSize, config, createSession());
      markdownlint({ strings: { seedSize } });
    }
    for (let i = 0; i < runsOf(51); i++) {
      ours.push(
        timeRuns({ run: () => analyze(seedSize, config, createSession()), runs: 1, warmup: 0 })
          .median,
      );
      theirs.push(
        timeRuns({ run: () => markdownlint({ strings: { seedSize } }), runs: 1, warmup: 0 }).median,
      );
    }
    record({ name: 'Yardstick: markdownlint, 8 KB report', value: median(theirs) });
    record({
      name: 'Analysis of an 8 KB report, fresh session',
      value: median(ours),
      ratio: round(median(ours) / median(theirs)),
      target: '< markdownlint',
      pass: median(ours) < median(theirs),
    });
  }

  if (runs('engine.edits')) {
    // Every size in every round, so that all run in the same conditions (heap, caches, load).
    const sizes = [500, 1000, 2000, 5000, 10000, 20000];
    progress(`opens and one-character edits, ${sizes.join(', ')} rows`);
    const reports = sizes.map((count) => {
      const text = generateReport({ rows: count, notes: false });
      return { count, text, at: rowEditAt(text), outsideAt: text.indexOf('our login system') };
    });
    const opens = sizes.map(() => []);
    /** Sizes the guard degrades: their times are not those of an analysis. */
    const degraded = new Set();
    const edits = sizes.map(() => []);
    const outside = sizes.map(() => []);
    for (let round = -1; round < runsOf(5); round++) {
      for (const [i, { text, at, outsideAt }] of reports.entries()) {
        const session = createSession();
        let start = performance.now();
        const { notices } = analyze(text, config, session);
        const opened = performance.now() - start;
        if (notices.length > 0) degraded.add(sizes[i]);
        let edited = text;
        const typed = [];
        for (let k = 0; k < 3; k++) {
          edited = `${edited.slice(0, at)}x${edited.slice(at)}`;
          start = performance.now();
          analyze(edited, config, session);
          typed.push(performance.now() - start);
        }
        const away = `${edited.slice(0, outsideAt)}x${edited.slice(outsideAt)}`;
        start = performance.now();
        analyze(away, config, session);
        const awayMs = performance.now() - start;
        if (round < 0) continue; // a warm-up round
        opens[i].push(opened);
        edits[i].push(median(typed));
        outside[i].push(awayMs);
      }
    }
    const openMs = opens.map(median);
    const editMs = edits.map(median);
    const last = sizes.length - 1;
    const degradedNote =
      degraded.size > 0 ? `; degraded by the guard: ${[...degraded].join(', ')}` : '';
    record({
      name: 'Open (analysis, fresh session), 20,000 rows',
      value: openMs[last],
      note: sizes.map((n, i) => `${n}: ${round(openMs[i], 1)}`).join(', ') + degradedNote,
    });
    record({
      name: 'Edit in a timeline row then analysis, 20,000 rows',
      value: editMs[last],
      ratio: round(editMs[last] / openMs[last]),
      target: '≤ 0.1 × the open',
      pass: editMs[last] <= 0.1 * openMs[last],
      note: sizes.map((n, i) => `${n}: ${round(editMs[i], 1)}`).join(', '),
    });
    const editGrowth = exponent(sizes, editMs);
    record({
      name: 'Edit in a timeline row, 500 → 20,000 rows: growth exponent',
      value: editGrowth,
      unit: '',
      target: '≤ 0.3',
      pass: editGrowth <= 0.3,
    });
    record({
      name: 'Open, 500 → 20,000 rows: growth exponent',
      value: exponent(sizes, openMs),
      unit: '',
    });
    const outsideMs = outside.map(median);
    record({
      name: 'Edit outside the timeline then analysis, 20,000 rows',
      value: outsideMs[last],
      ratio: round(outsideMs[last] / openMs[last]),
      target: '≤ 0.1 × the open',
      pass: outsideMs[last] <= 0.1 * openMs[last],
      note: sizes.map((n, i) => `${n}: ${round(outsideMs[i], 1)}`).join(', '),
    });
  }

  if (runs('engine.guard')) {
    progress('the guard: estimate of a plain 20,000-row report against its analysis');
    const plainLarge = generateReport({ rows: 20000, marked: 0, notes: false });
    const lines = new LineIndex(plainLarge);
    const estimate = estimatedWork(
      utf8Length(plainLarge),
      measureText(plainLarge, lines.lineStarts),
      'chunked',
    );
    const estimateMs =
      (estimate.lines + estimate.containers + estimate.paragraphs + estimate.markup) / 1000;
    const analysed = timeRuns({
      run: () => analyze(plainLarge, config, createSession()),
      runs: runsOf(3),
    }).median;
    record({ name: 'Analysis of a plain 20,000-row report, fresh session', value: analysed });
    record({
      name: "Guard's estimate of a session's analysis of it (degraded above 4,000 ms)",
      value: estimateMs,
      ratio: round(estimateMs / analysed),
      target: '≤ 3 × the analysis',
      pass: estimateMs <= 3 * analysed,
    });
  }

  if (runs('engine.heap')) {
    progress('memory of a kept report (analysis and session), 50 KB');
    const kept = [];
    const texts = openFiles.slice(0, 20).map((_, i) => reportOfSize(50 * 1024, 1000 + i));
    // One report analysed and dropped first: the code an analysis compiles and what it caches
    // once per process are no kept report's (run alone, they read as 3 × its text more).
    analyze(reportOfSize(50 * 1024, 999), config, createSession());
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (const text of texts) {
      const session = createSession();
      kept.push([analyze(text, config, session), session]);
    }
    globalThis.gc?.();
    const perReport = (process.memoryUsage().heapUsed - before) / texts.length;
    const textBytes = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
    record({
      name: 'Heap of a kept 50 KB report (analysis and session) over its text',
      value: perReport / textBytes,
      unit: '×',
      target: '≤ 5 ×',
      pass: perReport / textBytes <= 5,
      note: globalThis.gc ? '' : 'without --expose-gc: garbage counted',
    });
    kept.length = 0;
  }

  if (runs('cli.corpus')) {
    progress('the dfds corpus as processes, alternately');
    const theirs = [];
    const ours = [];
    for (let i = 0; i < runsOf(5); i++) {
      theirs.push(
        timeProcess({
          command: process.execPath,
          args: [markdownlintCli2, '**/*.md'],
          cwd: dfds,
          runs: 1,
        }).median,
      );
      ours.push(
        timeProcess({
          command: process.execPath,
          args: [cli, '--format', 'json', '.'],
          cwd: dfds,
          runs: 1,
        }).median,
      );
    }
    record({ name: 'Yardstick: markdownlint-cli2, dfds corpus', value: median(theirs) });
    record({
      name: 'postmortem-lint, dfds corpus',
      value: median(ours),
      ratio: round(median(ours) / median(theirs)),
      target: '≤ 0.3 × markdownlint-cli2',
      pass: median(ours) <= 0.3 * median(theirs),
    });
  }

  if (runs('cli.many')) {
    progress('2,000 generated reports as processes, alternately');
    const theirsMany = [];
    const oursMany = [];
    for (let i = 0; i < runsOf(3); i++) {
      theirsMany.push(
        timeProcess({
          command: process.execPath,
          args: [markdownlintCli2, '**/*.md'],
          cwd: generated,
          runs: 1,
        }).median,
      );
      oursMany.push(
        timeProcess({
          command: process.execPath,
          args: [cli, '--format', 'json', '.'],
          cwd: generated,
          runs: 1,
        }),
      );
    }
    const manyMs = median(oursMany.map((run) => run.median));
    const cores = median(oursMany.map((run) => run.cpu / run.median));
    record({ name: 'Yardstick: markdownlint-cli2, 2,000 reports', value: median(theirsMany) });
    record({
      name: 'postmortem-lint, 2,000 reports',
      value: manyMs,
      ratio: round(manyMs / median(theirsMany)),
      target: '< markdownlint-cli2',
      pass: manyMs < median(theirsMany),
    });
    record({
      name: 'postmortem-lint, 2,000 reports: CPU time over wall time',
      value: cores,
      unit: 'cores',
      target: '≥ 1.5 (both cores)',
      pass: cores >= 1.5,
    });
  }

  if (runs('server.cold')) {
    // A fresh server process per open, each followed by its yardstick parsed here (warm).
    progress('cold opens in fresh servers, plain and marked rows, with their yardsticks');
    for (let i = 0; i < 3; i++) [plain, marked].forEach((text) => fullParse(text));
    const cold = { plain: [], marked: [] };
    const parses = { plain: [], marked: [] };
    const bigFile = join(open, 'timeline-5000.md');
    for (let i = 0; i < runsOf(5); i++) {
      for (const [kind, text] of [
        ['plain', plain],
        ['marked', marked],
      ]) {
        writeFileSync(bigFile, text);
        cold[kind].push(await coldOpen({ folder: workspace, file: bigFile, text }));
        parses[kind].push(warmParse(text));
      }
    }
    for (const [kind, label, factor] of [
      ['plain', 'plain rows', 0.15],
      ['marked', 'inline markup in every row', 0.3],
    ]) {
      const yardstick = median(parses[kind]);
      const value = median(cold[kind]);
      record({ name: `Yardstick: warm full parse, 5,000 rows, ${label}`, value: yardstick });
      record({
        name: `Fresh server, 5,000 rows, ${label}: didOpen → first code lens`,
        value,
        ratio: round(value / yardstick),
        target: `≤ ${factor} × a warm full parse`,
        pass: value <= factor * yardstick,
      });
    }
  }

  if (runs('server.bursts')) {
    progress('typing bursts: 30 keystrokes 50 ms apart');
    const bursts = [
      ['5,000 rows', big, 250],
      ['an 8 KB report', seedSize, 120],
    ];
    for (const [label, text, limit] of bursts) {
      const file = join(open, 'burst.md');
      writeFileSync(file, text);
      const quiet = [];
      const asking = [];
      const answers = [];
      for (let i = 0; i < runsOf(3); i++) {
        const options = {
          folder: workspace,
          file,
          text,
          offset: rowEditAt(text),
          keystrokes: 30,
          gapMs: 50,
        };
        quiet.push((await typingBurst({ ...options, ask: false })).toDiagnostics);
        const asked = await typingBurst({ ...options, ask: true });
        asking.push(asked.lastAnswer);
        answers.push(median(asked.answers));
      }
      const toDiagnostics = median(quiet);
      record({
        name: `Burst, ${label}: last keystroke → its diagnostics`,
        value: toDiagnostics,
        target: `≤ ${limit} ms`,
        pass: toDiagnostics <= limit,
      });
      const lastAnswer = median(asking);
      record({
        name: `Burst, ${label}, code lenses asked after every keystroke: last keystroke → last answer`,
        value: lastAnswer,
        ratio: round(lastAnswer / toDiagnostics),
        target: '≤ 1.5 × its diagnostics',
        pass: lastAnswer <= 1.5 * toDiagnostics,
        note: `median answer ${Math.round(median(answers))} ms after its keystroke`,
      });
    }
  }

  if (runs('server.memory')) {
    for (const gc of [true, false]) {
      const flag = gc ? 'with --expose-gc' : 'without --expose-gc';
      progress(`server memory with 100 open 50 KB reports, ${flag}`);
      const memory = await serverMemory({
        folder: workspace,
        files: openFiles,
        gc,
        settleMs: 10_000,
      });
      record({
        name: `Server RSS, 100 open 50 KB reports, ${flag}: peak`,
        value: memory.peakMb,
        unit: 'MB',
        target: '< 150 MB',
        pass: memory.peakMb < 150,
        note: `${Math.round(memory.idleMb)} MB idle before the opens, ${Math.round(memory.burstMb)} MB as the last diagnostics arrive; ${memory.findings} diagnostics`,
      });
      record({
        name: `Server RSS, 100 open 50 KB reports, ${flag}: 10 s later`,
        value: memory.settledMb,
        unit: 'MB',
        target: '< 100 MB',
        pass: memory.settledMb < 100,
      });
    }
  }

  if (runs('server.index')) {
    progress('the workspace index of 1,000 reports, and the CLI on them, alternately');
    const cliTimes = [];
    const indexRuns = [];
    for (let i = 0; i < runsOf(3); i++) {
      cliTimes.push(
        timeProcess({
          command: process.execPath,
          args: [cli, '--format', 'json', '.'],
          cwd: indexed,
          runs: 1,
        }).median,
      );
      // As the VS Code client starts the server; the idle collection runs within 3 s.
      indexRuns.push(
        await indexWorkspace({ folder: indexed, expected: 1000, gc: true, settleMs: 3000 }),
      );
    }
    const cliMs = median(cliTimes);
    const indexMs = median(indexRuns.map((run) => run.ms));
    record({ name: 'Yardstick: postmortem-lint, the 1,000 reports of the index', value: cliMs });
    record({
      name: 'Workspace index, 1,000 reports on disk: initialized → complete',
      value: indexMs,
      ratio: round(indexMs / cliMs),
      target: '≤ 2 × postmortem-lint',
      pass: indexMs <= 2 * cliMs,
      note: 'from `initialized`, its 1 s start delay included',
    });
    const withGc = median(indexRuns.map((run) => run.settledMb - run.baselineMb));
    record({
      name: 'Server RSS above its baseline, index of 1,000 reports, with --expose-gc: 3 s later',
      value: withGc,
      unit: 'MB',
      target: '< 100 MB',
      pass: withGc < 100,
      note: `peak ${Math.round(median(indexRuns.map((run) => run.peakMb - run.baselineMb)))} MB above a baseline of ${Math.round(median(indexRuns.map((run) => run.baselineMb)))} MB`,
    });
    progress('the workspace index of 1,000 reports without --expose-gc');
    const noGc = await indexWorkspace({
      folder: indexed,
      expected: 1000,
      gc: false,
      settleMs: 10_000,
    });
    record({
      name: 'Server RSS above its baseline, index of 1,000 reports, without --expose-gc: 10 s later',
      value: noGc.settledMb - noGc.baselineMb,
      unit: 'MB',
      target: '< 100 MB',
      pass: noGc.settledMb - noGc.baselineMb < 100,
      note: `peak ${Math.round(noGc.peakMb - noGc.baselineMb)} MB above a baseline of ${Math.round(noGc.baselineMb)} MB`,
    });
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
    timeline5000: { rows: 5000, bytes: big.length, markedShare: 0.1 },
    plain5000: { rows: 5000, bytes: plain.length },
    marked5000: { rows: 5000, bytes: marked.length },
    seedSize: { bytes: seedSize.length },
    generated: { count: 2000, rows: '10 to 79' },
    open: { count: 100, bytes: 50 * 1024 },
    indexed: { count: 1000, rows: '10 to 79' },
  },
  results: rows,
};
writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const table = [
  ['Measurement', 'Median', 'Ratio', 'Target', 'Result'],
  ...rows.map((row) => [
    row.name,
    `${row.value} ${row.unit}`.trim(),
    row.ratio === null ? '' : String(row.ratio),
    row.target,
    row.pass === null ? '' : row.pass ? 'pass' : 'FAIL',
  ]),
];
console.log(
  `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage.join(' ')}, ${results.date}`,
);
console.log(markdownTable(table));
for (const row of rows.filter((r) => r.note)) console.log(`${row.name}: ${row.note}`);
process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
