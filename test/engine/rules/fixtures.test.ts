/**
 * Fixture runner for the rules: `test/fixtures/rules/<rule-id>/` holds `ok-*.md` documents that
 * must not produce the rule and `not-ok-*.md` documents whose findings of the rule must equal the
 * `line:column message` lines of the `.expected` file beside them; a `.fixed.md` beside one is
 * what applying that rule's fixes must give.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { applyEdits } from '../../../server/src/engine/fixes/edits';
import { RULE_IDS } from '../../../server/src/engine/model';
import type { Finding, TextEdit } from '../../../server/src/engine/model';
import { fixturesDir } from '../../helpers/paths';

const root = join(fixturesDir, 'rules');

function findingsOf(text: string, ruleId: string): Finding[] {
  return analyze(text, defaultConfig()).findings.filter((finding) => finding.ruleId === ruleId);
}

/** The edits of all the findings' fixes, each distinct edit once. */
function fixEdits(findings: Finding[]): TextEdit[] {
  const seen = new Map<string, TextEdit>();
  for (const edit of findings.flatMap((finding) => finding.fix?.edits ?? [])) {
    seen.set(JSON.stringify(edit), edit);
  }
  return [...seen.values()];
}

for (const ruleId of RULE_IDS) {
  describe(`rule ${ruleId}`, () => {
    const folder = join(root, ruleId);
    const files = readdirSync(folder).filter(
      (name) => name.endsWith('.md') && !name.endsWith('.fixed.md'),
    );

    test('has fixtures that must and must not produce it', () => {
      assert.ok(files.some((name) => name.startsWith('ok-')));
      assert.ok(files.some((name) => name.startsWith('not-ok-')));
    });

    for (const name of files) {
      const text = readFileSync(join(folder, name), 'utf8');
      if (name.startsWith('ok-')) {
        test(`${name}: no findings`, () => {
          assert.deepEqual(findingsOf(text, ruleId), []);
        });
        continue;
      }
      const base = join(folder, name.replace(/\.md$/, ''));
      test(`${name}: expected findings`, () => {
        const expected = readFileSync(`${base}.expected`, 'utf8').split('\n').filter(Boolean);
        const actual = findingsOf(text, ruleId).map(
          (finding) => `${finding.span.start.line}:${finding.span.start.column} ${finding.message}`,
        );
        assert.deepEqual(actual, expected);
      });
      if (existsSync(`${base}.fixed.md`)) {
        test(`${name}: fixes give ${name.replace(/\.md$/, '.fixed.md')}`, () => {
          const fixed = applyEdits(text, fixEdits(findingsOf(text, ruleId)));
          assert.equal(fixed, readFileSync(`${base}.fixed.md`, 'utf8'));
          // What had a fix is gone; findings that offer none may stay.
          assert.deepEqual(
            findingsOf(fixed, ruleId).filter((finding) => finding.fix),
            [],
          );
        });
      }
    }
  });
}
