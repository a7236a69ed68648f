/**
 * Sorting a timeline by time: rows and items move whole, everything between them stays. A list
 * item moves with everything in it (its sub-items, its other paragraphs) among the items of its
 * own list; each list keeps its markers in place (an ordered list stays numbered as written)
 * and its items their indentation under the marker. A sort that would make the text read as
 * other blocks (an item under another, a paragraph as code) is not offered.
 */
import type { List, ListItem, RootContent } from 'mdast';
import { parseMarkdown } from '../markdown/parse';
import type { Fix, PostmortemModel, TextEdit, TimelineEntry } from '../model';

/** Entries of one table, list or paragraph of the timeline, in document order. */
export interface TimelineBlock {
  entries: TimelineEntry[];
  /** The top-level block holding them all; null for an entry that no one block holds. */
  node: RootContent | null;
}

/**
 * Groups the timeline's entries by the top-level block (table, list, paragraph) holding them.
 * An entry that no one block holds (a time sub-heading and what is under it, an item and the
 * code block after it) is a block of its own: the sort cannot move it whole among the others.
 */
export function timelineBlocks(model: PostmortemModel): TimelineBlock[] {
  const timeline = model.timeline;
  if (!timeline) return [];
  const blocks: TimelineBlock[] = [];
  const byNode = new Map<number, TimelineBlock>();
  const nodes = timeline.nodes;
  // Entries and nodes are both in document order and do not overlap: one sweep finds each
  // entry's node (a search per entry is quadratic in timelines of one paragraph per entry).
  let n = 0;
  for (const entry of timeline.entries) {
    while (n < nodes.length && nodes[n]!.position!.end.offset! < entry.span.end.offset) n++;
    const node = nodes[n];
    const holds =
      node !== undefined &&
      node.type !== 'heading' &&
      node.position!.start.offset! <= entry.span.start.offset &&
      entry.span.end.offset <= node.position!.end.offset!;
    let block = holds ? byNode.get(n) : undefined;
    if (!block) {
      block = { entries: [], node: holds ? node : null };
      blocks.push(block);
      if (holds) byNode.set(n, block);
    }
    block.entries.push(entry);
  }
  return blocks;
}

/**
 * Runs of things that move together: one with a time, and the ones without a time that follow
 * it (a leading run without times stays first).
 */
function runs<T>(things: readonly T[], instant: (thing: T) => number | null): T[][] {
  const result: T[][] = [];
  for (const thing of things) {
    const last = result.at(-1);
    if (last && instant(thing) === null) last.push(thing);
    else result.push([thing]);
  }
  return result;
}

/** The runs in time order (stable: equal times keep their order); null when already in order. */
function sortedRuns<T>(groups: T[][], instant: (thing: T) => number | null): T[][] | null {
  const at = (group: T[]) => instant(group[0]!) ?? -Infinity;
  const sorted = [...groups].sort((a, b) => at(a) - at(b));
  return sorted.every((group, i) => group === groups[i]) ? null : sorted;
}

/** A block sorted: the edit (null when it is in order) and its entries in their new order. */
interface SortedBlock {
  edit: TextEdit | null;
  order: TimelineEntry[];
}

/** Sorts the rows or lines of a table or paragraph; null when the sort cannot be done safely. */
function sortFlat(model: PostmortemModel, block: TimelineBlock): SortedBlock | null {
  const { entries } = block;
  // Nested entries (one inside another) cannot move independently.
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.span.start.offset < entries[i - 1]!.span.end.offset) return null;
  }
  const groups = runs(entries, (entry) => entry.instant);
  const sorted = sortedRuns(groups, (entry) => entry.instant);
  if (!sorted) return { edit: null, order: entries };
  const text = model.text;
  const start = groups[0]![0]!.span.start.offset;
  const end = groups.at(-1)!.at(-1)!.span.end.offset;
  const groupText = (group: TimelineEntry[]) =>
    text.slice(group[0]!.span.start.offset, group.at(-1)!.span.end.offset);
  let newText = '';
  groups.forEach((group, i) => {
    newText += groupText(sorted[i]!);
    const next = groups[i + 1];
    // Keep the original text between this place and the next (line endings, blank lines).
    if (next) newText += text.slice(group.at(-1)!.span.end.offset, next[0]!.span.start.offset);
  });
  return { edit: { start, end, newText }, order: sorted.flat() };
}

