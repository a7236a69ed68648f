/**
 * Template inference (SPEC §1): a report that follows another known preset better than the
 * configured sections is read by that preset, and told so once, instead of getting one finding
 * per section of the other template. "Better" takes evidence: a heading that is the exact name
 * of a section the configured schema lacks (`Trigger`, `Detection`, `Stats`), every required
 * section of the preset, and fewer missing or misplaced sections than the configured schema
 * gives.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../markdown/lines';
import type { InferredPreset, Schema, Section } from '../model';
import { namesPreset } from './document-preset';
import { findSections } from './match';
import { sectionMatcher } from './matcher';
import { misplacedSections } from './order';
import { PRESETS } from './presets';

/** The required sections a reading lacks, and the misplaced ones. */
function misfit(schema: Schema, sections: readonly Section[]): { missing: number; total: number } {
  const present = new Set(sections.map((section) => section.spec.id));
  const missing = schema.sections.filter((spec) => spec.required && !present.has(spec.id)).length;
  return { missing, total: missing + misplacedSections(sections).length };
}

/** The sections of a document, the schema they were read by, and the preset it was inferred from. */
export interface SectionReading {
  schema: Schema;
  sections: Section[];
  inferred: InferredPreset | null;
}

/**
 * The sections of a document by `configured`, or by the preset the document follows better:
 * never when its front matter names one. Of several presets, the one that fits best, the first
 * listed at a tie.
 */
export function readSections(tree: Root, lines: LineIndex, configured: Schema): SectionReading {
  const sections = findSections(tree, configured, lines);
  let best: SectionReading = { schema: configured, sections, inferred: null };
  let bar = misfit(configured, sections).total;
  if (bar === 0 || namesPreset(tree.children, lines)) return best;
  const ids = new Set(configured.sections.map((spec) => spec.id));
  const headings = tree.children.flatMap((node) =>
    node.type === 'heading' ? [toString(node)] : [],
  );
  for (const preset of PRESETS) {
    const matcher = sectionMatcher(preset.schema);
    // Evidence first, by one look at the headings: most reports have none.
    const own = (text: string) => {
      const id = matcher.exact(text)?.spec.id;
      return id !== undefined && !ids.has(id);
    };
    if (preset.schema === configured || !headings.some(own)) continue;
    const read = findSections(tree, preset.schema, lines);
    const evidence = read.filter(
      (section) => section.form === 'heading' && own(section.heading.text),
    );
    const fit = misfit(preset.schema, read);
    if (evidence.length > 0 && fit.missing === 0 && fit.total < bar) {
      best = {
        schema: preset.schema,
        sections: read,
        inferred: { name: preset.name, schema: preset.schema, evidence },
      };
      bar = fit.total;
    }
  }
  return best;
}
