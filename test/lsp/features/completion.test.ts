/**
 * The language server over stdio: `textDocument/completion`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-protocol/node';
import { CompletionRequest } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { formatNowLike } from '../../../server/src/engine/timeline/read';
import {
  sampleWithoutLessons,
  listTimeline,
  range,
  serverSession,
} from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open } = serverSession();

  test('textDocument/completion: milestone markers after `[` in a timeline row', async () => {
    const text = listTimeline.replace('acknowledges the page', 'acknowledges the page [');
    const opened = await open('list-timeline.md', text);
    assert.equal(text.split('\n')[20], '- 09:10 - On-call engineer acknowledges the page [');
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 20, character: 50 },
    })) as CompletionItem[];
    assert.deepEqual(
      items.map((item) => [item.label, item.textEdit]),
      ['start', 'detected', 'acknowledged', 'mitigated', 'resolved'].map((milestone) => [
        `[${milestone}]`,
        { range: range(20, 49, 20, 50), newText: `[${milestone}]` },
      ]),
    );
  });

  test('textDocument/completion: nothing after `]`, so the marker list closes', async () => {
    const text = listTimeline
      .replace('acknowledges the page', 'acknowledges the page [acknowledged]')
      .replace(/\n$/, '\n## See [the runbook]\n');
    const opened = await open('list-timeline.md', text);
    const lines = text.split('\n');
    assert.equal(lines[20], '- 09:10 - On-call engineer acknowledges the page [acknowledged]');
    const heading = lines.indexOf('## See [the runbook]');
    for (const position of [
      { line: 20, character: lines[20]!.length },
      { line: heading, character: lines[heading]!.length },
    ]) {
      const items = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: opened.uri },
        position,
      })) as CompletionItem[];
      assert.deepEqual(items, [], `at ${JSON.stringify(position)}`);
    }
  });

  test('textDocument/completion: milestone markers under a day heading that continues the timeline', async () => {
    const text = listTimeline.replace(
      '- 09:10 - On-call engineer acknowledges the page',
      '## July 22\n\n- 09:10 - Page sent [',
    );
    assert.equal(text.split('\n')[22], '- 09:10 - Page sent [');
    const opened = await open('day-headings.md', text);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 22, character: 21 },
    })) as CompletionItem[];
    assert.equal(items[0]?.label, '[start]');
  });

  test('textDocument/completion: section headings on an empty line, missing ones first', async () => {
    const opened = await open('sample.md', sampleWithoutLessons);
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 1, character: 0 },
    })) as CompletionItem[];
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted[0], {
      label: 'Lessons Learned',
      kind: 9,
      detail: 'Missing section',
      sortText: '0-006',
      filterText: '## Lessons Learned',
      insertTextFormat: 1,
      textEdit: {
        range: range(1, 0, 1, 0),
        newText: '## Lessons Learned\n\n- **What Worked Well:** \n- **What Needs Improvement:** ',
      },
    });
    assert.deepEqual(
      sorted.slice(1).map((item) => [item.label, item.detail]),
      standard.sections.slice(0, 6).map((spec) => [spec.title, 'Already in this report']),
    );
  });

  test('textDocument/completion: on a heading line, the heading text only', async () => {
    const text = sampleWithoutLessons + '## Less';
    const opened = await open('sample.md', text);
    const line = text.split('\n').length - 1;
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line, character: 7 },
    })) as CompletionItem[];
    const lessons = items.find((item) => item.label === 'Lessons Learned')!;
    assert.deepEqual(lessons.textEdit, {
      range: range(line, 0, line, 7),
      newText: '## Lessons Learned',
    });
  });

  test('textDocument/completion: the current time at the start of a timeline item', async () => {
    const text = listTimeline.replace(
      '- 09:40 - Latency back to normal [resolved]\n',
      '- 09:40 - Latency back to normal [resolved]\n- ',
    );
    const opened = await open('list-timeline.md', text);
    const before = new Date();
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 23, character: 2 },
    })) as CompletionItem[];
    const afterRequest = new Date();
    assert.equal(items.length, 1);
    const [item] = items;
    // The clock may tick between the two readings: the label is one of them.
    const timeline = analyze(text, defaultConfig()).model.timeline!;
    const times = [before, afterRequest].map((now) => formatNowLike(timeline, now));
    assert.ok(times.includes(item!.label), `${item!.label} is one of ${times.join(', ')}`);
    assert.deepEqual(item!.textEdit, { range: range(23, 2, 23, 2), newText: item!.label });
  });

  test('textDocument/completion: front matter fields not yet written, then their values', async () => {
    const text = '---\nstatus: \ntype: postmortem\n\n---\n# Outage\n';
    const opened = await open('front-matter.md', text);
    const at = async (line: number, character: number) =>
      (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: opened.uri },
        position: { line, character },
      })) as CompletionItem[];
    const fields = await at(3, 0);
    assert.deepEqual(
      fields.map((item) => item.label),
      ['title', 'id', 'date', 'severity', 'authors', 'services', 'started', 'detected', 'resolved'],
    );
    assert.deepEqual(fields[0]!.textEdit, { range: range(3, 0, 3, 0), newText: 'title: ' });
    const statuses = await at(1, 8);
    assert.deepEqual(
      statuses.map((item) => [item.label, item.textEdit]),
      ['draft', 'in-review', 'final'].map((status) => [
        status,
        { range: range(1, 8, 1, 8), newText: status },
      ]),
    );
    assert.deepEqual(await at(0, 3), []);
    const toml = await open(
      'front-matter.toml.md',
      '+++\ntype = "postmortem"\nseverity = "S"\n+++\n# Outage\n',
    );
    const severities = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: toml.uri },
      position: { line: 2, character: 13 },
    })) as CompletionItem[];
    assert.deepEqual(
      severities.map(
        (item) => item.textEdit && 'newText' in item.textEdit && item.textEdit.newText,
      ),
      ['"SEV1"', '"SEV2"', '"SEV3"', '"SEV4"'],
    );
    // `id`: the configured pattern for the report's date.
    const dated = await open(
      'front-matter-id.md',
      '---\nid: \ndate: 2025-03-15\ntype: postmortem\n---\n# Outage\n',
    );
    const ids = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: dated.uri },
      position: { line: 1, character: 4 },
    })) as CompletionItem[];
    assert.deepEqual(
      ids.map((item) => [item.label, item.textEdit]),
      [['PM-2025-03-15', { range: range(1, 4, 1, 4), newText: 'PM-2025-03-15' }]],
    );
  });
  test(
    'textDocument/completion: a timeline line of 500 KB costs its length',
    { timeout: 120_000 },
    async () => {
      // Blanks after a list marker, then text: the row-start pattern backtracked quadratically
      // over them (80 KB: 4.2 s a request).
      const blanks = ' \t'.repeat(250_000);
      const text = listTimeline.replace(
        '- 09:40 - Latency back to normal [resolved]\n',
        `- 09:40 - Latency back to normal [resolved]\n-${blanks}x\n- 09:41 x${blanks}[\n`,
      );
      const opened = await open('long-line.md', text);
      const row = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: opened.uri },
        position: { line: 23, character: 2 + blanks.length },
      })) as CompletionItem[];
      assert.deepEqual(row, []);
      const marker = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: opened.uri },
        position: { line: 24, character: 9 + blanks.length + 1 },
      })) as CompletionItem[];
      assert.equal(marker.length, 5);
    },
  );
});
