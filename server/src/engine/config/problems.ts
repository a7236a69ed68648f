/** Problems found in configuration files, with exact places for editors and the CLI. */
import type { LineIndex } from '../markdown/lines';

/** A problem in a configuration file. Lines and columns are 1-based; the end is exclusive. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** A problem covering `length` characters from `offset` of a file's text. */
export function problemAt(
  file: string,
  lines: LineIndex,
  offset: number,
  length: number,
  message: string,
): ConfigProblem {
  const start = lines.point(offset);
  const end = lines.point(offset + length);
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message,
  };
}

/** A problem about a whole file that has no place in it, such as a file that cannot be read. */
export function fileProblem(file: string, message: string): ConfigProblem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, message };
}
