/** How far a report is: which schema sections are written, for the status bar and the view. */
import type { OutlineSection } from '../../server/src/protocol';

export interface SectionProgress {
  /** Sections present with content. */
  complete: number;
  /** Sections that count: the required ones, and optional ones the report has. */
  total: number;
  missing: OutlineSection[];
  empty: OutlineSection[];
}

/** Counts the sections of an outline; a missing optional section counts for nothing. */
export function sectionProgress(sections: readonly OutlineSection[]): SectionProgress {
  const counted = sections.filter((section) => section.required || section.state !== 'missing');
  return {
    complete: counted.filter((section) => section.state === 'present').length,
    total: counted.length,
    missing: counted.filter((section) => section.state === 'missing'),
    empty: counted.filter((section) => section.state === 'empty'),
  };
}
