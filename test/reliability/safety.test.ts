/**
 * Nothing from a workspace is executed and nothing reaches the network: the sources of the
 * server, the CLI and the client use no process spawning, no code evaluation, no dynamic
 * loading and no network module, and the bundles load only the Node modules listed here, each
 * for a stated reason. (`untrustedWorkspaces` support is checked in `test/extension`.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { repoRoot } from '../helpers/lsp-client';
import { buildBundles } from '../helpers/build';

/** Every `.ts` file under `folder`. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns'];

/**
 * Sources that may use `node:vm`: the server's full collection takes the `gc` of a new context
 * (`server/src/node/full-collection.ts`), and evaluates nothing but that name.
 */
const GC_CONTEXT = ['server/src/node/full-collection.ts'];

/** What must not appear in the sources, and why; `allowedIn`: the sources it may appear in. */
const FORBIDDEN: { pattern: RegExp; why: string; allowedIn?: string[] }[] = [
  { pattern: /child_process/, why: 'spawns processes' },
  { pattern: /\beval\s*\(/, why: 'evaluates code' },
  { pattern: /new\s+Function\b/, why: 'evaluates code' },
  { pattern: /\brequire\s*\(/, why: 'loads code at run time' },
  { pattern: /\bimport\s*\(/, why: 'loads code at run time' },
  // A built-in loaded when first used is named as a literal, which the bundles' lists below see.
  {
    pattern: /getBuiltinModule\s*\((?!'node:[a-z_/]+'\))/,
    why: 'loads a module named at run time',
  },
  { pattern: /['"](?:node:)?vm['"]/, why: 'evaluates code', allowedIn: GC_CONTEXT },
  { pattern: /\bfetch\s*\(|XMLHttpRequest|WebSocket/, why: 'reaches the network' },
  {
    pattern: new RegExp(`from ['"](?:node:)?(?:${NETWORK_MODULES.join('|')})['"]`),
    why: 'reaches the network',
  },
];

/**
 * Sources that may load code at run time: the desktop client loads the Markdown preview's
 * engine, its own bundle at a fixed path beside its own (`client/out/preview.js`).
 */
const OWN_BUNDLE_LOADS = ['client/src/main-node.ts'];

/** Sources that may use worker threads: the CLI's pool runs its own bundle in them. */
const WORKER_THREADS = ['server/src/cli/main.ts', 'server/src/cli/pool.ts'];

describe('sources', () => {
  const files = [
    ...sources(join(repoRoot, 'server', 'src')),
    ...sources(join(repoRoot, 'client', 'src')),
  ];

  test('there are sources to check', () => {
    assert.ok(files.length > 50, `${files.length} files`);
  });

  test('no process spawning, code evaluation, dynamic loading or network access', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const ownBundleLoads = OWN_BUNDLE_LOADS.includes(relative(repoRoot, file));
      for (const { pattern, why, allowedIn } of FORBIDDEN) {
        if (ownBundleLoads && why === 'loads code at run time') continue;
        if (allowedIn?.includes(relative(repoRoot, file))) continue;
        const match = pattern.exec(text);
        if (match) found.push(`${relative(repoRoot, file)}: \`${match[0]}\` ${why}`);
      }
    }
    assert.deepEqual(found, []);
  });

  test("run-time loading only of the preview's own bundle, beside the client's", () => {
    for (const file of OWN_BUNDLE_LOADS) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      assert.equal(text.match(/\brequire\s*\(/g)?.length, 1, file);
      assert.match(
        text,
        /const path = join\(__dirname, 'preview\.js'\);\n.*\n\s*return require\(path\)/,
      );
    }
  });

  test("node:vm only for the full collection's context, evaluating only `gc`", () => {
    const users = files
      .filter((file) => /['"](?:node:)?vm['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file).split('\\').join('/'));
    assert.deepEqual(users, GC_CONTEXT);
    for (const file of GC_CONTEXT) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      assert.match(text, /^import \{ runInNewContext \} from 'node:vm';$/m);
      assert.deepEqual(text.match(/runInNewContext\([^)]*\)/g), ["runInNewContext('gc')"]);
    }
  });

  test('worker threads only in the CLI pool, which starts its own bundle', () => {
    const users = files
      .filter((file) => /worker_threads/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file).split('\\').join('/'));
    assert.deepEqual(users.sort(), WORKER_THREADS);
    assert.match(
      readFileSync(join(repoRoot, 'server', 'src', 'cli', 'main.ts'), 'utf8'),
      /workerScript: __filename/,
    );
  });
});

/**
 * Node modules each bundle loads. `child_process` and `net` come with the `node` entries of
 * vscode-languageclient (which starts the bundled server over IPC) and vscode-languageserver
 * (socket and pipe transports, global module lookup): code this product does not call with
 * anything from a workspace. `buffer` and `process` come with yaml (front matter: binary
 * scalars, warnings). `node:crypto` names the CLI's `--fix` temporary files at random and hashes
 * the stylesheet of `report --format html` (loaded only then: `process.getBuiltinModule`).
 * fdir (under tinyglobby, which finds the files of a folder for the CLI and for the server's
 * workspace index) gets no `module`: the `require` it would make for an optional `picomatch`
 * finds nothing (`scripts/fdir-module.js`). `node:v8` sets the server's and the CLI's V8 flags
 * at start; `node:vm` gives the server the `gc` of a new context (its full collection).
 */
const BUNDLE_MODULES: Record<string, string[]> = {
  'server/out/server.js': [
    'buffer',
    'child_process',
    'crypto',
    'fs',
    'net',
    'node:fs',
    'node:path',
    'node:process',
    'node:url',
    'node:util',
    'node:v8',
    'node:vm',
    'os',
    'path',
    'process',
    'url',
    'util',
  ],
  'server/out/cli.js': [
    'buffer',
    'fs',
    'node:crypto',
    'node:fs',
    'node:os',
    'node:path',
    'node:process',
    'node:stream/consumers',
    'node:url',
    'node:util',
    'node:v8',
    'node:worker_threads',
    'path',
    'process',
    'url',
  ],
  // `node:path` finds the preview's bundle beside the client's own.
  'client/out/extension.js': [
    'child_process',
    'crypto',
    'fs',
    'net',
    'node:path',
    'os',
    'path',
    'readline',
    'util',
    'vscode',
  ],
  // The Markdown preview's engine: yaml's, and vfile's path and URL helpers (unused here).
  'client/out/preview.js': ['buffer', 'node:path', 'node:process', 'node:url', 'process'],
  // The preset, each rule's plugin and the chunk they share.
  'server/out/remark': ['node:fs', 'node:path', 'node:process', 'node:url'],
};

/** A bundle's code: the file, or every `.mjs` file of a folder of split bundles. */
function bundleText(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, 'utf8');
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mjs'))
    .map((name) => readFileSync(join(path, name), 'utf8'))
    .join('\n');
}

describe('bundles', () => {
  before(() => buildBundles());

  for (const [bundle, expected] of Object.entries(BUNDLE_MODULES)) {
    test(`${bundle}: loads only the Node modules listed, evaluates no code`, () => {
      const text = bundleText(join(repoRoot, bundle));
      const loaded = new Set<string>();
      const loads = /\b(?:require|getBuiltinModule)\("([^"]+)"\)|\bfrom "([^"./][^"]*)"/g;
      for (const match of text.matchAll(loads)) loaded.add((match[1] ?? match[2])!);
      assert.deepEqual([...loaded].sort(), expected);
      assert.doesNotMatch(text, /\beval\(|new Function\(/);
      for (const name of NETWORK_MODULES.filter((name) => name !== 'net')) {
        assert.ok(!loaded.has(name) && !loaded.has(`node:${name}`), `${bundle} loads ${name}`);
      }
    });
  }
});
