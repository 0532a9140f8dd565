/**
 * Recovery journals: while a document has unsaved changes, autosave (autosaver.ts) keeps its current text
 * in the user-data folder, so a crash or a power cut loses at most a few seconds of work.
 *
 * Where: `<userData>/recovery/`, one file per document — `doc-<hash>.json` for a document with a path (the
 * hash is SHA-256 of the absolute path, lower-cased on Windows, so the same document always has the same
 * journal) and `untitled-<id>.json` for a document never saved. Each is written atomically
 * (atomicWrite.ts) and holds a small JSON envelope:
 *   { "format": "budget-assistant/journal", "savedAt": ISO time, "documentPath": path or null, "text": … }
 *
 * A journal is discarded after a successful save or a clean close. At start, listRecoverable offers the
 * journals newer than their document file (savedAt later than the file's modification time), or whose
 * document was never saved or no longer exists. A journal that cannot be read is skipped and reported.
 */
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { writeFileAtomic, type WriteOptions } from './atomicWrite';
import { describeFileError, errorCode, formatLocalTime, nodeFileSystem, type FileSystem } from './fileSystem';

export const JOURNAL_FORMAT = 'budget-assistant/journal';
export const JOURNAL_FOLDER = 'recovery';
/** Journals larger than this are not read (a document is well under 1 MB). */
const MAX_JOURNAL_BYTES = 200 * 1024 * 1024;

/** Whose journal: a document saved at a path, or a new document not yet saved (by a session-unique id). */
export type JournalTarget = { readonly documentPath: string } | { readonly untitledId: string };

export interface JournalEnvelope {
  readonly format: typeof JOURNAL_FORMAT;
  /** When the text was written to the journal (ISO). */
  readonly savedAt: string;
  readonly documentPath: string | null;
  /** The document's text (serializeDocument). */
  readonly text: string;
}

export interface JournalOptions extends WriteOptions {
  /** The current time (injectable for tests). */
  readonly now?: () => Date;
  /** Decides path case-folding for the hash (default: this system's). */
  readonly platform?: NodeJS.Platform;
}

export function journalDirectory(userDataDir: string): string {
  return join(userDataDir, JOURNAL_FOLDER);
}

const UNTITLED_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The journal file of a document (see the header). */
export function journalPathFor(
  userDataDir: string,
  target: JournalTarget,
  options: JournalOptions = {},
): string {
  return join(journalDirectory(userDataDir), journalFileName(target, options.platform ?? process.platform));
}

function journalFileName(target: JournalTarget, platform: NodeJS.Platform): string {
  if ('untitledId' in target) {
    if (!UNTITLED_ID.test(target.untitledId)) {
      throw new Error(`未保存文档的编号只能由字母、数字、- 和 _ 组成：${target.untitledId}`);
    }
    return `untitled-${target.untitledId}.json`;
  }
  const absolute = resolve(target.documentPath);
  const key = platform === 'win32' ? absolute.toLowerCase() : absolute;
  return `doc-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 24)}.json`;
}

/** Writes the document's current text to its journal, atomically. Returns the journal's path. */
export async function writeJournal(
  userDataDir: string,
  target: JournalTarget,
  text: string,
  options: JournalOptions = {},
): Promise<string> {
  const fs = options.fs ?? nodeFileSystem;
  const path = journalPathFor(userDataDir, target, options);
  const envelope: JournalEnvelope = {
    format: JOURNAL_FORMAT,
    savedAt: (options.now?.() ?? new Date()).toISOString(),
    documentPath: 'documentPath' in target ? resolve(target.documentPath) : null,
    text,
  };
  await fs.mkdirp(journalDirectory(userDataDir));
  await writeFileAtomic(path, JSON.stringify(envelope), options);
  return path;
}

/** Removes a document's journal (after a successful save or a clean close); nothing if there is none. */
export async function discardJournal(
  userDataDir: string,
  target: JournalTarget,
  options: JournalOptions = {},
): Promise<void> {
  await (options.fs ?? nodeFileSystem).remove(journalPathFor(userDataDir, target, options));
}

/** A journal worth offering: its document has changes never saved. */
export interface RecoverableJournal {
  readonly journalPath: string;
  /** The document's file, or null for a document never saved. */
  readonly documentPath: string | null;
  /** When the journal was written (ISO). */
  readonly savedAt: string;
  /** The document's text as the journal holds it. */
  readonly text: string;
  /** The document file's modification time (ISO), or null if it has none or no longer exists. */
  readonly documentModifiedAt: string | null;
  /** The document had a path but the file is no longer there. */
  readonly documentMissing: boolean;
  /** How the document is named to the user: `“2025.json”` or `新建文档“新绛县教育局 2025 年部门预算”`. */
  readonly title: string;
  /** The question to ask: `发现“2025.json”未保存的修改（保存于 2025年3月5日 14:03），是否恢复？`. */
  readonly prompt: string;
}

