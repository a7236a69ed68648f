/** Heading text as words, and the phrases of `vocabulary.ts` found among them. */

/** Words read from a heading at most: section names are short, and matching stays bounded. */
const MAX_WORDS = 32;

/** The lower-case words of a text; apostrophes dropped, `&` read as `and`. */
export function headingWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .slice(0, MAX_WORDS);
}

/** One word of a phrase: a stem matches the words it starts, a word itself and its plural. */
interface PhraseWord {
  text: string;
  stem: boolean;
  /** For a word, its plural form. */
  plural: string;
}

export type Phrase = readonly PhraseWord[];

/** The plural a word of a phrase also matches. */
function plural(word: string): string {
  return /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}

/** A phrase as `vocabulary.ts` writes it (`root cause*`). */
export function compilePhrase(source: string): Phrase {
  return source
    .trim()
    .split(/\s+/)
    .map((word) => {
      const stem = word.endsWith('*');
      const text = stem ? word.slice(0, -1) : word;
      return { text, stem, plural: plural(text) };
    });
}

/** Whether a word of a heading is the phrase word `expected`. */
export function wordMatches(expected: PhraseWord, word: string): boolean {
  if (expected.stem) return word.startsWith(expected.text);
  return word === expected.text || word === expected.plural;
}

/** Whether `phrase` is in `words` at `start`. */
export function phraseAt(phrase: Phrase, words: readonly string[], start: number): boolean {
  if (start + phrase.length > words.length) return false;
  for (let offset = 0; offset < phrase.length; offset++) {
    if (!wordMatches(phrase[offset]!, words[start + offset]!)) return false;
  }
  return true;
}
