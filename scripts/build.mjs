// Bundles the language server, the CLI and the VS Code client into CommonJS files, and the
// client and server for the web (vscode.dev, github.dev: a web worker runs the server).
// ESM-only dependencies (remark, unified) are bundled in, so nothing is loaded at run time
// from node_modules except `vscode`, which the editor provides.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
// `--out <folder>` writes the server's bundles (`server/out/…`) there instead (`pack:cli`).
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1] : null;
// `node scripts/build.mjs server cli` builds only those bundles; no names builds all.
const only = process.argv
  .slice(2)
  .filter((arg, index, args) => !arg.startsWith('--') && args[index - 1] !== '--out');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // ASCII bundles: Node keeps a source with one character outside Latin-1 as a two-byte string.
  charset: 'ascii',
  logLevel: 'warning',
};

/** The rules' ids, from their documentation pages (`docs/rules/<id>.md`, one per rule). */
function ruleIds() {
  return readdirSync('docs/rules')
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
}

/** `remark-rule:<id>`: a module whose default export is that rule's remark-lint plugin. */
const remarkRuleEntries = {
  name: 'remark-rule-entries',
  setup(builder) {
    builder.onResolve({ filter: /^remark-rule:/ }, (args) => ({
      path: args.path.slice('remark-rule:'.length),
      namespace: 'remark-rule',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'remark-rule' }, (args) => ({
      contents: `import { rules } from './plugins.ts';\nexport default rules[${JSON.stringify(args.path)}];\n`,
      resolveDir: resolve('server/src/remark'),
      loader: 'ts',
    }));
  },
};

/**
 * Globals a web worker does not have, Node's and a page's: a web bundle (run in a worker: the
 * server's own, the web extension host) that needs one breaks there.
 */
const FOREIGN_GLOBALS = [
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'setImmediate',
  'clearImmediate',
  'window',
  'document',
];
const globalMark = (name) => `__foreign_global_${name}__`;

/** Fails a web bundle's build where anything imports a Node built-in module. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(builder) {
    const names = builtinModules.filter((name) => !name.startsWith('_')).join('|');
    const builtin = new RegExp(`^(node:.*|(${names.replace(/\//g, '\\/')})(/.*)?)$`);
    builder.onResolve({ filter: builtin }, (args) => ({
      errors: [
        { text: `${args.importer} imports the Node built-in \`${args.path}\`: the web has none` },
      ],
    }));
  },
};

/**
 * What the web bundles share: a browser's modules, as a worker takes them (no DOM:
 * `decode-named-character-reference` has a DOM build), and Node's built-ins refused.
 */
const web = {
  platform: 'browser',
  target: 'es2022',
  conditions: ['worker'],
  plugins: [noNodeBuiltins],
};

/**
 * fdir (under tinyglobby) is ESM and makes a `require` from `import.meta.url` when it loads:
 * it gets `scripts/fdir-module.js` instead of `node:module` (nothing to find at run time), and
 * the URL, which it then never reads, is empty.
 */
const fdirRequire = {
  define: { 'import.meta.url': '""' },
  plugins: [
    {
      name: 'fdir-module',
      setup(builder) {
        builder.onResolve({ filter: /^(node:)?module$/ }, (args) =>
          /[\\/]fdir[\\/]/.test(args.importer)
            ? { path: resolve('scripts/fdir-module.js') }
            : undefined,
        );
      },
    },
  ],
};

const entries = {
  server: {
    entryPoints: ['server/src/server.ts'],
    outfile: 'server/out/server.js',
    // Its workspace index finds files as the CLI does (below).
    ...fdirRequire,
  },
  cli: {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    ...fdirRequire,
  },
  // ESM: remark-cli and unified-engine `import()` plugins and read their default export. The
  // preset and each rule's own plugin share one chunk, so that a rule named in a `.remarkrc`
  // is the very plugin the preset uses (unified then merges their options).
  remark: {
    entryPoints: [
      { in: 'server/src/remark/preset.ts', out: 'index' },
      ...ruleIds().map((id) => ({ in: `remark-rule:${id}`, out: `rules/${id}` })),
    ],
    outdir: 'server/out/remark',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // Bundled CommonJS dependencies (yaml) require Node built-ins, which ESM has no `require` for.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [remarkRuleEntries],
  },
  client: {
    entryPoints: ['client/src/main-node.ts'],
    outfile: 'client/out/extension.js',
    external: ['vscode'],
  },
  // The Markdown preview's engine, which the desktop client loads the first time the preview
  // renders a post-mortem: the client's own bundle stays without a parser.
  preview: { entryPoints: ['server/src/preview/main.ts'], outfile: 'client/out/preview.js' },
  'web-server': {
    ...web,
    entryPoints: ['server/src/browser-server.ts'],
    outfile: 'server/out/browser-server.js',
    format: 'iife',
  },
  // The web extension host loads the client as CommonJS, `vscode` given.
  'web-client': {
    ...web,
    entryPoints: ['client/src/main-browser.ts'],
    outfile: 'client/out/browser-extension.js',
    external: ['vscode'],
  },
};

/**
 * Where a web bundle reaches a global a worker lacks: the modules (as esbuild names them) that
 * use one, but for a dependency's that tests for it first (`typeof process`: it runs on Node
 * too). Read from an unminified build of the bundle in which each global is a marked name.
 */
async function foreignGlobalUses(entry) {
  const { outputFiles } = await build({
    ...common,
    ...entry,
    minify: false,
    sourcemap: false,
    write: false,
    define: Object.fromEntries(FOREIGN_GLOBALS.map((name) => [name, globalMark(name)])),
  });
  // An unminified bundle starts each module with a comment naming its file.
  const modules = outputFiles[0].text.split(/^\s*\/\/ (?=\S+\.[cm]?[jt]s$)/m);
  return modules.flatMap((module) => {
    const name = module.slice(0, module.indexOf('\n'));
    return FOREIGN_GLOBALS.filter(
      (global) =>
        module.includes(globalMark(global)) &&
        !(name.includes('node_modules/') && module.includes(`typeof ${globalMark(global)}`)),
    ).map((global) => `${name} uses \`${global}\``);
  });
}

const selected = Object.entries(entries).filter(
  ([name]) => only.length === 0 || only.includes(name),
);
/** An entry with its output moved under `--out`. */
function placed(entry) {
  if (out === null) return entry;
  const move = (path) => path && path.replace(/^server\/out/, out);
  return { ...entry, outfile: move(entry.outfile), outdir: move(entry.outdir) };
}

const results = await Promise.all(
  selected.map(([, entry]) => build({ ...common, ...placed(entry), metafile: true })),
);
// Split bundles name their chunks by hash: remove those of earlier builds (after this one, so
// that a bundle being read meanwhile is never missing).
for (const [index, [, entry]] of selected.entries()) {
  const { outdir } = placed(entry);
  if (!outdir) continue;
  const written = new Set(
    Object.keys(results[index].metafile.outputs).map((path) => resolve(path)),
  );
  for (const name of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    const path = resolve(name.parentPath ?? name.path, name.name);
    if (name.isFile() && !written.has(path)) rmSync(path);
  }
}
// esbuild leaves characters outside ASCII in comments and regular expression literals, where
// a `\u` escape means the same (a pair of them for a character past U+FFFF), as it does for
// a character escaped by a backslash before it.
for (const result of results) {
  for (const path of Object.keys(result.metafile.outputs)) {
    if (!/\.m?js$/.test(path)) continue;
    const code = readFileSync(path, 'utf8');
    const ascii = code.replace(
      /(\\*)([^\0-\x7f])/g,
      (_, slashes, c) =>
        `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    if (ascii !== code) writeFileSync(path, ascii);
  }
}
const webUses = await Promise.all(
  selected
    .filter(([, entry]) => entry.platform === 'browser')
    .map(([, entry]) => foreignGlobalUses(entry)),
);
if (webUses.flat().length > 0) {
  console.error(`A web bundle reaches globals a worker lacks:\n  ${webUses.flat().join('\n  ')}`);
  process.exit(1);
}
const warnings = results.flatMap((r) => r.warnings);
if (warnings.length > 0) {
  console.error(`esbuild: ${warnings.length} warning(s) treated as errors`);
  // Warnings are errors: a warning here is a bundle that may break at run time.
  process.exit(1);
}
