/**
 * Generated post-mortems for property tests: schema sections under any alias and heading
 * level, timelines as tables, lists and lines with every time form, placeholders, CRLF or LF,
 * with or without a byte order mark.
 */
import fc from 'fast-check';
import { standard } from '../../server/src/engine/sections/presets/standard';

const pad = (n: number) => String(n).padStart(2, '0');

/** A time in one of the forms SPEC §2 lists, or one that cannot be read. */
export const timeText = fc
  .record({
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    day: fc.integer({ min: 1, max: 28 }),
    form: fc.integer({ min: 0, max: 17 }),
  })
  .map(({ hour, minute, second, day, form }) => {
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    const ampm = hour < 12 ? 'AM' : 'PM';
    const hm = `${pad(hour)}:${pad(minute)}`;
    return [
      hm,
      `${hm}:${pad(second)}`,
      `${h12}:${pad(minute)} ${ampm}`,
      `${h12}:${pad(minute)}${ampm.toLowerCase()}`,
      `${h12} ${ampm}`,
      `2025-03-${pad(day)} ${hm}`,
      `2025/03/${pad(day)} ${hm}`,
      `2025-03-${pad(day)}T${hm}:${pad(second)}Z`,
      `2025-03-${pad(day)}T${hm}+01:00`,
      `Mar ${day}, ${hm}`,
      `${day} March 2025 ${h12}:${pad(minute)} ${ampm}`,
      `${hm} UTC`,
      `${hm} (UTC+2)`,
      `~${hm}`,
      `around ${hm}`,
      `${hm} - ${pad((hour + 1) % 24)}:${pad(minute)}`,
      '--:--',
      'TBD',
    ][form]!;
  });

const word = fc.constantFrom(
  'alert',
  'fired',
  'on-call',
  'joined',
  'rolled back',
  'resolved',
  'database',
  'TBD',
  '???',
  '[name]',
  '**bold**',
  '`code`',
  '[link](https://example.com)',
  'all clear',
  '[detected]',
  '(resolved)',
  '|',
  '<!-- note -->',
);

const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

const timelineBody = fc.oneof(
  fc
    .array(fc.tuple(timeText, sentence), { maxLength: 8 })
    .map(
      (rows) =>
        `| Time (UTC) | Event |\n|---|---|\n${rows.map(([t, e]) => `| ${t} | ${e.replace(/\|/g, '/')} |`).join('\n')}`,
    ),
  fc
    .array(fc.tuple(fc.constantFrom('-', '*', '+', '1.'), timeText, sentence), { maxLength: 8 })
    .map((items) => items.map(([marker, t, e]) => `${marker} ${t} - ${e}`).join('\n')),
  fc
    .array(fc.tuple(timeText, sentence), { maxLength: 8 })
    .map((lines) => lines.map(([t, e]) => `**${t}** ${e}`).join('\n')),
);

const otherBody = fc.oneof(
  sentence,
  fc.array(sentence, { maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.constant('- **Root Cause:** pool\n- **Supporting Evidence:** logs'),
  fc.constant('- **Supporting Evidence:** '),
  fc.constant('```\nerror\n```'),
  fc.constant('> quoted'),
  fc.constant('- Time to detection: 5 minutes\n- TTR: ???'),
  fc.constant(''),
);

const headingName = fc
  .record({
    section: fc.constantFrom(...standard.sections),
    alias: fc.nat(),
    depth: fc.integer({ min: 1, max: 4 }),
    number: fc.option(fc.integer({ min: 1, max: 9 })),
    decoration: fc.constantFrom('', '✅ ', '**'),
  })
  .map(({ section, alias, depth, number, decoration }) => {
    const names = [section.title, ...section.aliases];
    const name = names[alias % names.length]!;
    const numbered = number === null ? name : `${number}. ${name}`;
    const text = decoration === '**' ? `**${numbered}**` : `${decoration}${numbered}`;
    return { id: section.id, line: `${'#'.repeat(depth)} ${text}` };
  });

const section = headingName.chain((heading) =>
  (heading.id === 'timeline' ? timelineBody : otherBody).map(
    (body) => `${heading.line}\n\n${body}`,
  ),
);

/** A whole report: title, sections in any order, any line endings, maybe a BOM. */
export const postmortem = fc
  .record({
    sections: fc.array(section, { maxLength: 9 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ sections, crlf, bom }) => {
    const text = ['# Incident', ...sections].join('\n\n') + '\n';
    return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

/** An edit: replace `length` characters at a fraction of the text by `insert`. */
export const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 0, max: 12 }),
  insert: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      '\n',
      '\r\n',
      '## Timeline\n',
      '| 10:00 | x |\n',
      '```\n',
      '<!--',
      '- 09:00 alert\n',
      '|',
    ),
  ),
});

/** Applies an edit to a text. */
export function applyEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
}
