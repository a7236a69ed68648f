/**
 * The language server over stdio: `.postmortemrc.json` files (read, watched, checked as they
 * are edited) and the settings that override them.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  CodeLensRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InlayHintRequest,
} from 'vscode-languageserver-protocol/node';
import { googleSre } from '../../../server/src/engine/sections/presets/google-sre';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { renderTemplate } from '../../../server/src/engine/sections/template';
import type { TemplateResult } from '../../../server/src/protocol';
import { TEMPLATE_REQUEST } from '../../../server/src/protocol';
import {
  sampleWithoutLessons,
  range,
  requiredLessons,
  serverSession,
} from '../../helpers/server-session';
import { pathUri } from '../../helpers/lsp-client';

describe('configuration', () => {
  const { client, scratch: folder } = serverSession({
    prefix: 'postmortem-config-',
    prepare: (folder) => mkdirSync(join(folder, 'postmortems')),
    assertCleanExit: false,
  });

  test('.postmortemrc.json: malformed, it gets a diagnostic and the report is still checked', async () => {
    const configPath = join(folder, '.postmortemrc.json');
    writeFileSync(configPath, '{\n  "rules": { "placeholder": "off" },\n}\n');
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    const configDiagnostics = client.diagnosticsFor(pathUri(configPath));
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.open(reportUri, sampleWithoutLessons);
    assert.deepEqual(await configDiagnostics, {
      uri: pathUri(configPath),
      diagnostics: [
        {
          range: range(1, 35, 1, 36),
          severity: 1,
          source: 'postmortem',
          message: 'Unexpected trailing comma: not allowed in JSON',
        },
      ],
    });
    assert.deepEqual(await reportDiagnostics, requiredLessons(reportUri, 1));
  });

  test('workspace/didChangeWatchedFiles: a fixed configuration file re-checks open reports', async () => {
    const configPath = join(folder, '.postmortemrc.json');
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    writeFileSync(configPath, '{\n  "rules": { "required-sections": "error" }\n}\n');
    const configDiagnostics = client.diagnosticsFor(pathUri(configPath));
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathUri(configPath), type: FileChangeType.Changed }],
    });
    assert.deepEqual(await configDiagnostics, { uri: pathUri(configPath), diagnostics: [] });
    const expected = requiredLessons(reportUri, 1);
    expected.diagnostics[0]!.severity = DiagnosticSeverity.Error;
    assert.deepEqual(await reportDiagnostics, expected);
  });

  test('workspace/didChangeConfiguration: settings override the configuration file', async () => {
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    client.settings = { rules: { 'required-sections': 'info' } };
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const expected = requiredLessons(reportUri, 1);
    expected.diagnostics[0]!.severity = DiagnosticSeverity.Information;
    assert.deepEqual(await reportDiagnostics, expected);
    // Back to the configuration file's `error`.
    client.settings = {};
    const restored = client.diagnosticsFor(reportUri, 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    expected.diagnostics[0]!.severity = DiagnosticSeverity.Error;
    assert.deepEqual(await restored, expected);
  });

  test('.postmortemrc.json: an open configuration file is checked as it is edited', async () => {
    const configPath = join(folder, '.postmortemrc.json');
    const configUri = pathUri(configPath);
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    const text = '{\n  "rules": { "required-sections": "loud" }\n}\n';
    const configDiagnostics = client.diagnosticsFor(configUri);
    const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
    await client.open(configUri, text, 'json');
    assert.deepEqual(await configDiagnostics, {
      uri: configUri,
      diagnostics: [
        {
          range: range(1, 34, 1, 40),
          severity: 1,
          source: 'postmortem',
          message:
            'Unknown severity `loud` for `required-sections`; expected `off`, `info`, `warning` or `error`',
        },
      ],
    });
    // The invalid severity falls back to the default: a warning again.
    assert.deepEqual(await reportDiagnostics, requiredLessons(reportUri, 1));
  });

  test('postmortem/template: the schema configured for a folder, from the open configuration file', async () => {
    const configUri = pathUri(join(folder, '.postmortemrc.json'));
    await client.change(configUri, 2, [
      { range: range(0, 0, 3, 0), text: '{ "extends": "google-sre" }\n' },
    ]);
    const result = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
      uri: pathUri(folder),
      title: 'Login outage',
      date: '2025-03-15',
    });
    const metadata = { idPattern: 'PM-{date}' };
    assert.deepEqual(result, {
      text: renderTemplate(googleSre, 'Login outage', '2025-03-15', undefined, metadata),
    });
    // The preset the folder is configured with needs no front matter; another one does.
    for (const [preset, named] of [
      ['google-sre', undefined],
      ['standard', 'standard'],
    ] as const) {
      const picked = await client.request<TemplateResult>(TEMPLATE_REQUEST, {
        uri: pathUri(folder),
        preset,
        title: 'Login outage',
        date: '2025-03-15',
      });
      const schema = preset === 'standard' ? standard : googleSre;
      assert.deepEqual(picked, {
        text: renderTemplate(schema, 'Login outage', '2025-03-15', named, metadata),
      });
    }
  });

  test('postmortem.codeLens.enabled and postmortem.inlayHints.enabled: off, nothing is shown', async () => {
    const reportUri = pathUri(join(folder, 'postmortems', 'login.md'));
    client.settings = { codeLens: { enabled: false }, inlayHints: { enabled: false } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: reportUri },
    });
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: reportUri },
      range: range(0, 0, 40, 0),
    });
    assert.deepEqual([lenses, hints], [[], []]);
    client.settings = {};
  });

  test('postmortem.files: a setting with no globs leaves a short draft unchecked', async () => {
    client.settings = { files: [] };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const documentUri = pathUri(join(folder, 'postmortems', 'draft.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, '# Draft\n\n## Summary\n\nTBD\n');
    assert.deepEqual(await published, { uri: documentUri, version: 1, diagnostics: [] });
    client.settings = {};
  });
  test('postmortem.files: globs that cannot be used are left out, each said once', async () => {
    // `""` made every document "analysis failed"; the extended glob took 21 s a document.
    client.settings = { files: ['', '**/@(a|a+)+b', '**/postmortems/**'] };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    for (const name of ['a'.repeat(40), 'b'.repeat(40)]) {
      const documentUri = pathUri(join(folder, 'postmortems', `${name}.md`));
      const published = client.diagnosticsFor(documentUri, 1);
      await client.open(documentUri, '# Draft\n\n## Summary\n\nTBD\n');
      const { diagnostics } = await published;
      assert.ok(
        diagnostics.some((d) => d.code === 'required-sections'),
        name,
      );
    }
    // Said when the first document was analysed, not again for the second.
    assert.deepEqual(
      [await client.nextMessage(), await client.nextMessage()],
      [
        { type: 2, message: 'Left out of `postmortem.files`: ``, which is empty' },
        {
          type: 2,
          message:
            'Left out of `postmortem.files`: `**/@(a|a+)+b`, which uses `(`: extended globs, parentheses and `|` are not supported (braces are: `{a,b}`)',
        },
      ],
    );
    client.settings = {};
  });

  test('postmortem.metadata and postmortem.followUps: a team without a file sets its scale and what follow-ups name', async () => {
    client.settings = {
      metadata: { severities: ['P1', 'P2'], required: ['status'], colour: 'red' },
      followUps: { ticketPatterns: ['(a+)+'] },
    };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: null,
    });
    const documentUri = pathUri(join(folder, 'postmortems', 'scale.md'));
    const published = client.diagnosticsFor(documentUri, 1);
    await client.open(documentUri, '---\nseverity: SEV2\n---\n\n# Outage\n');
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'metadata').map((d) => d.message),
      [
        'Front matter has no `status`; add it, as configuration requires',
        'Unknown severity `SEV2`; expected `P1` or `P2`',
      ],
    );
    assert.deepEqual(
      [await client.nextMessage(), await client.nextMessage()],
      [
        {
          type: 2,
          message:
            'Left out of the `postmortem.metadata` setting: Unknown key `colour` in `metadata`; expected `required`, `severities`, `statuses`, `idPattern` or `aliases`',
        },
        {
          type: 2,
          message:
            'Left out of the `postmortem.followUps` setting: Cannot use the tracking-key pattern `(a+)+`: it repeats a group, which can make matching slow',
        },
      ],
    );
    client.settings = {};
  });
});

describe('configuration files as an attack', () => {
  const { client, scratch: folder } = serverSession({
    prefix: 'postmortem-config-attack-',
    prepare: (folder) => {
      mkdirSync(join(folder, '.git'));
      mkdirSync(join(folder, 'postmortems'));
      execFileSync('mkfifo', [join(folder, 'fifo.json')]);
      symlinkSync('/dev/zero', join(folder, 'zero.json'));
    },
  });

  for (const [reference, reason] of [
    ['/dev/zero', `outside the repository \`${folder}\`, where configuration files are read`],
    ['./zero.json', `outside the repository \`${folder}\`, where configuration files are read`],
    ['./fifo.json', 'not a regular file'],
  ] as const) {
    test(`extends ${reference}: a diagnostic on the configuration, the report still checked`, async () => {
      const configPath = join(folder, '.postmortemrc.json');
      writeFileSync(configPath, JSON.stringify({ extends: reference }));
      const reportUri = pathUri(join(folder, 'postmortems', `${reference.length}.md`));
      const configDiagnostics = client.diagnosticsFor(pathUri(configPath));
      const reportDiagnostics = client.diagnosticsFor(reportUri, 1);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathUri(configPath), type: FileChangeType.Changed }],
      });
      await client.open(reportUri, sampleWithoutLessons);
      assert.deepEqual(
        (await configDiagnostics).diagnostics.map((diagnostic) => diagnostic.message),
        [`Cannot read \`${reference}\`: ${reason}`],
      );
      assert.deepEqual(await reportDiagnostics, requiredLessons(reportUri, 1));
    });
  }
});
