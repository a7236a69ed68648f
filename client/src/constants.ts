/**
 * Names the client shares with `package.json`: command ids, the view, context keys. The
 * meta tests check them against the manifest, so they cannot drift.
 */
import { CONFIG_FILE_NAME } from '../../server/src/protocol';

/** Client id: also the prefix of the `postmortem.trace.server` setting the client reads. */
export const CLIENT_ID = 'postmortem';

/** Name of the language client and of its output channel. */
export const CLIENT_NAME = 'Post-Mortem';

/** Command ids, each declared in `contributes.commands`. */
export const COMMANDS = {
  newPostmortem: 'postmortem.newPostmortem',
  insertMissingSections: 'postmortem.insertMissingSections',
  sortTimeline: 'postmortem.sortTimeline',
  insertTimelineEntry: 'postmortem.insertTimelineEntry',
  copyMetrics: 'postmortem.copyMetrics',
  restartServer: 'postmortem.restartServer',
  showOutline: 'postmortem.showOutline',
  checkAll: 'postmortem.checkAll',
  /** Run after a fix that inserts a section (not in the palette): shows where it went. */
  revealInsertedSection: 'postmortem.revealInsertedSection',
  showInsights: 'postmortem.showInsights',
  filterIncidentsBySeverity: 'postmortem.filterIncidentsBySeverity',
  filterIncidentsByStatus: 'postmortem.filterIncidentsByStatus',
  clearIncidentsFilter: 'postmortem.clearIncidentsFilter',
} as const;

/** The Post-Mortem view in the Explorer. */
export const OUTLINE_VIEW_ID = 'postmortem.outline';

/** The Incidents view in the Explorer: every report of the workspace. */
export const INCIDENTS_VIEW_ID = 'postmortem.incidents';

/** The insights webview panel (its type, which VS Code keys its state by). */
export const INSIGHTS_PANEL_TYPE = 'postmortem.insights';

/** The command VS Code registers for every view: focuses it. */
export const FOCUS_OUTLINE_VIEW = `${OUTLINE_VIEW_ID}.focus`;

/** The status bar item (its id lets people hide it from the status bar's menu). */
export const STATUS_BAR_ITEM_ID = 'postmortem.status';

/** Context keys that `when` clauses in `package.json` read. */
export const CONTEXT_KEYS = {
  /** Set once the extension runs: shows the view. */
  active: 'postmortem.active',
  /** Whether the active editor holds a post-mortem: the welcome view shows when it does not. */
  isPostmortem: 'postmortem.isPostmortem',
  /** Whether the Incidents view filters its reports: offers to clear the filter. */
  incidentsFiltered: 'postmortem.incidentsFiltered',
  /** Whether the index has been read and holds no report: the view's welcome content shows. */
  noIncidents: 'postmortem.noIncidents',
} as const;

/** Folder (in a workspace folder) that "New Post-Mortem" writes reports to. */
export const REPORTS_FOLDER = 'postmortems';

/** Configuration files whose changes the server is told about. */
export const CONFIG_FILE_GLOB = `**/${CONFIG_FILE_NAME}`;