/** What a block reads as: its containers and the kinds of block in them, in order. */
function shapeOf(node: RootContent): string {
  if (node.type === 'list') {
    return `list${node.ordered ? '1' : ''}(${node.children.map(shapeOf).join()})`;
  }
  if (node.type === 'listItem' || node.type === 'blockquote') {
    return `${node.type}(${node.children.map(shapeOf).join()})`;
  }
  return node.type;
}

/** A list item's marker: `-`, `*`, `+`, `1.` or `1)`, without the space after it. */
const MARKER = /^(?:[*+-]|\d{1,9}[.)])/;

/** Sorted text, shape and entries of a part of a block. */
interface Arranged {
  text: string;
  shape: string;
  order: TimelineEntry[];
}

/**
 * Sorts the items of every list in a block, each among its own list, with everything in
 * them. Throws `Unsortable` where an item's content cannot be moved under another marker.
 */
class ListArranger {
  private readonly starts: number[];
  /** Each item's own entry, by where the item starts: the block's, and the timeline's others. */
  private readonly byStart = new Map<number, TimelineEntry>();
  private readonly inBlock: Set<TimelineEntry>;
  /**
   * Whether some line moved to another column. Content moved only under markers as wide
   * reads as it did (each item's end is still where the next marker is): only a shifted line
   * can make the list read as other blocks.
   */
  shifted = false;

  constructor(
    private readonly model: PostmortemModel,
    private readonly entries: readonly TimelineEntry[],
  ) {
    this.starts = entries.map((entry) => entry.span.start.offset);
    this.inBlock = new Set(entries);
    for (const entry of model.timeline!.entries) {
      const start = entry.span.start.offset;
      if (!this.byStart.has(start)) this.byStart.set(start, entry);
    }
  }

  /** The entries starting in `[from, to)`. */
  private entriesIn(from: number, to: number): TimelineEntry[] {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! < from) low = middle + 1;
      else high = middle;
    }
    const found: TimelineEntry[] = [];
    for (let i = low; i < this.starts.length && this.starts[i]! < to; i++) {
      found.push(this.entries[i]!);
    }
    return found;
  }

  /** `node` from `from` (its start, or where its content starts) to its end, its lists sorted. */
  arrange(node: RootContent, from = node.position!.start.offset!): Arranged {
    const end = node.position!.end.offset!;
    if (node.type === 'list') return this.list(node);
    const children =
      node.type === 'listItem'
        ? node.children.filter((child) => child.position!.start.offset! >= from)
        : [];
    const text = this.model.text;
    const arranged: Arranged = { text: '', shape: '', order: [] };
    const shapes: string[] = [];
    let at = from;
    for (const child of children) {
      const start = child.position!.start.offset!;
      arranged.text += text.slice(at, start);
      arranged.order.push(...this.entriesIn(at, start));
      const inner = this.arrange(child);
      arranged.text += inner.text;
      arranged.order.push(...inner.order);
      shapes.push(inner.shape);
      at = child.position!.end.offset!;
    }
    arranged.text += text.slice(at, end);
    arranged.order.push(...this.entriesIn(at, end));
    arranged.shape = node.type === 'listItem' ? `listItem(${shapes.join()})` : shapeOf(node);
    return arranged;
  }

  /** Where an item's content starts: after its marker (the space after it moves with the content). */
  private markerEnd(item: ListItem): number {
    const start = item.position!.start.offset!;
    const marker = MARKER.exec(this.model.text.slice(start, start + 10));
    if (!marker) throw new Unsortable();
    return start + marker[0].length;
  }

  private list(list: List): Arranged {
    const text = this.model.text;
    const items = list.children;
    const own = (item: ListItem) => this.byStart.get(item.position!.start.offset!);
    const instant = (item: ListItem) => own(item)?.instant ?? null;
    // An item whose entry runs on past the list (into a block after it) stays where it is.
    const pinned = (item: ListItem) => {
      const entry = own(item);
      return entry !== undefined && !this.inBlock.has(entry);
    };
    const order: ListItem[] = [];
    for (let from = 0; from < items.length;) {
      let to = from;
      while (to < items.length && !pinned(items[to]!)) to++;
      const groups = runs(items.slice(from, to), instant);
      order.push(...(sortedRuns(groups, instant) ?? groups).flat());
      if (to < items.length) order.push(items[to]!);
      from = to + 1;
    }
    const arranged: Arranged = { text: '', shape: '', order: [] };
    const shapes: string[] = [];
    items.forEach((place, k) => {
      const item = order[k]!;
      const content = this.arrange(item, this.markerEnd(item));
      const markerEnd = this.markerEnd(place);
      arranged.text +=
        text.slice(place.position!.start.offset!, markerEnd) +
        this.reindent(content.text, this.column(markerEnd) - this.column(this.markerEnd(item)));
      arranged.order.push(...this.entriesIn(item.position!.start.offset!, this.markerEnd(item)));
      arranged.order.push(...content.order);
      shapes.push(content.shape);
      const next = items[k + 1];
      if (next) {
        arranged.text += text.slice(place.position!.end.offset!, next.position!.start.offset!);
      }
    });
    arranged.shape = `list${list.ordered ? '1' : ''}(${shapes.join()})`;
    return arranged;
  }

  private column(offset: number): number {
    return offset - this.model.lines.lineStarts[this.model.lines.point(offset).line - 1]!;
  }

  /**
   * An item's content after another marker, `delta` columns wider: its lines after the first
   * that are indented under the content move by as much; lines written lazily stay.
   */
  private reindent(content: string, delta: number): string {
    if (delta === 0) return content;
    const lines = content.split(/(?<=\r\n|\n|\r)/);
    return lines
      .map((line, i) => {
        if (i === 0 || /^[ \t]*(?:\r\n|\n|\r)?$/.test(line)) return line;
        const indent = /^[ \t]*/.exec(line)![0];
        if (indent.includes('\t')) throw new Unsortable();
        this.shifted = true;
        if (delta > 0) return ' '.repeat(delta) + line;
        return indent.length >= -delta ? line.slice(-delta) : line;
      })
      .join('');
  }
}

