/**
 * Whether a report must have a section of its schema: as the `severitySections` of its
 * severity say, else as the schema does.
 */
import { scaleValue } from '../metadata/read';
import type { LintConfig, PostmortemModel, SectionSpec } from '../model';

/** Whether the report must have a section: as its severity's `severitySections` say, else as the schema does. */
export function isRequired(spec: SectionSpec, model: PostmortemModel, config: LintConfig): boolean {
  const written = model.metadata.severity;
  const severity =
    written === null
      ? null
      : scaleValue(written, config.metadata.severities, config.metadata.aliases);
  const bySeverity = severity === null ? undefined : config.severitySections[severity];
  if (bySeverity?.required.includes(spec.id)) return true;
  if (bySeverity?.optional.includes(spec.id)) return false;
  return spec.required;
}
