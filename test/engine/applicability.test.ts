import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { declaresPostmortem, isPostmortem } from '../../server/src/engine/applicability';
import {
  DEFAULT_POSTMORTEM_FILES,
  hasMarkdownExtension,
  matchesFileGlobs,
} from '../../server/src/engine/file-globs';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { repoRoot } from '../helpers/paths';

const model = (text: string) => analyze(text, defaultConfig()).model;
const readme = model('# Tooling\n\nHow to build.\n');
const sample = model(readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8'));

describe('matchesFileGlobs', () => {
  test('relative to each folder holding the file, case-insensitively; absolute paths too', () => {
    const globs = DEFAULT_POSTMORTEM_FILES;
    assert.ok(matchesFileGlobs('/repo/docs/Postmortems/2025.md', globs, ['/repo']));
    assert.ok(matchesFileGlobs('/repo/notes/login-post-mortem.md', globs, []));
    assert.ok(!matchesFileGlobs('/repo/README.md', globs, ['/repo']));
    assert.ok(matchesFileGlobs('/repo/site/reviews/q1.md', ['reviews/**'], ['/repo/site/']));
    assert.ok(!matchesFileGlobs('/repo/site/reviews/q1.md', ['reviews/**'], ['/repo/si']));
    assert.ok(matchesFileGlobs('C:\\repo\\reviews\\q1.md', ['reviews/**'], ['C:\\repo']));
  });
});

describe('isPostmortem', () => {
  test('by any group of globs, by front matter, by content; an unsaved README is not', () => {
    const groups = [{ globs: ['reviews/**'], folders: ['/repo'] }];
    assert.ok(isPostmortem('/repo/reviews/q1.md', readme, groups));
    assert.ok(!isPostmortem('/repo/README.md', readme, groups));
    assert.ok(!isPostmortem(null, readme, groups));
    assert.ok(isPostmortem(null, model('---\ntype: post-mortem\n---\n# Tooling\n'), []));
    assert.ok(isPostmortem('/repo/README.md', sample, []));
  });
});

describe('hasMarkdownExtension', () => {
  test('.md and .markdown in any case, and the extensions given', () => {
    assert.ok(hasMarkdownExtension('a/B.MD') && hasMarkdownExtension('c.markdown'));
    assert.ok(!hasMarkdownExtension('page.mdx'));
    assert.ok(hasMarkdownExtension('page.mdx', ['.mdx']));
    assert.ok(hasMarkdownExtension('view.md.erb', ['.md.erb']));
  });
});

describe('declaresPostmortem', () => {
  const declares = (text: string) => declaresPostmortem(model(text));

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
});
