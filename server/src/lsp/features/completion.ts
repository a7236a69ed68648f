/**
 * Completion: section headings on empty and heading lines (missing sections first, in schema
 * order), milestone markers after `[` in timeline rows, the current time in the timeline's own
 * format at the start of a row or item, and in front matter the known fields not yet written
 * and the configured severities and statuses (today for `date`, the configured id for `id`).
 */
import type { CompletionItem, Position, Range } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { LintConfig, Milestone, PostmortemModel } from '../../engine';
import {
  METADATA_FIELDS,
  METADATA_FIELD_DESCRIPTIONS,
  MILESTONES,
  firstTimelineDay,
  formatNowLike,
  reportId,
  statedDay,
} from '../../engine';
import type { AnalyzedPostmortem } from '../session/analyzed';

/**
 * Characters after which clients should ask for completions. After `]` nothing is offered: a
 * client asks again there, gets no items, and closes the marker list the `[` opened.
 */
export const COMPLETION_TRIGGERS = ['[', ']', '#', '|'];

const MARKER_DETAILS: Record<Milestone, string> = {
  start: 'The incident started here: TTD, TTM and TTR count from it',
  detected: 'The problem was detected here: ends TTD, starts TTA',
  acknowledged: 'A responder acknowledged it here: ends TTA',
  mitigated: 'The impact was mitigated here: ends TTM',
  resolved: 'The incident was resolved here: ends TTR',
};

/** Whether an offset is inside code or raw HTML, where Markdown completions make no sense. */
function inCodeOrHtml(model: PostmortemModel, offset: number): boolean {
  let inside = false;
  visit(model.tree, (node: Node) => {
    if (node.type !== 'code' && node.type !== 'html' && node.type !== 'inlineCode') return;
    const { start, end } = node.position!;
    if (start.offset! < offset && offset < end.offset!) inside = true;
  });
  return inside;
}

