/** `action-items` and `metadata` where the fixtures cannot reach: the day, the configuration. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { LintConfig } from '../../../server/src/engine/model';

function findings(text: string, ruleId: string, config: Partial<LintConfig> = {}) {
  return analyze(text, { ...defaultConfig(), ...config })
    .findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.span.start.line}:${finding.severity} ${finding.message}`);
}

const report =
  '# Outage\n\n## Action Items\n\n- [ ] Rotate the keys @erin due 2025-04-01\n- [x] Patch it @bob due 2025-03-01\n';

describe('action-items', () => {
  test('an open follow-up past its due date is information; a done one is not reported', () => {
    assert.deepEqual(findings(report, 'action-items', { today: '2025-04-02' }), [
      '5:info Follow-up `Rotate the keys` was due on 2025-04-01 and is still open',
    ]);
    assert.deepEqual(findings(report, 'action-items', { today: '2025-04-01' }), []);
  });

  test('what a follow-up must name comes from configuration', () => {
    const followUps = {
      sections: ['prevention'],
      require: ['ticket' as const],
      ticketPatterns: [],
    };
    assert.deepEqual(findings(report, 'action-items', { today: '2025-01-01', followUps }), [
      '5:warning Follow-up `Rotate the keys` has no tracking link; add a ticket key or link',
    ]);
  });
});

describe('metadata: required fields', () => {
  const metadata = { ...defaultConfig().metadata, required: ['id' as const, 'severity' as const] };

  test('missing from the front matter, or empty: one finding on its opening fence', () => {
    assert.deepEqual(findings('---\nid: INC-1\nseverity:\n---\n# X\n', 'metadata', { metadata }), [
      '1:warning Front matter has no `severity`; add it, as configuration requires',
    ]);
    assert.deepEqual(findings('---\ntitle: X\n---\n# X\n', 'metadata', { metadata }), [
      '1:warning Front matter has no `id` and `severity`; add them, as configuration requires',
    ]);
  });

  test('no front matter: said on the first line', () => {
    assert.deepEqual(findings('# X\n', 'metadata', { metadata }), [
      '1:warning The report has no front matter; add one with `id` and `severity`, as configuration requires',
    ]);
  });

  test('a scale of the configuration', () => {
    const scaled = { ...defaultConfig().metadata, severities: ['P1', 'P2'] };
    assert.deepEqual(
      findings('---\nseverity: P2\n---\n# X\n', 'metadata', { metadata: scaled }),
      [],
    );
    assert.deepEqual(
      findings('---\nseverity: SEV2\n---\n# X\n', 'metadata', { metadata: scaled }),
      ['2:warning Unknown severity `SEV2`; expected `P1` or `P2`'],
    );
  });
});
