/** Where the repository and its test fixtures are, for tests at any depth of `test/`. */
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
/** Real documents written elsewhere (copied byte for byte, each folder with its source and licence). */
export const corpusDir = join(fixturesDir, 'corpus');
