/** `placeholder`: template text left in a section that has content, or as a stated metric's value. */
import type { Nodes } from 'mdast';
import { PLACEHOLDER, sectionHasContent } from '../markdown/content';
import type { PostmortemModel, RuleFinding, Span } from '../model';
import { statedMetricFix } from '../metrics/stated-fix';
import type { Rule } from './rule';

/** Every text node below `node`, code excluded. */
function* textNodes(node: Nodes): Generator<Nodes & { type: 'text' }> {
  if (node.type === 'text') yield node;
  else if ('children' in node) for (const child of node.children) yield* textNodes(child);
}

/** `PLACEHOLDER` without its word boundaries: finds a superset of its matches in any text. */
const PLACEHOLDER_HINT = new RegExp(PLACEHOLDER.source.replaceAll('\\b', ''));

/**
 * Offsets of the timeline's unknown times (`[???]`, `TBD`): a time the author did not know,
 * which `timeline-time` reports, not template text.
 */
function unknownTimeOffsets(model: PostmortemModel): Set<number> {
  const offsets = new Set<number>();
  for (const entry of model.timeline?.entries ?? []) {
    if (entry.timeProblem !== 'unknown' || !entry.timeSpan) continue;
    for (let at = entry.timeSpan.start.offset; at < entry.timeSpan.end.offset; at++)
      offsets.add(at);
  }
  return offsets;
}

/** What may come before a follow-up's first word on its line: heading marks, a bullet, a number. */
const ITEM_OPENING = /^[ \t]{0,3}(?:(?:#{1,6}|[-*+]|\d{1,3}[.)])[ \t]+){0,3}(?:\[[ xX]\][ \t]+)?$/;

/**
 * Whether the `TODO` at `at` opens a follow-up's title (`#### 2) TODO Config management`,
 * `- TODO Add an alert`) in the section of follow-ups: the item's status, not template text.
 */
function isFollowUpStatus(model: PostmortemModel, sectionId: string, at: number): boolean {
  if (sectionId !== 'prevention') return false;
  const lineStart = model.text.lastIndexOf('\n', at - 1) + 1;
  if (at - lineStart > 40 || !ITEM_OPENING.test(model.text.slice(lineStart, at))) return false;
  return /^[ \t]+\p{L}/u.test(model.text.slice(at + 'TODO'.length, at + 'TODO'.length + 8));
}

function placeholdersInSections(model: PostmortemModel): RuleFinding[] {
  // By offset: a section inside another (a sub-heading, a label) holds the same text, and the
  // innermost one, read last, names it.
  const findings = new Map<number, RuleFinding>();
  // Read for the first placeholder found: most reports hold none.
  let unknownTimes: Set<number> | null = null;
  for (const section of model.sections) {
    // One search of the section's source spares the walk of every text node (long timelines).
    const source = model.text.slice(section.span.start.offset, section.span.end.offset);
    if (!PLACEHOLDER_HINT.test(source)) continue;
    if (!sectionHasContent(section.nodes)) continue;
    for (const node of section.nodes) {
      for (const text of textNodes(node)) {
        const start = text.position?.start.offset;
        const end = text.position?.end.offset;
        if (start === undefined || end === undefined) continue;
        // Match in the source, not the node's value, so escapes cannot shift the columns.
        for (const match of model.text.slice(start, end).matchAll(PLACEHOLDER)) {
          const at = start + match.index;
          if ((unknownTimes ??= unknownTimeOffsets(model)).has(at)) continue;
          if (match[0] === 'TODO' && isFollowUpStatus(model, section.spec.id, at)) continue;
          findings.set(at, {
            message: `Template text \`${match[0]}\` left in \`${section.spec.title}\`; replace it with the real value`,
            span: model.lines.span(at, at + match[0].length),
          });
        }
      }
    }
  }
  return [...findings.values()];
}

function placeholderMetrics(model: PostmortemModel): RuleFinding[] {
  return model.statedMetrics
    .filter((stated) => stated.minutes === null)
    .map((stated) => {
      const fix = statedMetricFix(model, stated);
      return {
        message: `Stated metric has placeholder value \`${stated.valueText}\`${fix ? '; the timeline gives a value' : ''}`,
        span: stated.valueSpan,
        ...(fix ? { fix } : {}),
      };
    });
}

function overlaps(a: Span, b: Span): boolean {
  return a.start.offset < b.end.offset && b.start.offset < a.end.offset;
}

export const placeholder: Rule = {
  id: 'placeholder',
  description: 'Template text is left in a section that has other content.',
  defaultSeverity: 'warning',
  reads: 'content',
  check(model) {
    const metrics = placeholderMetrics(model);
    const inSections = placeholdersInSections(model).filter(
      (finding) => !metrics.some((metric) => overlaps(metric.span, finding.span)),
    );
    return [...inSections, ...metrics];
  },
};
