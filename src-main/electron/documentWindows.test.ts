/**
 * One window per document: opening, the title, saving (atomic, with a backup; failures in Chinese, never
 * thrown), the recovery journal, and closing with unsaved changes — with stand-in windows and dialogs and
 * a real temporary folder.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/document/file';
import type { OpenedDocument } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';
import { nodeFileSystem, type FileSystem } from '../files/fileSystem';
import { journalDirectory, journalPathFor } from '../files/journal';
import { saveDocumentFile } from '../files/saveDocument';
import {
  documentFileName,
  DocumentWindows,
  fileNameWithExtension,
  windowTitle,
  type DocumentWindowsOptions,
} from './documentWindows';
import { FakeDialogs, FakeView, settle } from './testDoubles';

let folder: string;
let userData: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-windows-'));
  userData = join(folder, 'userData');
  await mkdir(join(folder, '文档'));
});
afterEach(async () => {
  // A journal write may still be finishing.
  await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
});

function version(name: string): string {
  const document = sampleDocument();
  document.department.name = name;
  return serializeDocument(document);
}

function setup(options: Partial<DocumentWindowsOptions> = {}) {
  const views: FakeView[] = [];
  const dialogs = new FakeDialogs();
  const used: string[] = [];
  const windows = new DocumentWindows({
    userDataDir: userData,
    createView: (document: OpenedDocument) => {
      const view = new FakeView(document);
      views.push(view);
      return view;
    },
    dialogs,
    defaultFolder: () => join(folder, '文档'),
    onFileUsed: (path) => used.push(path),
    log: () => undefined,
    ...options,
  });
  return { windows, views, dialogs, used };
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('timed out');
}

const exists = (path: string) =>
  readFile(path).then(
    () => true,
    () => false,
  );

describe('opening windows', () => {
  it('opens one window per document and brings an open file to the front instead of opening it again', () => {
    const { windows, views, used } = setup();
    const path = join(folder, '文档', '教育局2025.ysb');
    const first = windows.open({ text: version('甲'), path });
    const again = windows.open({ text: version('甲'), path: join(folder, '文档', '.', '教育局2025.ysb') });
    windows.open({ text: version('乙'), path: null });
    expect(views).toHaveLength(2);
    expect(again).toBe(first);
    expect(views[0]?.focused).toBe(1);
    expect(windows.initialDocument(first.webContentsId).path).toBe(path);
    expect(used).toEqual([path]);
  });

  it('finds a file case-blind on Windows only', () => {
    const win = setup({ platform: 'win32' });
    win.windows.open({ text: version('甲'), path: 'C:\\预算\\A.ysb' });
    expect(win.windows.findByPath('c:\\预算\\a.YSB')).toBeDefined();
    const linux = setup({ platform: 'linux' });
    linux.windows.open({ text: version('甲'), path: '/预算/A.ysb' });
    expect(linux.windows.findByPath('/预算/a.ysb')).toBeUndefined();
  });

  it('titles the window by its file, or by the document, and marks unsaved changes', async () => {
    const { windows, views } = setup();
    const saved = windows.open({ text: version('甲'), path: join(folder, '教育局2025.ysb') });
    expect(views[0]?.title).toBe('教育局2025.ysb - 部门预算编制助手');
    await windows.reportState(saved.webContentsId, { unsaved: true, title: '甲2024年部门预算' });
    expect(views[0]?.title).toBe('教育局2025.ysb * - 部门预算编制助手');
    expect(views[0]?.edited).toBe(true);
    const untitled = windows.open({ text: version('乙'), path: null });
    await windows.reportState(untitled.webContentsId, { unsaved: false, title: '乙2024年部门预算' });
    expect(views[1]?.title).toBe('乙2024年部门预算 - 部门预算编制助手');
    expect(windowTitle('未命名', true)).toBe('未命名 * - 部门预算编制助手');
  });

  it('counts a recovered document as unsaved, and journals it at once', async () => {
    const { windows } = setup();
    const path = join(folder, '文档', '教育局2025.ysb');
    const view = windows.open({ text: version('恢复的'), path, unsaved: true });
    expect(windows.isUnsaved(view.webContentsId)).toBe(true);
    // The renderer's report does not clear it: only a save does.
    await windows.reportState(view.webContentsId, { unsaved: false, title: '恢复的' });
    expect(windows.isUnsaved(view.webContentsId)).toBe(true);
    const journal = journalPathFor(userData, { documentPath: path });
    await waitFor(() => exists(journal));
    expect(JSON.parse(await readFile(journal, 'utf8'))).toMatchObject({ text: version('恢复的') });
  });
});

describe('saving', () => {
  it('asks where the first time, saves atomically as .ysb, then keeps the previous version as .bak', async () => {
    const { windows, dialogs, views, used } = setup();
    const view = windows.open({ text: version('第一版'), path: null });
    const target = join(folder, '文档', '新绛县人民政府办公室2024年部门预算.ysb');
    dialogs.savePath = target;
    const first = await windows.save(view.webContentsId, {
      text: version('第一版'),
      suggestedName: '新绛县人民政府办公室2024年部门预算.json',
    });
    expect(first).toEqual({ saved: true, path: target, warning: null });
    expect(dialogs.saveDialogs).toEqual([target]);
    expect(await readFile(target, 'utf8')).toBe(version('第一版'));

    const second = await windows.save(view.webContentsId, { text: version('第二版'), suggestedName: 'x' });
    expect(second).toMatchObject({ saved: true, path: target });
    // No dialog the second time: the window knows its file (and ignores any path the renderer names).
    expect(dialogs.saveDialogs).toHaveLength(1);
    expect(await readFile(target, 'utf8')).toBe(version('第二版'));
    expect(await readFile(`${target}.bak`, 'utf8')).toBe(version('第一版'));
    expect((await readdir(join(folder, '文档'))).sort()).toEqual([
      '新绛县人民政府办公室2024年部门预算.ysb',
      '新绛县人民政府办公室2024年部门预算.ysb.bak',
    ]);
    expect(views[0]?.title).toBe('新绛县人民政府办公室2024年部门预算.ysb - 部门预算编制助手');
    expect(used).toEqual([target, target]);
  });

  it('writes only to the window’s own file, whatever path the request names', async () => {
    const { windows } = setup();
    const own = join(folder, '文档', 'own.ysb');
    const elsewhere = join(folder, 'elsewhere.ysb');
    const view = windows.open({ text: version('甲'), path: own });
    await windows.save(view.webContentsId, { text: version('乙'), path: elsewhere, suggestedName: 'x' });
    expect(await readFile(own, 'utf8')).toBe(version('乙'));
    expect(await exists(elsewhere)).toBe(false);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const { windows, dialogs } = setup();
    const view = windows.open({ text: version('甲'), path: null });
    dialogs.savePath = null;
    expect(await windows.save(view.webContentsId, { text: version('甲'), suggestedName: 'x' })).toEqual({
      saved: false,
    });
    expect(dialogs.errors).toEqual([]);
  });

  it('另存为 asks again, under the document’s name with the document extension', async () => {
    const { windows, dialogs } = setup();
    const path = join(folder, '文档', '旧.json');
    const view = windows.open({ text: version('甲'), path });
    dialogs.savePath = join(folder, '新.ysb');
    const result = await windows.save(view.webContentsId, {
      text: version('甲'),
      suggestedName: 'x',
      saveAs: true,
    });
    expect(dialogs.saveDialogs).toEqual([join(folder, '文档', '旧.ysb')]);
    expect(result).toMatchObject({ saved: true, path: join(folder, '新.ysb') });
    expect(windows.pathOf(view.webContentsId)).toBe(join(folder, '新.ysb'));
  });

  it('reports a failure in Chinese, shown and returned, without throwing; the old file is unchanged', async () => {
    const path = join(folder, '文档', '预算.ysb');
    await writeFile(path, version('旧'));
    const refused: FileSystem = {
      ...nodeFileSystem,
      rename: () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })),
    };
    const saving = setup({
      saveFile: (p, text) => saveDocumentFile(p, text, { fs: refused, renameDelays: [] }),
    });
    const view = saving.windows.open({ text: version('旧'), path });
    const result = await saving.windows.save(view.webContentsId, { text: version('新'), suggestedName: 'x' });
    expect(result.saved).toBe(false);
    const message = result.saved ? '' : (result.message ?? '');
    expect(message).toMatch(/^无法保存“预算\.ysb”：没有权限，或文件正被其他程序.*占用。原文件保持不变。$/);
    expect(saving.dialogs.errors).toEqual([message]);
    expect(await readFile(path, 'utf8')).toBe(version('旧'));
    expect(await readdir(join(folder, '文档'))).toEqual(['预算.ysb']);
  });

  it('retries a rename refused with EPERM (antivirus) and saves', async () => {
    const path = join(folder, '文档', '预算.ysb');
    await writeFile(path, version('旧'));
    let refusals = 2;
    const flaky: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (refusals-- > 0) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
        await nodeFileSystem.rename(from, to);
      },
    };
    const { windows } = setup({
      saveFile: (p, text) =>
        saveDocumentFile(p, text, { fs: flaky, renameDelays: [1, 1, 1], sleep: () => Promise.resolve() }),
    });
    const view = windows.open({ text: version('旧'), path });
    expect(await windows.save(view.webContentsId, { text: version('新'), suggestedName: 'x' })).toMatchObject(
      {
        saved: true,
      },
    );
    expect(await readFile(path, 'utf8')).toBe(version('新'));
  });

  it('loses nothing when the process dies between the temporary write and the rename', async () => {
    const path = join(folder, '文档', '预算.ysb');
    await writeFile(path, version('旧'));
    class Crash extends Error {}
    const dying: FileSystem = {
      ...nodeFileSystem,
      rename: (from, to) =>
        to === path ? Promise.reject(new Crash('process killed')) : nodeFileSystem.rename(from, to),
      remove: (p) => (p.endsWith('.tmp') ? Promise.resolve() : nodeFileSystem.remove(p)),
    };
    const { windows } = setup({
      saveFile: (p, text) => saveDocumentFile(p, text, { fs: dying, renameDelays: [] }),
    });
    const view = windows.open({ text: version('旧'), path });
    windows.journal(view.webContentsId, version('新'));
    const result = await windows.save(view.webContentsId, { text: version('新'), suggestedName: 'x' });
    expect(result.saved).toBe(false);
    // The file holds the old version, the backup too, and the new text is still in the journal.
    expect(await readFile(path, 'utf8')).toBe(version('旧'));
    await waitFor(() => exists(journalPathFor(userData, { documentPath: path })));
    const journal = JSON.parse(await readFile(journalPathFor(userData, { documentPath: path }), 'utf8')) as {
      text: string;
    };
    expect(journal.text).toBe(version('新'));
  });

  it('refuses text that is not a document, writing nothing', async () => {
    const { windows, dialogs } = setup();
    const path = join(folder, '文档', '预算.ysb');
    await writeFile(path, version('旧'));
    const view = windows.open({ text: version('旧'), path });
    const result = await windows.save(view.webContentsId, { text: '{"format":"other"}', suggestedName: 'x' });
    expect(result).toEqual({
      saved: false,
      message: expect.stringMatching(/^未保存：文档内容不符合格式/) as string,
    });
    expect(dialogs.errors).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(version('旧'));
  });

  it('will not save over a file open in another window', async () => {
    const { windows, dialogs } = setup();
    const other = join(folder, '文档', '别的.ysb');
    windows.open({ text: version('甲'), path: other });
    const view = windows.open({ text: version('乙'), path: null });
    dialogs.savePath = other;
    const result = await windows.save(view.webContentsId, { text: version('乙'), suggestedName: 'x' });
    expect(result).toEqual({
      saved: false,
      message: '未保存：“别的.ysb”已在另一个窗口中打开，请换一个文件名。',
    });
    expect(await exists(other)).toBe(false);
  });

  it('journals unsaved changes and removes the journal once saved', async () => {
    const { windows, dialogs } = setup();
    const view = windows.open({ text: version('甲'), path: null }, 'k3x9');
    await windows.reportState(view.webContentsId, { unsaved: true, title: '甲' });
    windows.journal(view.webContentsId, version('甲改'));
    const untitledJournal = journalPathFor(userData, { untitledId: 'k3x9' });
    await waitFor(() => exists(untitledJournal));
    dialogs.savePath = join(folder, '文档', '甲.ysb');
    await windows.save(view.webContentsId, { text: version('甲改'), suggestedName: 'x' });
    expect(await readdir(journalDirectory(userData))).toEqual([]);
    expect(windows.isUnsaved(view.webContentsId)).toBe(false);
  });

  it('removes the journal when the changes are undone back to the saved version', async () => {
    const { windows } = setup();
    const path = join(folder, '文档', '甲.ysb');
    const view = windows.open({ text: version('甲'), path });
    await windows.reportState(view.webContentsId, { unsaved: true, title: '甲' });
    windows.journal(view.webContentsId, version('甲改'));
    await waitFor(() => exists(journalPathFor(userData, { documentPath: path })));
    await windows.reportState(view.webContentsId, { unsaved: false, title: '甲' });
    expect(await readdir(journalDirectory(userData))).toEqual([]);
  });

  it('gives a reloaded page the text last journaled after its renderer crashed', async () => {
    const { windows } = setup();
    const path = join(folder, '文档', '甲.ysb');
    const view = windows.open({ text: version('甲'), path });
    windows.journal(view.webContentsId, version('甲改'));
    windows.rendererGone(view.webContentsId);
    expect(windows.initialDocument(view.webContentsId)).toMatchObject({
      text: version('甲改'),
      path,
      unsaved: true,
    });
    expect(windows.isUnsaved(view.webContentsId)).toBe(true);
    await waitFor(() => exists(journalPathFor(userData, { documentPath: path })));
  });
});

describe('closing', () => {
  it('closes a window without unsaved changes without asking', async () => {
    const { windows, dialogs, views } = setup();
    const view = windows.open({ text: version('甲'), path: null });
    expect(windows.closeRequested(view.webContentsId)).toBe(false);
    await waitFor(() => Promise.resolve(views[0]?.closeCalls === 1));
    expect(dialogs.asked).toEqual([]);
    // The second close (from the registry itself) goes through.
    expect(windows.closeRequested(view.webContentsId)).toBe(true);
  });

  it('asks about unsaved changes; 取消 keeps the window open', async () => {
    const { windows, dialogs, views } = setup();
    const view = windows.open({ text: version('甲'), path: join(folder, '甲.ysb') });
    await windows.reportState(view.webContentsId, { unsaved: true, title: '甲' });
    dialogs.closeAnswer = 'cancel';
    expect(windows.closeRequested(view.webContentsId)).toBe(false);
    await settle();
    expect(dialogs.asked).toEqual(['甲.ysb']);
    expect(views[0]?.closeCalls).toBe(0);
    // Asked again next time.
    expect(windows.closeRequested(view.webContentsId)).toBe(false);
    await settle();
    expect(dialogs.asked).toHaveLength(2);
  });

  it('不保存 closes and discards the journal', async () => {
    const { windows, dialogs, views } = setup();
    const view = windows.open({ text: version('甲'), path: null }, 'abc');
    await windows.reportState(view.webContentsId, { unsaved: true, title: '甲2024年部门预算' });
    windows.journal(view.webContentsId, version('甲改'));
    await waitFor(() => exists(journalPathFor(userData, { untitledId: 'abc' })));
    dialogs.closeAnswer = 'discard';
    windows.closeRequested(view.webContentsId);
    await waitFor(() => Promise.resolve(views[0]?.closeCalls === 1));
    expect(dialogs.asked).toEqual(['甲2024年部门预算']);
    expect(await readdir(journalDirectory(userData))).toEqual([]);
    expect(windows.closeRequested(view.webContentsId)).toBe(true);
  });

  it('保存 has the renderer save and then close', async () => {
    const { windows, dialogs, views } = setup();
    const view = windows.open({ text: version('甲'), path: join(folder, '甲.ysb') });
    await windows.reportState(view.webContentsId, { unsaved: true, title: '甲' });
    dialogs.closeAnswer = 'save';
    windows.closeRequested(view.webContentsId);
    await settle();
    expect(views[0]?.sent).toEqual([{ channel: 'menuCommand', message: 'saveAndClose' }]);
    expect(views[0]?.closeCalls).toBe(0);
    await windows.save(view.webContentsId, { text: version('甲'), suggestedName: 'x' });
    windows.closeAfterSave(view.webContentsId);
    expect(views[0]?.closeCalls).toBe(1);
  });

  it('asks one window at a time when quitting closes them all', async () => {
    const { windows, dialogs } = setup();
    let release: (answer: 'cancel') => void = () => undefined;
    dialogs.askSaveBeforeClose = (_view, name) => {
      dialogs.asked.push(name);
      return new Promise((resolve) => (release = resolve));
    };
    const a = windows.open({ text: version('甲'), path: join(folder, 'a.ysb') });
    const b = windows.open({ text: version('乙'), path: join(folder, 'b.ysb') });
    await windows.reportState(a.webContentsId, { unsaved: true, title: '甲' });
    await windows.reportState(b.webContentsId, { unsaved: true, title: '乙' });
    windows.closeRequested(a.webContentsId);
    windows.closeRequested(b.webContentsId);
    await settle();
    expect(dialogs.asked).toEqual(['a.ysb']);
    release('cancel');
    await settle();
    expect(dialogs.asked).toEqual(['a.ysb', 'b.ysb']);
  });

  it('closes without asking when the system shuts down, keeping the journal for the next start', async () => {
    const { windows, dialogs, views } = setup();
    const view = windows.open({ text: version('甲'), path: null }, 'k1');
    await windows.reportState(view.webContentsId, { unsaved: true, title: '甲' });
    windows.journal(view.webContentsId, version('甲改'));
    const journal = journalPathFor(userData, { untitledId: 'k1' });
    await waitFor(() => exists(journal));
    windows.endSession();
    windows.closeRequested(view.webContentsId);
    await waitFor(() => Promise.resolve(views[0]?.closeCalls === 1));
    expect(dialogs.asked).toEqual([]);
    expect(await exists(journal)).toBe(true);
  });
});

describe('file names', () => {
  it('gives the suggested name the right extension and drops what Windows forbids', () => {
    expect(documentFileName('新绛县教育局2025年部门预算.json')).toBe('新绛县教育局2025年部门预算.ysb');
    expect(documentFileName('a/b:c*?"<>|.ysb')).toBe('abc.ysb');
    expect(documentFileName('')).toBe('部门预算.ysb');
    expect(fileNameWithExtension('报告.ysb', 'pdf')).toBe('报告.pdf');
    expect(fileNameWithExtension('报告. ', 'xlsx')).toBe('报告.xlsx');
  });
});
