/**
 * `rca-evidence`: a root cause analysis without supporting evidence, or an empty evidence label.
 * Evidence is an `Evidence` part (a label, a bold label, a sub-heading, or `Evidence:` opening a
 * line or a sentence of a paragraph), a code block, block quote, link or image, or a reference
 * to a ticket or pull request (a key of `followUps.ticketPatterns`: `OPS-123`, `#1234`).
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { hasContent, isBlankText, leadingLabel, sectionHasContent } from '../markdown/content';
import { ticketKey } from '../followups/read';
import type { PostmortemModel, RuleFinding, Span } from '../model';
import { normalizeHeading } from '../sections/normalize';
import type { Rule } from './rule';

const EVIDENCE = /^(?:supporting\s+)?evidence$/;
const PLAIN_LABEL = /^\s*((?:supporting\s+)?evidence)\s*:/i;
/** `Evidence:` opening a later line or sentence of a paragraph: `… too small. Evidence: logs …`. */
const INLINE_LABEL = /(?:\n|[.!?;][ \t])[ \t]*((?:supporting[ \t]+)?evidence)[ \t]*:/i;
const EVIDENCE_MEDIA = new Set([
  'code',
  'blockquote',
  'link',
  'image',
  'linkReference',
  'imageReference',
]);

interface EvidenceLabel {
  span: Span;
  label: string;
  filled: boolean;
}

function spanOf(model: PostmortemModel, node: Nodes): Span {
  return model.lines.span(node.position!.start.offset!, node.position!.end.offset!);
}

/** An evidence label at the start of a paragraph, and whether the paragraph goes on after it. */
function paragraphLabel(model: PostmortemModel, paragraph: Paragraph): EvidenceLabel | null {
  const bold = leadingLabel(paragraph);
  if (bold) {
    if (!EVIDENCE.test(normalizeHeading(bold.label))) return null;
    const rest = paragraph.children.slice(1).map((child: PhrasingContent) => toString(child));
    return {
      span: spanOf(model, bold.node),
      label: bold.label,
      filled: !isBlankText(rest.join('')),
    };
  }
  const first = paragraph.children[0];
  if (first?.type !== 'text') return inlineLabel(model, paragraph);
  const match = PLAIN_LABEL.exec(first.value);
  if (!match) return inlineLabel(model, paragraph);
  const start = first.position!.start.offset! + first.value.indexOf(match[1]!);
  const rest = toString(paragraph).slice(match[0].length);
  return {
    span: model.lines.span(start, start + match[1]!.length),
    label: match[1]!,
    filled: !isBlankText(rest),
  };
}

/** An `Evidence:` label inside a paragraph, at the start of a line or a sentence. */
function inlineLabel(model: PostmortemModel, paragraph: Paragraph): EvidenceLabel | null {
  const start = paragraph.position!.start.offset!;
  const source = model.text.slice(start, paragraph.position!.end.offset!);
  const match = INLINE_LABEL.exec(source);
  if (!match) return null;
  const at = start + match.index + match[0].indexOf(match[1]!);
  return {
    span: model.lines.span(at, at + match[1]!.length),
    label: match[1]!,
    filled: !isBlankText(source.slice(match.index + match[0].length)),
  };
}

/** Evidence labels among sibling blocks; what follows a label up to the next heading or label counts as its content. */
function findLabels(model: PostmortemModel, nodes: RootContent[]): EvidenceLabel[] {
  const labels: EvidenceLabel[] = [];
  let open: { label: EvidenceLabel; depth: number } | null = null;
  for (const node of nodes) {
    if (node.type === 'heading') {
      if (open && node.depth <= open.depth) open = null;
      if (EVIDENCE.test(normalizeHeading(toString(node)))) {
        const label = { span: spanOf(model, node), label: toString(node), filled: false };
        labels.push(label);
        open = { label, depth: node.depth };
      }
      continue;
    }
    const label = node.type === 'paragraph' ? paragraphLabel(model, node) : null;
    if (label) {
      labels.push(label);
      open = label.filled ? null : { label, depth: 7 };
      continue;
    }
    if (open && hasContent(node)) open.label.filled = true;
    if (node.type === 'list') {
      for (const item of node.children) labels.push(...findLabels(model, item.children));
    } else if (node.type === 'blockquote') {
      labels.push(...findLabels(model, node.children));
    }
  }
  return labels;
}

function hasEvidenceMedia(node: Nodes): boolean {
  if (EVIDENCE_MEDIA.has(node.type)) return true;
  return 'children' in node && (node.children as Nodes[]).some(hasEvidenceMedia);
}

export const rcaEvidence: Rule = {
  id: 'rca-evidence',
  description:
    'The root cause analysis has no supporting evidence, or an evidence label has nothing after it.',
  defaultSeverity: 'warning',
  reads: 'content',
  check(model, config) {
    const section = model.sections.find((candidate) => candidate.spec.id === 'rca');
    if (!section || !sectionHasContent(section.nodes)) return [];
    const text = model.text.slice(section.span.start.offset, section.span.end.offset);
    const labels = findLabels(model, section.nodes);
    const findings: RuleFinding[] = labels
      .filter((label) => !label.filled)
      .map((label) => ({
        message: `\`${label.label.trim()}\` has nothing after it; add the logs, graphs or links that show the cause`,
        span: label.span,
      }));
    const referenced = ticketKey(text, config.followUps.ticketPatterns) !== null;
    if (labels.length === 0 && !referenced && !section.nodes.some(hasEvidenceMedia)) {
      findings.push({
        message: `\`${section.heading.text.trim()}\` has no supporting evidence; add a \`Supporting Evidence\` part with logs, graphs or links`,
        span: section.heading.span,
      });
    }
    return findings;
  },
};
