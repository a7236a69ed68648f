/** The status bar item of a post-mortem: sections complete and time to resolve. */
import * as vscode from 'vscode';
import type { OutlineResult } from '../../server/src/protocol';
import { METRIC_NAMES, METRIC_VOCABULARY, metricTitle } from '../../server/src/protocol';
import { COMMANDS, STATUS_BAR_ITEM_ID } from './constants';
import { metricValue } from './metrics-text';
import { sectionProgress } from './section-progress';

export class OutlineStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    STATUS_BAR_ITEM_ID,
    vscode.StatusBarAlignment.Left,
    50,
  );

  constructor() {
    this.item.name = 'Post-Mortem';
    this.item.command = COMMANDS.showOutline;
  }

  /** Shows an outline's summary, or hides the item when the document is not a post-mortem. */
  update(outline: OutlineResult | undefined): void {
    if (!outline?.isPostmortem) {
      this.item.hide();
      return;
    }
    const progress = sectionProgress(outline.sections);
    const ttr = outline.metrics?.timeToResolve ?? null;
    this.item.text =
      `$(checklist) ${progress.complete}/${progress.total}` +
      (ttr === null ? '' : `  TTR ${metricValue(ttr)}`);

    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(
      `**Post-Mortem**: ${progress.complete} of ${progress.total} sections complete\n\n`,
    );
    if (progress.missing.length > 0) {
      tooltip.appendMarkdown('$(error) Missing: ');
      tooltip.appendText(progress.missing.map((section) => section.title).join(', '));
      tooltip.appendMarkdown('\n\n');
    }
    if (progress.empty.length > 0) {
      tooltip.appendMarkdown('$(warning) Empty: ');
      tooltip.appendText(progress.empty.map((section) => section.title).join(', '));
      tooltip.appendMarkdown('\n\n');
    }
    const metrics = outline.metrics;
    if (metrics) {
      for (const name of METRIC_NAMES) {
        tooltip.appendMarkdown(
          `$(watch) ${metricTitle(name)} (${METRIC_VOCABULARY[name].abbreviation}): `,
        );
        tooltip.appendText(metricValue(metrics[name]));
        tooltip.appendMarkdown('\n\n');
      }
    } else {
      tooltip.appendMarkdown('No timeline: no metrics.\n\n');
    }
    tooltip.appendMarkdown('Click to show the Post-Mortem view.');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
