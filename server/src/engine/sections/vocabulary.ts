/**
 * The words real authors name each section by (SPEC §1), beyond its exact title and aliases:
 * per section id, phrases of words. A word ending in `*` is a stem (`learn*`: learned, learnt,
 * learning); any other word also matches its plural (`event`: events). A phrase written
 * `=postmortem` names the section only as a heading's whole text. Apostrophes are dropped
 * before matching (`what we're doing` reads `what were doing`). Sections of any schema take the
 * words of their id, so presets and a team's own schema share them; ids not listed here match
 * by their exact names only. Within one schema no phrase may be read as two sections
 * (`test/engine/sections/vocabulary.test.ts`).
 */
export const SECTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  summary: ['summary', 'overview', 'tl dr', 'tldr', 'synopsis', 'introduction', 'background'],
  impact: ['impact*', 'affect*', 'blast radius'],
  timeline: [
    'timeline*',
    'time line',
    'chronolog*',
    'event',
    'sequence of event',
    'chain of event',
    'what happened',
  ],
  rca: [
    'root cause*',
    'cause*',
    'contributing factor',
    'why did it happen',
    'why it happened',
    'five whys',
    '5 whys',
    'vulnerabilit*',
  ],
  resolution: [
    'resolution',
    'resolv*',
    'recover*',
    'mitigat*',
    'remedia*',
    'workaround',
    'restor*',
    'fix*',
    'short term fix*',
    'action taken',
    'steps taken',
  ],
  prevention: [
    'prevent*',
    'corrective*',
    'action item',
    'remediation item',
    'follow up',
    'followup',
    'next step',
    'whats next',
    'improv*',
    'future measure',
    'future action',
    'future work',
    'action planned',
    'planned action',
    'resulting action',
    'recommend*',
    'going forward',
    'doing about it',
    'long term',
    'long term fix*',
  ],
  lessons: [
    'lesson*',
    'learn*',
    'takeaway',
    'retrospect*',
    '=postmortem',
    '=post mortem',
    'went well',
    'went wrong',
    'went poorly',
    'went badly',
    'go well',
    'got lucky',
    'get lucky',
    'what worked',
    'needs improv*',
    'need improv*',
    'areas for improv*',
    'reflection',
  ],
  // Sections of the presets that the standard lacks.
  trigger: ['trigger*'],
  detection: ['detect*', 'discover*', 'how it was found', 'how we found out'],
  attendees: ['attend*', 'participant', 'who was involved', 'people involved', 'responder'],
  stats: ['stat', 'statistic*', 'metric*'],
  'supporting-information': [
    'supporting information',
    'supporting document',
    'appendi*',
    'reference',
    'further reading',
  ],
  background: ['background', 'context'],
};

/**
 * Headings that name no section by their words, whole (normalized): they say only that more is
 * said. `generic.ts` reads them where nothing else names a section.
 */
export const GENERIC_HEADINGS: ReadonlySet<string> = new Set([
  'details',
  'description',
  'context',
  'analysis',
  'discussion',
  'narrative',
  'notes',
]);

/** Words by which a text explains a cause: `caused`, `causing`, `due to`, `because`. */
export const CAUSE_WORDS = /\b(?:caus(?:e|es|ed|ing)|due to|because|root cause|as a result of)\b/i;
