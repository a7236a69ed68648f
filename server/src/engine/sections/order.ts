/** The order of the sections read (SPEC §4 `section-order`): which stand out of the schema order. */
import type { Section } from '../model';

/** Whether `section` is a label inside another section: part of that one, not placed itself. */
function nestedLabel(section: Section, sections: readonly Section[]): boolean {
  const { offset } = section.span.start;
  return (
    section.form === 'label' &&
    sections.some(
      (other) =>
        other.form !== 'label' &&
        other.span.start.offset < offset &&
        offset < other.span.end.offset,
    )
  );
}

/**
 * Each section (in document order) that stands after one the schema puts later, with the
 * latest-placed section it follows.
 */
export function misplacedSections(
  sections: readonly Section[],
): { section: Section; after: Section }[] {
  const misplaced: { section: Section; after: Section }[] = [];
  let latest: Section | undefined;
  for (const section of sections) {
    if (nestedLabel(section, sections)) continue;
    if (latest && section.order < latest.order) misplaced.push({ section, after: latest });
    else latest = section;
  }
  return misplaced;
}
