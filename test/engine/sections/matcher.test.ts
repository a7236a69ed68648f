/** Headings read by exact names first, then by section words (SPEC §1). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Schema } from '../../../server/src/engine/model';
import { SectionMatcher, sectionMatcher } from '../../../server/src/engine/sections/matcher';
import { fromStandard } from '../../../server/src/engine/sections/presets/from-standard';
import { googleSre } from '../../../server/src/engine/sections/presets/google-sre';
import { standard } from '../../../server/src/engine/sections/presets/standard';

const ids = (schema: Schema, text: string) =>
  sectionMatcher(schema)
    .match(text)
    .map((match) => match.spec.id);

test('the ways real authors name sections', () => {
  const cases: [string, string[]][] = [
    ['Lessons learnt', ['lessons']],
    ['What went well', ['lessons']],
    ["What didn't go well", ['lessons']],
    ['Where we got lucky', ['lessons']],
    ['Root cause of the outage', ['rca']],
    ['Why did it happen?', ['rca']],
    ['What caused the delay', ['rca']],
    ['Mitigations', ['resolution']],
    ['Actions taken', ['resolution']],
    ['How it was fixed', ['resolution']],
    ['Short-term fix', ['resolution']],
    ["What we're doing about it", ['prevention']],
    ['Future measures', ['prevention']],
    ['Actions planned', ['prevention']],
    ['Improvements', ['prevention']],
    ['Long-term fix', ['prevention']],
    ['What was impacted', ['impact']],
    ['Affected customers', ['impact']],
    ['Timeline of events', ['timeline']],
    ['Events/Timeline:', ['timeline']],
    ['What happened', ['timeline']],
    ['Background', ['summary']],
    ['Recovery and lessons learned', ['resolution', 'lessons']],
    ['Working theory (root cause)', ['rca']],
    ['Postmortem', ['lessons']],
    ['Post-mortem attendees', []],
    ['Acknowledgements', []],
    ['Public endpoint', []],
  ];
  for (const [text, expected] of cases) assert.deepEqual(ids(standard, text), expected, text);
});

test('an exact name wins over words, and names one section', () => {
  // `Resolution and Recovery` is an alias: one section, though `recover*` is a word too.
  assert.deepEqual(ids(standard, '## 5. Resolution & Recovery'), ['resolution']);
  assert.equal(sectionMatcher(standard).exact('Root Causes')?.spec.id, 'rca');
  assert.equal(sectionMatcher(standard).exact('Root cause of the outage'), undefined);
});

test("the preset's own sections have words; a word another section's name holds is dropped", () => {
  assert.deepEqual(ids(googleSre, 'How we detected it'), ['detection']);
  assert.deepEqual(ids(googleSre, 'Root causes and trigger'), ['rca', 'trigger']);
  assert.deepEqual(ids(standard, 'How we detected it'), []);
  // google-sre's `Trigger Event` holds `event`, so there `Events` is no timeline.
  assert.deepEqual(ids(standard, 'Events'), ['timeline']);
  assert.deepEqual(ids(googleSre, 'Events'), []);
});

test('configured aliases are exact names only; a shared word names neither section', () => {
  const schema: Schema = {
    sections: [
      fromStandard('summary'),
      { ...fromStandard('rca'), aliases: ['Why It Broke'] },
      { id: 'background', title: 'Context', aliases: [], required: true, scaffold: '' },
    ],
  };
  const matcher = new SectionMatcher(schema);
  assert.equal(matcher.exact('why it broke')?.spec.id, 'rca');
  assert.deepEqual(matcher.byWords('Why it broke down'), []);
  // Both `summary` and `background` have the word `background`.
  assert.deepEqual(matcher.byWords('Background'), []);
  assert.equal(matcher.exact('Context')?.spec.id, 'background');
});
