/**
 * The language server over stdio: the real `server/out/server.js` process, spoken to with
 * `vscode-languageserver-protocol`: `initialize` and the lifecycle (the session asserts that
 * the server exits with 0 after `shutdown` and `exit`). Each LSP feature has its own file in
 * `features/` and `session/`, each test naming the method it exercises.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocumentSymbolRequest, ErrorCodes } from 'vscode-languageserver-protocol/node';
import { SHOW_METRICS_COMMAND } from '../../server/src/protocol';
import { sample, serverSession } from '../helpers/server-session';

describe('language server over stdio', () => {
  const { client } = serverSession();

  test('initialize: announces every feature', () => {
    assert.deepEqual(client.initializeResult.capabilities, {
      textDocumentSync: { openClose: true, change: 2 },
      codeActionProvider: {
        codeActionKinds: [
          'quickfix',
          'source.fixAll.postmortem',
          'source.postmortem.insertMissingSections',
          'source.postmortem.sortTimeline',
        ],
      },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['[', ']', '#', '|'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      executeCommandProvider: { commands: [SHOW_METRICS_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
  });
});

describe('language server over stdio, for an editor with its own Markdown outline', () => {
  const { client, open } = serverSession({ initializationOptions: { documentStructure: false } });

  test('initialize: `documentStructure: false` leaves out document symbols and folding', async () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.documentSymbolProvider, undefined);
    assert.equal(capabilities.foldingRangeProvider, undefined);
    assert.equal(capabilities.codeLensProvider?.resolveProvider, false);
    const opened = await open('sample.md', sample);
    await assert.rejects(
      client.connection.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri: opened.uri },
      }),
      (error: { code?: number }) => error.code === ErrorCodes.MethodNotFound,
    );
  });
});
