/** What the web client hands over: the workspace's configuration files and what they extend. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gatherConfigFiles } from '../../client/src/config-files';
import type { ConfigSource } from '../../server/src/protocol';
import { MAX_CONFIG_FILES } from '../../server/src/protocol';

const root = 'vscode-vfs://github/team/reports';

/** A read over `texts`; it records what it was asked for. */
function reader(texts: Record<string, string>) {
  const asked: string[] = [];
  const read = (uri: string): Promise<ConfigSource> => {
    asked.push(uri);
    const text = texts[uri];
    return text === undefined
      ? Promise.reject(new Error('FileNotFound'))
      : Promise.resolve({ fileName: uri, text });
  };
  return { asked, read };
}

test('gatherConfigFiles: the roots and the chains they extend, each file read once', async () => {
  const { asked, read } = reader({
    [`${root}/.postmortemrc.json`]: '{ "extends": "./common/base.json" }',
    [`${root}/teams/.postmortemrc.json`]: '{ "extends": "../common/base.json" }',
    [`${root}/common/base.json`]: '{ "extends": "./org.json" }',
    [`${root}/common/org.json`]: '{ "extends": "google-sre" }',
  });
  const files = await gatherConfigFiles(
    [`${root}/.postmortemrc.json`, `${root}/teams/.postmortemrc.json`],
    read,
  );
  assert.deepEqual(
    files.map((file) => file.fileName),
    [
      `${root}/.postmortemrc.json`,
      `${root}/teams/.postmortemrc.json`,
      `${root}/common/base.json`,
      `${root}/common/org.json`,
    ],
  );
  assert.equal(asked.length, 4);
});

test('gatherConfigFiles: a file that cannot be read is handed over as an error; cycles end', async () => {
  const { read } = reader({
    [`${root}/.postmortemrc.json`]: '{ "extends": "./a.json" }',
    [`${root}/a.json`]: '{ "extends": "./.postmortemrc.json" }',
    [`${root}/b/.postmortemrc.json`]: '{ "extends": "./missing.json" }',
  });
  const files = await gatherConfigFiles(
    [`${root}/.postmortemrc.json`, `${root}/b/.postmortemrc.json`],
    read,
  );
  assert.deepEqual(files.at(-1), { fileName: `${root}/b/missing.json`, error: 'FileNotFound' });
  assert.equal(files.length, 4);
});

test('gatherConfigFiles: at most MAX_CONFIG_FILES files are read', async () => {
  // More files than the bound, each one's own (a chain of `extends` stops at 32 files deep).
  const texts: Record<string, string> = {};
  for (let index = 0; index < MAX_CONFIG_FILES + 10; index++) {
    texts[`${root}/${index}/.postmortemrc.json`] = '{}';
  }
  const { asked, read } = reader(texts);
  const files = await gatherConfigFiles(Object.keys(texts), read);
  assert.equal(files.length, MAX_CONFIG_FILES);
  assert.equal(asked.length, MAX_CONFIG_FILES);
});
