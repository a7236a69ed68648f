import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8, describeInvalidUtf8 } from '../../../server/src/engine/markdown/utf8';

const bytes = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding);

test('UTF-8, with or without a byte order mark: the text as it is, nothing invalid', () => {
  assert.deepEqual(decodeUtf8(bytes('\uFEFF# Café\n')), { text: '\uFEFF# Café\n', invalid: null });
  assert.deepEqual(decodeUtf8(new Uint8Array()), { text: '', invalid: null });
});

test('Latin-1: every invalid byte replaced, the first one found at its line and column', () => {
  const decoded = decodeUtf8(bytes('# Report\r\n\r\n- 10:00 caf\xe9 ferm\xe9\n', 'latin1'));
  assert.equal(decoded.text, '# Report\r\n\r\n- 10:00 caf\uFFFD ferm\uFFFD\n');
  assert.deepEqual(decoded.invalid, { byte: 0xe9, line: 3, column: 12, offset: 23 });
  assert.equal(describeInvalidUtf8(decoded.invalid!), '0xE9 at line 3, column 12');
});

test('a sequence cut short, in the middle or at the end, is found at its lead byte', () => {
  const middle = Buffer.concat([bytes('ab€'), Buffer.from([0xe2, 0x82]), bytes('cd')]);
  assert.deepEqual(decodeUtf8(middle).invalid, { byte: 0xe2, line: 1, column: 4, offset: 3 });
  const end = Buffer.concat([bytes('x\ny'), Buffer.from([0xf0, 0x9f])]);
  assert.deepEqual(decodeUtf8(end).invalid, { byte: 0xf0, line: 2, column: 2, offset: 3 });
});

test('random bytes: the text is the lenient decoding, and the first invalid byte is where it breaks', () => {
  // Mostly UTF-8 pieces, with stray bytes among them.
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 4 }).map((text) => [...Buffer.from(text)]),
    fc.constantFrom([0x0a], [0x0d, 0x0a], [0xef, 0xbb, 0xbf]),
    fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const bytes = Buffer.from(pieces.flat());
      const { text, invalid } = decodeUtf8(bytes);
      assert.equal(text, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      assert.equal(invalid === null, isUtf8(bytes));
      if (invalid === null) return;
      // Everything before the offset is valid and unchanged; the invalid byte starts there.
      const before = text.slice(0, invalid.offset);
      const prefix = Buffer.from(before);
      assert.ok(isUtf8(prefix) && bytes.subarray(0, prefix.length).equals(prefix));
      assert.equal(invalid.byte, bytes[prefix.length]);
      assert.equal(text[invalid.offset], '\uFFFD');
      const lines = before.split(/\r\n|\r|\n/);
      assert.deepEqual(
        [invalid.line, invalid.column],
        [lines.length, lines[lines.length - 1]!.length + 1],
      );
    }),
    { numRuns: 500, seed: 20261201 },
  );
});
