/**
 * The Incidents view in the Explorer: every post-mortem of the workspace, newest first, with
 * its severity, status, TTD and TTR, open follow-ups and problems; filtered by severity and
 * status; a click opens the report.
 */
import * as vscode from 'vscode';
import type { IncidentItem } from '../../../server/src/protocol';
import { CONTEXT_KEYS, INCIDENTS_VIEW_ID } from '../constants';
import type { IncidentsTracker } from './index-tracker';
import type { FilterField, IncidentFilter } from './rows';
import {
  applyFilter,
  filterChoices,
  incidentDescription,
  incidentLabel,
  incidentTooltip,
  isFiltered,
  NO_FILTER,
  sortIncidents,
  viewDescription,
} from './rows';

function pickTitle(field: FilterField): string {
  return field === 'severity'
    ? vscode.l10n.t('Filter Incidents by Severity')
    : vscode.l10n.t('Filter Incidents by Status');
}

export class IncidentsView implements vscode.TreeDataProvider<IncidentItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<IncidentItem>;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private filter: IncidentFilter = NO_FILTER;
  private watching: vscode.Disposable | undefined;

  constructor(private readonly tracker: IncidentsTracker) {
    this.treeView = vscode.window.createTreeView(INCIDENTS_VIEW_ID, { treeDataProvider: this });
    this.disposables.push(
      this.treeView,
      tracker.onDidChange(() => this.update()),
      // Read while it is on screen; a collapsed or hidden view costs nothing.
      this.treeView.onDidChangeVisibility(({ visible }) => this.followVisibility(visible)),
    );
    this.followVisibility(this.treeView.visible);
    this.update();
  }

  private followVisibility(visible: boolean): void {
    if (visible && !this.watching) this.watching = this.tracker.watch();
    if (!visible && this.watching) {
      this.watching.dispose();
      this.watching = undefined;
    }
  }

  /** Every report the index lists, before the filter. */
  private get all(): IncidentItem[] {
    const state = this.tracker.state;
    return state.kind === 'listed' ? state.result.incidents : [];
  }

  getChildren(node?: IncidentItem): IncidentItem[] {
    if (node) return [];
    return sortIncidents(applyFilter(this.all, this.filter));
  }

  getTreeItem(incident: IncidentItem): vscode.TreeItem {
    const item = new vscode.TreeItem(incidentLabel(incident), vscode.TreeItemCollapsibleState.None);
    const uri = vscode.Uri.parse(incident.uri);
    item.id = incident.uri;
    item.resourceUri = uri;
    item.description = incidentDescription(incident);
    item.tooltip = incidentTooltip(incident, vscode.workspace.asRelativePath(uri, false));
    const { error, warning } = incident.findings;
    item.iconPath =
      error > 0
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
        : warning > 0
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open Report'),
      arguments: [uri],
    };
    item.contextValue = 'incident';
    return item;
  }

  /** Asks which values of `field` to keep (several, or none for all) and applies the choice. */
  async pickFilter(field: FilterField): Promise<void> {
    const choices = filterChoices(this.all, field, this.filter);
    if (choices.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No post-mortem of the workspace to filter yet.'),
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(choices, {
      title: pickTitle(field),
      placeHolder: vscode.l10n.t('The {0} values to show; none picked shows every report', field),
      canPickMany: true,
    });
    if (!picked) return;
    this.setFilter({ ...this.filter, [field]: picked.map((choice) => choice.value) });
  }

  clearFilter(): void {
    this.setFilter(NO_FILTER);
  }

  private setFilter(filter: IncidentFilter): void {
    this.filter = filter;
    this.update();
  }

  /** Redraws the rows, the description, the message and the context keys. */
  private update(): void {
    const state = this.tracker.state;
    const all = this.all;
    const shown = applyFilter(all, this.filter).length;
    const indexing = state.kind === 'waiting' || (state.kind === 'listed' && state.result.indexing);
    this.treeView.description =
      state.kind === 'listed' ? viewDescription(shown, all.length, this.filter) : undefined;
    this.treeView.message =
      state.kind === 'failed'
        ? state.message
        : indexing
          ? vscode.l10n.t('Indexing the workspace’s post-mortems…')
          : all.length > 0 && shown === 0
            ? vscode.l10n.t('No report matches the filter. Clear it to see all {0}.', all.length)
            : undefined;
    void vscode.commands.executeCommand(
      'setContext',
      CONTEXT_KEYS.incidentsFiltered,
      isFiltered(this.filter),
    );
    void vscode.commands.executeCommand(
      'setContext',
      CONTEXT_KEYS.noIncidents,
      state.kind === 'listed' && !indexing && all.length === 0,
    );
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.watching?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