export interface SkippedJournal {
  readonly journalPath: string;
  /** Why it was skipped, in Chinese. */
  readonly reason: string;
}

export interface RecoveryScan {
  /** Newest first. */
  readonly recoverable: readonly RecoverableJournal[];
  /** Journals that could not be read; never offered. */
  readonly corrupt: readonly SkippedJournal[];
  /** Journals older than their document (it was saved since): safe to discard. */
  readonly outdated: readonly string[];
}

const JOURNAL_NAME = /^(doc-[0-9a-f]+|untitled-[A-Za-z0-9_-]+)\.json$/;

/** The journals in `<userDataDir>/recovery` worth offering (see the header). Never throws. */
export async function listRecoverable(
  userDataDir: string,
  options: JournalOptions = {},
): Promise<RecoveryScan> {
  const fs = options.fs ?? nodeFileSystem;
  const folder = journalDirectory(userDataDir);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return { recoverable: [], corrupt: [], outdated: [] };
  }
  const recoverable: RecoverableJournal[] = [];
  const corrupt: SkippedJournal[] = [];
  const outdated: string[] = [];
  for (const name of names.filter((n) => JOURNAL_NAME.test(n)).sort()) {
    const journalPath = join(folder, name);
    const read = await readJournal(journalPath, fs);
    if (!read.ok) {
      corrupt.push({ journalPath, reason: read.reason });
      continue;
    }
    const envelope = read.envelope;
    const savedAtMs = Date.parse(envelope.savedAt);
    let documentModifiedMs: number | null = null;
    let documentMissing = false;
    if (envelope.documentPath !== null) {
      try {
        documentModifiedMs = (await fs.stat(envelope.documentPath)).mtimeMs;
      } catch (error) {
        // Missing: the journal is the only copy left. Unreadable for another reason: offer it too.
        documentMissing = errorCode(error) === 'ENOENT';
      }
    }
    if (documentModifiedMs !== null && savedAtMs <= documentModifiedMs) {
      outdated.push(journalPath);
      continue;
    }
    const title = titleOf(envelope);
    const missingNote = documentMissing ? '；原文件已不存在' : '';
    recoverable.push({
      journalPath,
      documentPath: envelope.documentPath,
      savedAt: envelope.savedAt,
      text: envelope.text,
      documentModifiedAt: documentModifiedMs === null ? null : new Date(documentModifiedMs).toISOString(),
      documentMissing,
      title,
      prompt: `发现${title}未保存的修改（保存于 ${formatLocalTime(new Date(savedAtMs))}${missingNote}），是否恢复？`,
    });
  }
  recoverable.sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
  return { recoverable, corrupt, outdated };
}

type ReadJournal = { ok: true; envelope: JournalEnvelope } | { ok: false; reason: string };

async function readJournal(path: string, fs: FileSystem): Promise<ReadJournal> {
  const skipped = (why: string): ReadJournal => ({
    ok: false,
    reason: `恢复文件“${basename(path)}”${why}，已跳过`,
  });
  let bytes: Uint8Array;
  try {
    const stats = await fs.stat(path);
    if (stats.size > MAX_JOURNAL_BYTES) return skipped('过大');
    bytes = await fs.readFile(path);
  } catch (error) {
    return skipped(`无法读取（${describeFileError(error)}）`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return skipped('已损坏（不是 UTF-8 文字）');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return skipped('已损坏（不是完整的 JSON）');
  }
  if (!isEnvelope(json)) return skipped('格式不对（不是部门预算编制助手的恢复文件）');
  try {
    JSON.parse(json.text);
  } catch {
    return skipped('中的文档内容已损坏');
  }
  return { ok: true, envelope: json };
}

function isEnvelope(value: unknown): value is JournalEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.format === JOURNAL_FORMAT &&
    typeof record.savedAt === 'string' &&
    !Number.isNaN(Date.parse(record.savedAt)) &&
    (record.documentPath === null || typeof record.documentPath === 'string') &&
    typeof record.text === 'string'
  );
}

/** `“2025.json”` for a saved document; for a new one, its department and year when the text has them. */
function titleOf(envelope: JournalEnvelope): string {
  if (envelope.documentPath !== null) return `“${basename(envelope.documentPath)}”`;
  const json = JSON.parse(envelope.text) as unknown;
  if (typeof json === 'object' && json !== null) {
    const record = json as { department?: { name?: unknown }; year?: unknown };
    const name = record.department?.name;
    if (typeof name === 'string' && name.trim() !== '') {
      const year = typeof record.year === 'number' ? ` ${record.year} 年` : '';
      return `新建文档“${name.trim()}${year}部门预算”`;
    }
  }
  return '新建文档';
}
