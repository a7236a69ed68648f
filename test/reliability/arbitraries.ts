/**
 * Generated post-mortems for property tests: schema sections under any alias and heading
 * level, timelines as tables, flat and nested lists (bulleted, numbered past 9, with second
 * paragraphs) and lines with every time form, placeholders, front matter (closed or not),
 * reports without headings or ending in an open code block or comment, CRLF, LF or CR alone,
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
  '_"is it down?"_',
  '*em*',
  '__strong__',
  'snake_case',
  '\\(escaped\\)',
  '`` a`b ``',
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
  // Nested items, a second paragraph, numbers of one and two digits.
  fc
    .array(
      fc.record({
        time: timeText,
        event: sentence,
        children: fc.array(fc.tuple(timeText, sentence), { maxLength: 3 }),
        more: fc.option(sentence),
      }),
      { maxLength: 12 },
    )
    .chain((items) =>
      fc.boolean().map((ordered) =>
        items
          .map(({ time, event, children, more }, i) => {
            const marker = ordered ? `${i + 1}.` : '-';
            const indent = ' '.repeat(marker.length + 1);
            const lines = [`${marker} ${time} ${event}`];
            for (const [t, e] of children) lines.push(`${indent}- ${t} ${e}`);
            if (more !== null) lines.push('', `${indent}${more}`);
            return lines.join('\n');
          })
          .join('\n'),
      ),
    ),
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

/**
 * What opens a report: nothing, front matter (some with values the `metadata` rule fixes), or a
 * fence that nothing closes.
 */
const opening = fc.constantFrom(
  '',
  '---\ntitle: Outage\ndate: 2025-03-15\n---\n\n',
  '+++\ntitle = "Outage"\n+++\n\n',
  '---\nseverity: sev-2\nstatus: fianl\ndate: 15 March 2025\n---\n\n',
  '+++\ndate = "2025/03/15"\nstatus = "Final"\n+++\n\n',
  '---\n',
  '---\ntitle: Outage\n\n',
);

/** What ends a report: nothing, or a code block, comment or HTML block left open. */
const ending = fc.constantFrom(
  '',
  '',
  '```\nlog line\n',
  '~~~~\nlog',
  '<!-- draft\n\nmore\n',
  '<div>\n',
);

/**
 * A whole report: maybe front matter, a title (or none), sections in any order, maybe an
 * open block at the end, any line endings, maybe a BOM.
 */
export const postmortem = fc
  .record({
    opening,
    title: fc.boolean(),
    sections: fc.array(section, { maxLength: 9 }),
    ending,
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ opening, title, sections, ending, eol, bom }) => {
    const body = [...(title ? ['# Incident'] : []), ...sections, ending].join('\n\n');
    const text = `${opening}${body.trimEnd()}\n`;
    return (bom ? '\uFEFF' : '') + text.replace(/\n/g, eol);
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
      '  - 09:05 sub-item\n',
      '|',
      '---\n',
      '-',
      '\r',
    ),
  ),
});

/** Applies an edit to a text. */
export function applyEdit(text: string, e: { at: number; length: number; insert: string }): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.insert + text.slice(Math.min(text.length, start + e.length));
}
