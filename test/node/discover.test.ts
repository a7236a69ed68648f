import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { discoverFiles, isFoundIn } from '../../server/src/node/discover';

let root: string;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'postmortem-discover-'));
  for (const path of [
    'a.md',
    'Z.MD',
    'notes',
    'docs/b.md',
    'docs/c.txt',
    'docs/2025/d.markdown',
    'node_modules/pkg/e.md',
    '.git/f.md',
    'docs/.drafts/g.md',
  ]) {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), '# x\n');
  }
  // A link back up would make the walk loop if links to folders were followed.
  symlinkSync(root, join(root, 'docs', 'loop'));
});

after(() => rmSync(root, { recursive: true, force: true }));

const paths = (args: string[]) => {
  const { files, errors } = discoverFiles(args, root);
  return { paths: files.map((file) => file.path), errors };
};

describe('discoverFiles', () => {
  test('a folder: Markdown files below it, sorted, not in node_modules or dot folders', () => {
    assert.deepEqual(paths(['.']), {
      paths: ['Z.MD', 'a.md', 'docs/2025/d.markdown', 'docs/b.md'],
      errors: [],
    });
    assert.deepEqual(paths(['docs']).paths, ['docs/2025/d.markdown', 'docs/b.md']);
  });

  test('a file named explicitly, whatever its extension, even inside a skipped folder', () => {
    assert.deepEqual(paths(['notes', 'node_modules/pkg/e.md']).paths, [
      'notes',
      'node_modules/pkg/e.md',
    ]);
  });

  test('each file once, in the order first named', () => {
    assert.deepEqual(paths(['docs/b.md', 'docs', './docs/b.md']).paths, [
      'docs/b.md',
      'docs/2025/d.markdown',
    ]);
  });

  test('globs: matched against paths below their base, any extension the glob allows', () => {
    assert.deepEqual(paths(['docs/*']).paths, ['docs/b.md', 'docs/c.txt']);
    assert.deepEqual(paths(['**/*.md']).paths, ['a.md', 'docs/b.md']);
    assert.deepEqual(paths(['docs/**/*.{md,markdown}']).paths, [
      'docs/2025/d.markdown',
      'docs/b.md',
    ]);
  });

  test('absolute paths stay absolute', () => {
    assert.deepEqual(paths([join(root, 'docs')]).paths, [
      join(root, 'docs', '2025', 'd.markdown'),
      join(root, 'docs', 'b.md'),
    ]);
  });

  test('a missing file and a glob without matches are errors; the rest is still found', () => {
    assert.deepEqual(paths(['missing.md', 'a.md', 'docs/*.rst']), {
      paths: ['a.md'],
      errors: [
        'Cannot read `missing.md`: no such file or directory',
        'No files match `docs/*.rst`',
      ],
    });
  });
});

describe('isFoundIn', () => {
  test('finds exactly the files a search of the folder finds, ignore files and all', () => {
    const ignoring = mkdtempSync(join(tmpdir(), 'postmortem-found-in-'));
    try {
      const files = ['a.md', 'b.txt', 'drafts/c.md', 'x/d.md', '.hidden/e.md', 'node_modules/f.md'];
      for (const path of files) {
        mkdirSync(join(ignoring, dirname(path)), { recursive: true });
        writeFileSync(join(ignoring, path), '# x\n');
      }
      writeFileSync(join(ignoring, '.postmortemignore'), 'drafts/\n');
      symlinkSync(join(ignoring, 'a.md'), join(ignoring, 'link.md'));
      const found = new Set(
        discoverFiles([ignoring], ignoring).files.map((file) => file.absolutePath),
      );
      assert.deepEqual([...found].sort(), [join(ignoring, 'a.md'), join(ignoring, 'x', 'd.md')]);
      for (const path of [...files, 'link.md', 'gone.md']) {
        const absolute = join(ignoring, path);
        assert.equal(isFoundIn(ignoring, absolute, []), found.has(absolute), path);
      }
      assert.equal(isFoundIn(join(ignoring, 'x'), join(ignoring, 'a.md'), []), false, 'outside');
      assert.equal(isFoundIn(ignoring, join(ignoring, 'b.txt'), ['.txt']), true, 'extensions');
    } finally {
      rmSync(ignoring, { recursive: true, force: true });
    }
  });
});

describe('an opened folder', () => {
  test('is searched though an ignore file above ignores it whole; the others still count', () => {
    const repository = mkdtempSync(join(tmpdir(), 'postmortem-opened-'));
    try {
      mkdirSync(join(repository, '.git'));
      writeFileSync(join(repository, '.gitignore'), 'out/\n');
      const opened = join(repository, 'out', 'ws');
      mkdirSync(opened, { recursive: true });
      writeFileSync(join(repository, 'out', '.postmortemignore'), '*.tmp.md\n');
      writeFileSync(join(opened, 'a.md'), '# a\n');
      writeFileSync(join(opened, 'b.tmp.md'), '# b\n');
      const search = (options: { opened?: string }) =>
        discoverFiles([opened], opened, {
          useIgnoreFiles: true,
          extensionsFor: () => [],
          ...options,
        }).files.map((file) => file.absolutePath);
      assert.deepEqual(search({}), [], 'as the CLI searches it: ignored');
      assert.deepEqual(search({ opened }), [join(opened, 'a.md')]);
      assert.equal(isFoundIn(opened, join(opened, 'a.md'), []), true);
      assert.equal(isFoundIn(opened, join(opened, 'b.tmp.md'), []), false);
    } finally {
      rmSync(repository, { recursive: true, force: true });
    }
  });
});
