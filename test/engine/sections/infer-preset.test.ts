/** Template inference (SPEC §1): said once, and the report read by the preset it follows. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { applyEdits } from '../../../server/src/engine/fixes/edits';
import { dfds } from '../../../server/src/engine/sections/presets/dfds';
import { googleSre } from '../../../server/src/engine/sections/presets/google-sre';
import { standard } from '../../../server/src/engine/sections/presets/standard';
import { renderTemplate } from '../../../server/src/engine/sections/template';
import { repoRoot } from '../../helpers/paths';

const config = defaultConfig();

test('a report in the SRE book layout: one info finding, read by google-sre', () => {
  const text = renderTemplate(googleSre, 'Outage', '2025-03-15');
  const analysis = analyze(text, {
    ...config,
    rules: { ...config.rules, 'required-sections': 'error' },
  });
  assert.equal(analysis.model.schema, googleSre);
  assert.deepEqual(
    analysis.model.inferredPreset?.evidence.map((section) => section.heading.text),
    ['Trigger', 'Detection', 'Supporting Information'],
  );
  const structural = analysis.findings.filter((f) =>
    ['required-sections', 'section-order'].includes(f.ruleId),
  );
  assert.deepEqual(
    structural.map((f) => `${f.ruleId} ${f.severity} ${f.span.start.line}`),
    ['required-sections info 1'],
  );
  assert.equal(structural[0]!.fix?.safe, false);
});

test('the fix writes the preset into YAML front matter, or creates it', () => {
  const body = renderTemplate(googleSre, 'Outage', '2025-03-15');
  for (const [text, expected] of [
    [body, `---\npreset: google-sre\n---\n\n${body}`],
    [`---\ntitle: Outage\n---\n${body}`, `---\ntitle: Outage\npreset: google-sre\n---\n${body}`],
  ]) {
    const finding = analyze(text, config).findings.find((f) => f.ruleId === 'required-sections')!;
    const fixed = applyEdits(text, finding.fix!.edits);
    assert.equal(fixed, expected);
    assert.equal(analyze(fixed, config).model.inferredPreset, null);
    assert.equal(analyze(fixed, config).model.schema, googleSre);
  }
});

test('no inference: the configured layout, a named preset, weak evidence', () => {
  const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
  assert.equal(analyze(sample, config).model.inferredPreset, null);
  const named = renderTemplate(googleSre, 'x', '2025-03-15', 'standard');
  assert.equal(analyze(named, config).model.inferredPreset, null);
  assert.equal(analyze(named, config).model.schema, standard);
  // A `Stats` heading, but the report lacks dfds sections too: not the dfds layout.
  const partial = '# X\n\n## Summary\n\nA.\n\n## Stats\n\n- Time to detection: 5 minutes\n';
  assert.equal(analyze(partial, config).model.inferredPreset, null);
});

test('a configured google-sre schema: a DFDS report is inferred as dfds', () => {
  const text = renderTemplate(dfds, 'Outage', '2025-03-15');
  const analysis = analyze(text, { ...config, schema: googleSre });
  assert.equal(analysis.model.inferredPreset?.name, 'dfds');
  assert.equal(analysis.model.schema, dfds);
});
