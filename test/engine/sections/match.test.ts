/** How sections are found: headings, sub-headings, labels and the opening (SPEC §1, §5). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { readout } from '../../../server/src/engine/readout';

const config = defaultConfig();
const found = (text: string) =>
  buildModel(text, config).sections.map(
    (section) => `${section.spec.id} ${section.form} L${section.heading.span.start.line}`,
  );

test('an exact heading wins over an earlier heading that names the section by its words', () => {
  const text = '# Title\n\n## Why the queue stalled: the root cause\n\nA.\n\n## Root Cause\n\nB.\n';
  assert.deepEqual(found(text), ['rca heading L7']);
});

test("the title's words name no section; a first heading after text is no title", () => {
  assert.deepEqual(found('# Lessons from the outage\n\nWhat happened to logins.\n'), []);
  assert.deepEqual(found('Some text first.\n\n# Lessons learned\n\nA.\n'), ['lessons heading L3']);
});

test("a timeline's sub-headings are its days or phases, not other sections", () => {
  const text = '## Timeline\n\n### Detection and recovery\n\n- 10:00 Alert [detected]\n';
  assert.deepEqual(found(text), ['timeline heading L1']);
});

test('the untitled opening is the summary, shown as the intro; metadata lines are not', () => {
  const intro =
    '---\ntitle: x\n---\n\nDate: 2025-01-02\n\nThe billing job ran twice and charged some customers two times.\n\n## Impact\n\nA.\n';
  assert.deepEqual(found(intro), ['summary intro L7', 'impact heading L9']);
  assert.deepEqual(found('# Title\n\n**Date:** 2025-01-02\n**Owner:** Ana\n\n## Impact\n\nA.\n'), [
    'impact heading L6',
  ]);
  // A Summary heading wins over the opening.
  assert.deepEqual(
    found('The opening paragraph is long enough to be prose.\n\n## Summary\n\nA.\n'),
    ['summary heading L3'],
  );
});

test('labels: a leading bold label, a bold line, a plain exact name; not where a heading is', () => {
  const text = [
    '## Summary',
    '',
    '- **Impact:** checkout failed for 5% of users.',
    '- **Root cause**: a bad cache key.',
    '',
    '**Root causes**',
    '',
    'Repeated here, but the first label counts.',
    '',
    'Action items',
    '',
    '- Fix the key.',
    '',
    '**Summary:** a label for a section that has its heading.',
  ].join('\n');
  assert.deepEqual(found(text), [
    'summary heading L1',
    'impact label L3',
    'rca label L4',
    'prevention label L10',
  ]);
});

test('a label is empty when nothing follows its line; it carries its own paragraph otherwise', () => {
  const analysis = analyze('## Summary\n\nA.\n\n**Impact**\n\n## Timeline\n', config);
  const impact = analysis.model.sections.find((section) => section.spec.id === 'impact')!;
  assert.deepEqual(impact.nodes, []);
  assert.ok(
    analysis.findings.some(
      (f) => f.ruleId === 'empty-section' && f.message.startsWith('Section `Impact` is empty'),
    ),
  );
});

test('the CLI readout shows a section where it was read: a label line, the opening', () => {
  const text =
    'Our API returned errors for twenty minutes on Monday morning.\n\n## Timeline\n\n- 10:00 Alert [detected]\n\n**Root cause:** a full disk.\n';
  const sections = readout(buildModel(text, config)).sections;
  assert.deepEqual(
    sections.filter((section) => section.state !== 'missing').map((s) => [s.id, s.line, s.state]),
    [
      ['summary', 1, 'present'],
      ['timeline', 3, 'present'],
      ['rca', 7, 'present'],
    ],
  );
});

test('a lone top heading after a note is the title too', () => {
  const text = '> From the team wiki.\n\n# Lessons template\n\n## Impact\n\nA.\n';
  assert.deepEqual(found(text), ['impact heading L5']);
});

test('a generic heading is the summary when it opens the report, metadata headings aside', () => {
  const text =
    '## Report: payouts missed\n\n## Date: 2025-01-02\n\n## Details\n\nPayouts were late.\n\n## Impact\n\nA.\n';
  assert.deepEqual(found(text), ['summary heading L5', 'impact heading L9']);
  // Not after another section, and not when the report has a summary of its own.
  assert.deepEqual(found('# T\n\n## Impact\n\nA.\n\n## Details\n\nB.\n'), ['impact heading L3']);
  assert.deepEqual(
    found('# T\n\nThe opening paragraph is long enough to be prose.\n\n## Details\n\nB.\n'),
    ['summary intro L3'],
  );
});

test('a generic heading whose text explains a cause is the root cause analysis', () => {
  const text = '# T\n\n## Summary\n\nA.\n\n## Description\n\nRewards were zero due to a bug.\n';
  assert.deepEqual(found(text), ['summary heading L3', 'rca heading L7']);
  // Without a cause it stays unmatched; a heading with a name of its own is never read so.
  assert.deepEqual(found('# T\n\n## Summary\n\nA.\n\n## Description\n\nRewards were zero.\n'), [
    'summary heading L3',
  ]);
  assert.deepEqual(found('# T\n\n## Summary\n\nA.\n\n## Attendees\n\nAna, who caused nothing.\n'), [
    'summary heading L3',
  ]);
});
