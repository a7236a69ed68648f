/** Line indexes: lines, points and the line ending a text uses most. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex } from '../../../server/src/engine/markdown/lines';

describe('LineIndex', () => {
  test('\\r\\n, \\n and \\r each end a line', () => {
    const lines = new LineIndex('a\r\nb\nc\rd');
    assert.deepEqual(lines.lineStarts, [0, 3, 5, 7]);
    assert.deepEqual(lines.point(5), { line: 3, column: 1, offset: 5 });
    assert.equal(lines.lineEnd(1), 1);
  });

  test('line feeds alone: every line, an empty last one and a text of none', () => {
    assert.deepEqual(new LineIndex('a\n\nbc\n').lineStarts, [0, 2, 3, 6]);
    assert.deepEqual(new LineIndex('\n').lineStarts, [0, 1]);
    assert.deepEqual(new LineIndex('').lineStarts, [0]);
    assert.equal(new LineIndex('a\nb').lineEnd(1), 1);
    assert.equal(new LineIndex('a\nb\n').eol(), '\n');
  });

  test('eol: the ending most lines use; \\n when they tie or there is none', () => {
    assert.equal(new LineIndex('a\r\nb\r\nc\n').eol(), '\r\n');
    assert.equal(new LineIndex('a\r\nb\nc\n').eol(), '\n');
    assert.equal(new LineIndex('a\r\nb\n').eol(), '\n');
    assert.equal(new LineIndex('a\rb\rc').eol(), '\r');
    assert.equal(new LineIndex('a\rb\nc\r\n').eol(), '\n');
    assert.equal(new LineIndex('one line').eol(), '\n');
  });
});
