/**
 * The globs of `postmortem.files` and `files` (`glob-match.ts`): picomatch's reading of the
 * globs reports are found by, in time linear in path and glob whatever the glob.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import picomatch from 'picomatch';
import { fileGlob, fileGlobProblem } from '../../server/src/engine/glob-match';
import { DEFAULT_POSTMORTEM_FILES } from '../../server/src/engine/file-globs';

const matches = (glob: string, path: string) => fileGlob(glob)?.matches(path) ?? false;

describe('fileGlob', () => {
  test('matches as picomatch does (nocase, dot) on the globs and paths of reports', () => {
    const globs = [
      ...DEFAULT_POSTMORTEM_FILES,
      'docs/incidents/**',
      '*.md',
      '**/*.md',
      'reviews/**/*.{md,markdown}',
      '**/20[0-9][0-9]-*.md',
      '**/[^._]*.md',
      'a?c/**',
      '!**/drafts/**',
      '**/{post,pre}-{mortem,flight}s/**',
      'notes/\\*.md',
      'x/**/y/**/z.md',
      '**',
    ];
    const paths = [
      'postmortems/2025-03-15.md',
      'docs/Post-Mortems/db.md',
      'notes/login-postmortem.md',
      'notes/LOGIN-POST-MORTEM.MD',
      'incidents/2024/q1/outage.markdown',
      'docs/incidents/a.md',
      'README.md',
      '.hidden/postmortems/x.md',
      'reviews/q1.markdown',
      'reviews/2025/q1.md',
      'reviews/q1.txt',
      'archive/2025-outage.md',
      'archive/_draft.md',
      'abc/x.md',
      'abbc/x.md',
      'drafts/x.md',
      'team/drafts/x.md',
      'pre-flights/check.md',
      'post-mortems/check.md',
      'notes/*.md',
      'notes/a.md',
      'x/y/z.md',
      'x/a/b/y/c/z.md',
      'x/z.md',
    ];
    for (const glob of globs) {
      const expected = picomatch(glob, { nocase: true, dot: true });
      for (const path of paths) {
        assert.equal(matches(glob, path), expected(path), `${glob} on ${path}`);
      }
    }
    // `[!…]` negates as in shells (picomatch reads it as characters there).
    assert.equal(matches('**/[!._]*.md', 'archive/2025-outage.md'), true);
    assert.equal(matches('**/[!._]*.md', 'archive/_draft.md'), false);
  });

  test('globs that backtrack as regular expressions cost their length', () => {
    // picomatch's expressions took seconds at a tenth of these sizes and grow with a power.
    const name = 'a'.repeat(100_000);
    assert.equal(matches('*a*a*a*a*a*a*a*a*b', name), false);
    assert.equal(matches('*a*a*a*a*a*a*a*a*', name), true);
    assert.equal(matches('**/a/**/a/**/a/**/a/**/b', `${'a/'.repeat(50_000)}c`), false);
    assert.equal(matches(`${'{a,a}'.repeat(100)}b`, 'a'.repeat(100)), false);
    assert.equal(matches('[a-z]*[a-z]*[a-z]*[a-z]*c', name), false);
  });
});

describe('fileGlobProblem', () => {
  test('says why a glob is left out, and such a glob matches nothing', () => {
    const problems: [string, string][] = [
      ['', 'is empty'],
      ['  ', 'is empty'],
      ['a'.repeat(1001), 'is longer than 1,000 characters'],
      [
        '**/@(a|a+)+b',
        'uses `(`: extended globs, parentheses and `|` are not supported (braces are: `{a,b}`)',
      ],
      [
        'a|b',
        'uses `|`: extended globs, parentheses and `|` are not supported (braces are: `{a,b}`)',
      ],
      [`${'{a,'.repeat(11)}b${'}'.repeat(11)}`, 'nests braces more than 10 deep'],
    ];
    for (const [glob, problem] of problems) {
      assert.equal(fileGlobProblem(glob), problem, glob);
      assert.equal(fileGlob(glob), null);
    }
    for (const glob of [...DEFAULT_POSTMORTEM_FILES, '{a}', 'a{b', '[x', '\\(draft\\).md']) {
      assert.equal(fileGlobProblem(glob), null, glob);
    }
    assert.equal(matches('\\(draft\\).md', '(draft).md'), true);
  });
});
