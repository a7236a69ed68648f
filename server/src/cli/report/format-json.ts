/** `postmortem-lint report --format json`: the object of SPEC §5, for scripts. */
import type { ReportsAggregate } from '../../engine';

/** The aggregate as SPEC §5 prints it (its keys already in the contract's order). */
export function formatReportJson(aggregate: ReportsAggregate): string {
  return `${JSON.stringify(aggregate, null, 2)}\n`;
}
