/**
 * Template inference (SPEC §1): a report that follows another known preset better than the
 * configured sections is read by that preset, and told so once, instead of getting one finding
 * per section of the other template. "Better" takes evidence: a heading that is the exact name
 * of a section the configured schema lacks (`Trigger`, `Detection`, `Stats`), every required section of
 * the preset, and fewer missing or misplaced sections than the configured schema gives.
 */
import type { Root } from 'mdast';
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

/**
 * The preset a report follows better than `configured`, or null: never when its front matter
 * names one. Of several, the one that fits best, the first listed at a tie.
 */
export function inferPreset(
  tree: Root,
  lines: LineIndex,
  configured: Schema,
): InferredPreset | null {
  if (namesPreset(tree.children, lines)) return null;
  const ids = new Set(configured.sections.map((spec) => spec.id));
  let best: InferredPreset | null = null;
  let bar = misfit(configured, findSections(tree, configured, lines)).total;
  for (const preset of PRESETS) {
    if (preset.schema === configured || bar === 0) continue;
    const sections = findSections(tree, preset.schema, lines);
    const matcher = sectionMatcher(preset.schema);
    const evidence = sections.filter(
      (section) =>
        section.form === 'heading' &&
        !ids.has(section.spec.id) &&
        matcher.exact(section.heading.text)?.spec.id === section.spec.id,
    );
    if (evidence.length === 0) continue;
    const fit = misfit(preset.schema, sections);
    if (fit.missing === 0 && fit.total < bar) {
      best = { name: preset.name, schema: preset.schema, evidence };
      bar = fit.total;
    }
  }
  return best;
}
