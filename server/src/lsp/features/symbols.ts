/**
 * Document symbols and folding: the document's headings nested by level, schema sections
 * marked as such, timeline entries under the heading that holds them.
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { PostmortemModel } from '../../engine';
import type { AnalyzedPostmortem } from '../session/analyzed';

/** A top-level heading and the span of its part of the document. */
export interface HeadingBlock {
  heading: Heading;
  text: string;
  /** Offsets: the heading's start to the next heading of the same or a higher level. */
  start: number;
  end: number;
  /** The end of the heading line itself. */
  headingEnd: number;
}

/** The document's top-level headings, each with the part of the document it heads. */
export function headingBlocks(model: PostmortemModel): HeadingBlock[] {
  const headings = model.tree.children.filter(
    (node): node is Heading => node.type === 'heading' && node.position !== undefined,
  );
  // For each heading, the next one of the same or a higher level: one pass from the end, with
  // the headings still open (levels increasing from the bottom) on a stack.
  const nextOf: (Heading | undefined)[] = [];
  const open: Heading[] = [];
  for (let index = headings.length - 1; index >= 0; index--) {
    const heading = headings[index]!;
    while (open.length > 0 && open[open.length - 1]!.depth > heading.depth) open.pop();
    nextOf[index] = open[open.length - 1];
    open.push(heading);
  }
  return headings.map((heading, index) => {
    const next = nextOf[index];
    return {
      heading,
      text: toString(heading).trim(),
      start: heading.position!.start.offset!,
      end: next ? next.position!.start.offset! : model.text.length,
      headingEnd: heading.position!.end.offset!,
    };
  });
}

/** The offset just after the last non-blank character before `end`. */
function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
  return trimmed;
}

/** The hierarchical symbols of an analysed post-mortem. */
export function documentSymbols(document: AnalyzedPostmortem): DocumentSymbol[] {
  const { positions } = document;
  const { model } = document.analysis;
  const sectionsByStart = new Map(
    model.sections.map((section) => [section.heading.span.start.offset, section]),
  );
  const roots: DocumentSymbol[] = [];
  const open: { depth: number; symbol: DocumentSymbol }[] = [];
  for (const block of headingBlocks(model)) {
    const section = sectionsByStart.get(block.start);
    const symbol: DocumentSymbol = {
      name: block.text || '(untitled)',
      kind: section ? SymbolKind.Module : SymbolKind.String,
      range: positions.rangeOf(block.start, trimmedEnd(model.text, block.headingEnd, block.end)),
      selectionRange: positions.rangeOf(block.start, block.headingEnd),
      children: [],
      ...(section ? { detail: section.spec.title } : {}),
    };
    while (open.length > 0 && open[open.length - 1]!.depth >= block.heading.depth) open.pop();
    (open.length > 0 ? open[open.length - 1]!.symbol.children! : roots).push(symbol);
    open.push({ depth: block.heading.depth, symbol });
  }
  for (const entry of model.timeline?.entries ?? []) {
    const symbol: DocumentSymbol = {
      name: entry.timeText.trim() || entry.description.trim() || '(no time)',
      detail: entry.description.trim(),
      kind: SymbolKind.Event,
      range: positions.range(entry.span),
      selectionRange: positions.range(entry.timeSpan ?? entry.span),
    };
    innermostContaining(roots, symbol)?.children!.push(symbol);
  }
  return roots;
}

function contains(outer: DocumentSymbol, inner: DocumentSymbol): boolean {
  const { start, end } = outer.range;
  const a = inner.range.start;
  const b = inner.range.end;
  const before = (x: typeof a, y: typeof a): boolean =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(start, a) && before(b, end);
}

/** The deepest heading symbol whose range holds `symbol`. */
function innermostContaining(
  symbols: DocumentSymbol[],
  symbol: DocumentSymbol,
): DocumentSymbol | undefined {
  for (const candidate of symbols) {
    if (candidate.kind === SymbolKind.Event || !contains(candidate, symbol)) continue;
    return innermostContaining(candidate.children ?? [], symbol) ?? candidate;
  }
  return undefined;
}

/** Folding ranges: each heading's part of the document, without trailing blank lines. */
export function foldingRanges(document: AnalyzedPostmortem): FoldingRange[] {
  const { positions } = document;
  const { model } = document.analysis;
  return headingBlocks(model).flatMap((block) => {
    const startLine = positions.positionAt(block.start).line;
    const endLine = positions.positionAt(trimmedEnd(model.text, block.headingEnd, block.end)).line;
    return endLine > startLine ? [{ startLine, endLine }] : [];
  });
}
