import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { createSession } from '../../../server/src/engine/session';
import { elastic } from '../../../server/src/engine/sections/presets/elastic';
import { googleSre } from '../../../server/src/engine/sections/presets/google-sre';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { renderTemplate } from '../../../server/src/engine/sections/template';

const config = defaultConfig();

test('a report naming a preset in its front matter is checked against that preset', () => {
  const named = renderTemplate(googleSre, 'Login outage', '2025-03-15', 'google-sre');
  assert.ok(named.startsWith('---\ntype: postmortem\npreset: google-sre\n---\n\n# Post-Mortem'));
  const analysis = analyze(named, config);
  assert.equal(analysis.model.schema, googleSre);
  assert.deepEqual(analysis.notices, []);
  // What is left are the empty sections of a fresh report, by the preset's own titles.
  assert.deepEqual(
    analysis.findings.map((f) => `${f.ruleId} ${f.message}`).filter((f) => !f.startsWith('empty')),
    [],
  );
  assert.ok(analysis.findings.some((f) => f.message.includes('`Root Causes`')));
});

test('quotes, a comment and CRLF line endings: the preset is still read', () => {
  const body = renderTemplate(elastic, 'Outage', '2025-03-15').replace(/\n/g, '\r\n');
  const text = `---\r\ntitle: Outage\r\npreset: "elastic"   # the incident report template\r\n---\r\n\r\n${body}`;
  const analysis = analyze(text, config);
  assert.equal(analysis.model.schema, elastic);
  assert.deepEqual(
    analysis.findings.filter((f) => f.ruleId === 'required-sections'),
    [],
  );
});

test('TOML front matter names a preset too, in full and in a degraded analysis', () => {
  const body = renderTemplate(googleSre, 'Outage', '2025-03-15');
  const text = `+++\ntitle = "Outage"\npreset = "google-sre"\n+++\n\n${body}`;
  assert.equal(analyze(text, config).model.schema, googleSre);
  const large = `${text}\n${'A line of a pasted log.\n'.repeat(100_000)}`;
  assert.equal(analyze(large, config).model.schema, googleSre);
});

test('an unknown preset: a notice on its line, and the configured sections', () => {
  const text = `---\ntype: postmortem\npreset: google\n---\n\n${renderTemplate(standard, 'x', '2025-03-15')}`;
  const analysis = analyze(text, config);
  assert.equal(analysis.model.schema, config.schema);
  assert.deepEqual(analysis.notices, [
    {
      message:
        'Unknown preset `google` in the front matter; expected one of `standard`, `google-sre`, `dfds`, `elastic`. The configured sections are used',
      span: {
        start: { line: 3, column: 1, offset: 21 },
        end: { line: 3, column: 15, offset: 35 },
      },
    },
  ]);
});

test('preset lines outside the front matter, or in a code block, are not read', () => {
  const body = renderTemplate(standard, 'x', '2025-03-15');
  for (const text of [
    `preset: google-sre\n\n${body}`,
    `${body}\n\`\`\`yaml\npreset: google-sre\n\`\`\`\n`,
  ]) {
    assert.equal(analyze(text, config).model.schema, config.schema);
  }
});

test('incremental analysis follows an edit of the front matter', () => {
  const named = renderTemplate(googleSre, 'x', '2025-03-15', 'google-sre');
  const session = createSession();
  for (const text of [named, named.replace('preset: google-sre', 'preset: standard'), named]) {
    assert.deepEqual(analyze(text, config, session), analyze(text, config));
  }
});

test('a report too large to check fully still follows its preset', () => {
  const named = renderTemplate(googleSre, 'x', '2025-03-15', 'google-sre');
  const text = `${named}\n${'A line of a pasted log.\n'.repeat(100_000)}`;
  const analysis = analyze(text, config);
  assert.equal(analysis.notices.length, 1);
  assert.match(analysis.notices[0]!.message, /too large to check fully/);
  assert.equal(analysis.model.schema, googleSre);
  assert.deepEqual(
    analysis.findings.filter((f) => ['required-sections', 'section-order'].includes(f.ruleId)),
    [],
  );
});

test('TOML front matter names a preset with `preset = "…"`', () => {
  const body = renderTemplate(standard, 'Outage', '2025-03-15');
  const text = `+++\ntitle = "Outage"\npreset = "elastic" # the incident report\n+++\n\n${body}`;
  assert.equal(analyze(text, config).model.schema, elastic);
});
