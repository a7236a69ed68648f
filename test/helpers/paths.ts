/** Where the repository and its test fixtures are, for tests at any depth of `test/`. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
/** Real documents written elsewhere (copied byte for byte, each folder with its source and licence). */
export const corpusDir = join(fixturesDir, 'corpus');

/** The files under `folder`, at any depth, in name order but for licences. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return filesUnder(path);
      return name === 'LICENSE' ? [] : [path];
    });
}
