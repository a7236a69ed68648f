/**
 * `remark --use postmortem-lint/remark` (or `.use(postmortemLint, options)` in a unified
 * pipeline): remark-lint, for `<!-- lint disable rule-id -->`, and every rule of the engine,
 * reporting what the CLI reports. Its options are the settings of `.postmortemrc.json`, over
 * the nearest such file; each rule is also its own plugin (`postmortem-lint/remark/rules/<id>`).
 */
import remarkLint from 'remark-lint';
import type { Plugin } from 'unified';
import type { PostmortemOptions } from './plugins';
import { notices, rules } from './plugins';

export { rules } from './plugins';
export type { PostmortemOptions } from './plugins';

const postmortemLint: Plugin<[PostmortemOptions?]> = function (options) {
  this.use(remarkLint);
  this.use(notices, options);
  // A rule configured on its own (`[rule, ['off']]`, `[rule, ['error', options]]`) keeps that:
  // using it again here would replace its settings with the preset's.
  const configured = new Set<unknown>(this.attachers.map(([plugin]) => plugin));
  for (const plugin of Object.values(rules)) {
    if (!configured.has(plugin)) this.use(plugin, options);
  }
};

export default postmortemLint;
