// Helpers for the benchmark: medians of runs in this process, child processes timed by
// /usr/bin/time (wall clock, user and system CPU), and the tables printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `run(i)` `warmup` times untimed, then `runs` times timed (milliseconds); `prepare(i)`
 * runs untimed before each timed run.
 */
export function timeRuns({ run, runs, warmup = 1, prepare = () => undefined }) {
  for (let i = 0; i < warmup; i++) {
    prepare(-1 - i);
    run(-1 - i);
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare(i);
    const start = performance.now();
    run(i, input);
    times.push(performance.now() - start);
  }
  return { median: median(times), runs: times };
}

/** Runs a command `runs` times and returns the median wall time and CPU time (ms). */
export function timeProcess({ command, args, cwd, runs }) {
  const folder = mkdtempSync(join(tmpdir(), 'pm-bench-time-'));
  const out = join(folder, 'time.txt');
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      const result = spawnSync(
        '/usr/bin/time',
        ['-f', '%e %U %S %M', '-o', out, command, ...args],
        {
          cwd,
          stdio: 'ignore',
        },
      );
      if (result.error) throw result.error;
      const [wall, user, system, maxKb] = readFileSync(out, 'utf8')
        .trim()
        .split(/\s+/)
        .slice(-4)
        .map(Number);
      samples.push({
        wall: wall * 1000,
        cpu: (user + system) * 1000,
        maxRssMb: maxKb / 1024,
        status: result.status,
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    median: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    runs: samples,
  };
}

/** A Markdown table of `table` (its first row the header), as lines padded to align. */
export function markdownTable(table) {
  const widths = table[0].map((_, column) =>
    Math.max(...table.map((cells) => cells[column].length)),
  );
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(table[0]), rule, ...table.slice(1).map(line)].join('\n');
}

/** The exponent `k` of `time ∝ size^k`, fitted by least squares on the logarithms. */
export function exponent(sizes, times) {
  const xs = sizes.map(Math.log);
  const ys = times.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return Math.round((num / den) * 100) / 100;
}
