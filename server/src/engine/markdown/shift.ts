/** Moving mdast nodes to another place in the text: positions shift, columns stay. */
import type { Node, Point, Position } from 'unist';

function movePoint(point: Point, lines: number, offset: number): Point {
  return {
    line: point.line + lines,
    column: point.column,
    offset: point.offset === undefined ? undefined : point.offset + offset,
  };
}

function movePosition(position: Position, lines: number, offset: number): Position {
  return {
    start: movePoint(position.start, lines, offset),
    end: movePoint(position.end, lines, offset),
  };
}

/**
 * A deep copy of `node` moved down `lines` lines and on `offset` characters. Only for text
 * that moved whole lines: columns are kept.
 */
export function shifted<T extends Node>(node: T, lines: number, offset: number): T {
  const copy: Node & { children?: Node[] } = { ...node };
  if (node.position) copy.position = movePosition(node.position, lines, offset);
  if (Array.isArray(copy.children)) {
    copy.children = copy.children.map((child) => shifted(child, lines, offset));
  }
  return copy as T;
}

/**
 * Moves `node` and its descendants like `shifted`, in place: for fresh nodes nothing else
 * holds. New position objects are made, so points shared between nodes move once.
 */
export function shiftInPlace(node: Node, lines: number, offset: number): void {
  if (node.position) node.position = movePosition(node.position, lines, offset);
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as Node[]) shiftInPlace(child, lines, offset);
  }
}

/**
 * Moves `node` and its descendants like `shifted`, by changing their points: nothing is
 * allocated. Only for nodes whose points no other node shares, and that nothing still needs
 * where they were (see `splice.ts`).
 */
export function moveInPlace(node: Node, lines: number, offset: number): void {
  const position = node.position;
  if (position) {
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  }
  const children = (node as Node & { children?: Node[] }).children;
  if (children !== undefined) {
    for (let i = 0; i < children.length; i++) moveInPlace(children[i]!, lines, offset);
  }
}
