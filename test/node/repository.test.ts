import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONFIG_FILE_NAME } from '../../server/src/engine';
import { findConfigFile } from '../../server/src/node/config-files';
import { foldersUpward, MAX_FOLDER_DEPTH, repositoryRoot } from '../../server/src/node/repository';

test('foldersUpward: nearest first, up to the repository root included', () => {
  const top = mkdtempSync(join(tmpdir(), 'postmortem-upward-'));
  try {
    const deep = join(top, 'repo', 'docs', 'postmortems');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(top, 'repo', '.git'), 'gitdir: ../elsewhere\n'); // a worktree's file
    assert.deepEqual(
      [...foldersUpward(deep)],
      [deep, join(top, 'repo', 'docs'), join(top, 'repo')],
    );
    assert.equal(repositoryRoot(deep), join(top, 'repo'));
    assert.equal(repositoryRoot(top), null);
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});

test('a tree deeper than the bound is searched upward only that far', () => {
  const top = mkdtempSync(join(tmpdir(), 'postmortem-deep-'));
  try {
    mkdirSync(join(top, '.git'));
    writeFileSync(join(top, CONFIG_FILE_NAME), '{}');
    const levels = Array.from({ length: MAX_FOLDER_DEPTH + 10 }, () => 'd');
    const bottom = join(top, ...levels);
    mkdirSync(bottom, { recursive: true });
    assert.equal([...foldersUpward(bottom)].length, MAX_FOLDER_DEPTH);
    assert.equal(findConfigFile(bottom), null);
    const reachable = join(top, ...levels.slice(0, MAX_FOLDER_DEPTH - 1));
    assert.equal(findConfigFile(reachable), join(top, CONFIG_FILE_NAME));
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});
