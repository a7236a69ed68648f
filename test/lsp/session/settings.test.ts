/**
 * The server's settings: coerced from whatever the client sends, and declared in package.json;
 * over stdio, the settings a client pushes when it cannot be asked for them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { coerceSettings, DEFAULT_SETTINGS } from '../../../server/src/lsp/session/settings';
import { SETTING_NAMES } from '../../../server/src/protocol';
import { repoRoot } from '../../helpers/paths';
import { requiredLessons, sampleWithoutLessons, serverSession } from '../../helpers/server-session';

describe('settings', () => {
  test('nothing sent gives the defaults', () => {
    assert.deepEqual(coerceSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(coerceSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(coerceSettings('postmortem'), DEFAULT_SETTINGS);
  });

  test('values of the wrong type fall back; unknown rules, severities and milestones are dropped', () => {
    assert.deepEqual(
      coerceSettings({
        preset: ' google-sre ',
        files: ['docs/**', 3],
        rules: { placeholder: 'off', 'timeline-order': 'loud', 'no-such-rule': 'error' },
        milestoneKeywords: { detected: ['alarm', 1], start: ['begin'], later: ['x'] },
        timeZone: 42,
        dateOrder: 'dmy',
        codeLens: { enabled: 'no' },
        inlayHints: { enabled: false, tables: 'inline' },
      }),
      {
        preset: 'google-sre',
        files: ['docs/**'],
        rules: { placeholder: 'off' },
        milestoneKeywords: { detected: ['alarm'] },
        timeZone: '',
        dateOrder: '',
        blocks: {},
        codeLens: { enabled: true },
        inlayHints: { enabled: false, tables: 'endOfRow' },
      },
    );
    assert.equal(coerceSettings({ dateOrder: 'month-day' }).dateOrder, 'month-day');
    // Blocks are passed on as sent, for the engine to check as a file's; `{}` is not set.
    assert.deepEqual(
      coerceSettings({
        metadata: { severities: ['P1'] },
        strictness: {},
        severitySections: null,
        followUps: 'none',
      }).blocks,
      { metadata: { severities: ['P1'] }, followUps: 'none' },
    );
    assert.equal(coerceSettings({ inlayHints: { tables: 'off' } }).inlayHints.tables, 'off');
  });

  test('package.json declares every setting with the server defaults', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    const { properties } = manifest.contributes.configuration;
    assert.deepEqual(Object.keys(properties).sort(), Object.values(SETTING_NAMES).sort());
    const defaults = {
      [SETTING_NAMES.preset]: DEFAULT_SETTINGS.preset,
      [SETTING_NAMES.files]: DEFAULT_SETTINGS.files,
      [SETTING_NAMES.rules]: DEFAULT_SETTINGS.rules,
      [SETTING_NAMES.milestoneKeywords]: DEFAULT_SETTINGS.milestoneKeywords,
      [SETTING_NAMES.timeZone]: DEFAULT_SETTINGS.timeZone,
      [SETTING_NAMES.dateOrder]: DEFAULT_SETTINGS.dateOrder,
      [SETTING_NAMES.metadata]: {},
      [SETTING_NAMES.strictness]: {},
      [SETTING_NAMES.severitySections]: {},
      [SETTING_NAMES.followUps]: {},
      [SETTING_NAMES.codeLensEnabled]: DEFAULT_SETTINGS.codeLens.enabled,
      [SETTING_NAMES.inlayHintsEnabled]: DEFAULT_SETTINGS.inlayHints.enabled,
      [SETTING_NAMES.inlayHintsTables]: DEFAULT_SETTINGS.inlayHints.tables,
      [SETTING_NAMES.traceServer]: 'off',
    };
    for (const [name, value] of Object.entries(defaults)) {
      assert.deepEqual(properties[name]!.default, value, name);
    }
  });
});

describe('settings pushed by clients without workspace/configuration', () => {
  const { client, uri } = serverSession({ pullConfiguration: false, assertCleanExit: false });

  test('workspace/didChangeConfiguration: pushed settings apply', async () => {
    const documentUri = uri('sample.md');
    const first = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, sampleWithoutLessons);
    assert.deepEqual(await first, requiredLessons(documentUri, 1));
    const second = client.diagnosticsFor(documentUri, 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { postmortem: { rules: { 'required-sections': 'off' } } },
    });
    assert.deepEqual(await second, { uri: documentUri, version: 1, diagnostics: [] });
  });
});
