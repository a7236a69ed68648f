/**
 * Follow-ups: the action items of a report, read from its follow-up sections (`prevention`
 * and any other `followUps.sections` names): list and task-list items, and the rows of tables
 * with columns such as Action, Owner, Due, Ticket, Status. Each item gets its owner, due date,
 * tracking link, status and whether it is overdue.
 *
 * Decisions where the spec is silent:
 * - Only the outermost items of a list are follow-ups, except under an item that is only a
 *   short label (`Short term:`, `**Next quarter**`): its sub-items are. A sub-heading with no
 *   list or table under it is one (`#### 1) Cron cleanup \`@malte_j\``). Prose is none.
 * - The owner is a `@name`, a labelled `Owner: …` (also Owners, Assignee, Assigned to,
 *   Responsible, DRI), or an Owner, Assignee, Who or DRI cell.
 * - The due date is a date after `due`, `deadline`, `by`, `until`, `before`, `target` or `ETA`,
 *   or in a Due, Deadline, Target or ETA cell, in any form the timeline reads; a date without
 *   a year takes the report's year.
 * - The tracking link is a link to an issue, pull request or ticket (`/issues/12`,
 *   `/pull/3`, `/browse/OPS-1`), else a key matching `followUps.ticketPatterns`, else a
 *   Ticket, Issue or Link cell.
 * - The status is the task-list checkbox, else a Status cell (Done, Closed, Complete, Fixed,
 *   Resolved, Merged, Shipped, ✅ are done), else a `DONE` / `CLOSED` word or a ✅ / ✔ / ☑
 *   sign (done) or `TODO` / `DOING` / `WIP` / `OPEN` (open); open otherwise.
 * - Items with no text once these are taken out, and template text only (`TBD`), are not
 *   follow-ups.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isBlankText } from '../markdown/content';
import type { LineIndex } from '../markdown/lines';
import type { DateOrder, FollowUp, FollowUpConfig, Section, Span } from '../model';
import { normalizeHeading } from '../sections/normalize';
import type { DocumentDates } from '../timeline/document-dates';
import { findDate } from '../timeline/times';
import type { DateParts } from '../timeline/times';

/** Items read at most per report: a follow-up list is short; hostile input stays cheap. */
const MAX_ITEMS = 2000;
/** Characters of an item read for its attributes. */
const MAX_ITEM_TEXT = 2000;

type Role = 'text' | 'owner' | 'due' | 'ticket' | 'status';

/** Table headers (normalized) by the role of their column. */
const COLUMN_ROLES: Record<string, Role> = {
  action: 'text',
  'action item': 'text',
  'action items': 'text',
  actions: 'text',
  item: 'text',
  task: 'text',
  description: 'text',
  what: 'text',
  'follow up': 'text',
  'follow-up': 'text',
  title: 'text',
  summary: 'text',
  remediation: 'text',
  owner: 'owner',
  owners: 'owner',
  assignee: 'owner',
  'assigned to': 'owner',
  who: 'owner',
  responsible: 'owner',
  dri: 'owner',
  due: 'due',
  'due date': 'due',
  deadline: 'due',
  target: 'due',
  'target date': 'due',
  eta: 'due',
  when: 'due',
  ticket: 'ticket',
  tickets: 'ticket',
  issue: 'ticket',
  issues: 'ticket',
  link: 'ticket',
  tracking: 'ticket',
  jira: 'ticket',
  reference: 'ticket',
  // The Google SRE book's template (the `google-sre` preset's table): `| … | Owner | Bug |`.
  bug: 'ticket',
  bugs: 'ticket',
  'bug #': 'ticket',
  status: 'status',
  state: 'status',
  done: 'status',
};

const OWNER_LABEL =
  /(?<![\p{L}\p{N}])(?:owners?|assignees?|assigned[ \t]to|responsible|dri)[ \t]*[:=][ \t]*/giu;
/** Where a labelled owner's name ends: a separator, a bracket, or the next label. */
const OWNER_END = /[,;|()[\]\n]|[ \t](?:due|by|deadline|ticket|status|eta)(?![\p{L}\p{N}])/iu;
const MENTION = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}][\p{L}\p{N}_.-]{0,38}(?<![.-])/gu;
const DUE_LABEL =
  /(?<![\p{L}\p{N}])(?:due(?:[ \t]date)?(?:[ \t](?:by|on))?|deadline|by|until|before|target(?:[ \t]date)?|eta)[ \t]*[:=]?[ \t]*/giu;
