import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { fixAll } from '../../../server/src/engine/fixes/fix-all';

const report = (detected: string) =>
  [
    '## Timeline',
    '',
    '- 10:00 Bad deploy (problem started)',
    `- 10:12 ${detected}`,
    '',
    'Time to detect: 30 minutes',
    '',
  ].join('\n');

const finding = (text: string) =>
  analyze(text, defaultConfig()).findings.find((f) => f.ruleId === 'metrics-consistency')!;

test('against an explicit milestone: a warning, with a fix for a person to choose', () => {
  const found = finding(report('Error rate up [detected]'));
  assert.equal(found.severity, 'warning');
  assert.equal(found.fix!.safe, false);
  assert.equal(found.fix!.edits[0]!.newText, '12 minutes');
});

test('against a guessed milestone: information naming the guess; fix-all leaves it', () => {
  const text = report('Alert fired on error rate');
  const found = finding(text);
  assert.equal(found.severity, 'info');
  assert.match(found.message, /guessed from `alert`/);
  assert.equal(found.fix!.safe, false);
  // Fix-all inserts the missing sections, and leaves the stated value as written.
  assert.match(fixAll(text, defaultConfig()).text, /Time to detect: 30 minutes/);
});
