/**
 * Bytes read as UTF-8, strictly: a file with a byte that is not UTF-8 (Latin-1's `é` as 0xE9,
 * say) is read with U+FFFD in its place, and says where the first such byte is, so that no
 * caller writes the replacement characters back or mistakes the file for what it holds.
 */
import { LineIndex } from './lines';

/** The first byte that is not UTF-8: its value, and the place of its replacement character. */
export interface InvalidUtf8 {
  byte: number;
  line: number;
  column: number;
  offset: number;
}

/** A file's text (a byte order mark kept), and its first byte that is not UTF-8, if any. */
export interface DecodedText {
  text: string;
  invalid: InvalidUtf8 | null;
}

/**
 * UTF-8 bytes of `text[from, to)` (lone surrogates count as the replacement character's 3), a
 * range that splits no surrogate pair.
 */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = to - from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A pair: 2 units, 4 bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of the longest valid prefix of `bytes`, or null when the prefix is not UTF-8. */
function prefixText(bytes: Uint8Array, length: number): string | null {
  try {
    // Streaming: a character cut at the end of the prefix is left for later, not an error.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(0, length),
      { stream: true },
    );
  } catch {
    return null;
  }
}

/** Decodes `bytes` as UTF-8 and, when they are not, finds the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), invalid: null };
  } catch {
    // Found below: a prefix that is valid stays valid when shortened, so bisect its length.
  }
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1;
    if (prefixText(bytes, middle) === null) invalid = middle;
    else valid = middle;
  }
  const before = prefixText(bytes, valid) ?? '';
  const point = new LineIndex(before).point(before.length);
  return {
    text: lenient.decode(bytes),
    invalid: {
      byte: bytes[new TextEncoder().encode(before).length] ?? 0,
      line: point.line,
      column: point.column,
      offset: before.length,
    },
  };
}

/** How a message names an invalid byte: `0xE9 at line 3, column 4`. */
export function describeInvalidUtf8({ byte, line, column }: InvalidUtf8): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${column}`;
}
