/**
 * The metrics' one vocabulary (SPEC §3): each metric's abbreviation, its label for people,
 * and the milestones it runs between. The engine, the server's texts, the CLI and the client
 * (through `protocol.ts`) all read it here.
 */
import type { MetricName, Milestone } from '../model';
import { METRIC_NAMES } from '../model';

export interface MetricTerm {
  name: MetricName;
  /** `TTD`. */
  abbreviation: string;
  /** `time to detect`, lower case, as messages write it mid-sentence. */
  label: string;
  /** The milestone the span starts at. */
  from: Milestone;
  /** The milestone the span ends at (with no mitigation entry, mitigation is the resolution). */
  to: Milestone;
}

const TERMS: Record<MetricName, Omit<MetricTerm, 'name'>> = {
  timeToDetect: { abbreviation: 'TTD', label: 'time to detect', from: 'start', to: 'detected' },
  timeToAcknowledge: {
    abbreviation: 'TTA',
    label: 'time to acknowledge',
    from: 'detected',
    to: 'acknowledged',
  },
  timeToMitigate: {
    abbreviation: 'TTM',
    label: 'time to mitigate',
    from: 'start',
    to: 'mitigated',
  },
  timeToResolve: { abbreviation: 'TTR', label: 'time to resolve', from: 'start', to: 'resolved' },
};

/** Every metric's term, by name. */
export const METRIC_VOCABULARY: Readonly<Record<MetricName, MetricTerm>> = Object.fromEntries(
  METRIC_NAMES.map((name) => [name, { name, ...TERMS[name] }]),
) as Record<MetricName, MetricTerm>;

/** A metric's label with a capital: `Time to detect`. */
export function metricTitle(metric: MetricName): string {
  const { label } = METRIC_VOCABULARY[metric];
  return label[0]!.toUpperCase() + label.slice(1);
}
