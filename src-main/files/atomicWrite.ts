/**
 * Atomic file writes: the new content goes to a temporary file in the same folder (`.name.<random>.tmp`),
 * is flushed to disk (fsync), then renamed over the target. A failure at any point leaves the old file as
 * it was and removes the temporary file; a crash at any point leaves either the old or the new content
 * under the target's name (at worst a stray temporary file beside it).
 *
 * On Windows, antivirus scanners, the search indexer and sync clients briefly hold files open, so a rename
 * can fail with EPERM, EBUSY or EACCES for a moment; such renames are retried a few times with a short,
 * growing pause before giving up.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorCode, nodeFileSystem, type FileSystem } from './fileSystem';

/** Rename errors that are usually transient on Windows. */
const TRANSIENT_RENAME_ERRORS: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Pauses before each retry of a refused rename, in milliseconds (about 1.5 s in all). */
export const DEFAULT_RENAME_DELAYS: readonly number[] = [50, 100, 200, 400, 800];

export interface WriteOptions {
  /** The file operations (default: node:fs/promises). */
  readonly fs?: FileSystem;
  /**
   * Pauses before each retry of a rename refused with EPERM/EBUSY/EACCES. Default: DEFAULT_RENAME_DELAYS
   * on Windows, none elsewhere (there those errors mean a real permission problem).
   */
  readonly renameDelays?: readonly number[];
  /** Waits the given milliseconds (injectable so tests need not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function defaultDelays(): readonly number[] {
  return process.platform === 'win32' ? DEFAULT_RENAME_DELAYS : [];
}

/** The name of a fresh temporary file beside `path`. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Renames `from` to `to`, retrying transient Windows errors (see WriteOptions.renameDelays). */
export async function renameWithRetry(from: string, to: string, options: WriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFileSystem;
  const delays = options.renameDelays ?? defaultDelays();
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      const code = errorCode(error);
      if (delay === undefined || code === null || !TRANSIENT_RENAME_ERRORS.has(code)) throw error;
      await sleep(delay);
    }
  }
}

/**
 * Writes `content` to a new temporary file beside `path` and flushes it; returns the temporary file's
 * path. On failure the temporary file is removed and the error rethrown.
 */
export async function writeTemporaryFile(
  path: string,
  content: string | Uint8Array,
  options: WriteOptions = {},
): Promise<string> {
  const fs = options.fs ?? nodeFileSystem;
  const temporary = temporaryPathFor(path);
  try {
    const file = await fs.create(temporary);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    return temporary;
  } catch (error) {
    await fs.remove(temporary).catch(() => undefined);
    throw error;
  }
}

/** Replaces `path` with `content` atomically (see the header). Throws the file system's error on failure. */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFileSystem;
  const temporary = await writeTemporaryFile(path, content, options);
  try {
    await renameWithRetry(temporary, path, options);
  } catch (error) {
    await fs.remove(temporary).catch(() => undefined);
    throw error;
  }
  await fs.syncDirectory(dirname(path));
}
