/**
 * Opening a document file: read it, refuse what cannot be a document (missing, unreadable, over 200 MB,
 * not UTF-8 text, empty, cut off, filled with zero bytes) with a Chinese message, then validate it with
 * shared/document/file's parseDocument. A file cut off mid-way (a save interrupted by a power cut or a
 * crash on a system without atomic renames, a partial copy from a USB stick) is recognised as such and
 * the message points to the backup (`name.json.bak`, see saveDocument.ts) when there is one.
 * Never throws: every outcome is a value.
 */
import { basename } from 'node:path';
import {
  parseDocument,
  type FileProblem,
  type LoadFailure,
  type LoadResult,
} from '../../shared/document/file';
import type { BudgetDocument } from '../../shared/document/schema';
import { describeFileError, errorCode, formatLocalTime, nodeFileSystem, type FileSystem } from './fileSystem';
import { backupPathOf } from './saveDocument';

/** Files larger than this are refused unread (a budget document is well under 1 MB). */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

export type OpenFailure =
  | 'not-found'
  | 'not-readable'
  | 'too-big'
  /** Empty, or the JSON stops mid-way. */
  | 'truncated'
  /** Zero bytes where text should be, or not UTF-8 text. */
  | 'damaged'
  | LoadFailure;

export interface BackupInfo {
  readonly path: string;
  /** When the backup was written (ISO). */
  readonly modifiedAt: string;
}

export type OpenResult =
  | {
      readonly ok: true;
      readonly path: string;
      readonly document: BudgetDocument;
      /** The file's text as read. */
      readonly text: string;
      /** The format version the file was migrated from, or null if it was current. */
      readonly migratedFrom: number | null;
    }
  | {
      readonly ok: false;
      readonly path: string;
      readonly failure: OpenFailure;
      /** Chinese, for the user: what is wrong, and what to do (open the backup when there is one). */
      readonly message: string;
      /** For 'invalid': every problem, with where it is (empty otherwise). */
      readonly problems: readonly FileProblem[];
      /** The backup beside the file, when there is one. */
      readonly backup: BackupInfo | null;
    };

export interface OpenOptions {
  readonly fs?: FileSystem;
  readonly maxBytes?: number;
}

/** Reads and validates a document file (see the header). */
export async function openDocumentFile(path: string, options: OpenOptions = {}): Promise<OpenResult> {
  const fs = options.fs ?? nodeFileSystem;
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const name = basename(path);

  const refuse = async (
    failure: OpenFailure,
    message: string,
    problems: readonly FileProblem[] = [],
    suggestBackup = false,
  ): Promise<OpenResult> => {
    const backup = await findBackup(path, fs);
    const advice = suggestBackup ? backupAdvice(backup) : '';
    return { ok: false, path, failure, message: message + advice, problems, backup };
  };

  let bytes: Uint8Array;
  try {
    const stats = await fs.stat(path);
    if (stats.isDirectory())
      return await refuse('not-readable', `无法打开“${name}”：这是一个文件夹，不是文件。`);
    if (stats.size > maxBytes) {
      return await refuse(
        'too-big',
        `无法打开“${name}”：文件有 ${megabytes(stats.size)} MB，超过 ${megabytes(maxBytes)} MB 的上限。` +
          '部门预算文件通常不到 1 MB，这可能不是部门预算编制助手的文件。',
      );
    }
    bytes = await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return await refuse('not-found', `找不到文件“${name}”：它可能已被移动、改名或删除。`);
    }
    return await refuse('not-readable', `无法读取文件“${name}”：${describeFileError(error)}。`);
  }
  // The size may have changed between stat and read.
  if (bytes.length > maxBytes) {
    return await refuse('too-big', `无法打开“${name}”：文件超过 ${megabytes(maxBytes)} MB 的上限。`);
  }

  let text: string;
  let cutInCharacter = false;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const prefix = decodeWithoutTail(bytes);
    if (prefix === null) {
      return await refuse(
        'damaged',
        `无法打开“${name}”：文件不是 UTF-8 编码的文字，可能不是部门预算编制助手的文件，或已损坏。`,
        [],
        true,
      );
    }
    text = prefix;
    cutInCharacter = true;
  }

  const damage: Damage | null =
    inspectDamage(text) ?? (cutInCharacter ? { kind: 'truncated', line: lineCount(text) } : null);
  if (damage !== null) {
    const message =
      damage.kind === 'empty'
        ? `文件“${name}”是空的（没有任何内容）：${DAMAGE_CAUSE}`
        : damage.kind === 'zeros'
          ? `文件“${name}”已损坏：内容被空字节填充，${DAMAGE_CAUSE}`
          : `文件“${name}”不完整：内容在第 ${damage.line} 行中途结束，${DAMAGE_CAUSE}`;
    return await refuse(damage.kind === 'zeros' ? 'damaged' : 'truncated', message, [], true);
  }

  let loaded: LoadResult;
  try {
    loaded = parseDocument(text);
  } catch (error) {
    // The parser reports bad input as values; this is only a guard so that opening never throws.
    const detail = error instanceof Error ? error.message : String(error);
    return await refuse('invalid', `无法打开“${name}”：读取文件内容时出错（${detail}）。`, [], true);
  }
  if (loaded.ok) {
    return { ok: true, path, document: loaded.document, text, migratedFrom: loaded.migratedFrom };
  }
  return await refuse(
    loaded.failure,
    `无法打开“${name}”：${loaded.summary}。`,
    loaded.problems,
    loaded.failure === 'not-json',
  );
}

