/**
 * Recovery at start: a journal newer than its document is offered and opened unsaved; one older than its
 * document is deleted; 放弃 deletes, 以后再说 keeps.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/document/file';
import { sampleDocument } from '../../shared/sample/sample2024';
import { journalDirectory, journalPathFor, writeJournal } from '../files/journal';
import { DocumentWindows } from './documentWindows';
import { offerRecovery, type RecoveryAnswer } from './recovery';
import { FakeDialogs, FakeView } from './testDoubles';

let folder: string;
let userData: string;
let documentPath: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-recovery-'));
  userData = join(folder, 'userData');
  documentPath = join(folder, '文档', '教育局2025.ysb');
  await mkdir(join(folder, '文档'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
});

function version(name: string): string {
  const document = sampleDocument();
  document.department.name = name;
  return serializeDocument(document);
}

const MARCH_1 = new Date(2025, 2, 1, 9, 0);
const MARCH_5 = new Date(2025, 2, 5, 14, 3);

async function documentFile(text: string, modified: Date): Promise<void> {
  await writeFile(documentPath, text);
  await utimes(documentPath, modified, modified);
}

function answering(...answers: RecoveryAnswer[]) {
  const asked: string[] = [];
  return {
    asked,
    ask: (journal: { prompt: string }) => {
      asked.push(journal.prompt);
      return Promise.resolve(answers.shift() ?? 'later');
    },
  };
}

describe('offerRecovery', () => {
  it('offers a journal newer than its file, and opens it unsaved with a note', async () => {
    await documentFile(version('第一版'), MARCH_1);
    await writeJournal(userData, { documentPath }, version('第二版'), { now: () => MARCH_5 });
    const { asked, ask } = answering('recover');
    const recovered = await offerRecovery(userData, { ask, log: () => undefined });
    expect(asked).toEqual(['发现“教育局2025.ysb”未保存的修改（保存于 2025年3月5日 14:03），是否恢复？']);
    expect(recovered).toEqual([
      {
        document: {
          text: version('第二版'),
          path: documentPath,
          unsaved: true,
          notice:
            '已恢复“教育局2025.ysb”未保存的修改（保存于 2025年3月5日 14:03）。请检查后保存；不保存就关闭将放弃这些修改。',
        },
        untitledId: undefined,
      },
    ]);
    // The file itself is untouched until the user saves.
    expect(await readFile(documentPath, 'utf8')).toBe(version('第一版'));
  });

  it('deletes a journal older than its file (saved since) without asking', async () => {
    await writeJournal(userData, { documentPath }, version('第二版'), { now: () => MARCH_1 });
    await documentFile(version('第二版'), MARCH_5);
    const { asked, ask } = answering();
    expect(await offerRecovery(userData, { ask })).toEqual([]);
    expect(asked).toEqual([]);
    expect(await readdir(journalDirectory(userData))).toEqual([]);
  });

  it('放弃 deletes the journal; 以后再说 keeps it for the next start', async () => {
    await writeJournal(userData, { untitledId: 'aaa' }, version('甲'), { now: () => MARCH_1 });
    await writeJournal(userData, { untitledId: 'bbb' }, version('乙'), { now: () => MARCH_5 });
    // Newest first: 乙 (bbb) is asked first.
    const { asked, ask } = answering('discard', 'later');
    expect(await offerRecovery(userData, { ask })).toEqual([]);
    expect(asked).toHaveLength(2);
    expect(await readdir(journalDirectory(userData))).toEqual(['untitled-aaa.json']);
  });

  it('keeps a recovered new document under its journal, rewritten at once by its window', async () => {
    await writeJournal(userData, { untitledId: 'k3x9' }, version('新部门'), { now: () => MARCH_5 });
    const [recovered] = await offerRecovery(userData, answering('recover'));
    if (!recovered) throw new Error('nothing recovered');
    expect(recovered.untitledId).toBe('k3x9');
    const windows = new DocumentWindows({
      userDataDir: userData,
      createView: (document) => new FakeView(document),
      dialogs: new FakeDialogs(),
      defaultFolder: () => folder,
    });
    const view = windows.open(recovered.document, recovered.untitledId);
    expect(windows.isUnsaved(view.webContentsId)).toBe(true);
    const journal = journalPathFor(userData, { untitledId: 'k3x9' });
    for (let i = 0; i < 100; i++) {
      const envelope = JSON.parse(await readFile(journal, 'utf8')) as { savedAt: string };
      if (envelope.savedAt !== MARCH_5.toISOString()) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await readdir(journalDirectory(userData))).toEqual([basename(journal)]);
  });

  it('never offers a damaged journal', async () => {
    await mkdir(journalDirectory(userData), { recursive: true });
    await writeFile(join(journalDirectory(userData), 'doc-0123456789abcdef01234567.json'), '{"format":');
    const logged: string[] = [];
    const { asked, ask } = answering();
    expect(await offerRecovery(userData, { ask, log: (message) => logged.push(message) })).toEqual([]);
    expect(asked).toEqual([]);
    expect(logged).toEqual(['恢复文件“doc-0123456789abcdef01234567.json”已损坏（不是完整的 JSON），已跳过']);
  });
});
