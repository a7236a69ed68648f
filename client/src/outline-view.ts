/**
 * The Post-Mortem view in the Explorer: the schema's sections (present, empty or missing), the
 * timeline with its milestones, the metrics, and the follow-ups (owner, due date, status, the
 * overdue ones marked), for the active editor's report.
 */
import * as vscode from 'vscode';
import type {
  MetricName,
  MetricNote,
  OutlineEntry,
  OutlineFollowUp,
  OutlineRange,
  OutlineSection,
} from '../../server/src/protocol';
import { METRIC_NAMES, METRIC_VOCABULARY, plural } from '../../server/src/protocol';
import { COMMANDS } from './constants';
import { followUpDescription, metricDescription, metricExplanation } from './metrics-text';
import type { OutlineTracker } from './outline-tracker';
import { sectionProgress } from './section-progress';

type Group = 'sections' | 'timeline' | 'metrics' | 'followUps';

/** One row of the view. */
export type OutlineNode =
  | { kind: 'group'; group: Group }
  | { kind: 'section'; section: OutlineSection }
  | { kind: 'entry'; entry: OutlineEntry; index: number }
  | { kind: 'metric'; name: MetricName; note: MetricNote }
  | { kind: 'followUp'; followUp: OutlineFollowUp; index: number };

const GROUPS: readonly Group[] = ['sections', 'timeline', 'metrics', 'followUps'];