/** Where the date after a due label ends at the latest: a separator, a bracket, a clause. */
const DUE_END = /[,;|()[\]\n]|:[ \t]|[ \t][-–—][ \t]/u;
const ISSUE_URL =
  /\/(?:issues?|pulls?|merge_requests|browse|tickets?|work_items|cards?|tasks?)\/[\p{L}\p{N}_-]+/iu;
const DONE_CELL =
  /^(?:done|closed|complete|completed|fixed|resolved|finished|merged|shipped|implemented|yes|✅|✔️?|☑️?)$/iu;
/** A status word: in capitals anywhere, or in brackets in any case (`(done)`, `[wip]`). */
const STATUS_WORD =
  /(?<![\p{L}\p{N}])(DONE|CLOSED|COMPLETED?|DOING|TODO|WIP|OPEN|IN[ \t]PROGRESS)(?![\p{L}\p{N}])|[([](done|closed|completed?|doing|todo|wip|open|in[ \t]progress)[)\]]/giu;
const DONE_WORD = /^(?:done|closed|completed?)$/i;
const DONE_SIGN = /[✅✔☑]/u;
const OPEN_SIGN = /[☐⬜❌]/u;
/** What is left around attributes taken out: empty brackets, dangling separators. */
const EMPTY_BRACKETS = /\([\s,;:|–—-]*\)|\[[\s,;:|–—-]*\]/g;
const SEPARATOR = /[\s,;:|–—-]/;

/** `text` without separators at either end: a scan from each end, linear on any text. */
function withoutEdgeSeparators(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SEPARATOR.test(text[start]!)) start++;
  while (end > start && SEPARATOR.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Where follow-ups are read, and what the report's dates say. */
export interface FollowUpContext {
  lines: LineIndex;
  sections: readonly Section[];
  config: FollowUpConfig;
  dates: DocumentDates;
  /** The configured date order, where the document settles none. */
  dateOrder: DateOrder | null;
  /** `YYYY-MM-DD`. */
  today: string;
}

/** What one item says, before its status and dates are settled. */
interface Parts {
  /** The item's text as plain text (its first paragraph, or its Action cell). */
  text: string;
  /** Plain-text ranges taken out of `text` (owner, due, ticket, status words). */
  cut: [number, number][];
  owner: string | null;
  due: DateParts | null;
  ticket: string | null;
  status: FollowUp['status'] | null;
  statusFrom: string | null;
}

function emptyParts(text: string): Parts {
  return {
    text,
    cut: [],
    owner: null,
    due: null,
    ticket: null,
    status: null,
    statusFrom: null,
  };
}

/** Tracking-key patterns, whole-word, compiled once per configuration. */
const keyPatterns = new WeakMap<readonly string[], RegExp | null>();

/** The first tracking key (`OPS-123`, `#12`) of the configured patterns in a text, or null. */
export function ticketKey(text: string, patterns: readonly string[]): string | null {
  return keyPattern(patterns)?.exec(text)?.[0] ?? null;
}

function keyPattern(patterns: readonly string[]): RegExp | null {
  if (keyPatterns.has(patterns)) return keyPatterns.get(patterns)!;
  const source = patterns.map((pattern) => `(?:${pattern})`).join('|');
  const compiled = source
    ? new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${source})(?![\\p{L}\\p{N}_])`, 'u')
    : null;
  keyPatterns.set(patterns, compiled);
  return compiled;
}

/** Every link URL below a node. */
function linkUrls(node: Nodes): string[] {
  if (node.type === 'link') return [node.url];
  if (!('children' in node)) return [];
  return (node.children as Nodes[]).flatMap(linkUrls);
}

/** Reads owner, due date, ticket and status words out of an item's plain text. */
function readParts(text: string, urls: string[], context: FollowUpContext): Parts {
  const parts = emptyParts(text.slice(0, MAX_ITEM_TEXT));
  const source = parts.text;
  for (const label of source.matchAll(OWNER_LABEL)) {
    const start = label.index + label[0].length;
    const end = OWNER_END.exec(source.slice(start));
    const name = source.slice(start, end ? start + end.index : source.length).trim();
    if (name === '' || isBlankText(name)) continue;
    parts.owner = name;
    parts.cut.push([label.index, start + name.length]);
    break;
  }
  if (parts.owner === null) {
    const mention = MENTION.exec(source);
    MENTION.lastIndex = 0;
    if (mention) {
      parts.owner = mention[0];
      parts.cut.push([mention.index, mention.index + mention[0].length]);
    }
  }
  for (const label of source.matchAll(DUE_LABEL)) {
    const start = label.index + label[0].length;
    const end = DUE_END.exec(source.slice(start));
    const window = source.slice(start, end ? start + end.index : source.length);
    const date = findDate(window, context.dates.order ?? context.dateOrder);
    if (!date) continue;
    parts.due = date;
    parts.cut.push([label.index, start + window.trimEnd().length]);
    break;
  }
  const issue = urls.find((url) => ISSUE_URL.test(url));
  const key = keyPattern(context.config.ticketPatterns)?.exec(source);
  if (key) {
    parts.ticket = key[0];
    parts.cut.push([key.index, key.index + key[0].length]);
  } else if (issue) parts.ticket = issue;
  for (const word of source.matchAll(STATUS_WORD)) {
    const name = word[1] ?? word[2]!;
    // Capitals only, outside brackets: `todo` in prose is a word, not a status.
    if (word[1] !== undefined && word[1] !== word[1].toUpperCase()) continue;
    parts.status = DONE_WORD.test(name) ? 'done' : 'open';
    parts.statusFrom = `\`${word[0]}\``;
    parts.cut.push([word.index, word.index + word[0].length]);
    break;
  }
  if (parts.status === null) {
    const sign = DONE_SIGN.exec(source) ?? OPEN_SIGN.exec(source);
    if (sign) {
      parts.status = DONE_SIGN.test(sign[0]) ? 'done' : 'open';
      parts.statusFrom = sign[0];
      parts.cut.push([sign.index, sign.index + sign[0].length + 1]);
    }
  }
  return parts;
}

