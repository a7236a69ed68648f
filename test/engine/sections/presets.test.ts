import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { LintConfig, Schema } from '../../../server/src/engine/model';
import { normalizeHeading } from '../../../server/src/engine/sections/normalize';
import { findPreset, PRESETS } from '../../../server/src/engine/sections/presets';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { renderTemplate, reportId } from '../../../server/src/engine/sections/template';
import { corpusDir, repoRoot } from '../../helpers/paths';

function configFor(schema: Schema): LintConfig {
  return { ...defaultConfig(), schema };
}

test('the registry: standard first, names unique, findPreset finds each', () => {
  assert.equal(PRESETS[0]!.name, 'standard');
  assert.equal(PRESETS[0]!.schema, standard);
  assert.deepEqual(
    PRESETS.map((preset) => preset.name),
    ['standard', 'google-sre', 'dfds', 'elastic'],
  );
  for (const preset of PRESETS) assert.equal(findPreset(preset.name), preset);
  assert.equal(findPreset('nope'), undefined);
});

for (const preset of PRESETS) {
  describe(`preset ${preset.name}`, () => {
    test('section ids are unique, and no heading name belongs to two sections', () => {
      const ids = preset.schema.sections.map((section) => section.id);
      assert.equal(new Set(ids).size, ids.length);
      const owners = new Map<string, string>();
      for (const section of preset.schema.sections) {
        for (const name of [section.title, ...section.aliases]) {
          const key = normalizeHeading(name);
          assert.notEqual(key, '', `${section.id}: ${name}`);
          const owner = owners.get(key);
          assert.ok(
            owner === undefined || owner === section.id,
            `${name}: ${owner} and ${section.id}`,
          );
          owners.set(key, section.id);
        }
      }
    });

    test('keeps the standard ids for the timeline and the root cause analysis', () => {
      const ids = preset.schema.sections.map((section) => section.id);
      assert.ok(ids.includes('timeline') && ids.includes('rca'));
    });

    test('its template has every section in order, and no missing or misplaced one', () => {
      const text = renderTemplate(preset.schema, 'Login outage', '2025-03-15');
      assert.ok(text.startsWith('# Post-Mortem: Login outage\n\n**Date:** 2025-03-15\n'));
      const places = preset.schema.sections.map((section) =>
        text.indexOf(`\n## ${section.title}\n`),
      );
      assert.ok(
        places.every((place, i) => place > (places[i - 1] ?? 0)),
        places.join(),
      );
      const { model, findings } = analyze(text, configFor(preset.schema));
      assert.deepEqual(
        model.sections.map((section) => section.spec.id),
        preset.schema.sections.map((section) => section.id),
      );
      const ids = findings.map((finding) => finding.ruleId);
      assert.ok(!ids.includes('required-sections') && !ids.includes('section-order'), ids.join());
    });
  });
}

describe('renderTemplate', () => {
  test('writes the title, the date and each section with its scaffold', () => {
    const schema: Schema = {
      sections: [
        { id: 'summary', title: 'Summary', aliases: [], required: true, scaffold: 'What.' },
        { id: 'notes', title: 'Notes', aliases: [], required: false, scaffold: '' },
      ],
    };
    assert.equal(
      renderTemplate(schema, 'Login outage', '2025-03-15'),
      '# Post-Mortem: Login outage\n\n**Date:** 2025-03-15\n\n## Summary\n\nWhat.\n\n## Notes\n',
    );
  });

  test('with metadata: front matter with the title, the id of the pattern, the date, a draft', () => {
    const schema: Schema = { sections: [] };
    assert.equal(
      renderTemplate(schema, 'DB: pool', '2025-03-15', 'dfds', { idPattern: 'INC-{yyyy}{mm}{dd}' }),
      '---\ntitle: "DB: pool"\nid: INC-20250315\ndate: 2025-03-15\nseverity:\nstatus: draft\ntype: postmortem\npreset: dfds\n---\n\n# Post-Mortem: DB: pool\n',
    );
    assert.equal(reportId('PM-{date}', '2025-03-15'), 'PM-2025-03-15');
  });
});

describe('presets recognise the templates they come from', () => {
  const cases = [
    ['google-sre', 'templates/postmortem-template-srebook.md'],
    ['dfds', 'dfds-postmortems/PMyyyy-nnn - Postmortem template.md'],
    ['elastic', 'templates/postmortem-template-elastic.md'],
  ] as const;
  for (const [name, file] of cases) {
    test(`${name}: ${file}`, () => {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const schema = findPreset(name)!.schema;
      const { model, findings } = analyze(text, configFor(schema));
      // Every section of the preset is in its template, in the preset's order.
      assert.deepEqual(
        model.sections.map((section) => section.spec.id),
        schema.sections.map((section) => section.id),
      );
      const ids = findings.map((finding) => finding.ruleId);
      assert.ok(!ids.includes('required-sections') && !ids.includes('section-order'), ids.join());
    });
  }

  test('standard: the sample report has no findings at all', () => {
    const text = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
    assert.deepEqual(analyze(text, defaultConfig()).findings, []);
  });

  test("the sample report is the guide's sample, byte for byte", () => {
    const guide = readFileSync(join(corpusDir, 'seed', 'postmortem-guide.md'), 'utf8');
    const sample = /```markdown\n([^]*?)```/.exec(guide)![1];
    assert.equal(readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8'), sample);
  });
});
