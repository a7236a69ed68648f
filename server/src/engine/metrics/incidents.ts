/**
 * Reports that hold several incidents (SPEC §3): one timeline per incident sub-heading
 * (`### Incident 1`, `### Second outage`), inside the timeline section or each with its own
 * timeline. Their metrics are not summed across incidents: none are computed, and a notice
 * says why.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Notice, PostmortemModel, Timeline } from '../model';

/** A heading that names one incident of several: `Incident 2`, `Outage #1`, `First incident`. */
const INCIDENT_HEADING =
  /^(?:(?:incident|outage|event|issue|problem)[ \t]{0,2}(?:#[ \t]?)?(?:\d{1,3}|[A-Z]|[A-Z]{2,8}-\d{1,6})(?![\p{L}\p{N}])|(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[ \t]+(?:incident|outage)(?![\p{L}]))/iu;
const TIMELINE_WORD = /(?<![\p{L}])timeline(?![\p{L}])/iu;

interface Part {
  name: string;
  depth: number;
  start: number;
  end: number;
}

/** Each incident heading of the document and the range it runs over (to the next of its level). */
function incidentParts(tree: Root): Part[] {
  const headings = tree.children.filter(
    (node): node is Heading => node.type === 'heading' && node.position !== undefined,
  );
  const parts: Part[] = [];
  headings.forEach((heading, i) => {
    const name = toString(heading).trim();
    if (!INCIDENT_HEADING.test(name)) return;
    const next = headings.slice(i + 1).find((other) => other.depth <= heading.depth);
    parts.push({
      name,
      depth: heading.depth,
      start: heading.position!.start.offset!,
      end: next?.position?.start.offset ?? Infinity,
    });
  });
  return parts;
}

/**
 * The incidents a report's timeline covers when it covers several: the names of two or more
 * incident headings of one level that each hold timed entries of the timeline or a timeline
 * heading of their own. Empty when the report holds one incident.
 */
export function severalIncidents(tree: Root, timeline: Timeline | null): string[] {
  if (!timeline) return [];
  const parts = incidentParts(tree);
  const timed = timeline.entries.filter((entry) => entry.instant !== null);
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const holds = (part: Part) =>
    timed.some(
      (entry) => entry.span.start.offset >= part.start && entry.span.start.offset < part.end,
    ) ||
    headings.some(
      (heading) =>
        heading.depth > part.depth &&
        heading.position!.start.offset! > part.start &&
        heading.position!.start.offset! < part.end &&
        TIMELINE_WORD.test(toString(heading)),
    );
  for (const depth of new Set(parts.map((part) => part.depth))) {
    const holding = parts.filter((part) => part.depth === depth && holds(part));
    if (holding.length >= 2) return holding.map((part) => part.name);
  }
  return [];
}

/** The notice of a report with several incidents; none for one incident. */
export function incidentNotices(model: PostmortemModel): Notice[] {
  if (model.incidents.length === 0 || !model.timeline) return [];
  const names = model.incidents.map((name) => `\`${name}\``).join(', ');
  return [
    {
      message: `This report holds ${model.incidents.length} incidents (${names}): metrics are not computed across them; give each incident its own report to measure it`,
      span: model.timeline.section.heading.span,
    },
  ];
}
