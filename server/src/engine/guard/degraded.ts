/**
 * What is read of a text the guard will not parse in full (`guard.ts`): a tree of the parts
 * that are cheap and safe to parse. Its headings are found by a line scan (ATX headings in
 * column 1 at the top level: outside front matter, fenced code and HTML blocks, comments
 * included) and each heading kept is parsed alone; the
 * timeline section is parsed whole when the guard finds it safe on its own. Setext headings
 * and everything else stay unread, so the rules that judge content are not run on them: a
 * report gets no finding from text that was not read.
 *
 * Only the headings that matter are kept, so that a document of a million headings costs no
 * more than its scan: the first (the title), the first heading of each schema section, and the
 * heading that ends each of those sections.
 */
import type { Heading, Html, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Hazard } from './guard';
import { assessText, GUARD_LIMITS } from './guard';
import { inlineMarks } from './scan';
import { BlockScanner, columnOneHeadingLevel } from '../markdown/block-scanner';
import { parseChunk, SplitMismatch } from '../markdown/chunk-parser';
import { ParseCache } from '../markdown/chunk-cache';
import { shiftInPlace } from '../markdown/shift';
import { lineAt, mayHaveDefinitions } from '../markdown/chunks';
import type { Notice, Schema } from '../model';
import { documentSchema } from '../sections/document-preset';
import { opensDirective } from '../markdown/directives';
import { MAX_FRONT_MATTER } from '../markdown/front-matter';
import { parseMarkdown } from '../markdown/parse';
import { findSections } from '../sections/match';
import { sectionMatcher } from '../sections/matcher';
import { LineIndex } from '../markdown/lines';
import { HASH, isSpaceOrTab } from '../markdown/chars';

/** A heading longer or with more inline marks is not parsed: its text is taken as written. */
const MAX_HEADING_LENGTH = 1000;
const MAX_HEADING_MARKS = 64;
/** Headings parsed to see whether they name a section, beyond those that do. */
const MAX_HEADING_TRIALS = 1000;
/** Suppression comments read outside the timeline. */
const MAX_DIRECTIVES = 10_000;

/** What was read of a hazardous text. */
export interface DegradedParse {
  tree: Root;
  /** Whether the timeline section was parsed (false also when there is none). */
  timelineRead: boolean;
  notice: Notice;
}

/** An ATX heading in column 1: its level and where its line is. */
interface HeadingLine {
  index: number;
  depth: number;
  start: number;
  end: number;
}

