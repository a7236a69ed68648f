/** What the command line found in one file: what every output format prints. */
import type { Finding, Metrics, Notice, Readout, ReportSummary } from '../engine';

export interface FileResult {
  /** The path as the command line named it (a folder's files joined to the folder given). */
  path: string;
  absolutePath: string;
  /** Findings of enabled rules, in document order (what is left after `--fix`). */
  findings: Finding[];
  /** Null when the file has no timeline. */
  metrics: Metrics | null;
  /** What was read: the schema's sections and the timeline's entries. */
  read: Readout;
  /** What the analysis says of itself, such as parts too large to check (none when absent). */
  notices?: Notice[];
  /** What the report amounts to across reports (`postmortem-lint report` only). */
  reportSummary?: ReportSummary;
}

/**
 * Something that kept the run from checking all it was asked to (a file that cannot be read,
 * a configuration problem, an internal error): printed on standard error, and in SARIF's
 * `invocations`. The run then exits with 2.
 */
export interface RunProblem {
  /** A configuration file's problem, or one of running (reading, writing, analysing). */
  kind: 'configuration' | 'execution';
  message: string;
  /** Where it is, for problems in a file (configuration problems have a place). */
  location?: { path: string; line?: number; column?: number; endLine?: number; endColumn?: number };
}
