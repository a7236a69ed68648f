/** A new, empty post-mortem for a schema: what "New Post-Mortem" opens. */
import type { Schema } from '../model';

/**
 * The Markdown of a new report: a `# Post-Mortem: <title>` heading, a date line, then each
 * schema section as a `##` heading with its scaffold. Lines end with `\n`. With `preset`, the
 * report opens with front matter naming it, so that it is checked against that preset's
 * sections wherever it is saved (`document-preset.ts`).
 */
export function renderTemplate(
  schema: Schema,
  title: string,
  date: string,
  preset?: string,
): string {
  const front = preset === undefined ? '' : `---\ntype: postmortem\npreset: ${preset}\n---\n\n`;
  const parts = [`# Post-Mortem: ${title}`, `**Date:** ${date}`];
  for (const section of schema.sections) {
    parts.push(`## ${section.title}`);
    if (section.scaffold !== '') parts.push(section.scaffold);
  }
  return `${front}${parts.join('\n\n')}\n`;
}
