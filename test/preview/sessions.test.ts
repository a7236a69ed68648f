/** The preview's analysis sessions: one per document, kept for the documents previewed last. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PreviewSessions } from '../../server/src/preview/sessions';

test('a document keeps its session from render to render', () => {
  const sessions = new PreviewSessions(2);
  const first = sessions.of('file:///a.md');
  assert.equal(sessions.of('file:///a.md'), first);
  assert.notEqual(sessions.of('file:///b.md'), first);
});

test('past the bound, the document rendered longest ago loses its session', () => {
  const sessions = new PreviewSessions(2);
  const a = sessions.of('file:///a.md');
  sessions.of('file:///b.md');
  sessions.of('file:///a.md');
  sessions.of('file:///c.md');
  assert.deepEqual(sessions.documents(), ['file:///a.md', 'file:///c.md']);
  assert.equal(sessions.of('file:///a.md'), a);
  sessions.of('file:///b.md');
  assert.deepEqual(sessions.documents(), ['file:///a.md', 'file:///b.md']);
});
