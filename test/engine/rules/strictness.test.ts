/** Status-aware strictness and the sections a severity requires. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { LintConfig } from '../../../server/src/engine/model';

const body = '# Outage\n\n## Summary\n\nLogin failed for TBD minutes.\n\n## Impact\n\n';

function severities(front: string, config: Partial<LintConfig> = {}) {
  const { findings } = analyze(`${front}${body}`, { ...defaultConfig(), ...config });
  return findings.map((finding) => `${finding.ruleId}:${finding.severity}`);
}

describe('strictness by status', () => {
  test('a draft: every finding is information', () => {
    const found = severities('---\nstatus: draft\n---\n');
    assert.ok(found.length > 3);
    assert.ok(
      found.every((finding) => finding.endsWith(':info')),
      found.join(' '),
    );
  });

  test('in review: as configured; final: four rules raised to errors', () => {
    assert.ok(severities('---\nstatus: in-review\n---\n').includes('placeholder:warning'));
    const final = severities('---\nstatus: Final\n---\n');
    assert.ok(final.includes('placeholder:error'));
    assert.ok(final.includes('required-sections:error'));
    assert.ok(final.includes('empty-section:error'));
    assert.ok(
      final.includes('section-order:warning') || !final.some((f) => f.startsWith('section-order')),
    );
  });

  test('a rule turned off stays off at every status', () => {
    const config = { rules: { ...defaultConfig().rules, placeholder: 'off' as const } };
    assert.ok(
      !severities('---\nstatus: final\n---\n', config).some((f) => f.startsWith('placeholder')),
    );
  });

  test('a configured strictness replaces the default', () => {
    const found = severities('---\nstatus: draft\n---\n', {
      strictness: { draft: { placeholder: 'error' } },
    });
    assert.ok(found.includes('placeholder:error'));
    assert.ok(found.includes('required-sections:warning'));
  });
});

describe('sections by severity', () => {
  const severitySections = {
    SEV1: { required: ['attendees'], optional: [] },
    SEV4: { required: [], optional: ['timeline', 'rca', 'resolution', 'prevention', 'lessons'] },
  };
  const attendees = {
    id: 'attendees',
    title: 'Attendees',
    aliases: [],
    required: false,
    scaffold: '',
  };
  const config = (): Partial<LintConfig> => ({
    severitySections,
    schema: { sections: [...defaultConfig().schema.sections, attendees] },
  });
  const missing = (severity: string) =>
    analyze(`---\nseverity: ${severity}\n---\n${body}`, { ...defaultConfig(), ...config() })
      .findings.filter((finding) => finding.ruleId === 'required-sections')
      .map((finding) => finding.message.replace(/;.*/, ''));

  test('a SEV1 needs what its severity adds; a SEV4 not what its severity drops', () => {
    assert.ok(missing('SEV1').includes('Missing section `Attendees`'));
    assert.deepEqual(missing('sev4'), []);
    assert.ok(!missing('SEV2').includes('Missing section `Attendees`'));
    assert.ok(missing('SEV2').includes('Missing section `Lessons Learned`'));
  });
});

describe('values of another scale that configuration maps', () => {
  test('an aliased status is as loud as its status, an aliased severity requires its sections', () => {
    const metadata = { ...defaultConfig().metadata, aliases: { Closed: 'final', P4: 'SEV4' } };
    assert.ok(severities('---\nstatus: closed\n---\n', { metadata }).includes('placeholder:error'));
    assert.ok(!severities('---\nstatus: closed\n---\n').includes('placeholder:error'));
    const sections = {
      metadata,
      severitySections: { SEV4: { required: [], optional: ['timeline', 'rca', 'lessons'] } },
    };
    const required = (severity: string) =>
      severities(`---\nseverity: ${severity}\n---\n`, sections).filter((f) =>
        f.startsWith('required-sections'),
      ).length;
    assert.ok(required('P4') < required('P3'));
    assert.equal(required('P4'), required('SEV4'));
  });
});
