/**
 * Code actions. Fixes are data: one generic provider turns each finding's fix into a quick
 * fix, offers to suppress it (for its line or the file), and builds the source actions of
 * `CODE_ACTION_KINDS` by applying chosen fixes the way `--fix` does.
 */
import type {
  CodeAction,
  CodeActionParams,
  Diagnostic,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { CodeActionKind, CodeActionTriggerKind } from 'vscode-languageserver';
import type { LintConfig, RuleId, TextEdit } from '../../engine';
import { differenceEdit, disableFileEdit, disableLineEdit, fixAll } from '../../engine';
import { CODE_ACTION_KINDS } from '../../protocol';
import { findingDiagnostic } from '../session/diagnostics';
import type { AnalyzedPostmortem } from '../session/analyzed';
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
        // The rule's safe fixes: not the unsafe preset line of `required-sections`.
        (finding) => finding.ruleId === ruleId && finding.fix?.safe === true,
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
