import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { declaresPostmortem } from '../../../server/src/lsp/session/applicability';

const declares = (text: string) => declaresPostmortem(buildModel(text, defaultConfig()));

test('front matter declares a post-mortem in YAML or TOML', () => {
  assert.equal(declares('---\ntitle: x\ntype: postmortem\n---\n\nText\n'), true);
  assert.equal(declares('---\ntype: "Post-Mortem" # kind\n---\n'), true);
  assert.equal(declares('+++\ntype = "postmortem"\n+++\n\nText\n'), true);
});

test('another type, a nested type or a type outside front matter does not', () => {
  assert.equal(declares('---\ntype: runbook\n---\n'), false);
  assert.equal(declares('+++\n[extra]\ntype = "postmortem"\n+++\n'), false);
  assert.equal(declares('# Notes\n\ntype: postmortem\n'), false);
});
