/**
 * A line scanner that tells, without parsing, whether a line stands at the top level of the
 * document: not inside fenced code, an HTML block or front matter. Where one reading of a line
 * is not certain (an opener indented two or three columns may belong to a list item; a tag
 * that cannot interrupt a paragraph may be text), it follows every reading at once, so that
 * "every reading is at the top level" is never wrong, only sometimes too cautious.
 */
import {
  BACKTICK,
  COLON,
  DASH,
  GREATER_THAN,
  HASH,
  isBlankRange,
  isSpaceOrTab,
  LESS_THAN,
  nextColumn,
  PIPE,
  RIGHT_BRACKET,
  SLASH,
  SPACE,
  TAB,
  TILDE,
} from './chars';

/**
 * One reading of where a line stands:
 * - `free`: at the top level, or in a container whose lines the reading checks as top level;
 * - `list`: in a list item whose content starts at `indent`: its lines are item content;
 * - `fence`: in fenced code opened by `size` times `marker`;
 * - `html`: in an HTML block of CommonMark kind 1 to 5 (raw, comment, instruction,
 *   declaration, CDATA), which ends at its end marker, or kind 7 (also 6), at a blank line;
 * - `front`: in front matter fenced by `marker` three times.
 */
type Reading =
  | { kind: 'free' }
  | { kind: 'list'; indent: number }
  | { kind: 'fence'; marker: number; size: number }
  | { kind: 'html'; type: 1 | 2 | 3 | 4 | 5 | 7 }
  | { kind: 'front'; marker: number };

const FREE: Reading = { kind: 'free' };
/** More readings than this and the scanner gives up: nothing after is at the top level. */
const MAX_READINGS = 8;
const RAW_TAGS = /^<(?:script|pre|style|textarea)(?=[\t >]|$)/i;

function key(reading: Reading): string {
  switch (reading.kind) {
    case 'free':
      return 'F';
    case 'list':
      return `L${reading.indent}`;
    case 'fence':
      return `C${reading.marker}:${reading.size}`;
    case 'html':
      return `H${reading.type}`;
    case 'front':
      return `Y${reading.marker}`;
  }
}

/** A line of the text: its content runs from `start` to `end` (before the line ending). */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** Columns of white space before the first other character (tabs stop every 4 columns). */
function indentOf({ text, start, end }: Line): { columns: number; first: number } {
  let columns = 0;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceOrTab(c)) break;
    columns = nextColumn(c, columns);
  }
  return { columns, first: i };
}

/** Whether a line holds only spaces and tabs. */
export function isBlank(line: Line): boolean {
  return isBlankRange(line.text, line.start, line.end);
}

/** The level of the ATX heading a line starts in column 1 (1 to 6), or 0 when it starts none. */
export function columnOneHeadingLevel({ text, start, end }: Line): number {
  let i = start;
  while (i < end && i - start < 7 && text.charCodeAt(i) === HASH) i++;
  const hashes = i - start;
  if (hashes < 1 || hashes > 6) return 0;
  const next = text.charCodeAt(i);
  return i === end || isSpaceOrTab(next) ? hashes : 0;
}

/** Whether a line is an ATX heading that starts in column 1. */
export function isColumnOneHeading(line: Line): boolean {
  return columnOneHeadingLevel(line) > 0;
}

/** Whether `text[from, end)` is a GFM delimiter row (`| --- | :-: |`) with a pipe. */
export function isDelimiterRow(text: string, from: number, end: number): boolean {
  let dash = false;
  let pipe = false;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === DASH) dash = true;
    else if (c === PIPE) pipe = true;
    else if (c !== COLON && c !== SPACE && c !== TAB) return false;
  }
  return dash && pipe;
}

/** A run of one character from `from`: its length. */
function run(text: string, from: number, end: number, code: number): number {
  let i = from;
  while (i < end && text.charCodeAt(i) === code) i++;
  return i - from;
}

/**
 * The fence a line opens at `first` (its text after the indentation), as marker and size, if
 * it is shaped like an opening fence.
 */