/** The item's text with its attributes taken out, tidied. */
function remainingText(parts: Parts): string {
  const cuts = [...parts.cut].sort((a, b) => a[0] - b[0]);
  let text = '';
  let at = 0;
  for (const [start, end] of cuts) {
    if (start > at) text += parts.text.slice(at, start);
    at = Math.max(at, end);
  }
  text += parts.text.slice(at);
  return withoutEdgeSeparators(text.replace(EMPTY_BRACKETS, ' ').replace(/\s+/g, ' ')).replace(
    /\*\*$|^\*\*/g,
    '',
  );
}

function iso(date: DateParts, year: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.year ?? year}-${pad(date.month)}-${pad(date.day)}`;
}

/** A follow-up from what an item says, or null when it says nothing to do. */
function followUp(span: Span, parts: Parts, context: FollowUpContext): FollowUp | null {
  const text = remainingText(parts);
  if (isBlankText(text)) return null;
  const year = context.dates.year ?? Number(context.today.slice(0, 4));
  const due = parts.due ? iso(parts.due, year) : null;
  const status = parts.status ?? 'open';
  return {
    span,
    text,
    owner: parts.owner,
    due,
    ticket: parts.ticket,
    status,
    overdue: status === 'open' && due !== null && due < context.today,
    statusFrom: parts.statusFrom,
  };
}

function spanOf(node: Nodes, lines: LineIndex): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : lines.span(start, end);
}

/** Words of a label over sub-items at most: `Short term:`, `Next quarter:`, `**Infra**`. */
const MAX_LABEL_WORDS = 3;

/**
 * Whether a list item is only a label over sub-items (`Short term:`, `**Next quarter**`); an
 * action with steps under it (`Ensure that alerting is in place for:`) is one follow-up.
 */
function isGroupLabel(item: ListItem, paragraph: Paragraph | undefined): boolean {
  if (!item.children.some((child) => child.type === 'list')) return false;
  if (!paragraph) return true;
  const text = toString(paragraph).trim();
  if (text.split(/\s+/).length > MAX_LABEL_WORDS) return false;
  const onlyStrong = paragraph.children.every(
    (child) => child.type === 'strong' || (child.type === 'text' && child.value.trim() === ''),
  );
  return text.endsWith(':') || onlyStrong;
}

function* listItems(list: List): Generator<ListItem> {
  for (const item of list.children) {
    const paragraph = item.children.find((child) => child.type === 'paragraph');
    if (isGroupLabel(item, paragraph)) {
      for (const child of item.children) if (child.type === 'list') yield* listItems(child);
    } else yield item;
  }
}

function fromListItem(item: ListItem, context: FollowUpContext): FollowUp | null {
  const span = spanOf(item, context.lines);
  const paragraph = item.children.find((child) => child.type === 'paragraph');
  if (!span || !paragraph) return null;
  const parts = readParts(toString(paragraph), linkUrls(item), context);
  if (item.checked === true || item.checked === false) {
    parts.status = item.checked ? 'done' : 'open';
    parts.statusFrom = 'checkbox';
  }
  return followUp(span, parts, context);
}

/** The role of each column of a table, from its header row; null when none is a follow-up's. */
function columnRoles(header: TableRow): (Role | null)[] | null {
  const roles: (Role | null)[] = header.children.map(
    (cell) => COLUMN_ROLES[normalizeHeading(toString(cell))] ?? null,
  );
  if (!roles.some((role) => role !== null && role !== 'text')) return null;
  // Without an Action column, the first column of no other role says what is to be done.
  const free = roles.indexOf(null);
  if (!roles.includes('text') && free >= 0) roles[free] = 'text';
  return roles.includes('text') ? roles : null;
}

function* fromTable(table: Table, context: FollowUpContext): Generator<FollowUp> {
  const [header, ...rows] = table.children;
  const roles = header ? columnRoles(header) : null;
  if (!roles) return;
  for (const row of rows) {
    const span = spanOf(row, context.lines);
    if (!span) continue;
    const cell = (role: Role) => {
      const node = row.children[roles.indexOf(role)];
      const text = node ? toString(node).trim() : '';
      return { node, text: isBlankText(text) ? '' : text };
    };
    const action = cell('text');
    const parts = readParts(action.text, action.node ? linkUrls(action.node) : [], context);
    const owner = cell('owner').text;
    if (owner) parts.owner = owner;
    const due = cell('due').text;
    const dueDate = due ? findDate(due, context.dates.order ?? context.dateOrder) : null;
    if (dueDate) parts.due = dueDate;
    const ticket = cell('ticket');
    if (parts.ticket === null && ticket.text) {
      const urls = ticket.node ? linkUrls(ticket.node) : [];
      parts.ticket =
        keyPattern(context.config.ticketPatterns)?.exec(ticket.text)?.[0] ?? urls[0] ?? ticket.text;
    }
    const status = cell('status').text;
    if (status) {
      parts.status = DONE_CELL.test(status) ? 'done' : 'open';
      parts.statusFrom = 'the Status cell';
    }
    const read = followUp(span, parts, context);
    if (read) yield read;
  }
}

/** A heading's leading enumerator: `1)`, `2.`, `IV.`. */
const ENUMERATOR = /^[ \t]*(?:\d{1,3}|[IVXivx]{1,5})[.)][ \t]+/;

/**
 * A sub-heading that names a follow-up (`#### 1) Cron cleanup scheduled \`@malte_j\``), the
 * content under it up to the next heading of its level or higher read for what the heading
 * does not say.
 */
