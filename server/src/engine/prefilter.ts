/**
 * A guess, without parsing, at whether a Markdown text may be a post-mortem: what an editor can
 * ask before it starts the language server for it. It errs towards yes: a text that
 * `isPostmortem` accepts by its content (front matter with `type: postmortem`, a timeline among
 * its sections) passes; the server decides.
 */
import { compilePhrase, headingWords, phraseAt } from './sections/words';
import { SECTION_WORDS } from './sections/vocabulary';

/** How much of a text is looked at: a report names its timeline well before this. */
const MAX_CHARACTERS = 256 * 1024;

/** A front matter line `type: postmortem` (YAML) or `type = "post-mortem"` (TOML). */
const TYPE_LINE = /^[ \t]*type[ \t]*[:=][ \t]*["']?post-?mortem\b/im;

const TIMELINE_PHRASES = (SECTION_WORDS.timeline ?? []).map(compilePhrase);

/** Whether a line holds a phrase that names the timeline (`Timeline`, `Chronology`, `Events`). */
function namesTimeline(line: string): boolean {
  const words = headingWords(line);
  return words.some((_, start) =>
    TIMELINE_PHRASES.some((phrase) => phraseAt(phrase, words, start)),
  );
}

/** Whether `text` may be a post-mortem: its front matter says so, or a line names a timeline. */
export function mayBePostmortem(text: string): boolean {
  const head = text.length > MAX_CHARACTERS ? text.slice(0, MAX_CHARACTERS) : text;
  if (TYPE_LINE.test(head.slice(0, 4096))) return true;
  return head.split(/\r\n?|\n/).some(namesTimeline);
}
