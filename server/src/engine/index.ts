/**
 * The engine, as the server, the CLI, the remark preset and the node helpers use it: analysis
 * (with or without a session of one document), fixes, configuration, rules, presets, and the
 * model's types. Nothing outside the engine imports past this file (an ESLint rule says so).
 */
export type { Analysis } from './analyze';
export type { FileGlobs } from './applicability';
export { isPostmortem } from './applicability';
export {
  DEFAULT_POSTMORTEM_FILES,
  hasMarkdownExtension,
  MARKDOWN_EXTENSIONS,
  matchesFileGlobs,
} from './file-globs';
export { fileGlobProblem } from './glob-match';
export { analyze } from './analyze';
export type { Session } from './session';
export { createSession } from './session';
export type { FindingCounts } from './finding-counts';
export { findingTotal, plural, problemCount } from './finding-counts';
export { GUARD_LIMITS } from './guard/guard';
export { mayBePostmortem } from './prefilter';
export { applyEdits } from './fixes/edits';
export { fixAll } from './fixes/fix-all';
export { differenceEdit } from './fixes/difference-edits';
export { disableFileEdit, disableLineEdit } from './fixes/suppression-edits';
export { defaultConfig } from './config/defaults';
export type { ConfigProblem } from './config/problems';
export { fileProblem } from './config/problems';
export type { ConfigSource, ResolvedConfig } from './config/resolve';
export { resolveConfig } from './config/resolve';
export type { LocateFile, ReadFile } from './config/load';
export { CONFIG_FILE_NAME, loadConfig } from './config/load';
export type { ConfigOverrides } from './config/overrides';
export { SETTING_BLOCKS, withOverrides } from './config/overrides';
export type { SettingBlock } from './config/overrides';
export { sectionHasContent } from './markdown/content';
export type { FrontMatter } from './markdown/front-matter';
export { frontMatterText, readFrontMatter } from './markdown/front-matter';
export { LineIndex, isBinaryText, stripBom } from './markdown/lines';
export type { InvalidUtf8 } from './markdown/utf8';
export { decodeUtf8, describeInvalidUtf8 } from './markdown/utf8';
export { formatDuration } from './metrics/durations';
export type { MetricNote } from './metrics/explain';
export {
  anyGuessed,
  entryGuesses,
  gapAdvice,
  gapReason,
  GUESSED_NOTE,
  metricNotes,
  metricsLine,
  metricValues,
  missingAdvice,
  NO_TIMELINE_ADVICE,
} from './metrics/explain';
export { boundInstant } from './metrics/compute';
export { milestonesByEntry } from './metrics/milestones';
export { METRIC_VOCABULARY, metricTitle } from './metrics/vocabulary';
export type {
  DateOrder,
  Finding,
  FollowUp,
  FollowUpConfig,
  Metadata,
  MetadataConfig,
  MetadataEntry,
  MetadataField,
  KeywordMilestone,
  LintConfig,
  MetricName,
  Metrics,
  Milestone,
  Notice,
  Point,
  PostmortemModel,
  RuleId,
  Severity,
  Span,
  TextEdit,
  TimeReading,
  Timeline,
  TimelineEntry,
} from './model';
export {
  DATE_ORDERS,
  FOLLOW_UP_ATTRIBUTES,
  METADATA_FIELDS,
  METRIC_NAMES,
  MILESTONES,
  RULE_IDS,
} from './model';
export type { FollowUpSummary, ReportSummary } from './insights/summary';
export { summarizeReport } from './insights/summary';
export type {
  AggregatedReport,
  GroupStats,
  MetricStats,
  MonthGroup,
  OwnerFollowUps,
  ReportsAggregate,
  SeverityGroup,
} from './insights/aggregate';
export { aggregateReports, groupLabel } from './insights/aggregate';
export {
  CHART_STYLESHEET,
  followUpsByOwnerChart,
  metricByMonthChart,
  metricBySeverityChart,
  reportsByMonthChart,
} from './insights/charts';
export { escapeMarkup } from './insights/svg';
export type { Readout } from './readout';
export { readout } from './readout';
export type { FollowUpReadout } from './readout';
export { METADATA_FIELD_DESCRIPTIONS } from './metadata/fields';
export { metadataEntry, scaleValue } from './metadata/read';
export { RULES } from './rules/registry';
export { ruleUrl } from './rules/rule';
export { PRESETS, findPreset, unknownPresetMessage } from './sections/presets';
export { renderTemplate, reportId } from './sections/template';
export { firstTimelineDay, statedDay } from './metadata/write';
export { formatNowLike } from './timeline/format';
export type { NewEntry } from './timeline/new-entry';
export { newTimelineEntry } from './timeline/new-entry';
