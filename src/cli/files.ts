/**
 * The files `npm run sim` reads and writes, each problem as one sentence. The program is read with
 * a bound (at most MAX_SOURCE_BYTES), so a device like /dev/zero or a huge file is refused instead
 * of exhausting memory, and text that is not UTF-8 is refused as rustc refuses it. The trace's
 * target is checked before the run, so a bad path does not waste one.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type SourceRead =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** The sentence for a file-system error code, as the learner would say it. */
export function fsReason(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code === '' ? 'it could not be read' : code;
  }
}

export function readSource(path: string, limit = MAX_SOURCE_BYTES): SourceRead {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${fsReason(e)}.` };
  }
  try {
    if (fstatSync(fd).isDirectory()) return { ok: false, message: `cannot read ${path}: it is a directory.` };
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(64 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) {
        return {
          ok: false,
          message: `cannot read ${path}: it is larger than ${limit} bytes, too large for a program.`,
        };
      }
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
    } catch {
      return { ok: false, message: `cannot read ${path}: it is not UTF-8 text.` };
    }
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${fsReason(e)}.` };
  } finally {
    closeSync(fd);
  }
}

/** Why the trace cannot be written to `path`; undefined when it can. */
export function traceTargetProblem(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) return `--trace ${path}: it is a directory.`;
    return undefined;
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ENOENT') return `--trace ${path}: ${fsReason(e)}.`;
  }
  const dir = dirname(resolve(path));
  try {
    return statSync(dir).isDirectory() ? undefined : `--trace ${path}: ${dir} is not a directory.`;
  } catch {
    return `--trace ${path}: the directory ${dir} does not exist.`;
  }
}
