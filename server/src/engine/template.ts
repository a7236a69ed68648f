/** A new, empty post-mortem for a schema: what "New Post-Mortem" opens. */
import type { Schema } from './model';

/**
 * The Markdown of a new report: a `# Post-Mortem: <title>` heading, a date line, then each
 * schema section as a `##` heading with its scaffold. Lines end with `\n`.
 */
export function renderTemplate(schema: Schema, title: string, date: string): string {
  const parts = [`# Post-Mortem: ${title}`, `**Date:** ${date}`];
  for (const section of schema.sections) {
    parts.push(`## ${section.title}`);
    if (section.scaffold !== '') parts.push(section.scaffold);
  }
  return `${parts.join('\n\n')}\n`;
}
