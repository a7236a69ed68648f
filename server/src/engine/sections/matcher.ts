/**
 * Which schema sections a heading or label names (SPEC §1): its exact title or alias first (the
 * strongest match, configured aliases included), else the section words of `vocabulary.ts`.
 */
import type { Schema, SectionSpec } from '../model';
import { normalizeHeading } from './normalize';
import { SECTION_WORDS } from './vocabulary';
import { compilePhrase, headingWords, phraseAt, type Phrase } from './words';

/** A schema section, with its place in the schema order. */
export interface SectionMatch {
  spec: SectionSpec;
  order: number;
}

/** How many first letters of a stem index it; every stem of `vocabulary.ts` has as many. */
const STEM_KEY = 3;

interface SectionPhrase {
  match: SectionMatch;
  phrase: Phrase;
  /** Whether the phrase names the section only as the whole text (`=postmortem`). */
  whole: boolean;
}

/** Whether `entry` is in `words` at `start`. */
function entryAt(entry: SectionPhrase, words: readonly string[], start: number): boolean {
  if (entry.whole && (start !== 0 || words.length !== entry.phrase.length)) return false;
  return phraseAt(entry.phrase, words, start);
}

export class SectionMatcher {
  private readonly names = new Map<string, SectionMatch>();
  /** Phrases by their first word, when it is a word and not a stem. */
  private readonly byFirstWord = new Map<string, SectionPhrase[]>();
  /** Phrases whose first word is a stem, by the stem's first letters (stems have three or more). */
  private readonly byFirstStem = new Map<string, SectionPhrase[]>();

  constructor(schema: Schema) {
    const matches = schema.sections.map((spec, order) => ({ spec, order }));
    for (const match of matches) {
      for (const name of [match.spec.title, ...match.spec.aliases]) {
        const key = normalizeHeading(name);
        if (!this.names.has(key)) this.names.set(key, match);
      }
    }
    const sources = matches.map((match) => SECTION_WORDS[match.spec.id] ?? []);
    matches.forEach((match, index) => {
      for (const source of sources[index]!) {
        const whole = source.startsWith('=');
        const entry = { match, phrase: compilePhrase(whole ? source.slice(1) : source), whole };
        // A phrase that another section of this schema also has, or that another section's
        // name holds (`event` in google-sre's `Trigger Event`), names neither.
        const shared = sources.some((other, at) => at !== index && other.includes(source));
        const named = [...this.names].some(([name, owner]) => {
          const words = headingWords(name);
          return owner !== match && words.some((_, start) => entryAt(entry, words, start));
        });
        if (!shared && !named) this.index(entry);
      }
    });
  }

  private index(entry: SectionPhrase): void {
    const first = entry.phrase[0]!;
    const keys = first.stem ? [first.text.slice(0, STEM_KEY)] : [first.text, first.plural];
    for (const key of keys) {
      const table = first.stem ? this.byFirstStem : this.byFirstWord;
      const list = table.get(key) ?? [];
      list.push(entry);
      table.set(key, list);
    }
  }

  /** The section whose title or alias the text is, once normalized. */
  exact(text: string): SectionMatch | undefined {
    return this.names.get(normalizeHeading(text));
  }

  /**
   * The sections the text names by their words, in schema order. The longest phrases are
   * taken first, and a word belongs to one phrase: `Long term fix` is prevention only, while
   * `Recovery and lessons learned` names two sections.
   */
  byWords(text: string): SectionMatch[] {
    const words = headingWords(text);
    const hits: { match: SectionMatch; start: number; length: number }[] = [];
    words.forEach((word, start) => {
      for (const candidates of [
        this.byFirstWord.get(word),
        this.byFirstStem.get(word.slice(0, STEM_KEY)),
      ]) {
        for (const entry of candidates ?? []) {
          if (entryAt(entry, words, start)) {
            hits.push({ match: entry.match, start, length: entry.phrase.length });
          }
        }
      }
    });
    hits.sort((a, b) => b.length - a.length || a.start - b.start);
    const taken = new Array<boolean>(words.length).fill(false);
    const named = new Set<SectionMatch>();
    for (const hit of hits) {
      const span = taken.slice(hit.start, hit.start + hit.length);
      if (span.some(Boolean)) continue;
      taken.fill(true, hit.start, hit.start + hit.length);
      named.add(hit.match);
    }
    return [...named].sort((a, b) => a.order - b.order);
  }

  /** The sections the text names: its exact section, else those its words name. */
  match(text: string): SectionMatch[] {
    const exact = this.exact(text);
    return exact ? [exact] : this.byWords(text);
  }
}

const matchers = new WeakMap<Schema, SectionMatcher>();

/** The matcher of a schema, built once per schema object. */
export function sectionMatcher(schema: Schema): SectionMatcher {
  let matcher = matchers.get(schema);
  if (!matcher) {
    matcher = new SectionMatcher(schema);
    matchers.set(schema, matcher);
  }
  return matcher;
}
