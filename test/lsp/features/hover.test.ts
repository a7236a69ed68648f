/**
 * The language server over stdio: `textDocument/hover`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol/node';
import {
  DidChangeConfigurationNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { sample, range, serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open } = serverSession();

  test('textDocument/hover: a timeline time, read, with elapsed times and milestones', async () => {
    const opened = await open('sample.md', sample);
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 14, character: 4 },
    })) as Hover;
    assert.deepEqual(hover, {
      contents: {
        kind: 'markdown',
        value: [
          '`1:00 PM` is 13:00 (no date, UTC)',
          'T+5m since the start · 5m after `12:55 PM`',
          'Marks **detected**: guessed from keyword `page` (the milestone is at `12:55 PM`); **acknowledged**: guessed from keyword `on-call`',
        ].join('\n\n'),
      },
      range: range(14, 2, 14, 9),
    });
    const elsewhere = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 3, character: 4 },
    });
    assert.equal(elsewhere, null);
  });

  test('textDocument/hover: an entry earlier than the one above it is so many minutes before it', async () => {
    const rows = '---\ntype: postmortem\n---\n\n## Timeline\n\n- 10:05 rollback\n- 10:00 alert\n';
    const opened = await open('out-of-order.md', rows);
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 7, character: 3 },
    })) as Hover;
    const lines = (hover.contents as { value: string }).value.split('\n\n');
    assert.equal(lines[1], 'T-5m since the start · 5m before `10:05`');
  });

  test('textDocument/hover: a numeric date whose order nothing settles is shown as a guess', async () => {
    const rows = '## Timeline\n\n- 02/03/2025 09:10 job fails\n- 03/03/2025 08:00 fix deployed\n';
    const hoverAt = async (text: string, line: number) => {
      const opened = await open('dates.md', `---\ntype: postmortem\n---\n\n${text}`);
      const hover = (await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: opened.uri },
        position: { line, character: 4 },
      })) as Hover;
      return (hover.contents as { value: string }).value;
    };
    assert.match(await hoverAt(rows, 6), /Guessed: read month first/);
    assert.doesNotMatch(await hoverAt(`On 13/02/2025 too.\n\n${rows}`, 8), /Guessed/);
  });

  test('textDocument/hover: a follow-up, as read; a front matter field, with its values', async () => {
    const text = [
      '---',
      'status: draft',
      'type: postmortem',
      '---',
      '# Outage',
      '',
      '## Action Items',
      '',
      '- [ ] Add config validation @alice due 2020-04-01 (OPS-123)',
      '- Raise the limits',
      '',
    ].join('\n');
    const opened = await open('follow-ups.md', text);
    const at = (line: number, character: number) =>
      client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: opened.uri },
        position: { line, character },
      }) as Promise<Hover | null>;
    assert.deepEqual(await at(8, 20), {
      contents: {
        kind: 'markdown',
        value: [
          '**Follow-up**: `Add config validation`',
          'Status: open (from checkbox)',
          'Owner: `@alice` · Due: 2020-04-01, **overdue** · Ticket: `OPS-123`',
        ].join('\n\n'),
      },
      range: range(8, 0, 8, 59),
    });
    assert.equal(
      ((await at(9, 4))!.contents as { value: string }).value,
      [
        '**Follow-up**: `Raise the limits`',
        'Status: open (no status written)',
        'Owner: not written · Due: not written · Ticket: not written',
      ].join('\n\n'),
    );
    const status = (await at(1, 10))!;
    assert.deepEqual(status.range, range(1, 0, 1, 6));
    assert.match(
      (status.contents as { value: string }).value,
      /^\*\*`status`\*\*: .*\n\nOne of `draft`, `in-review`, `final`$/,
    );
  });

  test('textDocument/hover: a severity field names the aliases of configuration', async (t) => {
    const setSettings = async (settings: Record<string, unknown>) => {
      client.settings = settings;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: null,
      });
    };
    await setSettings({ metadata: { aliases: { P1: 'SEV1', Closed: 'final' } } });
    t.after(() => setSettings({}));
    const opened = await open('aliases.md', '---\nseverity: P1\ntype: postmortem\n---\n# Outage\n');
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: opened.uri },
      position: { line: 1, character: 2 },
    })) as Hover;
    assert.match(
      (hover.contents as { value: string }).value,
      /\n\nOne of `SEV1`, `SEV2`, `SEV3`, `SEV4`\n\nAlso read: `P1` as `SEV1`$/,
    );
  });
});
