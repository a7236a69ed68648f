/** How findings are counted in words, wherever a count of many reports' findings is shown. */
import type { Severity } from './model';

/** Findings per severity. */
export type FindingCounts = Record<Exclude<Severity, 'off'>, number>;

/** `1 file`, `2 files`; `1 entry`, `2 entries` with `many`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How many findings the counts add up to. */
export function findingTotal(counts: FindingCounts): number {
  return counts.error + counts.warning + counts.info;
}

/** `3 problems (1 error, 2 warnings, 0 info)`. */
export function problemCount(counts: FindingCounts): string {
  const total = findingTotal(counts);
  return `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
}
