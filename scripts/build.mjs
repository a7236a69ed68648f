// Bundles the language server, the CLI and the VS Code client into CommonJS files.
// ESM-only dependencies (remark, unified) are bundled in, so nothing is loaded at run time
// from node_modules except `vscode`, which the editor provides.
import { readdirSync, rmSync } from 'node:fs';
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

const entries = {
  server: { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  cli: {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    // fdir (under tinyglobby) is ESM and reads `import.meta.url`: the bundle's own file URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['scripts/import-meta-url.js'],
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
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    external: ['vscode'],
  },
};

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
const warnings = results.flatMap((r) => r.warnings);
if (warnings.length > 0) {
  console.error(`esbuild: ${warnings.length} warning(s) treated as errors`);
  // Warnings are errors: a warning here is a bundle that may break at run time.
  process.exit(1);
}
