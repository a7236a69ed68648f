/**
 * What counts as content in a section: template placeholders, bare labels, comments and empty
 * list items do not (SPEC §4, `empty-section` and `placeholder`).
 */
import type { Nodes, Paragraph, RootContent, Strong, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Template text that means "not filled in yet". Case-sensitive: `todo` in prose is fine. */
export const PLACEHOLDER =
  /\bTBD\b|\bTODO\b|\?{3,}|\bXXX\b|\bYYY\b|\bZZZ\b|\[name\]|\b20xx-MM-DD\b|\bHH:mm\b/g;

/** Whether text has nothing but placeholders, punctuation and white space. */
export function isBlankText(text: string): boolean {
  return text.replace(PLACEHOLDER, '').replace(/[\s\p{P}\p{S}]/gu, '') === '';
}

/** A `**Label:**` (or `**Label**:`) at the start of a paragraph: its text without the colon. */
export function leadingLabel(paragraph: Paragraph): { label: string; node: Strong } | null {
  const first = paragraph.children[0];
  if (first?.type !== 'strong') return null;
  const text = toString(first).trim();
  const second = paragraph.children[1];
  const colonAfter = second?.type === 'text' && second.value.trimStart().startsWith(':');
  if (!text.endsWith(':') && !colonAfter) return null;
  return { label: text.replace(/:$/, '').trim(), node: first };
}

/** The text of a paragraph after its leading label, if it has one. */
function textAfterLabel(paragraph: Paragraph): string {
  const label = leadingLabel(paragraph);
  const rest = label ? paragraph.children.slice(1) : paragraph.children;
  return rest
    .map((child) => (child.type === 'text' ? (child as Text).value : toString(child)))
    .join('');
}

/** Whether a node carries something a reader would count as written content. */
export function hasContent(node: Nodes): boolean {
  switch (node.type) {
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
    case 'heading':
      return false;
    case 'code':
      return node.value.trim() !== '';
    case 'image':
    case 'imageReference':
    case 'link':
    case 'linkReference':
      return true;
    case 'paragraph':
      return node.children.some((child) => child.type === 'image' || child.type === 'link')
        ? true
        : !isBlankText(textAfterLabel(node));
    case 'table':
      // The header row is the template; only body rows carry content.
      return node.children.slice(1).some((row) => row.children.some(hasContent));
    case 'text':
    case 'inlineCode':
      return !isBlankText(node.value);
    default:
      return 'children' in node && (node.children as Nodes[]).some(hasContent);
  }
}

/** Whether a section's nodes hold any content (sub-headings alone do not count). */
export function sectionHasContent(nodes: RootContent[]): boolean {
  return nodes.some(hasContent);
}
