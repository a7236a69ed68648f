/// <reference types="mocha" />
// `run-code-server.mjs --web`: the extension's `browser` entry, in the web worker extension
// host. The other core checks (findings, fixes, snippets) run against it as they are; these
// check that it is the web entry that answers, and the configuration it cannot read itself.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { diagnosticSummary } from './diagnostics';
import { waitForDiagnostics } from './wait';
import {
  createFile,
  EXTENSION_ID,
  FIXTURE,
  FIXTURE_FINDINGS,
  removeCreatedFiles,
  WEB_HOST,
  workspaceFile,
} from './workspace';

describe('On the web', () => {
  before(function () {
    if (!WEB_HOST) this.skip();
  });
  after(removeCreatedFiles);

  it('the extension runs in the web worker extension host, with no Node server', () => {
    // Not in this (Node) extension host, and no process runs the Node server.
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID), undefined);
    const servers = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
      .split('\n')
      .filter((args) => args.includes(EXTENSION_ID) && args.includes('server/out/server.js'));
    assert.deepEqual(servers, []);
  });

  it('a .postmortemrc.json and the file it extends, read through workspace.fs, apply', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    await createFile('web-config/team.json', encode('{ "rules": { "timeline-order": "off" } }\n'));
    await createFile('web-config/.postmortemrc.json', encode('{ "extends": "./team.json" }\n'));
    const report = await createFile(
      'web-config/postmortems/login.md',
      await vscode.workspace.fs.readFile(workspaceFile(FIXTURE)),
    );
    await vscode.window.showTextDocument(report, { preview: false });
    const expected = FIXTURE_FINDINGS.filter((finding) => !finding.startsWith('timeline-order'));
    const found = await waitForDiagnostics(
      report,
      'the findings without timeline-order',
      (diagnostics) => diagnosticSummary(diagnostics).join() === expected.join(),
    );
    assert.deepEqual(diagnosticSummary(found), expected);
  });
});
