/** Heading normalization (SPEC §1): what makes `# **✅ 4. Root Cause Analysis (RCA)**` read `rca`. */

// Emoji, their variation selectors, joiners and keycap marks, as alternatives: inside a character
// class the joiner and combining marks would read as parts of one character.
const PICTOGRAPHS =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}|\u{FE0E}|\u{200D}|\u{20E3}/gu;
const LEADING_ENUMERATOR = /^(?:\d+(?:\.\d+)*|[ivxlcdm]+|[a-z])[.)]\s+/i;
/** Characters dropped from the end of a heading, and the brackets of a trailing parenthetical. */
const TRAILING_PUNCTUATION = /[\s.:;,!?…\-–—]/u;
const OPENERS = '([';
const CLOSERS = ')]';

/**
 * `s` without its trailing parentheticals (`(RCA)`, `[draft]`, with the white space before
 * them) and punctuation, in any mix: one scan from the end, so that a heading of thousands of
 * `()` costs its length.
 */
function withoutTrailing(s: string): string {
  let end = s.length;
  for (;;) {
    let cut = end;
    while (cut > 0 && TRAILING_PUNCTUATION.test(s[cut - 1]!)) cut--;
    if (cut > 0 && CLOSERS.includes(s[cut - 1]!)) {
      let open = cut - 2;
      while (open >= 0 && !OPENERS.includes(s[open]!) && !CLOSERS.includes(s[open]!)) open--;
      if (open >= 0 && OPENERS.includes(s[open]!)) cut = open;
    }
    if (cut === end) return s.slice(0, end);
    end = cut;
  }
}

/**
 * Normalizes heading text (markup already dropped) for matching against section aliases:
 * drops pictographs, a leading enumerator, trailing parentheticals and punctuation; folds
 * case and white space; reads `&` as `and`.
 */
export function normalizeHeading(text: string): string {
  let s = text.replace(PICTOGRAPHS, ' ').replace(/\s+/g, ' ').trim();
  s = withoutTrailing(s.replace(LEADING_ENUMERATOR, ''));
  return s.replace(/&/g, ' and ').replace(/\s+/g, ' ').trim().toLowerCase();
}
