/**
 * The language server over stdio: the real `server/out/server.js` process, spoken to with
 * `vscode-languageserver-protocol`: `initialize` and the lifecycle (the session asserts that
 * the server exits with 0 after `shutdown` and `exit`). Each LSP feature has its own file in
 * `features/` and `session/`, each test naming the method it exercises.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { DocumentSymbolRequest, ErrorCodes } from 'vscode-languageserver-protocol/node';
import { SHOW_METRICS_COMMAND } from '../../server/src/protocol';
import { buildServer, TestClient } from '../helpers/lsp-client';
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

describe('language server over stdio: the V8 flags it sets on itself', () => {
  /** The log line naming them, from a server started with `nodeOptions`. */
  async function flagsLine(nodeOptions: string[]): Promise<string> {
    buildServer();
    const client = await TestClient.start({ nodeOptions });
    try {
      for (let wait = 0; wait < 100; wait++) {
        const line = client.log.find((message) => message.startsWith('V8 flags set at start:'));
        if (line) return line;
        await setTimeout(50);
      }
      assert.fail(`no V8 flags in the log: ${client.log.join(' | ')}`);
    } finally {
      await client.stop();
    }
  }

  test('initialized: logs the flags set, as any editor starts the server', async () => {
    assert.equal(
      await flagsLine([]),
      'V8 flags set at start: --semi-space-growth-factor=1 --heap-growing-percent=100 --interrupt-budget=540672 --expose-gc',
    );
  });

  test('a node option on the semispaces given at start wins over the flag', async () => {
    assert.equal(
      await flagsLine(['--max-semi-space-size=8']),
      'V8 flags set at start: --heap-growing-percent=100 --interrupt-budget=540672 --expose-gc',
    );
  });

  test('started with --expose-gc, as VS Code starts it, the server sets the others', async () => {
    assert.equal(
      await flagsLine(['--expose-gc']),
      'V8 flags set at start: --semi-space-growth-factor=1 --heap-growing-percent=100 --interrupt-budget=540672',
    );
  });

  test("a node option on the old generation's growth given at start wins over the flag", async () => {
    assert.equal(
      await flagsLine(['--heap-growing-percent=50']),
      'V8 flags set at start: --semi-space-growth-factor=1 --interrupt-budget=540672 --expose-gc',
    );
  });
});