export function openingFence(line: Line, first: number): { marker: number; size: number } | null {
  const marker = line.text.charCodeAt(first);
  if (marker !== BACKTICK && marker !== TILDE) return null;
  const size = run(line.text, first, line.end, marker);
  if (size < 3) return null;
  // A backtick fence's info string cannot hold a backtick (it would be a code span).
  if (marker === BACKTICK && line.text.slice(first + size, line.end).includes('`')) return null;
  return { marker, size };
}

/** Whether a line closes fenced code opened by `size` times `marker`. */
function closesFence(line: Line, marker: number, size: number): boolean {
  const { columns, first } = indentOf(line);
  return columns <= 3 && closesFenceAt(line, first, marker, size);
}

/**
 * Whether a line's text from `first` (after the indentation, which the caller has judged)
 * closes fenced code opened by `size` times `marker`.
 */
export function closesFenceAt(line: Line, first: number, marker: number, size: number): boolean {
  const length = run(line.text, first, line.end, marker);
  if (length < size) return false;
  return isBlank({ text: line.text, start: first + length, end: line.end });
}

/**
 * Where in `text[from, end)` an HTML block of kind 1 to 5 ends: true when its end marker is
 * there. Ported from micromark's `htmlFlow` continuation, quirks included (`]]]>` does not
 * end CDATA; a comment may end on the dashes that opened it, as in `<!-->`).
 */
