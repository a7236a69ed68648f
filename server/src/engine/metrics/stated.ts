/**
 * Metrics stated in the text (SPEC §3): lines such as `Time to detection: 54 minutes`,
 * `TTR: 1h 5m`, `**Time to Recovery (TTR):** 30 minutes.`, and table rows whose cell names a
 * metric and whose next cell gives its value. A value that is neither a duration nor a
 * placeholder (`N/A`, `about an hour`) states nothing.
 */
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { readDuration } from './durations';
import type { MetricName, StatedMetric } from '../model';
import type { LineIndex } from '../markdown/lines';

const LABEL =
  /(?:time[ \t-]{1,3}to[ \t-]{1,3}(detect(?:ion)?|acknowledge?(?:ment)?|ack|mitigat(?:e|ion)|resol(?:ve|ution)|recover(?:y)?|restor(?:e|ation)|repair)(?:[ \t]{0,3}\(\s?M?TT[DAMR]\s?\))?|(TT[DAMR]))(?![\p{L}\p{N}])/iuy;
/** Markup and punctuation between a label and its value: `:`, `:**`, `**:`, ` = `, ` - `. */
const LABEL_END =
  /[ \t]{0,3}(?:\*\*|__|[*_])?[ \t]{0,3}[:=\-\u2013\u2014][ \t]{0,3}(?:\*\*|__|[*_])?[ \t]{0,3}/y;
/** What may open a line before its label: a quote, a list marker, bold or emphasis. */
const LINE_OPENER =
  /[ \t]{0,3}(?:>[ \t]?){0,3}(?:(?:[-*+]|\d{1,3}[.)])[ \t]{1,4})?(?:\*\*|__|[*_])?/y;

function metricOf(word: string): MetricName {
  const w = word.toLowerCase();
  if (w.startsWith('det') || w === 'ttd') return 'timeToDetect';
  if (w.startsWith('ack') || w === 'tta') return 'timeToAcknowledge';
  if (w.startsWith('mit') || w === 'ttm') return 'timeToMitigate';
  return 'timeToResolve';
}

function sticky(re: RegExp, s: string, i: number, limit: number): RegExpExecArray | null {
  re.lastIndex = i;
  const match = re.exec(s);
  return match && match.index + match[0].length <= limit ? match : null;
}

/** The metric a label at `i` names, and where its value starts; null when there is none. */
function readLabel(text: string, i: number, limit: number) {
  const label = sticky(LABEL, text, i, limit);
  if (!label) return null;
  return { metric: metricOf(label[1] ?? label[2]!), end: i + label[0].length };
}

/** Reads a stated metric from a line `[from, to)` of a paragraph or heading. */
function fromLine(text: string, from: number, to: number, lines: LineIndex): StatedMetric | null {
  const opener = sticky(LINE_OPENER, text, from, to);
  const label = readLabel(text, from + (opener?.[0].length ?? 0), to);
  if (!label) return null;
  const separator = sticky(LABEL_END, text, label.end, to);
  if (!separator) return null;
  const value = readDuration(text, label.end + separator[0].length, to);
  if (!value) return null;
  let start = from;
  while (start < to && (text[start] === ' ' || text[start] === '\t')) start++;
  return {
    metric: label.metric,
    span: lines.span(start, to),
    valueText: text.slice(value.start, value.end),
    valueSpan: lines.span(value.start, value.end),
    minutes: value.minutes,
  };
}

/** Rows of a table whose cell names a metric (`Time to Detect (TTD)`) and the next gives it. */
function fromTable(table: Table, text: string, lines: LineIndex): StatedMetric[] {
  const found: StatedMetric[] = [];
  for (const row of table.children.slice(1)) {
    row.children.forEach((cell, i) => {
      const next = row.children[i + 1];
      const name = toString(cell).trim().replace(/:$/, '');
      // Every label starts with `time` or `TT`: most cells (timeline rows) fail here cheaply.
      if (name.charCodeAt(0) !== 84 && name.charCodeAt(0) !== 116) return;
      const label = readLabel(name, 0, name.length);
      if (!label || label.end !== name.length || !next?.position || !row.position) return;
      let a = next.position.start.offset!;
      let b = next.position.end.offset!;
      if (text[a] === '|') a++;
      if (text[b - 1] === '|') b--;
      while (a < b && /[\s*_]/.test(text[a]!)) a++;
      const value = readDuration(text, a, b);
      if (!value || /[^\s|*_.]/.test(text.slice(value.end, b))) return;
      found.push({
        metric: label.metric,
        span: lines.span(row.position.start.offset!, row.position.end.offset!),
        valueText: text.slice(value.start, value.end),
        valueSpan: lines.span(value.start, value.end),
        minutes: value.minutes,
      });
    });
  }
  return found;
}

/** The metrics a document states, in document order. */
export function findStatedMetrics(tree: Root, lines: LineIndex): StatedMetric[] {
  const text = lines.text;
  const found: StatedMetric[] = [];
  visit(tree, (node) => {
    if (node.type === 'table') {
      found.push(...fromTable(node, text, lines));
      return 'skip';
    }
    if ((node.type !== 'paragraph' && node.type !== 'heading') || !node.position) return;
    const from = node.position.start.offset!;
    const to = node.position.end.offset!;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) {
      const start = Math.max(lines.lineStarts[line - 1]!, from);
      const stated = fromLine(text, start, Math.min(lines.lineEnd(line), to), lines);
      if (stated) found.push(stated);
    }
    return 'skip';
  });
  return found;
}

/** Writes a computed value in the style of a stated one, for the fix that replaces it. */
export { formatLike as formatStatedValue } from './durations';
