/** `empty-section`: a section with no content, or only placeholders, comments and empty items. */
import { sectionHasContent } from '../markdown/content';
import { sectionName } from '../sections/naming';
import type { Rule } from './rule';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section has no content, or only placeholders, comments and empty list items.',
  defaultSeverity: 'warning',
  reads: 'content',
  check(model) {
    return model.sections
      .filter((section) => !sectionHasContent(section.nodes))
      .map((section) => ({
        message: `Section ${sectionName(section)} is empty`,
        span: section.heading.span,
      }));
  },
};
