// The engine as it ships: bundled by esbuild like the CLI and the server, not run from its
// TypeScript sources. Under a TypeScript loader every imported binding is read through an
// accessor, which in the scanners' loops costs more than the work measured.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles the engine's entry, remark's full parse (the yardstick, `full-parse.mjs`) and the
 * guard; returns the three modules.
 */
export async function loadEngine() {
  const out = mkdtempSync(join(tmpdir(), 'postmortem-bench-engine-'));
  await build({
    entryPoints: {
      engine: join(repoRoot, 'server/src/engine/index.ts'),
      parse: join(repoRoot, 'bench/full-parse.mjs'),
      guard: join(repoRoot, 'server/src/engine/guard/guard.ts'),
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: out,
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  const modules = {
    engine: require(join(out, 'engine.js')),
    parse: require(join(out, 'parse.js')),
    guard: require(join(out, 'guard.js')),
  };
  rmSync(out, { recursive: true, force: true });
  return modules;
}
