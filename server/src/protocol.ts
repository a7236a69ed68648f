/**
 * Messages between the VS Code client and the language server beyond LSP itself.
 * Both sides import this file; each message says who sends it and why.
 */
import { NotificationType, NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type { ConfigSource } from './engine/config/resolve';
import type { MetricNote } from './engine/metrics/explain';
import type { ReportSummary } from './engine/insights/summary';
import type * as PreviewMain from './preview/main';
import type { FollowUp, LintConfig, MetricName, Metrics, Milestone } from './engine/model';

// What the client shows of the engine's vocabulary, so that it imports only this file. From
// the modules that hold it, not the engine's index: the client bundle stays without a parser.
// The metrics' one vocabulary and duration format live in engine/metrics.
export type { LintConfig, MetricName, Metrics, Milestone } from './engine/model';
export { METRIC_NAMES } from './engine/model';
export { formatDuration } from './engine/metrics/durations';
export { findingTotal, plural } from './engine/finding-counts';
export { gapReason } from './engine/metrics/explain';
export type { MetricGap, MetricNote } from './engine/metrics/explain';
export { METRIC_VOCABULARY, metricTitle } from './engine/metrics/vocabulary';
export { PRESETS } from './engine/sections/presets';
// What the client asks before it starts the server: whether a document may be a post-mortem.
export { DEFAULT_POSTMORTEM_FILES, matchesFileGlobs } from './engine/file-globs';
export { mayBePostmortem } from './engine/prefilter';
// The settings both sides name: the client reads and opens them, the server pulls them.
export { SETTINGS_SECTION, SETTING_NAMES } from './lsp/session/setting-names';
// On the web, the client reads the configuration files the server resolves: one name, one way
// of following `extends`.
export type { ConfigSource } from './engine/config/resolve';
export { CONFIG_FILE_NAME, loadConfig } from './engine/config/load';
export { locateByUri, MAX_CONFIG_FILES, MISSING_FILE } from './lsp/session/config-uris';

/** What a client tells the server at `initialize` (`initializationOptions`); each is optional. */
export interface InitializationOptions {
  /**
   * Whether the server serves document symbols and folding ranges (true when left out). The
   * VS Code client says false: its built-in Markdown support has both, and a second tree of
   * the same headings only doubles the Outline view and the breadcrumbs.
   */
  documentStructure?: boolean;
}

/** Where something is in the document: 0-based LSP line and character. */
export interface OutlinePosition {
  line: number;
  character: number;
}

export interface OutlineRange {
  start: OutlinePosition;
  end: OutlinePosition;
}

export type SectionState = 'present' | 'missing' | 'empty';

export interface OutlineSection {
  id: string;
  title: string;
  required: boolean;
  state: SectionState;
  /** The heading's range; null when the section is missing. */
  range: OutlineRange | null;
}

export interface OutlineEntry {
  /** The time as written. */
  time: string;
  description: string;
  range: OutlineRange;
  /** The milestones this entry stands for (each resolves to one entry), not every keyword it has. */
  milestones: Milestone[];
  /** Per milestone guessed from a keyword, the words it was guessed from. */
  inferredFrom: Partial<Record<Milestone, string>>;
}

/** A follow-up (action item) as the view shows it; a field not written is null. */
export type OutlineFollowUp = Pick<
  FollowUp,
  'text' | 'owner' | 'due' | 'ticket' | 'status' | 'overdue'
> & { range: OutlineRange };

export interface OutlineResult {
  uri: string;
  /** False for Markdown that is not a post-mortem (no view, no findings). */
  isPostmortem: boolean;
  /** Schema sections in schema order. */
  sections: OutlineSection[];
  timeline: OutlineEntry[];
  /** The follow-ups of the report's follow-up sections, in document order. */
  followUps: OutlineFollowUp[];
  /** Null when the report has no timeline. */
  metrics: Metrics | null;
  /** Per metric: why it has no value, and the keyword guesses it rests on; null with `metrics`. */
  metricNotes: Record<MetricName, MetricNote> | null;
}

export interface OutlineParams {
  uri: string;
}

/** Client → server: the model of one document, for the Post-Mortem tree view and status bar. */
export const OUTLINE_REQUEST = new RequestType<OutlineParams, OutlineResult | null, void>(
  'postmortem/outline',
);

export interface OutlineChangedParams {
  uri: string;
}

/** Server → client: a document's analysis changed; the client refreshes its view if it shows it. */
export const OUTLINE_CHANGED_NOTIFICATION = new NotificationType<OutlineChangedParams>(
  'postmortem/outlineChanged',
);

// The preview's own bundle, which the client loads when it first renders a post-mortem.
export type { MakeToken, PreviewToken } from './preview/decorate';
export type PreviewBundle = typeof PreviewMain;

export interface PreviewConfigParams {
  uri: string;
}

/** The configuration the server last analysed a post-mortem with. */
export interface PreviewConfigResult {
  config: LintConfig;
}

/**
 * Client → server: what the Markdown preview analyses a document with (markdown-it renders
 * synchronously, so the client keeps the answer and renders with it); null when the server
 * does not take the document for a post-mortem, which the preview then leaves as it is.
 */
export const PREVIEW_CONFIG_REQUEST = new RequestType<
  PreviewConfigParams,
  PreviewConfigResult | null,
  void
>('postmortem/previewConfig');

/** Code action kinds the server offers; the client's commands ask for them by kind. */
export const CODE_ACTION_KINDS = {
  /** Apply every safe fix (fix-on-save through `editor.codeActionsOnSave`). */
  fixAll: 'source.fixAll.postmortem',
  /** Insert the scaffold of every missing section, each at its schema place. */
  insertMissingSections: 'source.postmortem.insertMissingSections',
  /** Sort the timeline rows by time, keeping each row whole. */
  sortTimeline: 'source.postmortem.sortTimeline',
} as const;

export interface NewTimelineEntryParams {
  uri: string;
  /** ISO time to write; the server writes it in the timeline's own format and zone. */
  now: string;
}

export interface NewTimelineEntryResult {
  /** Where to insert (an empty range at the end of the timeline). */
  position: OutlinePosition;
  /** The new row or item, line ending included, as a snippet (`$0` where the event goes). */
  snippet: string;
}

/** Client → server: a new timeline row for "Insert Timeline Entry (now)"; null without a timeline. */
export const NEW_TIMELINE_ENTRY_REQUEST = new RequestType<
  NewTimelineEntryParams,
  NewTimelineEntryResult | null,
  void
>('postmortem/newTimelineEntry');

export interface TemplateParams {
  /** A document or folder whose configuration picks the schema; the default schema without it. */
  uri?: string;
  /** A preset to use instead of the configured schema. */
  preset?: string;
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface TemplateResult {
  text: string;
}

/** Client → server: a new report's Markdown for "New Post-Mortem". */
export const TEMPLATE_REQUEST = new RequestType<TemplateParams, TemplateResult | null, void>(
  'postmortem/template',
);

export interface ConfigFilesParams {
  /**
   * Every configuration file of the workspace and every file they extend, named by URI: its
   * text, or why it could not be read.
   */
  files: ConfigSource[];
}

/**
 * Client → server, on the web (no file system there): the configuration files, read through
 * `workspace.fs`; sent once the server runs and again whenever one changes. The Node server
 * reads them from disk and ignores it.
 */
export const CONFIG_FILES_NOTIFICATION = new NotificationType<ConfigFilesParams>(
  'postmortem/configFiles',
);

/**
 * Server command run by the metrics code lens: shows which entries start and end each span, as
 * a message. The VS Code client runs it itself, as a quick pick of `METRICS_BREAKDOWN_REQUEST`.
 */
export const SHOW_METRICS_COMMAND = 'postmortem.showMetricsBreakdown';

/** One metric in the breakdown: its value and the entries its span runs between. */
export interface MetricSpan {
  metric: MetricName;
  /** `TTD 10m`, or `TTA not computed`. */
  title: string;
  /** The milestones it runs between: `start → detected`. */
  span: string;
  /**
   * Its bounds as read, `start 10:05 (stated in the summary)` and
   * `` detected 10:15 “Alert fired” (guessed from `alert`) ``; null when it is not computed.
   */
  bounds: { from: string; to: string } | null;
  /** Why it is not computed and how to mark it; null when it is. */
  advice: string | null;
  /** The 0-based line of the entry that ends it; null when none does (stated, not computed). */
  endLine: number | null;
}

export interface MetricsBreakdown {
  /** `Metrics from the timeline`. */
  title: string;
  spans: MetricSpan[];
}

export interface MetricsBreakdownParams {
  uri: string;
}

/** Client → server: the metrics breakdown of a report; null without a timeline or a report. */
export const METRICS_BREAKDOWN_REQUEST = new RequestType<
  MetricsBreakdownParams,
  MetricsBreakdown | null,
  void
>('postmortem/metricsBreakdown');

/**
 * Node flags the VS Code client starts the server with: `--expose-gc` gives it the full
 * collection it runs after bursts of analysis (`lsp/session/idle-collector.ts`) without the
 * context it makes for one otherwise (`node/full-collection.ts`).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--expose-gc'];

// The reports of the workspace, for the Incidents view and the insights. Each report is read
// through one summary (`engine/insights/summary.ts`).
export type { FollowUpSummary, ReportSummary } from './engine/insights/summary';
// The insights aggregate the index they receive and draw its charts as `postmortem-lint
// report` does (pure code): `aggregateReports`, `groupLabel` and their types; the SVG charts
// and `CHART_STYLESHEET`, whose `--pm-chart-*` properties the webview maps to its theme.
export * from './engine/insights/aggregate';
export * from './engine/insights/charts';
// The insights page escapes its own text (titles, owners) as the charts escape theirs.
export { escapeMarkup } from './engine/insights/svg';

/** One post-mortem of the workspace: where it is and what it amounts to. */
export interface IncidentItem extends ReportSummary {
  uri: string;
}

export interface IncidentsResult {
  /** Every post-mortem the server found in the workspace folders, open or not, sorted by URI. */
  incidents: IncidentItem[];
  /** True while the server is still reading the workspace: more reports may follow. */
  indexing: boolean;
}

/** Client → server: every post-mortem of the workspace, from the server's index. */
export const INCIDENTS_REQUEST = new RequestType<null, IncidentsResult, void>(
  'postmortem/incidents',
);

/**
 * Server → client: the index changed (a report was added, changed on disk or in an editor,
 * or deleted, or the first reading of the workspace ended); the client asks again if it shows it.
 * It has no parameters.
 */
export const INCIDENTS_CHANGED_NOTIFICATION = new NotificationType0('postmortem/incidentsChanged');

/** What "Check All Post-Mortems" found in the reports of the workspace. */
export interface CheckAllResult {
  /** How many post-mortems the workspace holds. */
  reports: number;
  /** How many of them have findings. */
  withFindings: number;
  findings: Record<'error' | 'warning' | 'info', number>;
  /** The result in words, for the editor to show. */
  message: string;
}

/**
 * Client → server: "Check All Post-Mortems". Once the index is complete, the findings of every
 * report are in the Problems view: pulled (`workspace/diagnostic`) by a client that pulls
 * diagnostics, published now and kept current for any other.
 */
export const CHECK_ALL_REQUEST = new RequestType<null, CheckAllResult, void>('postmortem/checkAll');
