/**
 * The bundles are ASCII: Node holds a script with one character outside Latin-1 as a string of
 * two bytes a character, which doubles the server's source in memory (`scripts/build.mjs`).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';

const BUNDLES = ['server/out', 'client/out'].flatMap((folder) =>
  readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.m?js$/.test(name))
    .map((name) => join(folder, name)),
);

test('every bundle is ASCII', () => {
  assert.ok(BUNDLES.includes(join('server/out', 'server.js')), 'the server was built');
  for (const bundle of BUNDLES) {
    const code = readFileSync(join(repoRoot, bundle), 'utf8');
    const at = code.search(/[^\0-\x7f]/);
    assert.equal(at, -1, `${bundle}: ${JSON.stringify(code.slice(at - 40, at + 10))}`);
  }
});
