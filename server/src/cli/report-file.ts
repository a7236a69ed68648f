/**
 * A report on disk, read and replaced by `--fix` without losing a byte: the file is read once
 * with what it was (device, inode, size, modification time, mode, owner, links), and replaced
 * only when it is still that file, through a temporary file created exclusively beside it
 * that takes its mode and owner, then renamed over it.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InvalidUtf8 } from '../engine';
import { decodeUtf8 } from '../engine';

/** What a report file was when it was read. */
export interface FileSnapshot {
  stats: BigIntStats;
  /** The path is a symbolic link (the file read is the one it points to). */
  link: string | null;
}

/** A report read from disk: its text (a byte order mark kept) and what it was. */
export interface ReportFile {
  raw: string;
  /** The first byte that is not UTF-8, when there is one (the text has U+FFFD there). */
  invalid: InvalidUtf8 | null;
  snapshot: FileSnapshot;
}

/** Reads a report (through a link, when it is one: a file named explicitly is linted so). */
export function readReport(path: string): ReportFile {
  const link = lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd, { bigint: true });
    // Found as a file, and since replaced by a FIFO or a device: not read either.
    if (!stats.isFile()) throw new Error('not a regular file');
    const { text, invalid } = decodeUtf8(readFileSync(fd));
    return { raw: text, invalid, snapshot: { stats, link } };
  } finally {
    closeSync(fd);
  }
}

/** Whether the path still names the file read, unchanged. */
function unchanged(before: BigIntStats, now: BigIntStats): boolean {
  return (
    now.dev === before.dev &&
    now.ino === before.ino &&
    now.size === before.size &&
    now.mtimeNs === before.mtimeNs &&
    now.mode === before.mode &&
    now.uid === before.uid &&
    now.gid === before.gid &&
    now.nlink === before.nlink
  );
}

function isReadOnly(path: string, stats: BigIntStats): boolean {
  if ((stats.mode & 0o222n) === 0n) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

const CHANGED = 'it changed while it was being fixed; run again';

/** Why `path` is not to be replaced, or null when it may be. */
function refusal(path: string, { stats, link }: FileSnapshot): string | null {
  const now = lstatSync(path, { bigint: true });
  if (link !== null || now.isSymbolicLink()) {
    return `it is a symbolic link${link === null ? '' : ` to \`${link}\``}, and \`--fix\` never writes through one`;
  }
  if (!unchanged(stats, now)) return CHANGED;
  if (now.nlink > 1n) {
    return `it has ${now.nlink} hard links, which replacing it would split; fix the file by hand`;
  }
  if (isReadOnly(path, now)) return 'it is read-only';
  return null;
}

/**
 * A temporary file beside `path`, created exclusively under a name no one can guess.
 * `node:crypto` is loaded here, when a fix is written: imported, every run would load it
 * (about 8 ms).
 */
function createTemporary(path: string): { name: string; fd: number } {
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const name = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  return { name, fd: openSync(name, 'wx', 0o600) };
}

/** Fills the temporary file and gives it the report's mode and owner; why not, if it cannot. */
function writeTemporary(fd: number, bytes: Uint8Array, stats: BigIntStats): string | null {
  for (let written = 0; written < bytes.length;) {
    written += writeSync(fd, bytes, written);
  }
  fchmodSync(fd, Number(stats.mode & 0o7777n));
  const created = fstatSync(fd, { bigint: true });
  if (created.uid !== stats.uid || created.gid !== stats.gid) {
    try {
      fchownSync(fd, Number(stats.uid), Number(stats.gid));
    } catch {
      return 'its owner and group could not be kept';
    }
  }
  fsyncSync(fd);
  return null;
}

/**
 * Replaces the report read as `snapshot` with `bytes`: null when written, else why it was
 * not (the file is then as it was). Other file system errors are thrown, the file as it was.
 */
export function replaceReport(
  path: string,
  snapshot: FileSnapshot,
  bytes: Uint8Array,
): string | null {
  const refused = refusal(path, snapshot);
  if (refused) return refused;
  const temporary = createTemporary(path);
  try {
    let kept: string | null;
    try {
      kept = writeTemporary(temporary.fd, bytes, snapshot.stats);
    } finally {
      closeSync(temporary.fd);
    }
    // The last look before the rename: a line appended meanwhile must not be lost.
    const why =
      kept ?? (unchanged(snapshot.stats, lstatSync(path, { bigint: true })) ? null : CHANGED);
    if (why === null) {
      renameSync(temporary.name, path);
      return null;
    }
    unlinkSync(temporary.name);
    return why;
  } catch (error) {
    try {
      unlinkSync(temporary.name);
    } catch {
      // Never created, or already removed.
    }
    throw error;
  }
}
