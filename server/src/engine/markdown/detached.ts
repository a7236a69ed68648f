/**
 * Strings that outlive the text they were read from. An engine may share a cut string's
 * characters with the string it was cut from, so a title kept from a report can keep the whole
 * report alive: what is kept long after the analysis (a summary of every report of a
 * workspace) is copied.
 */

/** A copy of `text` that keeps no other string alive; a JSON round trip keeps lone surrogates. */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** `detached` for a string that may be null. */
export function detachedOrNull(text: string | null): string | null {
  return text === null ? null : detached(text);
}
