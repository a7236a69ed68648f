// `npm run test:vscode`: the end-to-end suite in desktop VS Code, through @vscode/test-electron,
// on a machine that can download VS Code (into .vscode-test/). The extension runs from this
// folder as a development extension (`npm run build` first; the npm script does it), the suite
// from test/e2e/out/suite, on a fresh copy of the fixture workspace.
//
//   node test/e2e/run-electron.mjs [--version stable|insiders|1.91.0] [--executable PATH]
//
// --executable runs an installed VS Code instead of downloading one.
// The one test that types into an input box needs the code-server driver and is skipped here.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildSuite, SUITE_OUT } from './build.mjs';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const version = option('--version') ?? 'stable';
const vscodeExecutablePath = option('--executable');

await buildSuite();
const workspace = mkdtempSync(join(tmpdir(), 'pm-e2e-workspace-'));
cpSync(join(repo, 'test/fixtures/editors'), workspace, { recursive: true });
let status = 0;
try {
  await runTests({
    version,
    ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(SUITE_OUT, 'index.js'),
    // The folder to open; the user data and extensions folders are fresh ones in .vscode-test.
    launchArgs: [workspace, '--disable-telemetry'],
  });
} catch (error) {
  // runTests rejects when VS Code exits non-zero: a failed test, or no VS Code.
  console.error(error instanceof Error ? error.message : error);
  status = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(status);
