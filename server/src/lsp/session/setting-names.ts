/** The names of the settings, for the server that reads them and the client that opens them. */

/**
 * Settings (section `postmortem`): the client declares them in `package.json` under these
 * names; the server reads them per resource through `workspace/configuration`.
 */
export const SETTINGS_SECTION = 'postmortem';

/** Full names of the settings, as `package.json` declares them. */
export const SETTING_NAMES = {
  /** Preset schema; empty to use `.postmortemrc.json` or `standard`. */
  preset: 'postmortem.preset',
  /** Globs of files that are post-mortems. */
  files: 'postmortem.files',
  /** Rule id → severity, over the configuration file. */
  rules: 'postmortem.rules',
  /** Milestone → keyword stems, over the configuration file. */
  milestoneKeywords: 'postmortem.milestoneKeywords',
  /** Zone for times that state none; empty for none. */
  timeZone: 'postmortem.timeZone',
  /** Which part of a numeric date is the day; empty for the configuration file's. */
  dateOrder: 'postmortem.dateOrder',
  /** The `metadata` block: required fields, severity scale, statuses, id pattern. */
  metadata: 'postmortem.metadata',
  /** The `strictness` block: how loud findings are by the report's status. */
  strictness: 'postmortem.strictness',
  /** The `severitySections` block: sections required or optional by severity. */
  severitySections: 'postmortem.severitySections',
  /** The `followUps` block: where follow-ups are read, what each must name. */
  followUps: 'postmortem.followUps',
  codeLensEnabled: 'postmortem.codeLens.enabled',
  inlayHintsEnabled: 'postmortem.inlayHints.enabled',
  /** Where the hints of table rows go: `endOfRow`, or `off`. */
  inlayHintsTables: 'postmortem.inlayHints.tables',
  /** Client side: traces the LSP traffic in the output channel. */
  traceServer: 'postmortem.trace.server',
} as const;
