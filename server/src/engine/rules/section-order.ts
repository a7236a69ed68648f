/** `section-order`: a section stands before one that the schema puts earlier. */
import type { RuleFinding, Section } from '../model';
import type { Rule } from './rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'A section stands after one that the schema puts later.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    const findings: RuleFinding[] = [];
    let latest: Section | undefined;
    for (const section of model.sections) {
      if (latest && section.order < latest.order) {
        findings.push({
          message: `Section \`${section.spec.title}\` should come before \`${latest.spec.title}\``,
          span: section.heading.span,
        });
      } else {
        latest = section;
      }
    }
    return findings;
  },
};
