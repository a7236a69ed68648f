/** The fix that writes the timeline's value of a metric over a stated one. */
import { formatStatedValue } from './stated';
import type { Fix, PostmortemModel, StatedMetric } from '../model';
import { METRIC_VOCABULARY } from './vocabulary';

/** Replaces a stated metric's value by the computed one; null when the timeline gives none. */
export function statedMetricFix(model: PostmortemModel, stated: StatedMetric): Fix | null {
  const computed = model.metrics?.[stated.metric];
  if (computed === null || computed === undefined) return null;
  const value = formatStatedValue(stated.valueText, computed);
  return {
    title: `Write the computed ${METRIC_VOCABULARY[stated.metric].label}: ${value}`,
    edits: [
      { start: stated.valueSpan.start.offset, end: stated.valueSpan.end.offset, newText: value },
    ],
    safe: false,
  };
}
