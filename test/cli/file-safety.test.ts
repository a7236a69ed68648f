/**
 * `postmortem-lint` and the files on disk: links are not followed out of the tree, `--fix`
 * never writes through a link, never re-encodes a file that is not UTF-8, writes through an
 * exclusive temporary file, keeps mode and owner, refuses read-only files and hard links, and
 * leaves a file that changed since it was read. A FIFO or a device is never read. Terminal
 * escapes in what it prints are escaped.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, before, beforeEach, describe, test } from 'node:test';
import { readReport, replaceReport } from '../../server/src/cli/report-file';
import { runCli as runInProcess } from '../../server/src/cli/run';
import { buildBundles } from '../helpers/build';
import { cliPath, runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
/** The sample without its Lessons Learned: `--fix` inserts that section. */
const fixable = sample.slice(0, sample.indexOf('## 7. Lessons Learned'));
const victimText = 'Someone else’s notes.\nSix lines.\n3\n4\n5\n6\n';

let root: string;

function write(path: string, content: string | Buffer): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const run = (args: string[]) => runCli(args, { cwd: root });

before(() => buildBundles('cli'));
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'postmortem-file-safety-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('symbolic links', () => {
  beforeEach(() => {
    write('outside/victim.md', victimText);
    write('tree/postmortems/real.md', fixable);
    symlinkSync('../../outside/victim.md', join(root, 'tree', 'postmortems', 'evil.md'));
    symlinkSync('../../outside', join(root, 'tree', 'postmortems', 'elsewhere'));
  });

  for (const target of ['tree', 'tree/**/*.md']) {
    test(`${target}: links are not followed, said once; --fix changes only the file in the tree`, () => {
      const { status, stdout, stderr } = run(['--fix', '--format', 'json', target]);
      assert.equal(readFileSync(join(root, 'outside', 'victim.md'), 'utf8'), victimText);
      assert.match(readFileSync(join(root, 'tree', 'postmortems', 'real.md'), 'utf8'), /Lessons/);
      const files = (JSON.parse(stdout) as { files: { path: string }[] }).files;
      assert.deepEqual(
        files.map((file) => file.path),
        ['tree/postmortems/real.md'],
      );
      const skipped =
        target === 'tree'
          ? '2 symbolic links, which folders and globs do not follow (name a file to check it): `tree/postmortems/elsewhere`, `tree/postmortems/evil.md`'
          : 'a symbolic link, which folders and globs do not follow (name a file to check it): `tree/postmortems/evil.md`';
      assert.equal(stderr, `postmortem-lint: Skipped ${skipped}\n`);
      assert.equal(status, 1);
    });
  }

  test('a link named on the command line is linted, but --fix does not write through it', () => {
    const { status, stderr } = run(['--fix', 'tree/postmortems/evil.md']);
    assert.equal(status, 2);
    assert.equal(
      stderr,
      'postmortem-lint: Cannot fix `tree/postmortems/evil.md`: it is a symbolic link to `../../outside/victim.md`, and `--fix` never writes through one\n',
    );
    assert.equal(readFileSync(join(root, 'outside', 'victim.md'), 'utf8'), victimText);
    assert.ok(lstatSync(join(root, 'tree', 'postmortems', 'evil.md')).isSymbolicLink());
  });
});

describe('bytes that are not UTF-8', () => {
  const latin1 = Buffer.from(fixable.replace('# ', '# Café '), 'latin1');

  test('--fix refuses the file (exit 2) and leaves every byte', () => {
    const file = write('postmortems/latin1.md', latin1);
    const { status, stderr } = run(['--fix', file]);
    assert.equal(status, 2);
    assert.equal(
      stderr,
      `postmortem-lint: Cannot fix \`${file}\`: it is not UTF-8 (byte 0xE9 at line 1, column 6), and \`--fix\` never re-encodes a file\n`,
    );
    assert.deepEqual(readFileSync(file), latin1);
  });

  test('without --fix the file is linted with a note at the first such byte', () => {
    const file = write('postmortems/latin1.md', latin1);
    const { status, stdout, stderr } = run(['--format', 'json', file]);
    assert.equal(status, 1);
    assert.equal(
      stderr,
      `${file}:1:6: Not UTF-8 (byte 0xE9 at line 1, column 6): bytes that are not UTF-8 are read as U+FFFD, and \`--fix\` leaves the file as it is\n`,
    );
    const diagnostics = (JSON.parse(stdout) as { files: { diagnostics: { rule: string }[] }[] })
      .files[0]!.diagnostics;
    // Checked as any report: the section `--fix` would insert is missing.
    assert.ok(diagnostics.some((d) => d.rule === 'required-sections'));
  });

  test('after a byte order mark, the place is counted in the text, as editors show it', () => {
    const file = write(
      'postmortems/bom.md',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1]),
    );
    assert.match(run(['--fix', file]).stderr, /\(byte 0xE9 at line 1, column 6\)/);
    assert.match(run([file]).stderr, /^[^\n]*:1:6: Not UTF-8 \(byte 0xE9 at line 1, column 6\)/);
  });
});

