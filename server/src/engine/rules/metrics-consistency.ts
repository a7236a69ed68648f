/** `metrics-consistency`: a stated metric that disagrees with the timeline by more than a minute. */
import { formatDuration } from '../metrics/durations';
import type { RuleFinding } from '../model';
import { statedMetricFix } from '../metrics/stated-fix';
import { METRIC_VOCABULARY } from '../metrics/vocabulary';
import type { Rule } from './rule';

export const metricsConsistency: Rule = {
  id: 'metrics-consistency',
  description: 'A stated metric disagrees with the one computed from the timeline.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    const findings: RuleFinding[] = [];
    for (const stated of model.statedMetrics) {
      const computed = model.metrics?.[stated.metric];
      if (stated.minutes === null || computed === null || computed === undefined) continue;
      if (Math.abs(stated.minutes - computed) <= 1) continue;
      const fix = statedMetricFix(model, stated);
      findings.push({
        message: `Stated ${METRIC_VOCABULARY[stated.metric].label} \`${stated.valueText}\` differs from the timeline's \`${formatDuration(computed)}\``,
        span: stated.valueSpan,
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
