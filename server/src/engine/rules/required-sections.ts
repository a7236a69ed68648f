/** `required-sections`: a required section of the schema is missing. */
import type { PostmortemModel, RuleFinding, Span } from '../model';
import { sectionInsertion } from '../sections/scaffold';
import type { Rule } from './rule';

/** Where "missing" is reported: the document's first heading (its title), else its first line. */
function reportSpan(model: PostmortemModel): Span {
  const { lines } = model;
  const heading = model.tree.children.find((node) => node.type === 'heading');
  if (heading?.position) {
    return lines.span(heading.position.start.offset!, heading.position.end.offset!);
  }
  return lines.span(0, lines.lineEnd(1));
}

export const requiredSections: Rule = {
  id: 'required-sections',
  description: 'A required section of the schema is missing.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model) {
    const present = new Set(model.sections.map((section) => section.spec.id));
    const findings: RuleFinding[] = [];
    model.schema.sections.forEach((spec, order) => {
      if (!spec.required || present.has(spec.id)) return;
      const insertion = sectionInsertion(model, order);
      findings.push({
        message: `Missing section \`${spec.title}\`${insertion.after ? `; expected after \`${insertion.after}\`` : ''}`,
        span: reportSpan(model),
        fix: {
          title: `Insert the \`${spec.title}\` section`,
          edits: [{ start: insertion.offset, end: insertion.offset, newText: insertion.text }],
          safe: true,
        },
      });
    });
    return findings;
  },
};
