/**
 * The language server over stdio: `postmortem/newTimelineEntry`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { renderTemplate } from '../../../server/src/engine/sections/template';
import type { NewTimelineEntryResult } from '../../../server/src/protocol';
import { NEW_TIMELINE_ENTRY_REQUEST } from '../../../server/src/protocol';
import { sample, listTimeline, serverSession } from '../../helpers/server-session';

describe('language server over stdio', () => {
  const { client, open } = serverSession();

  test('postmortem/newTimelineEntry: a table row after the last row, as many cells', async () => {
    const opened = await open('sample.md', sample);
    const result = await client.request<NewTimelineEntryResult>(NEW_TIMELINE_ENTRY_REQUEST, {
      uri: opened.uri,
      now: '2025-03-15T14:05:00Z',
    });
    assert.deepEqual(result, {
      position: { line: 19, character: 0 },
      snippet: '| 2:05 PM | $0 |\n',
    });
  });

  test('postmortem/newTimelineEntry: a list item shaped like the last one', async () => {
    const opened = await open('list-timeline.md', listTimeline);
    const result = await client.request<NewTimelineEntryResult>(NEW_TIMELINE_ENTRY_REQUEST, {
      uri: opened.uri,
      now: '2025-03-15T14:05:00Z',
    });
    assert.deepEqual(result, { position: { line: 23, character: 0 }, snippet: '- 14:05 - $0\n' });
  });

  test('postmortem/newTimelineEntry: the first row of an empty table goes under its header', async () => {
    const opened = await open('new-postmortem.md', renderTemplate(standard, 'Login', '2025-03-15'));
    const result = await client.request<NewTimelineEntryResult>(NEW_TIMELINE_ENTRY_REQUEST, {
      uri: opened.uri,
      now: '2025-03-15T14:05:00Z',
    });
    // The header says `Time (UTC)`: the time is written in UTC, 24-hour while no row says otherwise.
    assert.deepEqual(result, { position: { line: 17, character: 0 }, snippet: '| 14:05 | $0 |\n' });
  });
});
