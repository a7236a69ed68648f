/**
 * Loading a configuration file through the caller's file access: its text, then everything it
 * `extends`. The CLI and the server read from disk (the server prefers an open editor's text);
 * the engine never touches a file system itself.
 */
import { stripBom } from '../markdown/lines';
import { defaultConfig } from './defaults';
import { fileProblem } from './problems';
import type { ConfigSource, ResolvedConfig } from './resolve';
import { resolveConfig } from './resolve';

/** The name of a configuration file. */
export const CONFIG_FILE_NAME = '.postmortemrc.json';

/** A file's text as read (a byte order mark is dropped here), or why it could not be read. */
export type ReadFile = (fileName: string) => ConfigSource;

/** The file an `extends` path names, from the file that names it. */
export type LocateFile = (reference: string, fromFile: string) => string;

/**
 * Reads and resolves the configuration file `fileName`, following `extends` paths. A file that
 * cannot be read is a problem (named as `label`, by default its name), and the defaults apply.
 */
export function loadConfig(
  fileName: string,
  readFile: ReadFile,
  locate: LocateFile,
  label = fileName,
): ResolvedConfig {
  const read = (name: string): ConfigSource => {
    const source = readFile(name);
    return 'error' in source ? source : { fileName: name, text: stripBom(source.text).text };
  };
  const source = read(fileName);
  if ('error' in source) {
    return {
      config: defaultConfig(),
      problems: [fileProblem(fileName, `Cannot read \`${label}\`: ${source.error}`)],
      files: [fileName],
    };
  }
  return resolveConfig(source.text, fileName, (reference, fromFile) =>
    read(locate(reference, fromFile)),
  );
}
