/**
 * What people expect of a linter in CI (SPEC §5): `!` exclusions, ignore files, only
 * post-mortems in folder and glob mode, standard input, `--max-warnings`, `--quiet`, `-o`,
 * `--format github`, colour from the environment, and one file's internal error reported
 * for that file alone.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { useColor } from '../../server/src/cli/color';
import { runCli } from '../../server/src/cli/run';
import { summarize } from '../../server/src/cli/pool';
import { buildBundles } from '../helpers/build';
import { cliPath as cli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';

const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
/** The sample with its Lessons Learned dropped: one `required-sections` warning. */
const oneWarning = sample.replace(/## 7\. Lessons Learned[^]*$/, '');
/** A README: Markdown, not a post-mortem (it would get seven `required-sections`). */
const readme = '# Tooling\n\nHow to build the project.\n\n## Setup\n\nRun `make`.\n';

/** What starts an ANSI colour. */
const ESC = '\u001b[';

let root: string;

function write(path: string, text: string): void {
  mkdirSync(join(root, dirname(path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

before(() => {
  buildBundles('cli');
  root = mkdtempSync(join(tmpdir(), 'postmortem-conventions-'));
  // A repository: ignore files stop at the folder holding `.git`.
  mkdirSync(join(root, '.git'));
  write('README.md', readme);
  write('docs/guide.markdown', readme);
  write('postmortems/2025-03-15-login.md', sample);
  write('postmortems/2025-04-02-queue.md', oneWarning);
  write('postmortems/drafts/2025-05-01-wip.md', oneWarning);
  write('postmortems/generated/2025-06-01-export.md', oneWarning);
  write('postmortems/private/2025-07-01-vendor.md', oneWarning);
  write('.gitignore', 'postmortems/generated/\n');
  write('postmortems/.postmortemignore', 'private/\n');
  // By content: front matter, or a timeline among three report sections.
  write('docs/declared.md', `---\ntype: postmortem\n---\n${readme}`);
  write('docs/outage-notes.markdown', sample);
  // By configuration: other globs and extensions.
  write('site/.postmortemrc.json', '{ "files": ["reviews/**"], "extensions": [".mdx"] }');
  write('site/reviews/q1.md', readme);
  write('site/pages/2025-08-01-cdn.mdx', sample);
  write('site/pages/about.mdx', readme);
});

after(() => rmSync(root, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...base, ...env },
    encoding: 'utf8',
    input,
  });
}

function paths(args: string[]): string[] {
  const result = run(['--format', 'json', ...args]);
  assert.equal(result.stderr, '');
  return (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
}

describe('which files are linted', () => {
  test('a folder: post-mortems only, decided as the editor decides; ignore files respected', () => {
    assert.deepEqual(paths(['.']), [
      'docs/declared.md',
      'docs/outage-notes.markdown',
      'postmortems/2025-03-15-login.md',
      'postmortems/2025-04-02-queue.md',
      'postmortems/drafts/2025-05-01-wip.md',
      'site/pages/2025-08-01-cdn.mdx',
      'site/reviews/q1.md',
    ]);
  });

  test('--all: every Markdown file; --no-ignore: what ignore files leave out too', () => {
    const all = paths(['--all', '.']);
    assert.ok(all.includes('README.md') && all.includes('site/pages/about.mdx'), all.join());
    assert.ok(!all.includes('postmortems/generated/2025-06-01-export.md'));
    const unignored = paths(['--no-ignore', 'postmortems']);
    assert.ok(unignored.includes('postmortems/generated/2025-06-01-export.md'));
    assert.ok(unignored.includes('postmortems/private/2025-07-01-vendor.md'));
  });

  test('`!` globs exclude, whatever their place among the arguments', () => {
    assert.deepEqual(paths(['postmortems/**/*.md', '!postmortems/drafts/**']), [
      'postmortems/2025-03-15-login.md',
      'postmortems/2025-04-02-queue.md',
    ]);
    assert.deepEqual(paths(['!**/2025-04-02-*', 'postmortems/*.md']), [
      'postmortems/2025-03-15-login.md',
    ]);
  });

  test('a file named explicitly is linted: a README, an ignored file', () => {
    const result = run([
      '--format',
      'json',
      'README.md',
      'postmortems/generated/2025-06-01-export.md',
    ]);
    const output = JSON.parse(result.stdout) as {
      files: { path: string; diagnostics: unknown[] }[];
    };
    assert.deepEqual(
      output.files.map((file) => [file.path, file.diagnostics.length]),
      [
        ['README.md', 7],
        ['postmortems/generated/2025-06-01-export.md', 1],
      ],
    );
  });
});

describe('standard input', () => {
  test('`-` with --stdin-filename: shown as that file, configured from its folder', () => {
    const result = run(
      ['--format', 'json', '--stdin-filename', 'postmortems/new.md', '-'],
      {},
      oneWarning,
    );
    assert.equal(result.status, 1);
    const [file] = (
      JSON.parse(result.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[] }
    ).files;
    assert.equal(file!.path, 'postmortems/new.md');
    assert.deepEqual(
      file!.diagnostics.map((d) => d.rule),
      ['required-sections'],
    );
  });

  test('`-` alone is `<stdin>`; --fix and --stdin-filename without `-` are usage errors', () => {
    assert.match(run(['-'], {}, sample).stdout, /^<stdin>\n {2}no problems/);
    assert.equal(run(['--fix', '-'], {}, sample).status, 2);
    assert.match(run(['--stdin-filename', 'a.md', 'README.md']).stderr, /read with `-`/);
  });
});

describe('exit status and output', () => {
  test('--max-warnings: within it exit 0, above it exit 1 with a message', () => {
    const files = ['postmortems/2025-04-02-queue.md', 'postmortems/drafts/2025-05-01-wip.md'];
    assert.equal(run(['--max-warnings', '2', ...files]).status, 0);
    const above = run(['--max-warnings', '1', ...files]);
    assert.equal(above.status, 1);
    assert.match(above.stderr, /2 warnings, more than the 1 that `--max-warnings` allows/);
    assert.equal(run(['--max-warnings', 'x', ...files]).status, 2);
  });

  test('--quiet: errors only, and warnings do not fail the run', () => {
    const result = run(['--quiet', '--format', 'json', 'postmortems/2025-04-02-queue.md']);
    assert.equal(result.status, 0);
    const output = JSON.parse(result.stdout) as { files: { diagnostics: unknown[] }[] };
    assert.deepEqual(output.files[0]!.diagnostics, []);
  });

  test('-o writes the report to a file, without colour', () => {
    const result = run(['-o', 'report.txt', 'postmortems/2025-04-02-queue.md'], {
      FORCE_COLOR: '1',
    });
    assert.equal([result.status, result.stdout].join(), '1,');
    const report = readFileSync(join(root, 'report.txt'), 'utf8');
    assert.match(report, /required-sections/);
    assert.ok(!report.includes(ESC));
  });

  test('--format github: one workflow command per finding', () => {
    const result = run(['--format', 'github', 'postmortems/2025-04-02-queue.md']);
    assert.equal(result.status, 1);
    assert.match(
      result.stdout,
      /^::warning file=postmortems\/2025-04-02-queue\.md,line=32,col=1,endLine=32,endColumn=28,title=required-sections::Missing section `Lessons Learned`[^\n]*\n$/,
    );
  });

  test('FORCE_COLOR colours a pipe; NO_COLOR and FORCE_COLOR=0 do not', () => {
    const file = 'postmortems/2025-04-02-queue.md';
    assert.ok(run([file], { FORCE_COLOR: '1' }).stdout.includes(ESC));
    assert.ok(!run([file], { FORCE_COLOR: '0' }).stdout.includes(ESC));
    assert.ok(!run([file]).stdout.includes(ESC));
  });
});

describe('useColor', () => {
  const terminal = { isTTY: true, hasColors: () => true };
  test('the terminal decides, NO_COLOR turns it off, FORCE_COLOR wins', () => {
    assert.equal(useColor({}, terminal), true);
    assert.equal(useColor({}, { isTTY: true, hasColors: () => false }), false);
    assert.equal(useColor({}, {}), false);
    assert.equal(useColor({ NO_COLOR: '1' }, terminal), false);
    assert.equal(useColor({ NO_COLOR: '' }, terminal), true);
    assert.equal(useColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, {}), true);
    assert.equal(useColor({ FORCE_COLOR: '0' }, terminal), false);
    assert.equal(useColor({ FORCE_COLOR: 'false' }, terminal), false);
  });
});

describe('an internal error in one file', () => {
  test('is reported for that file (exit 2); every other file is still reported', async () => {
    let stdout = '';
    let stderr = '';
    const status = await runCli(
      ['--format', 'json', 'postmortems/2025-03-15-login.md', 'postmortems/2025-04-02-queue.md'],
      {
        cwd: root,
        env: {},
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        readStdin: () => Promise.resolve(''),
        workerScript: cli,
        analyze: (task) => {
          if (task.text === sample) throw new Error('the engine broke');
          return summarize(task);
        },
      },
    );
    assert.equal(status, 2);
    assert.equal(
      stderr,
      'postmortem-lint: Internal error in `postmortems/2025-03-15-login.md`: the engine broke\n',
    );
    const output = JSON.parse(stdout) as { files: { path: string }[] };
    assert.deepEqual(
      output.files.map((file) => file.path),
      ['postmortems/2025-04-02-queue.md'],
    );
  });
});

describe('--fix in a folder', () => {
  test('fixes the post-mortems and leaves other Markdown as it is', () => {
    const folder = mkdtempSync(join(tmpdir(), 'postmortem-fix-folder-'));
    try {
      mkdirSync(join(folder, 'postmortems'));
      writeFileSync(join(folder, 'README.md'), readme);
      writeFileSync(join(folder, 'postmortems', 'queue.md'), oneWarning);
      const result = spawnSync(process.execPath, [cli, '--fix', '--format', 'json', '.'], {
        cwd: folder,
        encoding: 'utf8',
      });
      // What is left: the inserted section is still to be written.
      const output = JSON.parse(result.stdout) as {
        files: { path: string; diagnostics: { rule: string }[] }[];
      };
      assert.deepEqual(
        output.files.map((file) => [file.path, file.diagnostics.map((d) => d.rule)]),
        [['postmortems/queue.md', ['empty-section']]],
      );
      assert.equal(readFileSync(join(folder, 'README.md'), 'utf8'), readme);
      assert.match(
        readFileSync(join(folder, 'postmortems', 'queue.md'), 'utf8'),
        /Lessons Learned/,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