export class OutlineViewProvider implements vscode.TreeDataProvider<OutlineNode> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly tracker: OutlineTracker) {}

  /** Redraws the whole view (the outline is small; a report has a few dozen rows). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    const outline = this.tracker.outline;
    // No rows for anything but a post-mortem: the view then shows its welcome content.
    if (!outline?.isPostmortem) return [];
    if (!node) return GROUPS.map((group) => ({ kind: 'group', group }));
    if (node.kind !== 'group') return [];
    switch (node.group) {
      case 'sections':
        return outline.sections.map((section) => ({ kind: 'section', section }));
      case 'timeline':
        return outline.timeline.map((entry, index) => ({ kind: 'entry', entry, index }));
      case 'metrics': {
        const notes = outline.metricNotes;
        if (!notes) return [];
        return METRIC_NAMES.map((name) => ({ kind: 'metric', name, note: notes[name] }));
      }
      case 'followUps':
        return outline.followUps.map((followUp, index) => ({ kind: 'followUp', followUp, index }));
    }
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return this.groupItem(node.group);
      case 'section':
        return this.sectionItem(node.section);
      case 'entry':
        return this.entryItem(node.entry, node.index);
      case 'metric':
        return metricItem(node.name, node.note);
      case 'followUp':
        return this.followUpItem(node.followUp, node.index);
    }
  }

  private groupItem(group: Group): vscode.TreeItem {
    const outline = this.tracker.outline;
    const expanded = vscode.TreeItemCollapsibleState.Expanded;
    const none = vscode.TreeItemCollapsibleState.None;
    switch (group) {
      case 'sections': {
        const progress = sectionProgress(outline?.sections ?? []);
        const item = new vscode.TreeItem('Sections', expanded);
        item.description = `${progress.complete}/${progress.total} complete`;
        item.iconPath = new vscode.ThemeIcon('checklist');
        item.contextValue = progress.missing.length > 0 ? 'sections-incomplete' : 'sections';
        return withId(item, group);
      }
      case 'timeline': {
        const entries = outline?.timeline.length ?? 0;
        const item = new vscode.TreeItem('Timeline', entries > 0 ? expanded : none);
        item.description = outline?.metrics
          ? plural(entries, 'entry', 'entries')
          : 'no timeline section';
        item.iconPath = new vscode.ThemeIcon('history');
        item.contextValue = outline?.metrics ? 'timeline' : 'timeline-missing';
        return withId(item, group);
      }
      case 'metrics': {
        const metrics = outline?.metrics;
        const item = new vscode.TreeItem('Metrics', metrics ? expanded : none);
        item.description = metrics ? undefined : 'no timeline to measure';
        item.iconPath = new vscode.ThemeIcon('dashboard');
        item.contextValue = metrics ? 'metrics' : 'metrics-missing';
        return withId(item, group);
      }
      case 'followUps': {
        const followUps = outline?.followUps ?? [];
        const item = new vscode.TreeItem('Follow-ups', followUps.length > 0 ? expanded : none);
        const open = followUps.filter((followUp) => followUp.status === 'open').length;
        const overdue = followUps.filter((followUp) => followUp.overdue).length;
        item.description =
          followUps.length === 0
            ? 'no action items'
            : `${open} open${overdue > 0 ? `, ${overdue} overdue` : ''} of ${followUps.length}`;
        item.iconPath = new vscode.ThemeIcon('tasklist');
        item.contextValue = 'followUps';
        return withId(item, group);
      }
    }
  }

  private sectionItem(section: OutlineSection): vscode.TreeItem {
    const item = new vscode.TreeItem(section.title, vscode.TreeItemCollapsibleState.None);
    item.contextValue = `section-${section.state}`;
    switch (section.state) {
      case 'present':
        item.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.tooltip = `${section.title}: written.`;
        break;
      case 'empty':
        item.description = 'empty';
        item.iconPath = new vscode.ThemeIcon(
          'warning',
          new vscode.ThemeColor('problemsWarningIcon.foreground'),
        );
        item.tooltip = `${section.title}: the heading is there, the content is not.`;
        break;
      case 'missing':
        item.description = section.required ? 'missing' : 'optional';
        item.iconPath = section.required
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
          : new vscode.ThemeIcon('circle-slash');
        item.tooltip = `${section.title}: ${section.required ? 'missing' : 'optional, not written'}. Click to insert the missing sections, each at its place.`;
        break;
    }
    // A written section opens at its heading; a missing one gets written.
    item.command = section.range
      ? this.revealCommand(section.range, 'Go to Section')
      : {
          command: COMMANDS.insertMissingSections,
          title: vscode.l10n.t('Insert Missing Sections'),
        };
    return withId(item, `section:${section.id}`);
  }

  private entryItem(entry: OutlineEntry, index: number): vscode.TreeItem {
    const label = entry.description ? `${entry.time} — ${entry.description}` : entry.time;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    const milestones = entry.milestones;
    item.description = milestones.join(' · ');
    item.iconPath = new vscode.ThemeIcon(milestones.length > 0 ? 'milestone' : 'circle-outline');
    // A milestone guessed from a keyword says so, and from which words.
    const marks = milestones.map((milestone) => {
      const words = entry.inferredFrom[milestone];
      return words ? `${milestone} (guessed from \`${words}\`)` : milestone;
    });
    item.tooltip = milestones.length > 0 ? `${label}\n\nMarks: ${marks.join(', ')}` : label;
    item.command = this.revealCommand(entry.range, 'Go to Entry');
    item.contextValue = 'entry';
    return withId(item, `entry:${index}`);
  }

  private followUpItem(followUp: OutlineFollowUp, index: number): vscode.TreeItem {
    const item = new vscode.TreeItem(followUp.text, vscode.TreeItemCollapsibleState.None);
    item.description = followUpDescription(followUp);
    item.iconPath = followUp.overdue
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : followUp.status === 'done'
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('circle-outline');
    item.tooltip = `${followUp.text}\n\n${followUpDescription(followUp)}`;
    item.command = this.revealCommand(followUp.range, 'Go to Follow-up');
    item.contextValue = `followUp-${followUp.status}`;
    return withId(item, `followUp:${index}`);
  }

  private revealCommand(range: OutlineRange, title: string): vscode.Command | undefined {
    const document = this.tracker.document;
    if (!document) return undefined;
    const start = new vscode.Position(range.start.line, range.start.character);
    const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(start, start) };
    return { command: 'vscode.open', title, arguments: [document.uri, options] };
  }
}

function metricItem(name: MetricName, note: MetricNote): vscode.TreeItem {
  const { abbreviation } = METRIC_VOCABULARY[name];
  const item = new vscode.TreeItem(abbreviation, vscode.TreeItemCollapsibleState.None);
  item.description = metricDescription(note);
  item.iconPath = new vscode.ThemeIcon(note.minutes === null ? 'circle-outline' : 'watch');
  item.tooltip = metricExplanation(name, note);
  item.contextValue = 'metric';
  return withId(item, `metric:${name}`);
}

// Stable ids keep each row's expansion state across refreshes.
function withId(item: vscode.TreeItem, id: string): vscode.TreeItem {
  item.id = id;
  return item;
}
