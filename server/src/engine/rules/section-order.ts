/** `section-order`: a section stands before one that the schema puts earlier. */
import { sectionName } from '../sections/naming';
import { misplacedSections } from '../sections/order';
import type { Rule } from './rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'A section stands after one that the schema puts later.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    return misplacedSections(model.sections).map(({ section, after }) => ({
      message: `Section ${sectionName(section)} should come before ${sectionName(after)}`,
      span: section.heading.span,
    }));
  },
};
