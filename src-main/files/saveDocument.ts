/**
 * Saving a document file, keeping the previous version as a backup beside it: `预算.json` → `预算.json.bak`.
 *
 * The order makes every crash safe (the target always holds the old or the new content, the backup an
 * earlier good version):
 *  1. the new text goes to a temporary file in the same folder and is flushed (fsync);
 *  2. the old file's content is copied to `name.json.bak`, itself atomically (temporary file, fsync, rename);
 *  3. the temporary file is renamed over the target (retrying EPERM/EBUSY/EACCES on Windows).
 * A failure at 1 or 3 removes the temporary file and leaves the old file untouched.
 *
 * The backup is left as it is (not overwritten) when the old file is not JSON (empty, cut off or
 * damaged — a good backup is worth more than a copy of a broken file) and when the old file already holds
 * exactly the text being saved (saving twice must not wipe out the real previous version). If the backup
 * cannot be written, the save goes ahead and the result carries a warning.
 */
import { basename, dirname } from 'node:path';
import { serializeDocument } from '../../shared/document/file';
import type { BudgetDocument } from '../../shared/document/schema';
import { renameWithRetry, writeFileAtomic, writeTemporaryFile, type WriteOptions } from './atomicWrite';
import { describeFileError, errorCode, nodeFileSystem } from './fileSystem';

/** Where the previous version of `path` is kept. */
export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

/** What happened to the backup: written with the previous version, left as it was, or none (a new file). */
export type BackupOutcome = 'updated' | 'kept' | 'none';

export type SaveResult =
  | {
      readonly ok: true;
      readonly path: string;
      readonly backup: BackupOutcome;
      /** The backup file, when there is one (whether updated now or earlier). */
      readonly backupPath: string | null;
      /** Set when the save succeeded but the backup could not be written. */
      readonly warning: string | null;
    }
  | {
      readonly ok: false;
      readonly path: string;
      /** Chinese, for the user: what failed and that the old file is unchanged. */
      readonly message: string;
      /** The file system's error code (EPERM, ENOSPC…), or null. */
      readonly code: string | null;
    };

/** Saves `text` to `path` with a backup of the previous version (see the header). Never throws. */
export async function saveDocumentFile(
  path: string,
  text: string,
  options: WriteOptions = {},
): Promise<SaveResult> {
  const fs = options.fs ?? nodeFileSystem;
  const name = basename(path);
  const backupPath = backupPathOf(path);

  let old: Uint8Array | null = null;
  try {
    old = await fs.readFile(path);
  } catch {
    // No old file (a first save), or it cannot be read: there is nothing to back up.
  }
  const unchangedNote = old === null ? '' : '原文件保持不变。';

  let temporary: string;
  try {
    temporary = await writeTemporaryFile(path, text, options);
  } catch (error) {
    return failed(path, `无法保存“${name}”：${describeFileError(error)}。${unchangedNote}`, error);
  }

  let backup: BackupOutcome = 'none';
  let warning: string | null = null;
  if (old !== null) {
    backup = 'kept';
    const oldText = new TextDecoder().decode(old);
    if (oldText !== text && isJson(oldText)) {
      try {
        await writeFileAtomic(backupPath, old, options);
        backup = 'updated';
      } catch (error) {
        warning = `已保存，但未能更新备份文件“${basename(backupPath)}”：${describeFileError(error)}。`;
      }
    }
  }

  try {
    await renameWithRetry(temporary, path, options);
  } catch (error) {
    await fs.remove(temporary).catch(() => undefined);
    return failed(path, `无法保存“${name}”：${describeFileError(error)}。${unchangedNote}`, error);
  }
  await fs.syncDirectory(dirname(path));

  const hasBackup = backup === 'updated' || (await exists(backupPath, options));
  return { ok: true, path, backup, backupPath: hasBackup ? backupPath : null, warning };
}

/** Serializes and saves a document (see saveDocumentFile). */
export function saveDocument(
  path: string,
  document: BudgetDocument,
  options: WriteOptions = {},
): Promise<SaveResult> {
  return saveDocumentFile(path, serializeDocument(document), options);
}

function failed(path: string, message: string, error: unknown): SaveResult {
  return { ok: false, path, message, code: errorCode(error) };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

async function exists(path: string, options: WriteOptions): Promise<boolean> {
  try {
    return (await (options.fs ?? nodeFileSystem).stat(path)).isFile();
  } catch {
    return false;
  }
}
