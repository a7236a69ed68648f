/** `section-order`: a section stands before one that the schema puts earlier. */
import { misplacedSections } from '../sections/order';
import type { Rule } from './rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'A section stands after one that the schema puts later.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    return misplacedSections(model.sections).map(({ section, after }) => ({
      message: `Section \`${section.spec.title}\` should come before \`${after.spec.title}\``,
      span: section.heading.span,
    }));
  },
};
