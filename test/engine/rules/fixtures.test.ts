/**
 * Fixture runner for the rules: `test/fixtures/rules/<rule-id>/` holds `ok-*.md` documents that
 * must not produce the rule and `not-ok-*.md` documents whose findings of the rule must equal the
 * `line:column message` lines of the `.expected` file beside them; a `.fixed.md` beside one is
 * what applying that rule's fixes must give. A `.postmortemrc.json` beside a fixture (same
 * name) is its configuration; the others are checked with the defaults.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { resolveConfig } from '../../../server/src/engine/config/resolve';
import { applyEdits } from '../../../server/src/engine/fixes/edits';
import { RULE_IDS } from '../../../server/src/engine/model';
import type { Finding, LintConfig, TextEdit } from '../../../server/src/engine/model';
import { fixturesDir } from '../../helpers/paths';

const root = join(fixturesDir, 'rules');

function findingsOf(text: string, ruleId: string, config: LintConfig): Finding[] {
  return analyze(text, config).findings.filter((finding) => finding.ruleId === ruleId);
}

/** The configuration of the fixture at `base` (its path without `.md`). */
function configOf(base: string): LintConfig {
  const file = `${base}.postmortemrc.json`;
  if (!existsSync(file)) return defaultConfig();
  const { config, problems } = resolveConfig(readFileSync(file, 'utf8'), file);
  assert.deepEqual(problems, [], file);
  return config;
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
      const base = join(folder, name.replace(/\.md$/, ''));
      const config = configOf(base);
      if (name.startsWith('ok-')) {
        test(`${name}: no findings`, () => {
          assert.deepEqual(findingsOf(text, ruleId, config), []);
        });
        continue;
      }
      test(`${name}: expected findings`, () => {
        const expected = readFileSync(`${base}.expected`, 'utf8').split('\n').filter(Boolean);
        const actual = findingsOf(text, ruleId, config).map(
          (finding) => `${finding.span.start.line}:${finding.span.start.column} ${finding.message}`,
        );
        assert.deepEqual(actual, expected);
      });
      if (existsSync(`${base}.fixed.md`)) {
        test(`${name}: fixes give ${name.replace(/\.md$/, '.fixed.md')}`, () => {
          const fixed = applyEdits(text, fixEdits(findingsOf(text, ruleId, config)));
          assert.equal(fixed, readFileSync(`${base}.fixed.md`, 'utf8'));
          // What had a fix is gone; findings that offer none may stay.
          assert.deepEqual(
            findingsOf(fixed, ruleId, config).filter((finding) => finding.fix),
            [],
          );
        });
      }
    }
  });
}