describe('the temporary file', () => {
  test('is created exclusively under a random name: a link planted at the old name is left', async () => {
    const file = write('postmortems/report.md', fixable);
    const victim = write('victim.md', victimText);
    // The name `--fix` used to write, for this process (the command runs in it here).
    symlinkSync(victim, join(root, 'postmortems', `.report.md.${process.pid}.tmp`));
    let stderr = '';
    const status = await runInProcess(['--fix', file], {
      cwd: root,
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      readStdin: () => Promise.resolve(''),
      workerScript: cliPath,
    });
    assert.equal(stderr, '');
    // What is left: the inserted section is still to be written.
    assert.equal(status, 1);
    assert.equal(readFileSync(victim, 'utf8'), victimText);
    assert.ok(!lstatSync(file).isSymbolicLink());
    assert.match(readFileSync(file, 'utf8'), /Lessons Learned/);
    assert.deepEqual(readdirSync(join(root, 'postmortems')), [
      `.report.md.${process.pid}.tmp`,
      'report.md',
    ]);
  });
});

describe('metadata', () => {
  test('the mode is kept', () => {
    const file = write('postmortems/report.md', fixable);
    chmodSync(file, 0o640);
    assert.equal(run(['--fix', file]).status, 1);
    assert.equal(statSync(file).mode & 0o7777, 0o640);
    assert.match(readFileSync(file, 'utf8'), /Lessons Learned/);
  });

  test('the owner and group are kept when root fixes a file of nobody', (t) => {
    if (process.getuid?.() !== 0) return t.skip('needs root');
    const file = write('postmortems/report.md', fixable);
    chmodSync(file, 0o640);
    chownSync(file, 65534, 65534);
    assert.equal(run(['--fix', file]).status, 1);
    const stats = statSync(file);
    assert.deepEqual([stats.uid, stats.gid, stats.mode & 0o7777], [65534, 65534, 0o640]);
    assert.match(readFileSync(file, 'utf8'), /Lessons Learned/);
  });

  test('a read-only file is refused (exit 2) and left as it is', () => {
    const file = write('postmortems/report.md', fixable);
    chmodSync(file, 0o444);
    const { status, stderr } = run(['--fix', file]);
    assert.equal(status, 2);
    assert.equal(stderr, `postmortem-lint: Cannot fix \`${file}\`: it is read-only\n`);
    assert.equal(readFileSync(file, 'utf8'), fixable);
  });

  test('a file with two hard links is refused: replacing it would split them', () => {
    const file = write('postmortems/report.md', fixable);
    const other = join(root, 'copy.md');
    linkSync(file, other);
    const { status, stderr } = run(['--fix', file]);
    assert.equal(status, 2);
    assert.equal(
      stderr,
      `postmortem-lint: Cannot fix \`${file}\`: it has 2 hard links, which replacing it would split; fix the file by hand\n`,
    );
    assert.equal(readFileSync(file, 'utf8'), fixable);
    assert.equal(statSync(file).ino, statSync(other).ino);
  });
});

describe('a file that changes while it is fixed', () => {
  test('is left with what was written meanwhile, and said so', () => {
    const file = write('postmortems/report.md', fixable);
    const read = readReport(file);
    writeFileSync(file, `${fixable}- 12:00 a line appended meanwhile\n`);
    const refused = replaceReport(file, read.snapshot, Buffer.from(`${read.raw}## Added\n`));
    assert.equal(refused, 'it changed while it was being fixed; run again');
    assert.equal(readFileSync(file, 'utf8'), `${fixable}- 12:00 a line appended meanwhile\n`);
    assert.deepEqual(readdirSync(join(root, 'postmortems')), ['report.md']);
  });

  test('unchanged, it is replaced', () => {
    const file = write('postmortems/report.md', fixable);
    const read = readReport(file);
    assert.equal(replaceReport(file, read.snapshot, Buffer.from(`${read.raw}## Added\n`)), null);
    assert.equal(readFileSync(file, 'utf8'), `${fixable}## Added\n`);
  });
});

describe('terminal escapes', () => {
  test('a file name and report text with ESC sequences are printed escaped', () => {
    const name = 'postmortems/\u001b]0;owned\u0007.md';
    write(name, `---\npreset: "\u001b[2Jgone"\n---\n${sample}`);
    const { stdout, stderr } = run(['--format', 'stylish', name]);
    assert.ok(!stdout.includes('\u001b') && !stderr.includes('\u001b'), stdout + stderr);
    assert.ok(stdout.startsWith('postmortems/\\x1b]0;owned\\x07.md\n'), stdout);
    assert.match(
      stderr,
      /^postmortems\/\\x1b\]0;owned\\x07\.md:2:1: Unknown preset `\\x1b\[2Jgone`/,
    );
  });
});

describe('files that are not regular', () => {
  test('a FIFO or a device named is not read (exit 2); a FIFO as an ignore file ignores nothing', () => {
    write('postmortems/report.md', sample);
    mkdirSync(join(root, '.git'));
    execFileSync('mkfifo', [join(root, 'pipe.md'), join(root, '.gitignore')]);
    const named = runCli(['pipe.md', '/dev/zero'], { cwd: root, timeout: 20_000 });
    assert.equal(named.status, 2);
    assert.equal(
      named.stderr,
      'postmortem-lint: Cannot read `pipe.md`: not a regular file\npostmortem-lint: Cannot read `/dev/zero`: not a regular file\n',
    );
    const folder = runCli(['--format', 'json', '.'], { cwd: root, timeout: 20_000 });
    assert.equal(folder.status, 0, folder.stderr);
    const files = (JSON.parse(folder.stdout) as { files: { path: string }[] }).files;
    assert.deepEqual(
      files.map((file) => file.path),
      ['postmortems/report.md'],
    );
  });
});
