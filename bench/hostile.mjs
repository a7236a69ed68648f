// `npm run bench:hostile`: the hostile files of the reliability tests
// (test/reliability/hostile-inputs.ts), each timed through the engine, the CLI as a process and
// the language server over stdio. Prints a table and writes bench/hostile-results.json, which
// README's Reliability section shows. Run with `node --import tsx` (the npm script does).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './engine-bundle.mjs';
import { HOSTILE_INPUTS } from '../test/reliability/hostile-inputs.ts';
import { markdownTable, timeProcess, timeRuns } from './measure.mjs';
import { serverOpenTime } from './server.mjs';

/** A size as people read it: `20 MB`, `230 KB`. */
const sizeOf = (bytes) =>
  bytes >= 2 ** 20
    ? `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

const {
  engine: { analyze, createSession, defaultConfig, isBinaryText, stripBom },
} = await loadEngine();

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repoRoot, 'server', 'out', 'cli.js');
const RUNS = 3;

const build = spawnSync(process.execPath, ['scripts/build.mjs', 'cli', 'server'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const work = mkdtempSync(join(tmpdir(), 'pm-hostile-'));
const folder = join(work, 'postmortems');
mkdirSync(folder);
const rows = [];
try {
  for (const [index, input] of HOSTILE_INPUTS.entries()) {
    process.stderr.write(`bench: ${input.name}\n`);
    const bytes = input.bytes();
    const file = join(folder, `hostile-${index}.md`);
    writeFileSync(file, bytes);
    const { text } = stripBom(bytes.toString('utf8'));
    let notices = 0;
    const engine = timeRuns({
      run: () => {
        notices = analyze(text, defaultConfig(), createSession()).notices.length;
      },
      runs: RUNS,
      warmup: 0,
    });
    const lint = timeProcess({
      command: process.execPath,
      args: [cli, file],
      cwd: work,
      runs: RUNS,
    });
    const served = [];
    for (let i = 0; i < RUNS; i++) served.push(await serverOpenTime({ folder: work, file, text }));
    served.sort((a, b) => a.answeredMs - b.answeredMs);
    const server = served[RUNS >> 1];
    rows.push({
      input: input.name,
      size: sizeOf(bytes.length),
      checked: isBinaryText(text)
        ? 'nothing (not text)'
        : notices > 0
          ? 'headings and timeline'
          : 'fully',
      engineMs: Math.round(engine.median),
      cliMs: Math.round(lint.median),
      cliExit: [...new Set(lint.runs.map((run) => run.status))].join(','),
      serverDiagnosticsMs: Math.round(server.diagnosticsMs),
      serverAnsweredMs: Math.round(server.answeredMs),
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const machine = `${cpus()[0]?.model ?? 'unknown'}, ${availableParallelism()} cores, Node ${process.version}`;
const results = { date: new Date().toISOString(), machine, runs: RUNS, results: rows };
writeFileSync(
  join(repoRoot, 'bench', 'hostile-results.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);

const table = [
  [
    'Input',
    'Size',
    'Checked',
    'Engine ms',
    'CLI ms (exit)',
    'Server: diagnostics / next answer ms',
  ],
  ...rows.map((row) => [
    row.input,
    row.size,
    row.checked,
    String(row.engineMs),
    `${row.cliMs} (${row.cliExit})`,
    `${row.serverDiagnosticsMs} / ${row.serverAnsweredMs}`,
  ]),
];
console.log(`${machine}, ${results.date}; medians of ${RUNS} runs`);
console.log(markdownTable(table));
