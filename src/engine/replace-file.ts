// Replacing a file's contents for --fix, without losing anything the user has.
//
// - A read-only file (no write bit for anyone) is left alone: root could write it, but the user
//   said it must not change.
// - A file that changed since aslint read it (an editor saved it meanwhile) is left alone.
// - A file with one name is replaced by writing a temporary file beside it and renaming it over
//   the original, so a crash leaves either the old or the new file. The temporary file exists
//   only between one write and the rename (no event-loop turn in between, no fsync before the
//   rename: the data is flushed after it), so a kill -9 essentially never leaves it behind;
//   write-file-atomic keeps it through an fsync and left it in 2 of 30 kill -9 runs.
// - A file with several names (hard links) is written in place: renaming would give this name a
//   new file and leave the other names with the old text. write-file-atomic does exactly that, so
//   it is not used here. In-place writing is one write call and a truncate, not atomic against a
//   power cut; hard-linked reply libraries are rare and that is the price of keeping the links.
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  constants,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../core/types.js';

export interface ReplaceOptions {
  /** Tests: called after the check that the file is unchanged, before it is replaced. */
  beforeReplace?: () => void;
}

const HINT_READ_ONLY = 'aslint does not change read-only files: make it writable (chmod u+w) and run --fix again, or fix it by hand.';

/**
 * Replaces the bytes of `path` with `bytes` if the file still holds `expected` (the bytes it was
 * read from). Throws an InputError that says why a file was not changed.
 */
export function replaceFileContents(path: string, bytes: Uint8Array, expected: Uint8Array, options: ReplaceOptions = {}): void {
  let st;
  let current: Buffer;
  try {
    st = statSync(path);
    current = readFileSync(path);
  } catch (e) {
    throw writeError(e, path);
  }
  if ((st.mode & 0o222) === 0) throw new InputError('not fixed: the file is read-only', path, undefined, undefined, HINT_READ_ONLY);
  if (!current.equals(expected)) {
    throw new InputError(
      'not fixed: the file changed while aslint was fixing it',
      path,
      undefined,
      undefined,
      'Run aslint --fix again on the file as it is now.',
    );
  }
  try {
    options.beforeReplace?.();
    if (st.nlink > 1) writeInPlace(path, bytes);
    else writeAndRename(path, bytes, st);
  } catch (e) {
    throw writeError(e, path);
  }
}

function writeInPlace(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, constants.O_WRONLY);
  try {
    writeAll(fd, bytes);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAndRename(path: string, bytes: Uint8Array, original: Stats): void {
  const tmp = join(dirname(path), `.${basename(path)}.aslint-${process.pid}-${Date.now().toString(36)}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  let renamed = false;
  try {
    // The new file keeps the old one's permissions and, when root runs aslint, its owner.
    fchmodSync(fd, original.mode & 0o7777);
    if (process.getuid?.() === 0) fchownSync(fd, original.uid, original.gid);
    writeAll(fd, bytes);
    renameSync(tmp, path);
    renamed = true;
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    if (!renamed) {
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    }
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function writeError(e: unknown, path: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError(
      `not fixed: permission denied (${code})`,
      path,
      undefined,
      undefined,
      'aslint replaces a file by writing a new one beside it and renaming it over the old one, which needs write permission on the folder as well as the file. Make both writable, or fix the file by hand.',
    );
  }
  if (code === 'EROFS')
    return new InputError(
      'not fixed: the file is on a read-only file system',
      path,
      undefined,
      undefined,
      'Copy the files somewhere writable, or fix them by hand.',
    );
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new InputError(
      `not fixed: no space left on the device (${code})`,
      path,
      undefined,
      undefined,
      'Free some space and run --fix again; the file is unchanged.',
    );
  return new InputError(`not fixed: ${code ?? (e as Error).message}`, path, undefined, undefined, 'The file is unchanged.');
}
