/**
 * Code actions. Fixes are data: one generic provider turns each finding's fix into a quick
 * fix, offers to suppress it (for its line or the file), and builds the source actions of
 * `CODE_ACTION_KINDS` by applying chosen fixes the way `--fix` does.
 */
import type { Root, Table } from 'mdast';
import type {
  CodeAction,
  CodeActionParams,
  Diagnostic,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { CodeActionKind, CodeActionTriggerKind } from 'vscode-languageserver';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { Finding, LintConfig, PostmortemModel, RuleId, TextEdit } from '../../engine/model';
import { CODE_ACTION_KINDS } from '../../protocol';
import { findingDiagnostic } from '../session/diagnostics';
import type { AnalyzedPostmortem } from '../session/documents';
import { fixAll } from '../../engine/fixes/fix-all';
import { differenceEdit } from '../../engine/fixes/difference-edits';
import type { PositionMapper } from '../session/positions';

/** Every kind the server's code actions have, for the `codeActionProvider` capability. */
export const PROVIDED_CODE_ACTION_KINDS = [
  CodeActionKind.QuickFix,
  CODE_ACTION_KINDS.fixAll,
  CODE_ACTION_KINDS.insertMissingSections,
  CODE_ACTION_KINDS.sortTimeline,
];

/** The code actions for a range of an analysed post-mortem. */
export function codeActions(document: AnalyzedPostmortem, params: CodeActionParams): CodeAction[] {
  const { only, triggerKind } = params.context;
  const wants = (kind: string): boolean =>
    only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) actions.push(...quickFixes(document, params.range));
  // Source actions re-analyse the document several times: build them only when asked.
  if (only !== undefined || triggerKind !== CodeActionTriggerKind.Automatic) {
    for (const source of SOURCE_ACTIONS) {
      if (!wants(source.kind)) continue;
      const action = sourceAction(document, source);
      if (action) actions.push(action);
    }
  }
  return actions;
}

function overlaps(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

function workspaceEdit(uri: string, positions: PositionMapper, edits: TextEdit[]): WorkspaceEdit {
  return {
    changes: {
      [uri]: edits.map((edit) => ({
        range: positions.rangeOf(edit.start, edit.end),
        newText: edit.newText,
      })),
    },
  };
}

/** Quick fixes for the findings on the lines of `range`: their fixes, then suppressions. */
function quickFixes(document: AnalyzedPostmortem, range: Range): CodeAction[] {
  const { uri, positions } = document;
  const { model, findings } = document.analysis;
  const here = findings
    .map((finding) => ({ finding, diagnostic: findingDiagnostic(finding, positions) }))
    .filter(({ diagnostic }) => overlaps(diagnostic.range, range));
  const fixes: CodeAction[] = [];
  const lineSuppressions = new Map<string, { action: CodeAction; diagnostics: Diagnostic[] }>();
  const fileSuppressions = new Map<RuleId, { action: CodeAction; diagnostics: Diagnostic[] }>();
  for (const { finding, diagnostic } of here) {
    if (finding.fix) {
      fixes.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: workspaceEdit(uri, positions, finding.fix.edits),
      });
    }
    const lineKey = `${finding.ruleId}:${finding.span.start.line}`;
    const edit = disableLineEdit(model, finding);
    if (edit && !lineSuppressions.has(lineKey)) {
      lineSuppressions.set(lineKey, {
        action: {
          title: `Disable \`${finding.ruleId}\` for this line`,
          kind: CodeActionKind.QuickFix,
          edit: workspaceEdit(uri, positions, [edit]),
        },
        diagnostics: [],
      });
    }
    lineSuppressions.get(lineKey)?.diagnostics.push(diagnostic);
    if (!fileSuppressions.has(finding.ruleId)) {
      fileSuppressions.set(finding.ruleId, {
        action: {
          title: `Disable \`${finding.ruleId}\` in this file`,
          kind: CodeActionKind.QuickFix,
          edit: workspaceEdit(uri, positions, [disableFileEdit(model, finding.ruleId)]),
        },
        diagnostics: [],
      });
    }
    fileSuppressions.get(finding.ruleId)!.diagnostics.push(diagnostic);
  }
  const suppressions = [...lineSuppressions.values(), ...fileSuppressions.values()].map(
    ({ action, diagnostics }) => ({ ...action, diagnostics }),
  );
  return [...fixes, ...suppressions];
}

/** The block nodes of a type that span a line, outermost first. */
function blocksAt<T extends Node>(tree: Root, type: string, line: number): T[] {
  const found: T[] = [];
  visit(tree, type, (node: Node) => {
    if (node.position && node.position.start.line <= line && line <= node.position.end.line) {
      found.push(node as T);
    }
  });
  return found;
}

