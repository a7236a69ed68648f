/** The section words (SPEC §1): no two sections of a schema share them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sectionMatcher } from '../../../server/src/engine/sections/matcher';
import { PRESETS } from '../../../server/src/engine/sections/presets';
import { SECTION_WORDS } from '../../../server/src/engine/sections/vocabulary';

/** A phrase of `vocabulary.ts` as a heading would write it. */
const asText = (phrase: string) => phrase.replace(/\*/g, '').replace(/^=/, '');

test('every stem has three letters or more (the matcher indexes stems by them)', () => {
  for (const [id, phrases] of Object.entries(SECTION_WORDS)) {
    for (const phrase of phrases) {
      for (const word of phrase.split(' ')) {
        if (word.endsWith('*')) assert.ok(word.length > 3, `${id}: ${phrase}`);
      }
    }
  }
});

for (const preset of PRESETS) {
  describe(`preset ${preset.name}`, () => {
    const matcher = sectionMatcher(preset.schema);

    test("no section's words read as another section", () => {
      for (const spec of preset.schema.sections) {
        for (const phrase of SECTION_WORDS[spec.id] ?? []) {
          const read = matcher.byWords(asText(phrase)).map((match) => match.spec.id);
          assert.ok(
            read.every((id) => id === spec.id),
            `${spec.id}: "${phrase}" reads ${read.join()}`,
          );
        }
      }
    });

    test('every title and alias read by its words is its own section or none', () => {
      for (const spec of preset.schema.sections) {
        for (const name of [spec.title, ...spec.aliases]) {
          const read = matcher.byWords(name).map((match) => match.spec.id);
          assert.ok(
            read.every((id) => id === spec.id),
            `${spec.id}: "${name}" reads ${read.join()}`,
          );
        }
      }
    });
  });
}

test("each preset's scaffolds hold no label that reads as another section", () => {
  for (const preset of PRESETS) {
    const matcher = sectionMatcher(preset.schema);
    for (const spec of preset.schema.sections) {
      for (const [, label] of spec.scaffold.matchAll(/\*\*([^*]+?):?\*\*/g)) {
        const read = matcher.match(label!).map((match) => match.spec.id);
        assert.ok(
          read.every((id) => id === spec.id),
          `${preset.name} ${spec.id}: "${label}" reads ${read.join()}`,
        );
      }
    }
  }
});
