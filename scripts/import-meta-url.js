// Injected into the CommonJS bundles: ESM dependencies bundled in (fdir, under tinyglobby)
// read `import.meta.url`, which a CommonJS file has as its own file URL.
/* global __filename */
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
