/** How findings are counted in words, wherever a count of many reports' findings is shown. */
import type { Severity } from './model';

/** `1 file`, `2 files`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `3 problems (1 error, 2 warnings, 0 info)`. */
export function problemCount(counts: Record<Exclude<Severity, 'off'>, number>): string {
  const total = counts.error + counts.warning + counts.info;
  return `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
}
