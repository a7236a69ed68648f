/** Sorting a timeline by time: rows and items move whole, everything between them stays. */
import type { Fix, PostmortemModel, TextEdit, TimelineEntry } from '../model';

/** Entries of one table, list or paragraph of the timeline, in document order. */
export interface TimelineBlock {
  entries: TimelineEntry[];
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
      block = { entries: [] };
      blocks.push(block);
      if (holds) byNode.set(n, block);
    }
    block.entries.push(entry);
  }
  return blocks;
}

/**
 * Runs of entries that move together: an entry with a time, and the entries without one that
 * follow it (a leading run without times stays first).
 */
function runs(entries: TimelineEntry[]): TimelineEntry[][] {
  const result: TimelineEntry[][] = [];
  for (const entry of entries) {
    const last = result.at(-1);
    if (last && entry.instant === null) last.push(entry);
    else result.push([entry]);
  }
  return result;
}

/** The edit that sorts one block, or null when it is in order or cannot be sorted safely. */
function sortBlock(model: PostmortemModel, block: TimelineBlock): TextEdit | null {
  const { entries } = block;
  // Nested items (an entry inside another) cannot move independently.
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.span.start.offset < entries[i - 1]!.span.end.offset) return null;
  }
  const groups = runs(entries);
  const sorted = [...groups].sort(
    (a, b) => (a[0]!.instant ?? -Infinity) - (b[0]!.instant ?? -Infinity),
  );
  if (sorted.every((group, i) => group === groups[i])) return null;
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
  return { start, end, newText };
}

/** The fix that sorts every block of the timeline; null when there is nothing to sort. */
export function timelineSortFix(model: PostmortemModel): Fix | null {
  const edits = timelineBlocks(model)
    .map((block) => sortBlock(model, block))
    .filter((edit): edit is TextEdit => edit !== null);
  if (edits.length === 0) return null;
  return { title: 'Sort the timeline by time', edits, safe: true };
}
