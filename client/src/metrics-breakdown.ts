/**
 * The metrics lens's click in VS Code: the breakdown as a quick pick, one row per metric with
 * the entries its span runs between; picking one goes to the entry that ends it. (The server's
 * own command shows it as one message, for editors without a picker.)
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { MetricSpan, MetricsBreakdown } from '../../server/src/protocol';
import { METRICS_BREAKDOWN_REQUEST } from '../../server/src/protocol';

interface SpanItem extends vscode.QuickPickItem {
  span: MetricSpan;
}

function spanItem(span: MetricSpan): SpanItem {
  const detail = span.bounds ? `${span.bounds.from} → ${span.bounds.to}` : span.advice;
  return { label: span.title, description: span.span, ...(detail ? { detail } : {}), span };
}

async function revealLine(uri: vscode.Uri, line: number): Promise<void> {
  const at = new vscode.Range(line, 0, line, 0);
  const editor = await vscode.window.showTextDocument(uri, { selection: at, preview: false });
  editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Asks the server for the breakdown of the report at `uri` (as the server knows it) and shows
 * it; resolves with the breakdown once shown, not when a row is picked.
 */
export async function showMetricsBreakdown(
  client: BaseLanguageClient,
  uri: string,
): Promise<MetricsBreakdown | null> {
  const breakdown = await client.sendRequest(METRICS_BREAKDOWN_REQUEST, { uri });
  if (!breakdown) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This post-mortem has no timeline, so there are no metrics to show.'),
    );
    return null;
  }
  void vscode.window
    .showQuickPick(breakdown.spans.map(spanItem), {
      title: breakdown.title,
      placeHolder: vscode.l10n.t('Pick a metric to go to the entry that ends it'),
      matchOnDescription: true,
      matchOnDetail: true,
    })
    .then(async (picked) => {
      if (picked?.span.endLine == null) return;
      await revealLine(client.protocol2CodeConverter.asUri(uri), picked.span.endLine);
    });
  return breakdown;
}