/**
 * The edit that suppresses a finding's rule on its line. A comment line above the line would
 * end a table or split a paragraph, so inside those (past their first line) the comment goes
 * at the end of the line itself (`disable-line`); elsewhere it is a `disable-next-line` line
 * above, indented (and quoted) like the line. Null inside code and HTML blocks, where a
 * comment would be text.
 */
export function disableLineEdit(model: PostmortemModel, finding: Finding): TextEdit | null {
  const { lines, text, tree } = model;
  const line = finding.span.start.line;
  const lineStart = lines.lineStarts[line - 1]!;
  const lineEnd = lines.lineEnd(line);
  const lineText = text.slice(lineStart, lineEnd);
  const inline = ` <!-- postmortem-disable-line ${finding.ruleId} -->`;
  const inside = (node: Node): boolean => node.position!.start.line < line;

  if (blocksAt(tree, 'code', line).some(inside) || blocksAt(tree, 'html', line).some(inside)) {
    return null;
  }
  const table = blocksAt<Table>(tree, 'table', line).find(inside);
  if (table) {
    const offset = tableRowInsertion(model, table, line);
    return offset === null ? null : { start: offset, end: offset, newText: inline };
  }
  if (blocksAt(tree, 'paragraph', line).some(inside)) {
    // Before trailing white space, which may be a hard line break.
    const offset = lineStart + lineText.trimEnd().length;
    return { start: offset, end: offset, newText: inline };
  }
  const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(lineText)![0];
  return {
    start: lineStart,
    end: lineStart,
    newText: `${prefix}<!-- postmortem-disable-next-line ${finding.ruleId} -->${lines.eol()}`,
  };
}

/**
 * Where an inline comment goes in a table row: the end of the content of its last cell that
 * does not hold the entry's time. Null for the delimiter row, or a row with no such cell.
 */
function tableRowInsertion(model: PostmortemModel, table: Table, line: number): number | null {
  const row = table.children.find((candidate) => candidate.position?.start.line === line);
  if (!row) return null;
  const timeOffset = model.timeline?.entries.find(
    (entry) => entry.span.start.line === line && entry.timeSpan,
  )?.timeSpan?.start.offset;
  const cells = row.children.filter(
    (cell) =>
      timeOffset === undefined ||
      !(cell.position!.start.offset! <= timeOffset && timeOffset < cell.position!.end.offset!),
  );
  const cell = cells[cells.length - 1];
  if (!cell) return null;
  let end = cell.position!.end.offset!;
  const start = cell.position!.start.offset!;
  // The row's closing pipe (not an escaped `\|` in a row without one).
  if (end - 1 > start && model.text[end - 1] === '|' && model.text[end - 2] !== '\\') end--;
  while (end > start + 1 && /[ \t]/.test(model.text[end - 1]!)) end--;
  return end;
}

/** The edit that disables a rule for the whole file: a comment at the top, after front matter. */
export function disableFileEdit(model: PostmortemModel, ruleId: RuleId): TextEdit {
  const { lines, text, tree } = model;
  const eol = lines.eol();
  const comment = `<!-- postmortem-disable ${ruleId} -->`;
  const first = tree.children[0];
  if (first && (first.type === 'yaml' || (first.type as string) === 'toml')) {
    const next = lines.lineStarts[first.position!.end.line];
    if (next === undefined) return { start: text.length, end: text.length, newText: eol + comment };
    return { start: next, end: next, newText: comment + eol };
  }
  return { start: 0, end: 0, newText: comment + eol };
}

interface SourceActionSpec {
  kind: string;
  title: string;
  /** The rule whose fixes the action applies (turned on if configuration turns it off). */
  ruleId?: RuleId;
}

const SOURCE_ACTIONS: SourceActionSpec[] = [
  { kind: CODE_ACTION_KINDS.fixAll, title: 'Apply all safe post-mortem fixes' },
  {
    kind: CODE_ACTION_KINDS.insertMissingSections,
    title: 'Insert all missing sections',
    ruleId: 'required-sections',
  },
  { kind: CODE_ACTION_KINDS.sortTimeline, title: 'Sort the timeline', ruleId: 'timeline-order' },
];

function withRuleOn(config: LintConfig, ruleId: RuleId): LintConfig {
  if (config.rules[ruleId] !== 'off') return config;
  return { ...config, rules: { ...config.rules, [ruleId]: 'warning' } };
}

/** A source action as one edit; null when it would change nothing. */
function sourceAction(document: AnalyzedPostmortem, spec: SourceActionSpec): CodeAction | null {
  const { model } = document.analysis;
  const { ruleId } = spec;
  const fixed = ruleId
    ? fixAll(
        model.text,
        withRuleOn(document.config, ruleId),
        (finding) => finding.ruleId === ruleId,
      ).text
    : fixAll(model.text, document.config).text;
  const edit = differenceEdit(model.text, fixed);
  if (!edit) return null;
  return {
    title: spec.title,
    kind: spec.kind,
    edit: workspaceEdit(document.uri, document.positions, [edit]),
  };
}
