/**
 * The simple inline markup of a table cell read without micromark: text, backslash escapes,
 * code spans, one level of `*` or `_` emphasis and strong emphasis around text, and inline
 * links `[text](destination)` with plain text and destination. The nodes and positions are
 * those micromark and mdast-util-from-markdown build. Anything else (references, HTML,
 * entities, autolink literals, strikethrough, nesting, a delimiter run that does not pair
 * with the next one, characters outside ASCII next to a delimiter) makes `readInline` give
 * up, and the row is left to micromark.
 */
import type { Point } from 'unist';
import type { PhrasingContent, Text } from 'mdast';
import { BACKSLASH, BACKTICK, DOT, SLASH, SPACE, STAR, UNDERSCORE } from './chars';

/** Where the text read starts in the document, and how to make a point of an offset in it. */
export type PointAt = (offset: number) => Point;

const BANG = 33;
const LEFT_BRACKET = 91;
const LEFT_PAREN = 40;
const COLON = 58;
const LOWER_W = 119;

/** What a character below 128 is to the reader. */
const enum Kind {
  Plain = 0,
  /** Markup the reader does not read: give up. */
  Refused = 1,
  /** Markup the reader reads (escapes, code, emphasis, links, `!`, `:`, `w`). */
  Special = 2,
}

const KINDS = new Uint8Array(128);
for (let c = 0; c < 32; c++) KINDS[c] = Kind.Refused;
KINDS[127] = Kind.Refused;
for (const c of '<>&~$@]') KINDS[c.charCodeAt(0)] = Kind.Refused;
for (const c of '\\`*_[!:wW') KINDS[c.charCodeAt(0)] = Kind.Special;

/** ASCII punctuation, as CommonMark's escapes and flanking rules read it. */
function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

/** Characters of a link destination read here (no escapes, entities, brackets or spaces). */
function isDestinationCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    '-._~:/?#@!$+,;=%*'.includes(String.fromCharCode(code))
  );
}

/** How a delimiter's neighbour reads: 1 white space (or the cell's edge), 2 punctuation, 0 other; -1 outside ASCII. */
function classify(text: string, at: number, from: number, to: number): number {
  if (at < from || at >= to) return 1;
  const code = text.charCodeAt(at);
  if (code >= 128) return -1;
  if (code === SPACE) return 1;
  return isAsciiPunctuation(code) ? 2 : 0;
}

/** Whether an autolink literal could start at `i` (`://`, `www.`): GFM would link it. */
function mayStartAutolink(text: string, i: number, to: number): boolean {
  const code = text.charCodeAt(i);
  if (code === COLON) {
    return i + 2 < to && text.charCodeAt(i + 1) === SLASH && text.charCodeAt(i + 2) === SLASH;
  }
  return isW(text, i) && isW(text, i + 1) && isW(text, i + 2) && text.charCodeAt(i + 3) === DOT;
}

/** Whether the character at `i` is `w` or `W` (compared without building a string). */
function isW(text: string, i: number): boolean {
  return (text.charCodeAt(i) | 0x20) === LOWER_W;
}

/** Whether a delimiter run `[start, end)` may open and close emphasis (CommonMark 6.2). */
function flanking(
  text: string,
  start: number,
  end: number,
  from: number,
  to: number,
): { open: boolean; close: boolean } | null {
  const before = classify(text, start - 1, from, to);
  const after = classify(text, end, from, to);
  if (before < 0 || after < 0) return null;
  const left = after !== 1 && (after !== 2 || before !== 0);
  const right = before !== 1 && (before !== 2 || after !== 0);
  if (text.charCodeAt(start) === STAR) return { open: left, close: right };
  return { open: left && (!right || before === 2), close: right && (!left || after === 2) };
}

class InlineReader {
  private readonly nodes: PhrasingContent[] = [];
  /** The text node being built: where it starts and ends, and its value so far. */
  private textStart = -1;
  private textEnd = -1;
  private value = '';

  constructor(
    private readonly text: string,
    private readonly pointAt: PointAt,
  ) {}

  private add(start: number, end: number, value: string): void {
    if (this.textStart < 0) this.textStart = start;
    this.value += value;
    this.textEnd = end;
  }

  private flush(): void {
    if (this.textStart < 0) return;
    const node: Text = {
      type: 'text',
      value: this.value,
      position: { start: this.pointAt(this.textStart), end: this.pointAt(this.textEnd) },
    };
    this.nodes.push(node);
    this.textStart = -1;
    this.value = '';
  }

  /**
   * Reads `[from, to)` as text and escapes (`nested`: inside emphasis or a link, where nothing
   * else is read), or with every construct above. False when it gives up.
   */
  read(from: number, to: number, nested: boolean): boolean {
    const text = this.text;
    let plainFrom = from;
    let i = from;
    const takePlain = () => {
      if (plainFrom < i) this.add(plainFrom, i, text.slice(plainFrom, i));
    };
    while (i < to) {
      const code = text.charCodeAt(i);
      const kind = code < 128 ? KINDS[code] : Kind.Plain;
      if (kind === Kind.Plain) {
        i++;
        continue;
      }
      if (kind === Kind.Refused) return false;
      if (code === COLON || isW(text, i)) {
        if (mayStartAutolink(text, i, to)) return false;
        i++;
        continue;
      }
      if (code === BANG) {
        if (text.charCodeAt(i + 1) === LEFT_BRACKET) return false;
        i++;
        continue;
      }
      takePlain();
      if (code === BACKSLASH) {
        const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
        if (next >= 0 && isAsciiPunctuation(next)) {
          this.add(i, i + 2, text[i + 1]!);
          i += 2;
        } else {
          this.add(i, i + 1, '\\');
          i++;
        }
        plainFrom = i;
        continue;
      }
      if (nested) return false;
      const next =
        code === BACKTICK
          ? this.code(i, to)
          : code === LEFT_BRACKET
            ? this.link(i, to)
            : this.emphasis(i, from, to);
      if (next < 0) return false;
      i = next;
      plainFrom = i;
    }
    takePlain();
    return true;
  }

