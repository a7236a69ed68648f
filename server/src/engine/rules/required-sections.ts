/**
 * `required-sections`: a required section of the schema is missing; and, once, as
 * information, that the report follows another known preset than the configured one.
 */
import type { PostmortemModel, RuleFinding, Span } from '../model';
import { namePresetFix } from '../sections/document-preset';
import { isRequired } from '../sections/required';
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

/** The finding that says which preset the report was read by, and offers to name it. */
function inferredPresetFinding(model: PostmortemModel): RuleFinding | null {
  const inferred = model.inferredPreset;
  if (!inferred) return null;
  const { name } = inferred;
  const evidence = inferred.evidence.map((section) => `\`${section.heading.text.trim()}\``);
  return {
    message: `This report follows the \`${name}\` template (${evidence.join(', ')}), so it is checked against that template's sections; write \`preset: ${name}\` in its front matter to say so`,
    span: reportSpan(model),
    severity: 'info',
    fix: namePresetFix(model.tree.children, model.lines, name),
  };
}

export const requiredSections: Rule = {
  id: 'required-sections',
  description: 'A required section of the schema is missing.',
  defaultSeverity: 'warning',
  reads: 'structure',
  check(model, config) {
    const present = new Set(model.sections.map((section) => section.spec.id));
    const inferred = inferredPresetFinding(model);
    const findings: RuleFinding[] = inferred ? [inferred] : [];
    model.schema.sections.forEach((spec, order) => {
      if (!isRequired(spec, model, config) || present.has(spec.id)) return;
      const { offset, text, after, open, anchor } = sectionInsertion(model, order);
      // Where the section belongs: the squiggle says where the fix inserts it.
      const span = anchor ?? reportSpan(model);
      // A block left open at the end is closed first; an HTML block, which nothing closes, is named.
      const opened = open && `the ${open.kind} opened on line ${open.line}`;
      const where = after ? `; expected after \`${after}\`` : '';
      if (text === null) {
        findings.push({
          message: `Missing section \`${spec.title}\`${where}; close ${opened} to insert it`,
          span,
        });
        return;
      }
      findings.push({
        message: `Missing section \`${spec.title}\`${where}`,
        span,
        fix: {
          title: `${opened ? `Close ${opened} and insert` : 'Insert'} the \`${spec.title}\` section`,
          edits: [{ start: offset, end: offset, newText: text }],
          safe: true,
        },
      });
    });
    return findings;
  },
};
