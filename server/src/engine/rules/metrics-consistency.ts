/** `metrics-consistency`: a stated metric that disagrees with the timeline by more than a minute. */
import { formatDuration } from '../metrics/durations';
import { metricNotes } from '../metrics/explain';
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
    const notes = metricNotes(model);
    for (const stated of model.statedMetrics) {
      const computed = model.metrics?.[stated.metric];
      if (stated.minutes === null || computed === null || computed === undefined) continue;
      if (Math.abs(stated.minutes - computed) <= 1) continue;
      const fix = statedMetricFix(model, stated);
      // Against milestones guessed from keywords, the disagreement is only information.
      const guessedFrom = notes?.[stated.metric].inferredFrom ?? [];
      const guess =
        guessedFrom.length > 0
          ? ` (guessed from ${guessedFrom.map((word) => `\`${word}\``).join(', ')}; mark the entries to be sure)`
          : '';
      findings.push({
        message: `Stated ${METRIC_VOCABULARY[stated.metric].label} \`${stated.valueText}\` differs from the timeline's \`${formatDuration(computed)}\`${guess}`,
        span: stated.valueSpan,
        ...(fix ? { fix } : {}),
        ...(guess ? { severity: 'info' as const } : {}),
      });
    }
    return findings;
  },
};