/** The completions at a position of an analysed post-mortem. */
export function completions(
  document: AnalyzedPostmortem,
  position: Position,
  now: Date,
): CompletionItem[] {
  const { positions } = document;
  const { model } = document.analysis;
  const offset = positions.offset(position);
  const line = model.lines.point(offset).line;
  const lineStart = model.lines.lineStarts[line - 1]!;
  const lineEnd = model.lines.lineEnd(line);
  const prefix = model.text.slice(lineStart, offset);
  const rangeOf = (start: number, end: number): Range => positions.rangeOf(start, end);
  const front = model.metadata.span;
  if (front && front.start.offset < offset && offset < front.end.offset) {
    const lineText = model.text.slice(lineStart, lineEnd);
    // Not on the fences themselves.
    if (/^(?:---|\+\+\+)[ \t]*$/.test(lineText)) return [];
    return frontMatterItems(model, document.config, prefix, offset, now, (start) =>
      rangeOf(start, lineEnd),
    );
  }
  if (prefix.endsWith(']') || inCodeOrHtml(model, offset)) return [];

  const timeline = model.timeline;
  // The timeline's scope: its section, and the day headings and timeline headings after it.
  const inTimeline =
    timeline !== null &&
    timeline.section.heading.span.end.offset < offset &&
    offset <= timeline.span.end.offset;
  if (timeline && inTimeline) {
    const marker = /\[([A-Za-z-]*)$/.exec(prefix);
    if (marker) {
      // Editors often close the bracket as it is typed: replace that `]` too.
      const end = model.text[offset] === ']' ? offset + 1 : offset;
      const range = rangeOf(offset - marker[0].length, end);
      return MILESTONES.map((milestone, index) => ({
        label: `[${milestone}]`,
        kind: CompletionItemKind.Keyword,
        detail: MARKER_DETAILS[milestone],
        sortText: String(index),
        filterText: `[${milestone}]`,
        textEdit: { range, newText: `[${milestone}]` },
      }));
    }
    if (/^[ \t]*(?:\||[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*$/.test(prefix)) {
      const time = formatNowLike(timeline, now);
      return [
        {
          label: time,
          kind: CompletionItemKind.Constant,
          detail: 'The current time, written like the other times of this timeline',
          textEdit: { range: rangeOf(offset, offset), newText: time },
        },
      ];
    }
  }

  const lineText = model.text.slice(lineStart, lineEnd);
  const heading = /^[ \t]{0,3}(#{1,6})(?:[ \t]|$)/.exec(lineText);
  if (!heading && lineText.trim() !== '') return [];
  return sectionItems(model, heading?.[1], rangeOf(lineStart, lineEnd));
}

/** Headings of the schema's sections; on an empty line with their scaffold below. */
function sectionItems(
  model: PostmortemModel,
  typedHashes: string | undefined,
  range: Range,
): CompletionItem[] {
  const eol = model.lines.eol();
  const hashes = typedHashes ?? '#'.repeat(model.sections[0]?.heading.depth ?? 2);
  const present = new Set(model.sections.map((section) => section.spec.id));
  return model.schema.sections.map((spec, order) => {
    const found = present.has(spec.id);
    const headingText = `${hashes} ${spec.title}`;
    const scaffold = spec.scaffold.split('\n').join(eol);
    const newText =
      typedHashes === undefined && scaffold !== ''
        ? `${headingText}${eol}${eol}${scaffold}`
        : headingText;
    return {
      label: spec.title,
      kind: CompletionItemKind.Module,
      detail: found
        ? 'Already in this report'
        : spec.required
          ? 'Missing section'
          : 'Optional section, not in this report',
      sortText: `${found ? 1 : 0}-${String(order).padStart(3, '0')}`,
      filterText: headingText,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText },
    };
  });
}

/** `YYYY-MM-DD` of a date in the local zone. */
function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const FIELD_KEY = /^[ \t]*([A-Za-z_-]*)$/;
const FIELD_VALUE = /^[ \t]*(severity|status|date|id)[ \t]*[:=][ \t]*([^\s]*)$/;

/**
 * In front matter: at a key, the known fields the front matter lacks; after `severity:`,
 * `status:` or `date:` (`=` in TOML), the values they take; after `id:`, the id
 * `metadata.idPattern` gives the report's day (its `date`, else its first timeline date, else
 * today), as New Post-Mortem writes it. `rangeFrom(start)` runs from an offset of the line to
 * its end.
 */
function frontMatterItems(
  model: PostmortemModel,
  config: LintConfig,
  prefix: string,
  offset: number,
  now: Date,
  rangeFrom: (start: number) => Range,
): CompletionItem[] {
  const toml = model.metadata.format === 'toml';
  const key = FIELD_KEY.exec(prefix);
  if (key) {
    const written = new Set(model.metadata.entries.map((entry) => entry.field));
    const range = rangeFrom(offset - key[1]!.length);
    return METADATA_FIELDS.filter((field) => !written.has(field)).map((field, index) => ({
      label: field,
      kind: CompletionItemKind.Property,
      detail: METADATA_FIELD_DESCRIPTIONS[field],
      sortText: String(index).padStart(2, '0'),
      textEdit: { range, newText: toml ? `${field} = ` : `${field}: ` },
    }));
  }
  const value = FIELD_VALUE.exec(prefix);
  if (!value) return [];
  const field = value[1] as 'severity' | 'status' | 'date' | 'id';
  const range = rangeFrom(offset - value[2]!.length);
  // What is typed of the value, quotes included, is replaced; TOML writes text in quotes.
  const quote = toml && field !== 'date' ? '"' : '';
  const day = () => statedDay(model, config) ?? firstTimelineDay(model) ?? localDay(now);
  const values =
    field === 'date'
      ? [localDay(now)]
      : field === 'id'
        ? [reportId(config.metadata.idPattern, day())]
        : field === 'severity'
          ? config.metadata.severities
          : config.metadata.statuses;
  const details = {
    date: 'Today',
    id: "The id of `metadata.idPattern` for the report's date",
    severity: 'A severity of the configuration',
    status: 'A status of the configuration',
  };
  return values.map((text, index) => ({
    label: text,
    kind: CompletionItemKind.EnumMember,
    detail: details[field],
    sortText: String(index).padStart(2, '0'),
    textEdit: { range, newText: `${quote}${text}${quote}` },
  }));
}
