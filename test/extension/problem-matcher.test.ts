/**
 * The `postmortem-lint` problem matcher of `package.json` against the CLI's real output: run as
 * VS Code runs a multi-line matcher (a file line, then its rows in a loop) over the stylish
 * format, coloured (with the escapes taken out, as VS Code does before matching) and plain, it
 * finds exactly the findings and notices the JSON format lists.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildBundles } from '../helpers/build';
import { runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/paths';
import { sample, sampleWithoutLessons } from '../helpers/server-session';

interface PatternStep {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

interface Matched {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string | null;
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { problemMatchers: { name: string; owner: string; pattern: PatternStep[] }[] };
};
const matcher = manifest.contributes.problemMatchers.find(({ name }) => name === 'postmortem-lint');

/** VS Code's multi-line matching: the first pattern gives the file, the looped one a problem a line. */
function match(output: string, [filePattern, rowPattern]: PatternStep[]): Matched[] {
  const fileRegexp = new RegExp(filePattern!.regexp);
  const rowRegexp = new RegExp(rowPattern!.regexp);
  const found: Matched[] = [];
  let file: string | null = null;
  for (const line of output.split('\n')) {
    const row = file === null ? null : rowRegexp.exec(line);
    if (row && file !== null) {
      const group = (index: number | undefined) => (index === undefined ? undefined : row[index]);
      found.push({
        file,
        line: Number(group(rowPattern!.line)),
        column: Number(group(rowPattern!.column)),
        severity: group(rowPattern!.severity)!,
        message: group(rowPattern!.message)!,
        code: group(rowPattern!.code) ?? null,
      });
      continue;
    }
    file = fileRegexp.exec(line)?.[filePattern!.file!] ?? null;
  }
  return found;
}

// VS Code takes escape sequences out of a task's lines before it matches them.
const withoutEscapes = (text: string) =>
  text
    .split('\u001b[')
    .map((part, i) => (i === 0 ? part : part.replace(/^[0-9;]*m/, '')))
    .join('');

let folder: string;

before(() => {
  buildBundles('cli');
  folder = mkdtempSync(join(tmpdir(), 'postmortem-matcher-'));
  mkdirSync(join(folder, 'postmortems'));
  writeFileSync(join(folder, 'postmortems', 'clean.md'), sample);
  writeFileSync(join(folder, 'postmortems', 'no-lessons.md'), sampleWithoutLessons);
  const unordered = sample.replace('| 1:10 PM |', '| 1:45 PM |');
  writeFileSync(join(folder, 'postmortems', 'unordered.md'), unordered);
  // A notice row comes before the findings of its file: the loop goes on past it.
  writeFileSync(
    join(folder, 'postmortems', 'latin-1.md'),
    Buffer.concat([Buffer.from(sampleWithoutLessons), Buffer.from([0xe9, 0x0a])]),
  );
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('the postmortem-lint problem matcher finds every finding and notice of the stylish format', () => {
  assert.ok(matcher, 'package.json contributes the postmortem-lint problem matcher');
  assert.equal(matcher.owner, 'postmortem');
  const json = JSON.parse(runCli(['--format', 'json', 'postmortems'], { cwd: folder }).stdout) as {
    files: {
      path: string;
      diagnostics: {
        rule: string;
        severity: string;
        message: string;
        line: number;
        column: number;
      }[];
    }[];
  };
  const findings = json.files.flatMap((file) =>
    file.diagnostics.map((finding) => ({
      file: file.path,
      line: finding.line,
      column: finding.column,
      severity: finding.severity,
      message: finding.message,
      code: finding.rule,
    })),
  );
  assert.ok(findings.length >= 3, JSON.stringify(findings));
  const plain = runCli(['postmortems'], { cwd: folder, env: { FORCE_COLOR: '0' } });
  const coloured = runCli(['postmortems'], { cwd: folder, env: { FORCE_COLOR: '1' } });
  assert.notEqual(coloured.stdout, plain.stdout, 'the coloured output has escapes');
  for (const output of [plain.stdout, withoutEscapes(coloured.stdout)]) {
    const matched = match(output, matcher.pattern);
    assert.deepEqual(
      matched.filter((problem) => problem.severity !== 'note'),
      findings,
    );
    const notes = matched.filter((problem) => problem.severity === 'note');
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.file, /latin-1\.md$/);
    assert.match(notes[0]!.message, /^Not UTF-8 \(byte 0xE9/);
    assert.equal(notes[0]!.code, null);
  }
});
