/** "Copy Metrics as Markdown": the computed TTD, TTA, TTM and TTR as a table on the clipboard. */
import * as vscode from 'vscode';
import { metricsMarkdown } from '../metrics-text';
import type { CommandContext } from './context';
import { activePostmortem } from './context';

/** Copies the active report's metrics as a Markdown table. */
export async function copyMetrics(context: CommandContext): Promise<void> {
  const active = await activePostmortem(context);
  if (!active) return;
  const metrics = active.outline.metrics;
  if (!metrics) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This post-mortem has no timeline, so there are no metrics to copy.'),
    );
    return;
  }
  await vscode.env.clipboard.writeText(metricsMarkdown(metrics));
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Copied the metrics as a Markdown table.'),
  );
}