const DAMAGE_CAUSE = '可能是保存时断电、程序意外退出或复制不完整造成的损坏。';

function backupAdvice(backup: BackupInfo | null): string {
  if (backup === null) return '没有找到这个文件的备份。';
  return (
    `同一文件夹中有上一版本的备份“${basename(backup.path)}”（保存于 ${formatLocalTime(new Date(backup.modifiedAt))}），` +
    '可以打开备份找回上一次保存的内容。'
  );
}

async function findBackup(path: string, fs: FileSystem): Promise<BackupInfo | null> {
  const backupPath = backupPathOf(path);
  try {
    const stats = await fs.stat(backupPath);
    if (!stats.isFile() || stats.size === 0) return null;
    return { path: backupPath, modifiedAt: new Date(stats.mtimeMs).toISOString() };
  } catch {
    return null;
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.round(mb)) : mb.toFixed(1);
}

/**
 * The text of a file cut off in the middle of a multi-byte character (only its last one to three bytes
 * fail to decode), or null if the file is not UTF-8 at all.
 */
function decodeWithoutTail(bytes: Uint8Array): string | null {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // Try a shorter prefix.
    }
  }
  return null;
}

export type Damage = { kind: 'empty' } | { kind: 'zeros' } | { kind: 'truncated'; line: number };

/**
 * Recognises the ways an interrupted write leaves a file: nothing at all, zero bytes (NTFS after a power
 * cut keeps the length but not the data), or JSON whose brackets or last string are never closed. A file
 * whose JSON is complete but wrong is not "damaged" here: parseDocument reports it.
 */
export function inspectDamage(text: string): Damage | null {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (withoutBom.trim() === '') return { kind: 'empty' };
  const firstZero = withoutBom.indexOf('\0');
  if (firstZero !== -1) {
    // JSON never holds a raw zero byte. Text followed only by zeros up to the end is a file whose rest was
    // never written (NTFS after a power cut keeps the length but not the data); anything else is damage.
    const body = withoutBom.slice(0, firstZero);
    const zerosToEnd = /^\0+$/.test(withoutBom.slice(firstZero));
    return zerosToEnd && body.trim() !== '' && endsOpen(body)
      ? { kind: 'truncated', line: lineCount(body) }
      : { kind: 'zeros' };
  }
  return endsOpen(withoutBom) ? { kind: 'truncated', line: lineCount(withoutBom) } : null;
}

/** Whether `text` is JSON that starts as an object or array and ends inside a string or an open bracket. */
function endsOpen(text: string): boolean {
  const start = text.search(/\S/);
  const first = text[start];
  if (first !== '{' && first !== '[') return false;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      // Closed (or over-closed): whatever follows makes it malformed, not cut off.
      if (depth <= 0) return false;
    }
  }
  return true;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  // A cut right after a newline stops "in" the next, empty line; name the last line with content.
  return text.endsWith('\n') ? lines - 1 : lines;
}