/** An item whose content cannot be moved under another marker as it is written. */
class Unsortable extends Error {}

/**
 * Sorts the lists of a block (each list among itself, items whole); null when the sort cannot
 * be done safely: where lines moved to another column, the sorted text, parsed again, must
 * read as the same blocks moved.
 */
function sortLists(
  model: PostmortemModel,
  block: TimelineBlock,
  node: RootContent,
): SortedBlock | null {
  const arranger = new ListArranger(model, block.entries);
  let arranged: Arranged;
  try {
    arranged = arranger.arrange(node);
  } catch (error) {
    if (error instanceof Unsortable) return null;
    throw error;
  }
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  if (arranged.text === model.text.slice(start, end)) return { edit: null, order: block.entries };
  if (arranger.shifted) {
    const lineStart = model.lines.lineStarts[node.position!.start.line - 1]!;
    const reparsed = parseMarkdown(model.text.slice(lineStart, start) + arranged.text).children;
    if (reparsed.length !== 1 || shapeOf(reparsed[0]!) !== arranged.shape) return null;
  }
  return { edit: { start, end, newText: arranged.text }, order: arranged.order };
}

/** The sort of the whole timeline, and the order of its entries after it. */
export interface TimelineSort {
  /** Null when there is nothing to sort, or nothing that sorts safely. */
  fix: Fix | null;
  /** Every entry of the timeline in its order after the fix. */
  order: TimelineEntry[];
}

/** The fix that sorts every block of the timeline that can be sorted safely. */
export function timelineSort(model: PostmortemModel): TimelineSort {
  const edits: TextEdit[] = [];
  const order: TimelineEntry[] = [];
  for (const block of timelineBlocks(model)) {
    const sorted =
      block.node?.type === 'list' ? sortLists(model, block, block.node) : sortFlat(model, block);
    if (sorted?.edit) edits.push(sorted.edit);
    order.push(...(sorted ? sorted.order : block.entries));
  }
  const fix: Fix | null =
    edits.length > 0 ? { title: 'Sort the timeline by time', edits, safe: true } : null;
  return { fix, order };
}