  /** A code span opening at `start`: where it ends, or -1. */
  private code(start: number, to: number): number {
    const text = this.text;
    let open = start;
    while (open < to && text.charCodeAt(open) === BACKTICK) open++;
    const size = open - start;
    for (let i = open; i < to; i++) {
      if (text.charCodeAt(i) !== BACKTICK) continue;
      let close = i;
      while (close < to && text.charCodeAt(close) === BACKTICK) close++;
      if (close - i === size) {
        let value = text.slice(open, i);
        // One space is stripped from each side of content that is not all spaces.
        if (
          value.length > 2 &&
          value.startsWith(' ') &&
          value.endsWith(' ') &&
          /[^ ]/.test(value)
        ) {
          value = value.slice(1, -1);
        }
        this.flush();
        this.nodes.push({
          type: 'inlineCode',
          value,
          position: { start: this.pointAt(start), end: this.pointAt(close) },
        });
        return close;
      }
      i = close - 1;
    }
    return -1;
  }

  /** An inline link `[text](destination)` at `start`: where it ends, or -1. */
  private link(start: number, to: number): number {
    const text = this.text;
    const close = text.indexOf(']', start + 1);
    if (close < 0 || close >= to || text.charCodeAt(close + 1) !== LEFT_PAREN) return -1;
    const end = text.indexOf(')', close + 2);
    if (end < 0 || end >= to || end === close + 2) return -1;
    for (let i = close + 2; i < end; i++) {
      if (!isDestinationCharacter(text.charCodeAt(i))) return -1;
    }
    for (let i = start + 1; i < close; i++) {
      const code = text.charCodeAt(i);
      if (
        code === LEFT_BRACKET ||
        code === BACKTICK ||
        code === STAR ||
        code === UNDERSCORE ||
        code === BACKSLASH
      ) {
        return -1;
      }
    }
    const inner = new InlineReader(text, this.pointAt);
    if (start + 1 === close || !inner.read(start + 1, close, true)) return -1;
    this.flush();
    this.nodes.push({
      type: 'link',
      title: null,
      url: text.slice(close + 2, end),
      children: inner.finish(),
      position: { start: this.pointAt(start), end: this.pointAt(end + 1) },
    });
    return end + 1;
  }

  /**
   * A delimiter run at `start`: literal text when it cannot open, else emphasis up to the next
   * run, which must close it with the same character and length. Where it ends, or -1.
   */
  private emphasis(start: number, from: number, to: number): number {
    const text = this.text;
    const marker = text.charCodeAt(start);
    let end = start;
    while (end < to && text.charCodeAt(end) === marker) end++;
    const size = end - start;
    const opener = flanking(text, start, end, from, to);
    if (opener === null || size > 2) return -1;
    if (!opener.open) {
      this.add(start, end, text.slice(start, end));
      return end;
    }
    let close = end;
    while (close < to) {
      const code = text.charCodeAt(close);
      if (code === STAR || code === UNDERSCORE) break;
      close += code === BACKSLASH ? 2 : 1;
    }
    if (close >= to || text.charCodeAt(close) !== marker || close === end) return -1;
    let closeEnd = close;
    while (closeEnd < to && text.charCodeAt(closeEnd) === marker) closeEnd++;
    const closer = flanking(text, close, closeEnd, from, to);
    if (closeEnd - close !== size || !closer?.close) return -1;
    const inner = new InlineReader(text, this.pointAt);
    if (!inner.read(end, close, true)) return -1;
    this.flush();
    this.nodes.push({
      type: size === 2 ? 'strong' : 'emphasis',
      children: inner.finish(),
      position: { start: this.pointAt(start), end: this.pointAt(closeEnd) },
    });
    return closeEnd;
  }

  /**
   * The nodes read, the last text included, in an array of their size: the list grew by
   * `push`, which leaves room for 17 nodes in every cell and span kept in the tree.
   */
  finish(): PhrasingContent[] {
    this.flush();
    return this.nodes.slice();
  }
}

/**
 * Whether `text[from, to)` holds a character that may start markup: text without any is read
 * as one text node, by the reader or by micromark alike.
 */
export function holdsMarkup(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? KINDS[code] : Kind.Plain;
    if (kind === Kind.Plain) continue;
    if (code !== COLON && !isW(text, i)) return true;
    if (mayStartAutolink(text, i, to)) return true;
  }
  return false;
}

/**
 * The phrasing content of `text[from, to)` (a table cell's content, without its surrounding
 * white space), with points from `pointAt`; null when it holds markup not read here.
 */
export function readInline(
  text: string,
  from: number,
  to: number,
  pointAt: PointAt,
): PhrasingContent[] | null {
  const reader = new InlineReader(text, pointAt);
  return reader.read(from, to, false) ? reader.finish() : null;
}
