/**
 * The configuration files the client hands to the server on the web: the workspace's own and
 * every file they extend, found by the engine's own resolution (`loadConfig`) so that they are
 * the files the server will look for.
 */
import type { ConfigSource } from '../../server/src/protocol';
import { loadConfig, locateByUri, MAX_CONFIG_FILES, MISSING_FILE } from '../../server/src/protocol';

/**
 * The configuration files `roots` (URIs) and every file they extend, read with `read`: one
 * round of reads per level of `extends`, at most `MAX_CONFIG_FILES` files.
 */
export async function gatherConfigFiles(
  roots: readonly string[],
  read: (uri: string) => Promise<ConfigSource>,
): Promise<ConfigSource[]> {
  const files = new Map<string, ConfigSource>();
  const starts = [...new Set(roots)];
  let wanted = starts;
  while (wanted.length > 0 && files.size < MAX_CONFIG_FILES) {
    const batch = wanted.slice(0, MAX_CONFIG_FILES - files.size);
    const sources = await Promise.all(
      batch.map((uri) =>
        read(uri).catch((error: unknown) => ({
          fileName: uri,
          error: error instanceof Error ? error.message : String(error),
        })),
      ),
    );
    for (const [index, uri] of batch.entries())
      files.set(uri, { ...sources[index]!, fileName: uri });
    // What the files read so far extend and has not been read: the next round.
    const unread = new Set<string>();
    const readSoFar = (name: string): ConfigSource => {
      const source = files.get(name);
      if (source) return source;
      unread.add(name);
      return { fileName: name, error: MISSING_FILE };
    };
    for (const root of starts) {
      if (files.has(root)) loadConfig(root, readSoFar, locateByUri);
    }
    wanted = [...unread];
  }
  return [...files.values()];
}
