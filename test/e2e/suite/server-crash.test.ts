/// <reference types="mocha" />
// The server process: started with the Node flags it needs, and, killed from outside, started
// again by the client, which checks the open report again.
import * as assert from 'node:assert/strict';
import { diagnosticSummary } from './diagnostics';
import { serverPids, serverProcesses } from './server-process';
import { waitForRepublishedDiagnostics } from './wait';
import { activeExtension, FIXTURE, FIXTURE_FINDINGS, openReport, workspaceFile } from './workspace';

describe('The language server', () => {
  it('runs with --expose-gc, so it can give memory back after bursts of analysis', async () => {
    const { extension } = await activeExtension();
    await openReport(workspaceFile(FIXTURE));
    const servers = serverProcesses(extension.extensionPath);
    assert.equal(servers.length, 1, `Expected one server, found ${servers.length}`);
    assert.match(servers[0]!.args, /\s--expose-gc\s/);
  });

  it('comes back after it is killed, and publishes the diagnostics again', async () => {
    const { extension } = await activeExtension();
    const { document } = await openReport(workspaceFile(FIXTURE));
    const [killed, ...others] = serverPids(extension.extensionPath);
    assert.ok(killed !== undefined && others.length === 0, 'Expected exactly one server');
    const republished = waitForRepublishedDiagnostics(document.uri);
    process.kill(killed, 'SIGKILL');
    assert.deepEqual(diagnosticSummary(await republished), FIXTURE_FINDINGS);
    const now = serverPids(extension.extensionPath);
    assert.equal(now.length, 1, `Expected one server, found ${now.length}`);
    assert.notEqual(now[0], killed);
  });
});
