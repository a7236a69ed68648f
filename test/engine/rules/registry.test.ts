import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULE_IDS } from '../../../server/src/engine/model';
import { RULES } from '../../../server/src/engine/rules/registry';
import { ruleUrl } from '../../../server/src/engine/rules/rule';
import { repoRoot } from '../../helpers/paths';

const repo = repoRoot;

test('the registry lists every rule id once, in SPEC order', () => {
  assert.deepEqual(
    RULES.map((rule) => rule.id),
    [...RULE_IDS],
  );
});

test('every rule has a docs page that its URL points to', () => {
  for (const rule of RULES) {
    const page = join(repo, 'docs', 'rules', `${rule.id}.md`);
    assert.ok(existsSync(page), `docs/rules/${rule.id}.md`);
    assert.match(readFileSync(page, 'utf8'), new RegExp(`^# \`${rule.id}\``));
    assert.ok(ruleUrl(rule.id).endsWith(`/docs/rules/${rule.id}.md`));
  }
});

test('the README rules table has a row per rule with its default severity', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  for (const rule of RULES) {
    assert.match(
      readme,
      new RegExp(
        `\\| \\[\`${rule.id}\`\\]\\(docs/rules/${rule.id}\\.md\\)\\s*\\| ${rule.defaultSeverity}\\s*\\|`,
      ),
    );
  }
});
