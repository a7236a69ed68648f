/**
 * Every rule, in the order of SPEC §4 and then the metadata rules: the order findings of one
 * place are listed in.
 */
import { actionItems } from './action-items';
import { emptySection } from './empty-section';
import { metadata } from './metadata';
import { metricsConsistency } from './metrics-consistency';
import { placeholder } from './placeholder';
import { rcaEvidence } from './rca-evidence';
import { requiredSections } from './required-sections';
import type { Rule } from './rule';
import { sectionOrder } from './section-order';
import { timelineOrder } from './timeline-order';
import { timelineTime } from './timeline-time';

export const RULES: readonly Rule[] = [
  requiredSections,
  sectionOrder,
  emptySection,
  placeholder,
  timelineTime,
  timelineOrder,
  rcaEvidence,
  metricsConsistency,
  metadata,
  actionItems,
];
