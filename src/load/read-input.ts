// Reading an input file: only a regular file, and never more than a limit. The file is opened without
// blocking (a FIFO would otherwise wait for a writer) and its type taken from the open descriptor, so a
// path swapped between a check and the read changes nothing; the limit counts bytes actually read, since
// the size a device or a growing file reports means nothing (`/dev/zero` reports 0).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

type ReadInput = { bytes: Buffer } | { error: string };

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toPrecision(3)} MB`;
/** A limit as written: whole megabytes (20 MB), or bytes. */
const limitText = (limit: number) => (limit % 1048576 === 0 ? `${limit / 1048576} MB` : `${limit} bytes`);

/** The whole of `file` if it is a regular file of at most `limit` bytes; otherwise why not, in a phrase. */
export function readInput(file: string, limit: number): ReadInput {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { error: 'cannot be read (permission denied)' };
    if (code === 'ENOTDIR') return { error: 'no such file (a folder on its path is a file)' };
    if (code === 'ELOOP') return { error: 'is a symbolic link that loops' };
    if (code === 'EISDIR') return { error: 'is a directory, not a fund file' };
    return { error: `cannot be opened (${code ?? String(err)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: 'is a directory, not a fund file' };
    if (!stat.isFile()) return { error: `is ${kindOf(stat)}, not a regular file; fundbook reads only regular files` };
    if (stat.size > limit) return { error: `is ${stat.size < 1048576 ? `${stat.size} bytes` : megabytes(stat.size)}; fund files are limited to ${limitText(limit)}` };
    // Read up to one byte past the limit: the file may have grown since fstat.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) return { error: `is more than ${limitText(limit)} (read so far; its reported size was ${stat.size}); fund files are limited to ${limitText(limit)}` };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { error: 'is a directory, not a fund file' };
    return { error: `could not be read (${code ?? String(err)})` };
  } finally {
    closeSync(fd);
  }
}