/** ATX heading text without its closing `#`s (`## Impact ##`): a scan from the end. */
function withoutClosingHashes(raw: string): string {
  let end = raw.length;
  while (end > 0 && isSpaceOrTab(raw.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > 0 && raw.charCodeAt(hashes - 1) === HASH) hashes--;
  const closed = hashes < end && hashes > 0 && isSpaceOrTab(raw.charCodeAt(hashes - 1));
  return raw.slice(0, closed ? hashes : end);
}

/**
 * Heading text as written, markup dropped: for a quick look at every heading, and for headings
 * too long or too marked up to parse. Bounded patterns keep it linear on any text.
 */
function plainHeadingText(raw: string): string {
  return withoutClosingHashes(raw)
    .replace(/!?\[([^\]]{0,300})\]\([^)]{0,500}\)/g, '$1')
    .replace(/<[^>]{0,300}>/g, '')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '')
    .replace(/[*_`~]/g, '')
    .trim();
}

/** The node of a heading line, parsed alone and placed in the document. */
function headingNode(text: string, line: HeadingLine): Heading {
  const source = text.slice(line.start, line.end);
  if (
    source.length <= MAX_HEADING_LENGTH &&
    inlineMarks(source, 0, source.length) <= MAX_HEADING_MARKS
  ) {
    const parsed = parseMarkdown(source).children[0];
    if (parsed?.type === 'heading') {
      shiftInPlace(parsed, line.index, line.start);
      return parsed;
    }
  }
  const value = plainHeadingText(source.slice(line.depth, MAX_HEADING_LENGTH));
  const point = (column: number) => ({
    line: line.index + 1,
    column: column + 1,
    offset: line.start + column,
  });
  return {
    type: 'heading',
    depth: line.depth as Heading['depth'],
    children: value ? [{ type: 'text', value }] : [],
    position: { start: point(0), end: point(source.length) },
  };
}

/**
 * The headings to keep, by one scan: the first, the first of each schema section and the one
 * that ends each of those. `frontMatterEnd`: where front matter ends (0 without).
 */
function keptHeadings(
  text: string,
  lines: LineIndex,
  schema: Schema,
  frontMatterEnd: number,
): Heading[] {
  const matcher = sectionMatcher(schema);
  // The first heading is the title (`findSections` reads it so here): by its exact name only.
  const sectionsOf = (heading: string) => {
    if (kept.length > 0) return matcher.match(heading);
    const exact = matcher.exact(heading);
    return exact ? [exact] : [];
  };
  const found = new Set<string>();
  const kept: Heading[] = [];
  /** Levels of the kept sections that have not ended yet. */
  let open: number[] = [];
  let trials = 0;
  // Front matter is skipped here: a fence left open is a thematic break, as the parser reads it.
  const scanner = new BlockScanner(false);
  for (let index = 0; index < lines.lineStarts.length; index++) {
    const source = lineAt(text, lines.lineStarts, index);
    const { start, end } = source;
    if (start < frontMatterEnd) continue;
    const depth = scanner.topLevel(source) ? columnOneHeadingLevel(source) : 0;
    scanner.advance(source);
    if (depth === 0) continue;
    const line = { index, depth, start, end };
    const needed = kept.length === 0 || open.some((level) => level >= depth);
    open = open.filter((level) => level < depth);
    let node = needed ? headingNode(text, line) : null;
    if (!node && trials < MAX_HEADING_TRIALS && end - start <= MAX_HEADING_LENGTH) {
      // A cheap look at the text first: most headings name no section and are never parsed.
      const rough = sectionsOf(plainHeadingText(text.slice(start + depth, end)));
      if (rough.some((match) => !found.has(match.spec.id))) {
        trials++;
        node = headingNode(text, line);
      }
    }
    if (!node) continue;
    const matches = sectionsOf(toString(node)).filter((match) => !found.has(match.spec.id));
    const section = matches.length > 0;
    if (section) {
      for (const match of matches) found.add(match.spec.id);
      open.push(depth);
    }
    if (section || needed) kept.push(node);
  }
  return kept;
}

/** Front matter at the start of the text: its nodes and where it ends (0 without). */
function frontMatter(text: string, lines: LineIndex): { nodes: RootContent[]; end: number } {
  const none = { nodes: [], end: 0 };
  const first = lineAt(text, lines.lineStarts, 0);
  const opener = text.slice(first.start, first.end).trimEnd();
  if (opener !== '---' && opener !== '+++') return none;
  for (let index = 1; index < lines.lineStarts.length; index++) {
    const line = lineAt(text, lines.lineStarts, index);
    if (text.slice(line.start, line.end).trimEnd() !== opener) continue;
    const end = lines.lineStarts[index + 1] ?? text.length;
    if (end > MAX_FRONT_MATTER) return { nodes: [], end };
    const nodes = parseMarkdown(text.slice(0, end)).children;
    const matter = nodes.filter((node) => ['yaml', 'toml'].includes(node.type));
    return { nodes: matter, end };
  }
  return none;
}

/**
 * `<!-- postmortem-… -->` comments outside `[skipFrom, skipTo)`, as HTML nodes: suppressions
 * hold in a degraded analysis too. Comments in code count as well (a finding too few, never
 * one too many).
 */
function directiveComments(text: string, lines: LineIndex, skipFrom: number, skipTo: number) {
  const nodes: Html[] = [];
  let close = -1;
  for (let at = text.indexOf('<!--'); at >= 0 && nodes.length < MAX_DIRECTIVES;) {
    if (at >= skipFrom && at < skipTo) {
      at = text.indexOf('<!--', skipTo);
      continue;
    }
    // The next `-->`, looked for once per stretch of text: the scan stays linear.
    if (close !== -2 && close < at + 4) {
      close = text.indexOf('-->', at + 4);
      if (close < 0) close = -2;
    }
    if (close === -2) break;
    if (opensDirective(text, at)) {
      const end = close + 3;
      nodes.push({
        type: 'html',
        value: text.slice(at, end),
        position: { start: lines.point(at), end: lines.point(end) },
      });
    }
    at = text.indexOf('<!--', close + 3);
  }
  return nodes;
}

/** The timeline section's nodes, parsed whole; null when it is not safe to parse. */
function timelineNodes(text: string, start: number, end: number, line: number) {
  const source = text.slice(start, end);
  const { lineStarts } = new LineIndex(source);
  if (assessText(source, lineStarts)) return null;
  const base = { line, offset: start };
  const followed = end < text.length;
  try {
    return parseChunk(
      source,
      { base, followed, whole: mayHaveDefinitions(source, lineStarts) },
      new ParseCache(),
    );
  } catch (error) {
    if (!(error instanceof SplitMismatch)) throw error;
    // The scan took a line for a heading that the section's Markdown runs over.
    const nodes = parseMarkdown(source).children;
    for (const node of nodes) shiftInPlace(node, base.line, base.offset);
    return nodes;
  }
}

function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** What is wrong, for the notice: `is too large to check fully (20.0 MB; …)`. */
function describeHazard(hazard: Hazard): string {
  switch (hazard.kind) {
    case 'size': {
      const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
      return `is too large to check fully (${mb(hazard.bytes)}; the limit is ${GUARD_LIMITS.bytes / (1024 * 1024)} MB)`;
    }
    case 'depth':
      return `nests lists or block quotes too deeply to check fully (more than ${GUARD_LIMITS.depth} levels on line ${formatCount(hazard.line)})`;
    case 'lines':
      return `has too many lines to check fully (${formatCount(hazard.lines)})`;
    case 'blocks':
      return `has too many lists, block quotes and underlined headings to check fully (${formatCount(hazard.closings)})`;
    case 'paragraph':
      return `has a paragraph too long to check fully (${formatCount(hazard.lines)} lines from line ${formatCount(hazard.line)})`;
    case 'markup':
      return `has a paragraph with too much inline markup to check fully (${formatCount(hazard.marks)} emphasis, link, code and HTML marks from line ${formatCount(hazard.line)})`;
  }
}

/** Reads what is safe to read of `text`, found hazardous for `hazard`. */
export function parseDegraded(
  text: string,
  lines: LineIndex,
  configured: Schema,
  hazard: Hazard,
): DegradedParse {
  const front = frontMatter(text, lines);
  const schema = documentSchema(front.nodes, lines, configured);
  const headings = keptHeadings(text, lines, schema, front.end);
  const sections = findSections(
    { type: 'root', children: [...front.nodes, ...headings] },
    schema,
    lines,
  );
  const timeline = sections.find((section) => section.spec.id === 'timeline')?.span;
  const parsed = timeline
    ? timelineNodes(text, timeline.start.offset, timeline.end.offset, timeline.start.line - 1)
    : null;
  const [from, to] = parsed && timeline ? [timeline.start.offset, timeline.end.offset] : [0, 0];
  const children: RootContent[] = [
    ...front.nodes,
    ...headings.filter((node) => {
      const offset = node.position!.start.offset!;
      return offset < from || offset >= to;
    }),
    ...directiveComments(text, lines, from, to),
    ...(parsed ?? []),
  ].sort((a, b) => a.position!.start.offset! - b.position!.start.offset!);
  const checked = parsed ? 'its headings and timeline were' : 'its headings were';
  return {
    tree: {
      type: 'root',
      children,
      position: { start: lines.point(0), end: lines.point(text.length) },
    },
    timelineRead: parsed !== null,
    notice: {
      message: `This report ${describeHazard(hazard)}: only ${checked} checked`,
      span: lines.span(0, lines.lineEnd(1)),
    },
  };
}
