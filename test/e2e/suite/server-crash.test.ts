/// <reference types="mocha" />
// A crashed server: killed from outside, the client starts a new one, which checks the open
// report again.
import * as assert from 'node:assert/strict';
import { diagnosticSummary } from './diagnostics';
import { serverPids } from './server-process';
import { waitForRepublishedDiagnostics } from './wait';
import { activeExtension, FIXTURE, FIXTURE_FINDINGS, openReport, workspaceFile } from './workspace';

describe('The language server', () => {
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
