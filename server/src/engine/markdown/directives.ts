/**
 * Inline suppression with HTML comments, block or inline:
 * - `<!-- postmortem-disable [rule-id...] -->` turns rules (all without ids) off from its line
 *   until `<!-- postmortem-enable [rule-id...] -->` or the end of the document; right after
 *   front matter, from the first line (front matter cannot hold a comment);
 * - `<!-- postmortem-disable-next-line [rule-id...] -->` for the next line with content;
 * - `<!-- postmortem-disable-line [rule-id...] -->` for the comment's own line.
 * Ids may be separated by spaces or commas; text after ` -- ` is a reason and is ignored.
 * A finding is suppressed by the line it starts on.
 */
import type { Html, Nodes, Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { CR, LF } from './chars';
/** What a directive does. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
type Kind = DirectiveKind;

/** The comment that writes a directive for `ids`, as `suppressedRanges` reads it. */
export function directiveComment(kind: DirectiveKind, ids: readonly string[]): string {
  return `<!-- postmortem-${kind} ${ids.join(' ')} -->`;
}

interface Directive<Id extends string> {
  kind: Kind;
  rules: readonly Id[];
  /** The comment's first and last lines. */
  line: number;
  endLine: number;
  /** Whether the comment's block comes right after front matter. */
  afterFrontMatter: boolean;
}

/** Whether the text at `at` opens a comment that may be a directive (`<!-- postmortem-`). */
export function opensDirective(text: string, at: number): boolean {
  return DIRECTIVE_START.test(text.slice(at, at + 64));
}

const DIRECTIVE_START = /^<!--\s*postmortem-/;

/** A directive's opening, up to its kind, in the text before a comment's `-->`. */
const OPENING = /<!--\s*postmortem-(disable-next-line|disable-line|disable|enable)(?=[\s,]|--|$)/;

interface DirectiveText {
  kind: Kind;
  /** What follows the kind up to `-->`: rule ids and a reason. */
  body: string;
  /** Offsets of the directive's `<!--` and just after its `-->`. */
  start: number;
  end: number;
}

/**
 * The directives of an HTML node's text: the first opening before each `-->` runs to it (a
 * second opening before the same `-->` is part of the first one's body). One pass over the
 * text, however many openings are never closed.
 */
function directiveTexts(value: string): DirectiveText[] {
  const found: DirectiveText[] = [];
  for (let from = 0; ;) {
    const close = value.indexOf('-->', from);
    if (close < 0) return found;
    const before = value.slice(from, close);
    const opening = OPENING.exec(before);
    if (opening) {
      found.push({
        kind: opening[1] as Kind,
        body: before.slice(opening.index + opening[0].length),
        start: from + opening.index,
        end: close + 3,
      });
    }
    from = close + 3;
  }
}

/** The rule ids a directive names: every rule when it names none; unknown ids are ignored. */
function ruleList<Id extends string>(body: string, ids: readonly Id[]): readonly Id[] {
  const names = body
    .split(/\s--\s|\s--$/)[0]
    .split(/[\s,]+/)
    .filter(Boolean);
  if (names.length === 0) return ids;
  return ids.filter((id) => names.includes(id));
}

/** The HTML nodes below `node`, in document order. */
function htmlNodes(node: Nodes, found: Html[] = []): Html[] {
  // A plain walk: `unist-util-visit` costs several times more on long timeline tables.
  if (node.type === 'html') found.push(node);
  else if ('children' in node) for (const child of node.children) htmlNodes(child, found);
  return found;
}

/** Line breaks (CRLF, CR or LF) in `text[from, to)`. */
function lineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/** The directives of the document's HTML nodes, in document order. */
function readDirectives<Id extends string>(tree: Root, ids: readonly Id[]): Directive<Id>[] {
  const directives: Directive<Id>[] = [];
  const [first, second] = tree.children;
  const matter = first?.type === 'yaml' || (first?.type as string | undefined) === 'toml';
  for (const node of htmlNodes(tree)) {
    if (!node.position) continue;
    const afterFrontMatter = matter && node === second;
    let line = node.position.start.line;
    let counted = 0;
    for (const { kind, body, start, end } of directiveTexts(node.value)) {
      line += lineBreaks(node.value, counted, start);
      const endLine = line + lineBreaks(node.value, start, end);
      counted = start;
      directives.push({ kind, rules: ruleList(body, ids), line, endLine, afterFrontMatter });
    }
  }
  return directives;
}

/**
 * Lines holding something other than directives, in order: where "next line" looks. Leaf nodes
 * cover every such line (an empty list item or heading is a leaf too).
 */
function contentLines(tree: Root): number[] {
  const lines = new Set<number>();
  visit(tree, (node: Node) => {
    if (node.type === 'root' || !node.position) return;
    if ('children' in node && Array.isArray(node.children) && node.children.length > 0) return;
    if (node.type === 'html' && directiveTexts((node as Html).value).length > 0) return;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) {
      lines.add(line);
    }
  });
  return [...lines].sort((a, b) => a - b);
}

/** The first of the ascending `lines` after `line`, by binary search. */
function firstAfter(lines: readonly number[], line: number): number | undefined {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lines[middle]! > line) high = middle;
    else low = middle + 1;
  }
  return lines[low];
}

/**
 * For each of `ids`, the line ranges (first and last line, inclusive) in which the document's
 * directives suppress it.
 */
export function suppressedRanges<Id extends string>(
  tree: Root,
  ids: readonly Id[],
): Map<Id, [number, number][]> {
  const ranges = new Map<Id, [number, number][]>(ids.map((id) => [id, []]));
  const disabledSince = new Map<Id, number>();
  const directives = readDirectives(tree, ids);
  const lines = directives.some((d) => d.kind === 'disable-next-line') ? contentLines(tree) : [];
  for (const directive of directives) {
    for (const id of directive.rules) {
      const list = ranges.get(id)!;
      switch (directive.kind) {
        case 'disable':
          if (!disabledSince.has(id)) {
            disabledSince.set(id, directive.afterFrontMatter ? 1 : directive.line);
          }
          break;
        case 'enable': {
          const since = disabledSince.get(id);
          if (since !== undefined) list.push([since, directive.line - 1]);
          disabledSince.delete(id);
          break;
        }
        case 'disable-line':
          list.push([directive.line, directive.endLine]);
          break;
        case 'disable-next-line': {
          const next = firstAfter(lines, directive.endLine);
          if (next !== undefined) list.push([next, next]);
          break;
        }
      }
    }
  }
  for (const [id, since] of disabledSince) ranges.get(id)!.push([since, Infinity]);
  return ranges;
}
