/**
 * The server's full collection, in a process started with `--expose-gc` or with the flag set
 * from inside it (`EXPOSE_GC_FLAG`, as `server.ts` does).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fullCollection } from '../../server/src/node/full-collection';
import { repoRoot } from '../helpers/paths';

/** What `script` prints as JSON, run with `options` in a Node process of its own. */
function run(script: string, options: string[] = []): Record<string, unknown> {
  const result = spawnSync(process.execPath, [...options, '--import', 'tsx', '--eval', script], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/**
 * Holds about 100 MB of small objects, lets them go, and reports the heap in use before and
 * after one `fullCollection()`, run at once, before V8 would collect by itself.
 */
const FREES_GARBAGE = `
  const { fullCollection } = require('./server/src/node/full-collection');
  const { EXPOSE_GC_FLAG, setUnlessGiven } = require('./server/src/node/v8-flags');
  setUnlessGiven(EXPOSE_GC_FLAG);
  const collect = fullCollection();
  let held = [];
  for (let i = 0; i < 1_000_000; i++) held.push({ i, text: 'row ' + i });
  held = null;
  const before = process.memoryUsage().heapUsed;
  collect();
  const after = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ before, after, globalGc: typeof globalThis.gc }));
`;

test('the flag set from inside, a collection taken from a new context frees the process heap', () => {
  const { before, after, globalGc } = run(FREES_GARBAGE) as Record<string, number>;
  assert.ok(after < before / 3, `heap in use ${before} → ${after} bytes`);
  assert.equal(globalGc, 'undefined', "the server's global object is left as it was");
});

test('with --expose-gc, the global gc frees it', () => {
  const { before, after, globalGc } = run(FREES_GARBAGE, ['--expose-gc']) as Record<string, number>;
  assert.ok(after < before / 3, `heap in use ${before} → ${after} bytes`);
  assert.equal(globalGc, 'function');
});

test('without the flag set, there is no collection to take', () => {
  const { collect } = run(`
    const { fullCollection } = require('./server/src/node/full-collection');
    console.log(JSON.stringify({ collect: fullCollection() }));
  `);
  assert.equal(collect, null);
});

test("a scope's gc is used as it is", () => {
  let calls = 0;
  const gc = (): void => {
    calls++;
  };
  assert.equal(fullCollection({ gc }), gc);
  fullCollection({ gc })?.();
  assert.equal(calls, 1);
});
