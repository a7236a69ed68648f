/**
 * "Copy Metrics as Markdown": the computed TTD, TTA, TTM and TTR as a table on the clipboard,
 * and the follow-ups as a second table when the report has some.
 */
import * as vscode from 'vscode';
import { followUpsMarkdown, metricsMarkdown } from '../metrics-text';
import type { CommandContext } from './context';
import { activePostmortem } from './context';

/** Copies the active report's metrics, and its follow-ups, as Markdown tables. */
export async function copyMetrics(context: CommandContext): Promise<void> {
  const active = await activePostmortem(context);
  if (!active) return;
  const { metrics, followUps } = active.outline;
  if (!metrics) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This post-mortem has no timeline, so there are no metrics to copy.'),
    );
    return;
  }
  if (followUps.length === 0) {
    await vscode.env.clipboard.writeText(metricsMarkdown(metrics));
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Copied the metrics as a Markdown table.'),
    );
    return;
  }
  await vscode.env.clipboard.writeText(
    `${metricsMarkdown(metrics)}\n${followUpsMarkdown(followUps)}`,
  );
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Copied the metrics and the follow-ups as Markdown tables.'),
  );
}
