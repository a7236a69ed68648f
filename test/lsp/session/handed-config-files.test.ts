/** The web server's configuration files: those the client handed over, named by URI. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateByUri } from '../../../server/src/lsp/session/config-uris';
import { HandedConfigFiles } from '../../../server/src/lsp/session/handed-config-files';

const root = 'vscode-vfs://github/team/reports';
const rc = (folder: string) => `${folder}/.postmortemrc.json`;

function handed(files: { fileName: string; text?: string; error?: string }[]) {
  const store = new HandedConfigFiles(10);
  store.handOver({ files: files as never });
  return store;
}

test('locateByUri: relative to the naming file, `..` and absolute paths, backslashes as slashes', () => {
  const from = rc(`${root}/postmortems`);
  assert.equal(locateByUri('./base.json', from), `${root}/postmortems/base.json`);
  assert.equal(locateByUri('../common/base.json', from), `${root}/common/base.json`);
  assert.equal(locateByUri('..\\common\\base.json', from), `${root}/common/base.json`);
  assert.equal(locateByUri('/etc/base.json', from), 'vscode-vfs://github/etc/base.json');
});

test('nearest: the closest handed-over configuration file from a folder upward', () => {
  const store = handed([
    { fileName: rc(root), text: '{}' },
    { fileName: rc(`${root}/teams/payments`), text: '{}' },
    // A file that could not be read is no configuration file to find.
    { fileName: rc(`${root}/teams`), error: 'no such file or directory' },
  ]);
  assert.equal(store.nearest(`${root}/teams/payments/2024`), rc(`${root}/teams/payments`));
  assert.equal(store.nearest(`${root}/teams`), rc(root));
  assert.equal(store.nearest('vscode-vfs://github/other'), null);
});

test('locate: URIs as they are, none for untitled documents; folders are where files are', () => {
  const store = handed([{ fileName: rc(`${root}/teams`), text: '{}' }]);
  assert.equal(store.locate(`${root}/a.md`), `${root}/a.md`);
  assert.equal(store.locate('untitled:Untitled-1'), null);
  assert.equal(store.folderOf(`${root}/teams/a.md`), `${root}/teams`);
  assert.equal(store.isFolder(`${root}/teams`), true);
  assert.equal(store.isFolder(`${root}/team`), false);
});

test('load: follows extends among the handed files; an open editor text wins; a file not handed over is a problem', () => {
  const store = handed([
    { fileName: rc(root), text: '{ "extends": "./base.json" }' },
    { fileName: `${root}/base.json`, text: '{ "rules": { "placeholder": "off" } }' },
  ]);
  const resolved = store.load(rc(root), () => undefined);
  assert.equal(resolved.config.rules.placeholder, 'off');
  assert.deepEqual(resolved.files, [rc(root), `${root}/base.json`]);

  const edited = store.load(rc(root), (file) =>
    file === rc(root) ? '{ "extends": "./gone.json" }' : undefined,
  );
  assert.match(edited.problems[0]!.message, /gone\.json.*no such file or directory/);
});

test('handOver: entries that are neither a text nor an error are dropped', () => {
  const store = handed([
    { fileName: rc(root) },
    { fileName: 42 as never, text: '{}' },
    { fileName: rc(`${root}/a`), text: '{}' },
  ]);
  assert.equal(store.exists(rc(root)), false);
  assert.equal(store.exists(rc(`${root}/a`)), true);
});

test('ready: settles at the hand-over, or after the wait without one', async () => {
  const waiting = new HandedConfigFiles(60_000);
  let settled = false;
  void waiting.ready().then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false);
  waiting.handOver({ files: [] });
  await waiting.ready();

  await new HandedConfigFiles(5).ready();
});