export function htmlEnds(
  type: 1 | 2 | 3 | 4 | 5,
  text: string,
  from: number,
  end: number,
  afterOpener = false,
): boolean {
  // Right after `<!--`, `<?` and `<!X`, micromark is already looking for the closing `>`.
  let state: 'continuation' | 'comment' | 'declaration' | 'rawOpen' | 'rawName' | 'cdata' =
    afterOpener && type >= 2 && type <= 4 ? 'declaration' : 'continuation';
  let name = '';
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    // The states that fall back to `continuation` re-read the character there.
    for (;;) {
      if (state === 'continuation') {
        if (c === 45 && type === 2) state = 'comment';
        else if (c === LESS_THAN && type === 1) state = 'rawOpen';
        else if (c === GREATER_THAN && type === 4) return true;
        else if (c === 63 && type === 3) state = 'declaration';
        else if (c === RIGHT_BRACKET && type === 5) state = 'cdata';
        break;
      }
      if (state === 'comment') {
        if (c === 45) {
          state = 'declaration';
          break;
        }
        state = 'continuation';
        continue;
      }
      if (state === 'declaration') {
        if (c === GREATER_THAN) return true;
        if (c === 45 && type === 2) break;
        state = 'continuation';
        continue;
      }
      if (state === 'cdata') {
        if (c === RIGHT_BRACKET) {
          state = 'declaration';
          break;
        }
        state = 'continuation';
        continue;
      }
      if (state === 'rawOpen') {
        if (c === 47) {
          name = '';
          state = 'rawName';
          break;
        }
        state = 'continuation';
        continue;
      }
      // rawName
      if (c === GREATER_THAN && /^(?:script|pre|style|textarea)$/i.test(name)) return true;
      if (((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && name.length < 8) {
        name += String.fromCharCode(c);
        break;
      }
      state = 'continuation';
    }
  }
  return false;
}

/** The HTML block a line (from its first non-blank character) opens, and where to look for its end. */
export function openingHtml(
  line: Line,
  first: number,
): { type: 1 | 2 | 3 | 4 | 5 | 7; from: number } | null {
  const { text, end } = line;
  if (text.charCodeAt(first) !== LESS_THAN) return null;
  const rest = text.slice(first, Math.min(end, first + 12));
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (rest.startsWith('<!--')) return { type: 2, from: first + 4 };
  if (rest.startsWith('<![CDATA[')) return { type: 5, from: first + 9 };
  if (rest.startsWith('<!') && letter(rest.charCodeAt(2))) return { type: 4, from: first + 3 };
  if (rest.startsWith('<?')) return { type: 3, from: first + 2 };
  const raw = RAW_TAGS.exec(text.slice(first, end));
  if (raw) return { type: 1, from: first + raw[0].length };
  const afterSlash = rest.charCodeAt(1) === SLASH ? 2 : 1;
  if (letter(rest.charCodeAt(afterSlash))) return { type: 7, from: end };
  return null;
}

/** The readings after a line read at the top level (`free`). */
function freeStep(line: Line, atDocumentStart: boolean, out: Reading[]): void {
  const { columns, first } = indentOf(line);
  if (first === line.end || columns > 3) {
    out.push(FREE);
    return;
  }
  // An opener indented two or three columns may be the content of a list item instead.
  const listReadings = (): void => {
    for (let indent = 2; indent <= columns; indent++) out.push({ kind: 'list', indent });
  };
  if (atDocumentStart && columns === 0) {
    const marker = line.text.charCodeAt(first);
    if ((marker === 45 || marker === 43) && run(line.text, first, line.end, marker) === 3) {
      if (isBlank({ text: line.text, start: first + 3, end: line.end })) {
        out.push({ kind: 'front', marker }, FREE);
        return;
      }
    }
  }
  const fence = openingFence(line, first);
  if (fence) {
    out.push({ kind: 'fence', ...fence });
    listReadings();
    return;
  }
  const html = openingHtml(line, first);
  if (!html) {
    out.push(FREE);
    return;
  }
  if (html.type === 7) {
    // Kinds 6 and 7 end at a blank line; kind 7 cannot interrupt a paragraph, so the line
    // may be text: both readings stay.
    out.push({ kind: 'html', type: 7 }, FREE);
    listReadings();
    return;
  }
  const ends = htmlEnds(html.type, line.text, html.from, line.end, true);
  out.push(ends ? FREE : { kind: 'html', type: html.type });
  listReadings();
}

function step(reading: Reading, line: Line, atDocumentStart: boolean, out: Reading[]): void {
  switch (reading.kind) {
    case 'free':
      freeStep(line, atDocumentStart, out);
      return;
    case 'list': {
      const { columns, first } = indentOf(line);
      // A line indented less than the item's content closes the item (or continues a
      // paragraph lazily): either way it is read at the top level.
      if (first === line.end || columns >= reading.indent) out.push(reading);
      else freeStep(line, atDocumentStart, out);
      return;
    }
    case 'fence':
      out.push(closesFence(line, reading.marker, reading.size) ? FREE : reading);
      return;
    case 'html':
      if (reading.type === 7) out.push(isBlank(line) ? FREE : reading);
      else out.push(htmlEnds(reading.type, line.text, line.start, line.end) ? FREE : reading);
      return;
    case 'front': {
      const ends =
        run(line.text, line.start, line.end, reading.marker) === 3 &&
        isBlank({ text: line.text, start: line.start + 3, end: line.end });
      out.push(ends ? FREE : reading);
      return;
    }
  }
}

/**
 * Follows the readings line by line. Call `topLevel(line)` before `advance(line)` to ask
 * whether every reading takes that line at the top level (so a heading there is a heading
 * of the document, and a table there starts a table of the document).
 */
export class BlockScanner {
  private readings: Reading[] = [FREE];
  private gaveUp = false;
  private line = 0;

  /** `atDocumentStart`: the first line is the document's first (front matter may open). */
  constructor(private readonly atDocumentStart: boolean) {}

  /** Whether every reading reads `line` (the next line) at the top level. */
  topLevel(line: Line): boolean {
    if (this.gaveUp) return false;
    return this.readings.every(
      (reading) =>
        reading.kind === 'free' ||
        (reading.kind === 'list' && !isBlank(line) && indentOf(line).columns < reading.indent),
    );
  }

  /** Reads the next line. */
  advance(line: Line): void {
    const atStart = this.atDocumentStart && this.line === 0;
    this.line++;
    if (this.gaveUp) return;
    // Fast path: one top-level reading and a line that opens nothing.
    if (this.readings.length === 1 && this.readings[0]!.kind === 'free' && !atStart) {
      const c = line.text.charCodeAt(line.start);
      if (
        line.start === line.end ||
        (c !== SPACE && c !== TAB && c !== BACKTICK && c !== TILDE && c !== LESS_THAN)
      ) {
        return;
      }
    }
    const next: Reading[] = [];
    for (const reading of this.readings) step(reading, line, atStart, next);
    const seen = new Set<string>();
    this.readings = next.filter((reading) => {
      const id = key(reading);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (this.readings.length > MAX_READINGS) this.gaveUp = true;
  }
}
