/**
 * The language server over stdio: `postmortem/previewConfig`, the configuration the Markdown
 * preview analyses a report with.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { PreviewConfigResult } from '../../../server/src/protocol';
import { PREVIEW_CONFIG_REQUEST } from '../../../server/src/protocol';
import { repoRoot } from '../../helpers/paths';
import { sample, serverSession } from '../../helpers/server-session';

describe('postmortem/previewConfig', () => {
  const { client, open } = serverSession({
    prepare: (folder) =>
      writeFileSync(
        join(folder, '.postmortemrc.json'),
        JSON.stringify({ timeZone: 'Europe/Oslo', milestoneKeywords: { detected: ['spotted'] } }),
      ),
  });

  test('a post-mortem: the configuration it was analysed with, its file included', async () => {
    const opened = await open('sample.md', sample);
    const result = await client.request<PreviewConfigResult | null>(PREVIEW_CONFIG_REQUEST, {
      uri: opened.uri,
    });
    assert.ok(result);
    assert.equal(result.config.timeZone, 'Europe/Oslo');
    assert.deepEqual(result.config.milestoneKeywords.detected, ['spotted']);
    assert.ok(result.config.schema.sections.some((section) => section.id === 'timeline'));
  });

  test('Markdown that is not a post-mortem (the README), and a document not open: null', async () => {
    const readme = await open('README.md', readFileSync(join(repoRoot, 'README.md'), 'utf8'));
    assert.equal(await client.request(PREVIEW_CONFIG_REQUEST, { uri: readme.uri }), null);
    assert.equal(
      await client.request(PREVIEW_CONFIG_REQUEST, { uri: `${readme.uri}-closed.md` }),
      null,
    );
  });
});
