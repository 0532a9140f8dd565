/**
 * At start, after a crash or a power cut: the recovery journals newer than their documents
 * (files/journal.ts listRecoverable) are offered one by one — 恢复 opens the text in a window marked
 * unsaved (its journal stays until it is saved or given up), 放弃 deletes the journal, 以后再说 keeps it
 * for the next start. Journals older than their document (saved since) are deleted; unreadable ones are
 * left alone and never offered.
 */
import { basename } from 'node:path';
import type { OpenedDocument } from '../../shared/ipc';
import { formatLocalTime, nodeFileSystem, type FileSystem } from '../files/fileSystem';
import { listRecoverable, type RecoverableJournal } from '../files/journal';

export type RecoveryAnswer = 'recover' | 'discard' | 'later';

export interface RecoveredDocument {
  readonly document: OpenedDocument;
  /** For a document never saved: the id its journal is kept under (the same file goes on being used). */
  readonly untitledId: string | undefined;
}

export interface RecoveryOptions {
  /** Asks about one journal (`index` of `total`, newest first). */
  readonly ask: (journal: RecoverableJournal, index: number, total: number) => Promise<RecoveryAnswer>;
  readonly fs?: FileSystem;
  readonly log?: (message: string, detail?: unknown) => void;
}

/** Offers the journals worth recovering; returns the documents to open. Never throws. */
export async function offerRecovery(
  userDataDir: string,
  options: RecoveryOptions,
): Promise<RecoveredDocument[]> {
  const fs = options.fs ?? nodeFileSystem;
  const log = options.log ?? ((message, detail) => console.warn(message, detail ?? ''));
  const scan = await listRecoverable(userDataDir, { fs });
  for (const skipped of scan.corrupt) log(skipped.reason);
  await Promise.all(scan.outdated.map((path) => fs.remove(path).catch(() => undefined)));
  const recovered: RecoveredDocument[] = [];
  for (const [index, journal] of scan.recoverable.entries()) {
    let answer: RecoveryAnswer;
    try {
      answer = await options.ask(journal, index, scan.recoverable.length);
    } catch (error) {
      log('询问是否恢复时出错', error);
      answer = 'later';
    }
    if (answer === 'recover') {
      recovered.push({ document: recoveredDocument(journal), untitledId: untitledIdOf(journal.journalPath) });
    } else if (answer === 'discard') {
      await fs.remove(journal.journalPath).catch((error: unknown) => log('未能删除恢复文件', error));
    }
  }
  return recovered;
}

/** The journal's text as a document to open: unsaved, with a note saying where it came from. */
export function recoveredDocument(journal: RecoverableJournal): OpenedDocument {
  const when = formatLocalTime(new Date(journal.savedAt));
  const missing = journal.documentMissing ? '原文件已不存在，' : '';
  return {
    text: journal.text,
    path: journal.documentPath,
    unsaved: true,
    notice: `已恢复${journal.title}未保存的修改（保存于 ${when}）。${missing}请检查后保存；不保存就关闭将放弃这些修改。`,
  };
}

function untitledIdOf(journalPath: string): string | undefined {
  return /^untitled-([A-Za-z0-9_-]+)\.json$/.exec(basename(journalPath))?.[1];
}
