/** Metrics as people read them: `1h 5m`, and a Markdown table for "Copy Metrics". */
import type { MetricName, Metrics, Milestone } from '../../server/src/protocol';
import { METRIC_NAMES, formatDuration } from '../../server/src/protocol';

export interface MetricLabel {
  /** `TTD`. */
  abbreviation: string;
  /** `Time to detect`. */
  name: string;
  /** What the span runs between, e.g. `start → detected`. */
  span: string;
  /** The milestone that ends the span: without it the metric is not marked. */
  end: Milestone;
}

/** How each metric is named and what it measures (SPEC §3). */
export const METRIC_LABELS: Record<MetricName, MetricLabel> = {
  timeToDetect: {
    abbreviation: 'TTD',
    name: 'Time to detect',
    span: 'start → detected',
    end: 'detected',
  },
  timeToAcknowledge: {
    abbreviation: 'TTA',
    name: 'Time to acknowledge',
    span: 'detected → acknowledged',
    end: 'acknowledged',
  },
  timeToMitigate: {
    abbreviation: 'TTM',
    name: 'Time to mitigate',
    span: 'start → mitigated',
    end: 'mitigated',
  },
  timeToResolve: {
    abbreviation: 'TTR',
    name: 'Time to resolve',
    span: 'start → resolved',
    end: 'resolved',
  },
};

/** What a metric shows when the timeline does not mark the milestone that ends it. */
export const NOT_MARKED = 'not marked';

/** A metric's value as the code lens and hover write it (`1h 5m`), or `not marked`. */
export function metricValue(minutes: number | null): string {
  return minutes === null ? NOT_MARKED : formatDuration(minutes);
}

/** The metrics as a Markdown table, one row per metric, for pasting into a report or chat. */
export function metricsMarkdown(metrics: Metrics): string {
  const rows = METRIC_NAMES.map((name) => {
    const label = METRIC_LABELS[name];
    return `| ${label.name} (${label.abbreviation}) | ${metricValue(metrics[name])} | ${label.span} |`;
  });
  return ['| Metric | Value | From → to |', '|--------|-------|-----------|', ...rows, ''].join(
    '\n',
  );
}
