// Bundles the language server, the CLI and the VS Code client into CommonJS files.
// ESM-only dependencies (remark, unified) are bundled in, so nothing is loaded at run time
// from node_modules except `vscode`, which the editor provides.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
// `node scripts/build.mjs server cli` builds only those bundles; no names builds all.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

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

const entries = {
  server: { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  cli: {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // ESM: remark-cli and unified-engine `import()` plugins and read their default export.
  remark: {
    entryPoints: ['server/src/remark/preset.ts'],
    outfile: 'server/out/remark-preset.mjs',
    format: 'esm',
    // Bundled CommonJS dependencies (yaml) require Node built-ins, which ESM has no `require` for.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
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
/** What a CommonJS bundle needs of ESM code bundled into it. */
const commonjs = {
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['scripts/import-meta-url.js'],
};
const results = await Promise.all(
  selected.map(([, entry]) =>
    build({ ...common, ...((entry.format ?? common.format) === 'cjs' ? commonjs : {}), ...entry }),
  ),
);
const warnings = results.flatMap((r) => r.warnings);
if (warnings.length > 0) {
  console.error(`esbuild: ${warnings.length} warning(s) treated as errors`);
  // Warnings are errors: a warning here is a bundle that may break at run time.
  process.exit(1);
}