function fromHeading(
  nodes: readonly RootContent[],
  index: number,
  context: FollowUpContext,
): FollowUp | null {
  const heading = nodes[index]!;
  if (heading.type !== 'heading') return null;
  let end = index + 1;
  while (end < nodes.length) {
    const next = nodes[end]!;
    if (next.type === 'heading' && next.depth <= heading.depth) break;
    end++;
  }
  const under = nodes.slice(index + 1, end);
  // A heading over items (`### Infra` over a list) is a group, and its items the follow-ups.
  if (
    under.some((node) => node.type === 'list' || node.type === 'table' || node.type === 'heading')
  )
    return null;
  const start = heading.position?.start.offset;
  const last = under[under.length - 1] ?? heading;
  const stop = last.position?.end.offset;
  if (start === undefined || stop === undefined) return null;
  const parts = readParts(toString(heading).replace(ENUMERATOR, ''), linkUrls(heading), context);
  const body = readParts(
    under.map((node) => toString(node)).join('\n'),
    under.flatMap(linkUrls),
    context,
  );
  parts.owner ??= body.owner;
  parts.due ??= body.due;
  parts.ticket ??= body.ticket;
  return followUp(context.lines.span(start, stop), parts, context);
}

function* fromNodes(nodes: readonly RootContent[], context: FollowUpContext): Generator<FollowUp> {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type === 'list') {
      for (const item of listItems(node)) {
        const read = fromListItem(item, context);
        if (read) yield read;
      }
    } else if (node.type === 'table') yield* fromTable(node, context);
    else if (node.type === 'heading') {
      const read = fromHeading(nodes, index, context);
      if (read) yield read;
    }
  }
}

/** The follow-ups of a report, in document order, each once. */
export function readFollowUps(context: FollowUpContext): FollowUp[] {
  const byStart = new Map<number, FollowUp>();
  for (const section of context.sections) {
    if (!context.config.sections.includes(section.spec.id)) continue;
    for (const item of fromNodes(section.nodes, context)) {
      byStart.set(item.span.start.offset, item);
      if (byStart.size >= MAX_ITEMS) break;
    }
  }
  return [...byStart.values()].sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** `YYYY-MM-DD` of a date in the local zone. */
export function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
