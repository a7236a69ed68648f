/**
 * Small files that a repository provides (configuration, ignore files), read so that none can
 * hang or exhaust the reader: only a regular file (a FIFO would wait for a writer forever,
 * `/dev/zero` never ends), opened without blocking, and at most `limit` bytes of it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** How a message says that a file is over `limit` bytes: `larger than 1 MB`. */
export function tooLarge(limit: number): string {
  return `larger than ${limit / (1024 * 1024)} MB`;
}

/** Reads at most `limit + 1` bytes of an open file: enough to know it is larger than `limit`. */
function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

/**
 * A regular file's bytes, at most `limit` of them, or why it is not read. It is checked before
 * it is opened and again once open. File system errors (no such file, …) are thrown.
 */
export function readSmallFile(path: string, limit: number): Buffer | string {
  if (!statSync(path).isFile()) return 'not a regular file';
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return 'not a regular file';
    const bytes = readAtMost(fd, limit);
    return bytes.length > limit ? tooLarge(limit) : bytes;
  } finally {
    closeSync(fd);
  }
}
