/// <reference types="mocha" />
// The server's start: not for any Markdown file, but for the first post-mortem. This file runs
// first (the suite runs in file order), before any other opens a report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { serverPids } from './server-process';
import {
  activeExtension,
  createFile,
  FIXTURE,
  openReport,
  removeCreatedFiles,
  workspaceFile,
} from './workspace';

describe('Starting the server', () => {
  after(removeCreatedFiles);

  it('starts no server for a README; the first post-mortem opened starts it', async () => {
    const readme = await createFile(
      'README.md',
      new TextEncoder().encode('# Acme Billing\n\n## Install\n\n```sh\nnpm install\n```\n'),
    );
    const document = await vscode.workspace.openTextDocument(readme);
    await vscode.window.showTextDocument(document, { preview: false });
    assert.equal(document.languageId, 'markdown');
    // Activated by the README (onLanguage:markdown): the view and commands, no server.
    const { extension } = await activeExtension();
    assert.deepEqual(serverPids(extension.extensionPath), []);
    await openReport(workspaceFile(FIXTURE));
    assert.equal(serverPids(extension.extensionPath).length, 1);
  });
});
