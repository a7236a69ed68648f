// `npm run bench:preview`: what the Markdown preview's additions cost where they run, in the
// editor's extension host, against markdown-it's own parse and render of the same report
// (VS Code's preview does both on every change), measured interleaved in this run. The
// preview's engine runs as it ships (`client/out/preview.js`, built first); the plugin from
// its source under tsx, as the npm script runs it. Prints a table; no target is asserted.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { previewPlugin } from '../client/src/preview/markdown-it-plugin.ts';
import { defaultConfig } from '../server/src/engine/index.ts';
import { generateReport } from './generate.mjs';
import { markdownTable, timeRuns } from './measure.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const runs = quick ? 3 : 9;

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production', 'preview'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const bundle = createRequire(import.meta.url)(join(repoRoot, 'client', 'out', 'preview.js'));

const config = defaultConfig();
const plain = new MarkdownIt({ html: true });
const preview = new MarkdownIt({ html: true });
preview.use(
  previewPlugin(
    { get: () => config },
    String,
    () => bundle,
    (error) => {
      throw error;
    },
  ),
);
/** VS Code's preview: the text parsed with no document named, then rendered with it named. */
const render = (md, text, document) =>
  md.renderer.render(md.parse(text, {}), md.options, { currentDocument: document });
const named = (uri) => ({ toString: () => uri });

/** One character of a row mid-timeline changed, differently for each run. */
const edited = (text, run) => {
  const at = text.indexOf('\n| ', text.length >> 1) + 12;
  return `${text.slice(0, at)}${'abcdefghij'[Math.abs(run) % 10]}${text.slice(at + 1)}`;
};

const rows = [['Measurement', 'markdown-it', 'with the preview', 'Ratio']];
for (const size of [100, 1000, 5000]) {
  const text = generateReport({ rows: size });
  const base = timeRuns({ run: (run) => render(plain, edited(text, run)), runs }).median;
  let fresh = 0;
  const cold = timeRuns({
    run: () => render(preview, text, named(`file:///cold-${fresh++}.md`)),
    runs,
  }).median;
  const document = named(`file:///edited-${size}.md`);
  const edit = timeRuns({
    run: (run) => render(preview, edited(text, run), document),
    runs,
  }).median;
  const again = timeRuns({ run: () => render(preview, text, document), runs }).median;
  const ms = (value) => `${value.toFixed(1)} ms`;
  const ratio = (value) => `${(value / base).toFixed(1)} ×`;
  rows.push(
    [`${size} rows, first render`, ms(base), ms(cold), ratio(cold)],
    [`${size} rows, a row edited`, ms(base), ms(edit), ratio(edit)],
    [`${size} rows, rendered again`, ms(base), ms(again), ratio(again)],
  );
}
console.log(markdownTable(rows));
