/**
 * Edits that suppress a finding with a directive comment (`markdown/directives.ts` writes and
 * reads them): for its line, or for the whole file.
 */
import type { Root, Table } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { directiveComment } from '../markdown/directives';
import type { Finding, PostmortemModel, RuleId, TextEdit, TimelineEntry } from '../model';

/** The types `blocksAt` is asked about. */
const BLOCK_TYPES = new Set(['code', 'html', 'paragraph', 'table', 'heading', 'listItem']);
/**
 * Per tree, the nodes of each of `BLOCK_TYPES` in document order: one visit of the tree for
 * every finding, where a visit per finding made thousands of findings cost seconds.
 */
const blockIndex = new WeakMap<Root, Map<string, Node[]>>();

function blocksOf(tree: Root, type: string): Node[] {
  let index = blockIndex.get(tree);
  if (!index) {
    const built = new Map<string, Node[]>([...BLOCK_TYPES].map((t) => [t, []]));
    visit(tree, (node: Node) => {
      if (node.position) built.get(node.type)?.push(node);
    });
    blockIndex.set(tree, built);
    index = built;
  }
  return index.get(type)!;
}

/** The nodes of a type (one of `BLOCK_TYPES`) that span a line, outermost first. */
function blocksAt<T extends Node>(tree: Root, type: string, line: number): T[] {
  return blocksOf(tree, type).filter(
    (node) => node.position!.start.line <= line && line <= node.position!.end.line,
  ) as T[];
}

/**
 * The edit that suppresses a finding's rule on its line. A comment line above the line would
 * end a table, split a paragraph or a list, or (above the first line) leave a finding that
 * stays on line 1 on the comment's line; so in those places the comment goes at the end of the
 * line itself (`disable-line`). Elsewhere it is a `disable-next-line` line above, indented
 * (and quoted) like the line. Null where no comment can go: in front matter, in code and HTML
 * blocks (where a comment would be text), and on the first line or in a list item where it
 * cannot be written at the end of a line of text.
 */
export function disableLineEdit(model: PostmortemModel, finding: Finding): TextEdit | null {
  const { lines, text, tree } = model;
  const line = finding.span.start.line;
  const lineStart = lines.lineStarts[line - 1]!;
  const lineEnd = lines.lineEnd(line);
  const lineText = text.slice(lineStart, lineEnd);
  const inline = ` ${directiveComment('disable-line', [finding.ruleId])}`;
  const inside = (node: Node): boolean => node.position!.start.line < line;
  const matter = frontMatterNode(tree);
  // A finding about the whole report stays on line 1 whatever goes above it, unless a heading is there.
  const fixedPlace = line === 1 && blocksAt(tree, 'heading', line).length === 0;
  const inItem = blocksAt(tree, 'listItem', line).length > 0;

  if (matter && line <= matter.position!.end.line) return null;
  if (blocksAt(tree, 'code', line).some(inside) || blocksAt(tree, 'html', line).some(inside)) {
    return null;
  }
  const table = blocksAt<Table>(tree, 'table', line).find((node) => fixedPlace || inside(node));
  if (table) {
    const offset = tableRowInsertion(model, table, line);
    return offset === null ? null : { start: offset, end: offset, newText: inline };
  }
  if (blocksAt(tree, 'paragraph', line).some((node) => fixedPlace || inItem || inside(node))) {
    // Before trailing white space, which may be a hard line break.
    const offset = lineStart + lineText.trimEnd().length;
    return { start: offset, end: offset, newText: inline };
  }
  if (fixedPlace || inItem) return null;
  const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(lineText)![0];
  return {
    start: lineStart,
    end: lineStart,
    newText: `${prefix}${directiveComment('disable-next-line', [finding.ruleId])}${lines.eol()}`,
  };
}

/** The front matter node opening the tree, if any. */
function frontMatterNode(tree: Root): Node | undefined {
  const first = tree.children[0];
  return first && (first.type === 'yaml' || (first.type as string) === 'toml') ? first : undefined;
}

/** Per model, the first timeline entry with a time on each line. */
const timedEntries = new WeakMap<PostmortemModel, Map<number, TimelineEntry>>();

function timedEntryAt(model: PostmortemModel, line: number): TimelineEntry | undefined {
  let byLine = timedEntries.get(model);
  if (!byLine) {
    byLine = new Map();
    for (const entry of model.timeline?.entries ?? []) {
      const at = entry.span.start.line;
      if (entry.timeSpan && !byLine.has(at)) byLine.set(at, entry);
    }
    timedEntries.set(model, byLine);
  }
  return byLine.get(line);
}

/**
 * Where an inline comment goes in a table row: the end of the content of its last cell that
 * does not hold the entry's time. Null for the delimiter row, or a row with no such cell.
 */
function tableRowInsertion(model: PostmortemModel, table: Table, line: number): number | null {
  // A row is one line, and the delimiter row (the table's second line) is no node.
  const index = line - table.position!.start.line;
  const row = table.children[index === 0 ? 0 : index - 1];
  if (row?.position?.start.line !== line) return null;
  const timeOffset = timedEntryAt(model, line)?.timeSpan?.start.offset;
  const cells = row.children.filter(
    (cell) =>
      timeOffset === undefined ||
      !(cell.position!.start.offset! <= timeOffset && timeOffset < cell.position!.end.offset!),
  );
  const cell = cells[cells.length - 1];
  if (!cell) return null;
  let end = cell.position!.end.offset!;
  const start = cell.position!.start.offset!;
  // The row's closing pipe (not an escaped `\|` in a row without one).
  if (end - 1 > start && model.text[end - 1] === '|' && model.text[end - 2] !== '\\') end--;
  while (end > start + 1 && /[ \t]/.test(model.text[end - 1]!)) end--;
  return end;
}

/** The edit that disables a rule for the whole file: a comment at the top, after front matter. */
export function disableFileEdit(model: PostmortemModel, ruleId: RuleId): TextEdit {
  const { lines, text, tree } = model;
  const eol = lines.eol();
  const comment = directiveComment('disable', [ruleId]);
  const matter = frontMatterNode(tree);
  if (matter) {
    const next = lines.lineStarts[matter.position!.end.line];
    if (next === undefined) return { start: text.length, end: text.length, newText: eol + comment };
    return { start: next, end: next, newText: comment + eol };
  }
  return { start: 0, end: 0, newText: comment + eol };
}
