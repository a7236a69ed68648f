/** What the `metadata` rule's fixes write into front matter, and where they decline to. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { applyEdits } from '../../../server/src/engine/fixes/edits';
import { fixAll } from '../../../server/src/engine/fixes/fix-all';
import { nearScaleValue } from '../../../server/src/engine/metadata/read';
import { readDay } from '../../../server/src/engine/metadata/write';
import type { LintConfig, MetadataField } from '../../../server/src/engine/model';

function configWith(required: MetadataField[], idPattern = 'INC-{yyyy}{mm}{dd}'): LintConfig {
  const config = defaultConfig();
  return { ...config, metadata: { ...config.metadata, required, idPattern } };
}

const timeline =
  '\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2025-03-15 12:55 UTC | Errors [start] |\n';

/** The text after the missing-field finding's fix, or null when it has none. */
function fixed(text: string, config: LintConfig): string | null {
  const finding = analyze(text, config).findings.find(
    (f) => f.ruleId === 'metadata' && /has no/.test(f.message),
  );
  assert.ok(finding, 'a missing-field finding');
  return finding.fix ? applyEdits(text, finding.fix.edits) : null;
}

describe('missing required fields', () => {
  test('a key written without a value gets its value after it, comment kept', () => {
    const text = `---\nstatus: # to do\ndate: ""\n---\n# Outage\n${timeline}`;
    assert.equal(
      fixed(text, configWith(['date', 'status'])),
      `---\nstatus: draft # to do\ndate: 2025-03-15\n---\n# Outage\n${timeline}`,
    );
  });

  test('the fix says what it writes, is offered only, and leaves no finding of its own', () => {
    const config = configWith(['id', 'status']);
    const text = '---\ndate: 2025-03-15\n---\n# Outage\n';
    const finding = analyze(text, config).findings.find((f) => f.ruleId === 'metadata')!;
    assert.equal(
      finding.fix?.title,
      'Write `id: INC-20250315` and `status: draft` into the front matter',
    );
    assert.equal(finding.fix?.safe, false);
    const after = applyEdits(text, finding.fix.edits);
    assert.equal(after, '---\nid: INC-20250315\ndate: 2025-03-15\nstatus: draft\n---\n# Outage\n');
    assert.deepEqual(
      analyze(after, config).findings.filter((f) => f.ruleId === 'metadata'),
      [],
    );
    // Not applied unasked: `--fix` writes other fixes (sections), not these fields.
    assert.doesNotMatch(fixAll(text, config).text, /^(?:status|id):/m);
  });

  test('only what is known is written: no date without a dated entry, no id without a date', () => {
    const text = '---\ntitle: Outage\n---\n# Outage\n';
    assert.equal(
      fixed(text, configWith(['id', 'date', 'status'])),
      '---\ntitle: Outage\nstatus: draft\n---\n# Outage\n',
    );
    assert.equal(fixed(text, configWith(['id', 'date', 'severity'])), null);
    // A pattern that names no part of the date would give every report the same id.
    assert.equal(fixed(`${text}${timeline}`, configWith(['id'], 'INC-NEW')), null);
  });

  test('front matter that is no mapping, a flow mapping, or an unclosed fence is not written into', () => {
    const config = configWith(['status']);
    assert.equal(fixed('---\n- a list\n---\n# Outage\n', config), null);
    assert.equal(fixed('---\n{title: Outage, severity: SEV2}\n---\n# Outage\n', config), null);
    assert.equal(fixed('---\nnot closed\n\n# Outage\n', config), null);
    // Lines that end in `\r` alone: front matter written there would not read.
    assert.equal(fixed('# Outage\r\rText.\r', config), null);
    // Comments only: the front matter is still a place to write.
    assert.equal(
      fixed('---\n# to fill in\n---\n# Outage\n', config),
      '---\n# to fill in\nstatus: draft\n---\n# Outage\n',
    );
  });

  test('TOML: fields before the first table, strings quoted, days bare', () => {
    const text = `+++\ntitle = "Outage"\n\n[links]\nlogs = "https://logs.example"\n+++\n# Outage\n${timeline}`;
    assert.equal(
      fixed(text, configWith(['date', 'status'])),
      `+++\ntitle = "Outage"\n\ndate = 2025-03-15\nstatus = "draft"\n[links]\nlogs = "https://logs.example"\n+++\n# Outage\n${timeline}`,
    );
  });
});

describe('nearScaleValue', () => {
  test('one character off one value alone; short values and ties are no near miss', () => {
    const statuses = ['draft', 'in-review', 'final'];
    assert.deepEqual(
      ['fianl', 'finale', 'in reveiw', 'drat', 'dratf', 'published'].map((written) =>
        nearScaleValue(written, statuses),
      ),
      ['final', 'final', 'in-review', 'draft', 'draft', null],
    );
    const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
    assert.deepEqual(
      ['SEV22', 'SEV5', 'SEV12', 'P2'].map((written) => nearScaleValue(written, severities)),
      ['SEV2', null, null, null],
    );
  });
});

describe('readDay', () => {
  test('`YYYY-MM-DD`, other forms of one day, a day whose order is not settled, and no day', () => {
    const model = analyze('# Outage\n', defaultConfig()).model;
    assert.deepEqual(
      [
        '2025-03-15',
        '15 March 2025',
        '2025/03/15',
        '15.03.2025',
        '03/04/2025',
        '15 March',
        '2025-03-15 10:00',
      ].map((text) => readDay(text, model, defaultConfig())),
      [
        { kind: 'iso' },
        { kind: 'other', day: '2025-03-15', settled: true },
        { kind: 'other', day: '2025-03-15', settled: true },
        { kind: 'other', day: '2025-03-15', settled: true },
        { kind: 'other', day: '2025-03-04', settled: false },
        { kind: 'none' },
        { kind: 'none' },
      ],
    );
    // `dateOrder` settles it.
    assert.deepEqual(readDay('03/04/2025', model, { ...defaultConfig(), dateOrder: 'day-month' }), {
      kind: 'other',
      day: '2025-04-03',
      settled: true,
    });
  });
});
