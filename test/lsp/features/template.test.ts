/**
 * The language server over stdio: `postmortem/template`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
} from 'vscode-languageserver-protocol/node';
import { googleSre } from '../../../server/src/engine/sections/presets/google-sre';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { renderTemplate } from '../../../server/src/engine/sections/template';
import type { TemplateResult } from '../../../server/src/protocol';
import { TEMPLATE_REQUEST } from '../../../server/src/protocol';
import { serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open, uri } = serverSession();

  test('postmortem/template: the default schema, a preset, and an unknown preset', async () => {
    const standardResult = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      title: 'Login outage',
      date: '2025-03-15',
    });
    const metadata = { idPattern: 'PM-{date}' };
    assert.deepEqual(standardResult, {
      text: renderTemplate(standard, 'Login outage', '2025-03-15', undefined, metadata),
    });
    assert.deepEqual(standardResult.text.split('\n').slice(0, 9), [
      '---',
      'title: Login outage',
      'id: PM-2025-03-15',
      'date: 2025-03-15',
      'severity:',
      'status: draft',
      '---',
      '',
      '# Post-Mortem: Login outage',
    ]);
    const sre = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      preset: 'google-sre',
      title: 'Login outage',
      date: '2025-03-15',
    });
    // Not the configured sections: the report names its preset, to be checked against it.
    assert.deepEqual(sre, {
      text: renderTemplate(googleSre, 'Login outage', '2025-03-15', 'google-sre', metadata),
    });
    assert.ok(sre.text.includes('status: draft\ntype: postmortem\npreset: google-sre\n---\n'));
    const same = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      preset: 'standard',
      title: 'Login outage',
      date: '2025-03-15',
    });
    assert.deepEqual(same, standardResult);
    await assert.rejects(
      client.request(TEMPLATE_REQUEST, { preset: 'nope', title: 'x', date: '2025-03-15' }),
      (error: { code: number; message: string }) => {
        assert.equal(error.code, -32602);
        assert.match(error.message, /^Unknown preset `nope`; expected one of `standard`/);
        return true;
      },
    );
  });

  test('a new report opens with no warning: a draft, its front matter valid, its findings information', async () => {
    const { text } = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      title: 'Login: outage',
      date: '2025-03-15',
    });
    assert.ok(text.startsWith('---\ntitle: "Login: outage"\n'));
    const { diagnostics } = await open('new-postmortem.md', text);
    assert.ok(diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity !== DiagnosticSeverity.Information),
      [],
    );
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'metadata'));
  });

  test('postmortem/template: the id of the postmortem.metadata setting, for a folder without a file', async (t) => {
    client.settings = { metadata: { idPattern: 'INC-{yyyy}{mm}{dd}' } };
    t.after(async () => {
      client.settings = {};
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: null,
      });
    });
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const { text } = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      title: 'Login outage',
      date: '2025-03-15',
      uri: uri('new-postmortem.md'),
    });
    assert.ok(text.includes('\nid: INC-20250315\n'), text.slice(0, 120));
  });
});
