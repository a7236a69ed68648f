/** A new, empty post-mortem for a schema: what "New Post-Mortem" opens. */
import { frontMatterLine } from '../markdown/front-matter';
import type { Schema } from '../model';

/** What a new report's front matter says of it: the id it gets, from `metadata.idPattern`. */
export interface NewReportMetadata {
  idPattern: string;
}

/** The id `pattern` gives a report of `date` (`YYYY-MM-DD`): `{date}`, `{yyyy}`, `{mm}`, `{dd}`. */
export function reportId(pattern: string, date: string): string {
  const [yyyy = '', mm = '', dd = ''] = date.split('-');
  const parts: Record<string, string> = { date, yyyy, mm, dd };
  return pattern.replace(/\{(date|yyyy|mm|dd)\}/g, (_, name: string) => parts[name]!);
}

/**
 * The Markdown of a new report: a `# Post-Mortem: <title>` heading, then each schema section
 * as a `##` heading with its scaffold. Lines end with `\n`. With `metadata`, the report opens
 * with front matter: its title, id, date, an empty severity and `status: draft` (so that its
 * findings are information until it is reviewed); without, a date line follows the heading.
 * With `preset`, the front matter names it, so that the report is checked against that
 * preset's sections wherever it is saved (`document-preset.ts`).
 */
export function renderTemplate(
  schema: Schema,
  title: string,
  date: string,
  preset?: string,
  metadata?: NewReportMetadata,
): string {
  const fields: string[] = [];
  if (metadata) {
    fields.push(
      frontMatterLine('yaml', 'title', title),
      frontMatterLine('yaml', 'id', reportId(metadata.idPattern, date)),
      frontMatterLine('yaml', 'date', date, true),
      'severity:',
      'status: draft',
    );
  }
  if (preset !== undefined) fields.push('type: postmortem', `preset: ${preset}`);
  const front = fields.length > 0 ? `---\n${fields.join('\n')}\n---\n\n` : '';
  const parts = [`# Post-Mortem: ${title}`];
  if (!metadata) parts.push(`**Date:** ${date}`);
  for (const section of schema.sections) {
    parts.push(`## ${section.title}`);
    if (section.scaffold !== '') parts.push(section.scaffold);
  }
  return `${front}${parts.join('\n\n')}\n`;
}
