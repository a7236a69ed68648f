/** Heading normalization (SPEC §1): what makes `# **✅ 4. Root Cause Analysis (RCA)**` read `rca`. */

// Emoji, their variation selectors, joiners and keycap marks, as alternatives: inside a character
// class the joiner and combining marks would read as parts of one character.
const PICTOGRAPHS =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}|\u{FE0E}|\u{200D}|\u{20E3}/gu;
const LEADING_ENUMERATOR = /^(?:\d+(?:\.\d+)*|[ivxlcdm]+|[a-z])[.)]\s+/i;
const TRAILING_PARENTHETICAL = /\s*[([][^()[\]]*[)\]]\s*$/;
const TRAILING_PUNCTUATION = /[\s.:;,!?…\-–—]+$/u;

/**
 * Normalizes heading text (markup already dropped) for matching against section aliases:
 * drops pictographs, a leading enumerator, trailing parentheticals and punctuation; folds
 * case and white space; reads `&` as `and`.
 */
export function normalizeHeading(text: string): string {
  let s = text.replace(PICTOGRAPHS, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(LEADING_ENUMERATOR, '');
  let previous;
  do {
    previous = s;
    s = s.replace(TRAILING_PARENTHETICAL, '').replace(TRAILING_PUNCTUATION, '');
  } while (s !== previous);
  return s.replace(/&/g, ' and ').replace(/\s+/g, ' ').trim().toLowerCase();
}
