// `node:module` as fdir (under tinyglobby) sees it in the CommonJS bundles. fdir makes a
// `require` when it loads, only to try `picomatch` from node_modules for its own glob
// matching, which tinyglobby does not use (it filters with its own bundled matcher). A real
// `require` would load a second picomatch from any node_modules near the bundle at run time,
// or search the folders above it for one: here none is found, as where the CLI is installed.
export function createRequire() {
  const missing = (id) => {
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  };
  missing.resolve = missing;
  return missing;
}
