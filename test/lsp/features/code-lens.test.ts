/**
 * The language server over stdio: `textDocument/codeLens` with the metrics, and the
 * `workspace/executeCommand` that shows their breakdown.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol/node';
import { CodeLensRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { renderTemplate } from '../../../server/src/engine/sections/template';
import type { MetricsBreakdown } from '../../../server/src/protocol';
import { METRICS_BREAKDOWN_REQUEST, SHOW_METRICS_COMMAND } from '../../../server/src/protocol';
import { SAMPLE_METRICS_LENS } from '../../helpers/sample-metrics';
import { sample, listTimeline, range, serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open } = serverSession();

  test('textDocument/codeLens: metrics above the timeline heading', async () => {
    const opened = await open('sample.md', sample);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: opened.uri },
    })) as CodeLens[];
    assert.deepEqual(lenses, [
      {
        range: range(10, 0, 10, 14),
        command: {
          ...SAMPLE_METRICS_LENS,
          command: SHOW_METRICS_COMMAND,
          arguments: [opened.uri],
        },
      },
    ]);
  });

  test('textDocument/codeLens: one short line; its tooltip says how to mark what is missing', async () => {
    const unresolved = listTimeline.replace(
      'Latency back to normal [resolved]',
      'Latency at its usual level',
    );
    const opened = await open('list-timeline.md', unresolved);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: opened.uri },
    })) as CodeLens[];
    const command = (title: string, tooltip?: string) => ({
      title,
      command: SHOW_METRICS_COMMAND,
      arguments: [opened.uri],
      ...(tooltip ? { tooltip } : {}),
    });
    assert.deepEqual(lenses, [
      {
        range: range(14, 0, 14, 11),
        command: command(
          'TTD 12m · TTA — · TTM 30m · TTR —',
          [
            'Acknowledged: marked only before the detection — add [acknowledged] to a later entry',
            'Resolved: not marked — add [resolved] to an entry',
          ].join('\n'),
        ),
      },
      { range: range(31, 2, 31, 32), command: command('Computed from timeline: 12m') },
      {
        range: range(32, 2, 32, 33),
        command: command(
          "Computed from timeline: not available (TTR needs the timeline's milestones)",
        ),
      },
    ]);
  });

  test('textDocument/codeLens: a timeline without times says so once', async () => {
    const opened = await open('new-postmortem.md', renderTemplate(standard, 'Login', '2025-03-15'));
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: opened.uri },
    })) as CodeLens[];
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command!.title, lens.command!.tooltip]),
      [[13, 'TTD — · TTA — · TTM — · TTR —', 'Start: no entry with a readable time']],
    );
  });

  test('workspace/executeCommand: the metrics breakdown is shown with window/showMessage', async () => {
    const opened = await open('sample.md', sample);
    const shown = client.nextMessage();
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: SHOW_METRICS_COMMAND,
      arguments: [opened.uri],
    });
    const start = '12:55 PM “Automated monitoring detects increased DB errors.”';
    // One metric a line, no full stop after an event's own.
    const message = [
      'Metrics from the timeline:',
      `- TTD 0m: start ${start} → detected ${start} (guessed from \`monitor\`)`,
      `- TTA 5m: detected ${start} (guessed from \`monitor\`) → acknowledged 1:00 PM “PagerDuty alert sent to on-call engineers.” (guessed from \`on-call\`)`,
      `- TTM 20m: start ${start} → mitigated 1:15 PM “Temporary fix applied (manually restarted DB).” (guessed from \`temporary fix\`)`,
      `- TTR 40m: start ${start} → resolved 1:35 PM “Issue marked as resolved.” (guessed from \`resolved\`)`,
    ].join('\n');
    assert.deepEqual(await shown, { type: 3, message });
    assert.equal(result, message);
  });

  test('postmortem/metricsBreakdown: each span with its entries, and the line that ends it', async () => {
    const opened = await open('sample.md', sample);
    const breakdown = await client.request<MetricsBreakdown | null>(METRICS_BREAKDOWN_REQUEST, {
      uri: opened.uri,
    });
    assert.equal(breakdown?.title, 'Metrics from the timeline');
    assert.deepEqual(
      breakdown?.spans.map(({ title, span, endLine }) => [title, span, endLine]),
      [
        ['TTD 0m', 'start → detected', 13],
        ['TTA 5m', 'detected → acknowledged', 14],
        ['TTM 20m', 'start → mitigated', 16],
        ['TTR 40m', 'start → resolved', 18],
      ],
    );
    const readme = await client.request<MetricsBreakdown | null>(METRICS_BREAKDOWN_REQUEST, {
      uri: 'file:///nowhere/README.md',
    });
    assert.equal(readme, null);
  });
});
