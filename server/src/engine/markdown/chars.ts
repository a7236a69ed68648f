/**
 * The character codes the hand-written scanners compare against (the block scanner, the
 * guard's measure, line indexes), and the white-space tests they share.
 */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const BANG = 33;
export const HASH = 35;
export const STAR = 42;
export const PLUS = 43;
export const DASH = 45;
export const DOT = 46;
export const SLASH = 47;
export const COLON = 58;
export const LESS_THAN = 60;
export const EQUALS = 61;
export const GREATER_THAN = 62;
export const QUESTION = 63;
export const BACKSLASH = 92;
export const RIGHT_BRACKET = 93;
export const UNDERSCORE = 95;
export const BACKTICK = 96;
export const PIPE = 124;
export const TILDE = 126;

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** The column after a character at `column` (0-based): tabs stop every 4 columns. */
export function nextColumn(code: number, column: number): number {
  return code === TAB ? column + 4 - (column % 4) : column + 1;
}

/** Whether `text[from, end)` holds only spaces and tabs. */
export function isBlankRange(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isSpaceOrTab(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A sticky (`y`) pattern matched at `i`, when its match ends by `limit`: how the hand-written
 * readers of times, durations and stated metrics try one form at a place.
 */
export function matchAt(
  re: RegExp,
  text: string,
  i: number,
  limit: number,
): RegExpExecArray | null {
  re.lastIndex = i;
  const match = re.exec(text);
  return match && match.index + match[0].length <= limit ? match : null;
}
