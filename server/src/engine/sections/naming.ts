/** How messages name a section the document has: by its own heading, the schema's name beside it. */
import type { Section } from '../model';
import { normalizeHeading } from './normalize';

/**
 * A section as a message names it: its heading (or label) as written, in backticks, and the
 * schema's name in brackets when the heading reads otherwise: `` `Action Items` (Preventative
 * Measures) ``, `` `6. Lessons Learned` ``. An intro, which has no heading, goes by the schema's name.
 */
export function sectionName(section: Section): string {
  const written = section.heading.text.trim();
  const { title } = section.spec;
  if (written === '') return `\`${title}\``;
  return normalizeHeading(written) === normalizeHeading(title)
    ? `\`${written}\``
    : `\`${written}\` (${title})`;
}
