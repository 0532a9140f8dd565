/**
 * Saving with a backup, in a real temporary folder: the backup holds the previous version, a refused
 * rename is retried or fails cleanly, and a crash between writing the temporary file and renaming it
 * loses nothing (the old file is intact and the recovery journal has the new text).
 */
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import { sampleDocument } from '../../shared/sample/sample2024';
import { nodeFileSystem, type FileSystem } from './fileSystem';
import { listRecoverable, writeJournal } from './journal';
import { openDocumentFile } from './openDocument';
import { backupPathOf, saveDocument, saveDocumentFile } from './saveDocument';

let folder: string;
let path: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-save-'));
  path = join(folder, '教育局2025.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The sample as saved, under another department name (to tell versions apart). */
function version(name: string): string {
  const document = sampleDocument();
  document.department.name = name;
  return serializeDocument(document);
}

const read = (file: string) => readFile(file, 'utf8');

describe('saveDocumentFile', () => {
  it('makes no backup on the first save', async () => {
    const result = await saveDocumentFile(path, version('第一版'));
    expect(result).toEqual({ ok: true, path, backup: 'none', backupPath: null, warning: null });
    expect(await read(path)).toBe(version('第一版'));
    expect(await readdir(folder)).toEqual(['教育局2025.json']);
  });

  it('keeps the previous version as name.json.bak', async () => {
    await saveDocumentFile(path, version('第一版'));
    const second = await saveDocumentFile(path, version('第二版'));
    expect(second).toEqual({ ok: true, path, backup: 'updated', backupPath: `${path}.bak`, warning: null });
    expect(await read(path)).toBe(version('第二版'));
    expect(await read(backupPathOf(path))).toBe(version('第一版'));

    await saveDocument(path, parseDocumentOrThrow(version('第三版')));
    expect(await read(path)).toBe(version('第三版'));
    expect(await read(backupPathOf(path))).toBe(version('第二版'));
    const backup = parseDocument(await read(backupPathOf(path)));
    expect(backup.ok && backup.document.department.name).toBe('第二版');
    expect((await readdir(folder)).sort()).toEqual(['教育局2025.json', '教育局2025.json.bak']);
  });

  it('does not overwrite the backup when saving the same text again', async () => {
    await saveDocumentFile(path, version('第一版'));
    await saveDocumentFile(path, version('第二版'));
    const again = await saveDocumentFile(path, version('第二版'));
    expect(again).toMatchObject({ ok: true, backup: 'kept', backupPath: `${path}.bak` });
    expect(await read(backupPathOf(path))).toBe(version('第一版'));
  });

  it('does not replace a good backup with a damaged old file', async () => {
    await saveDocumentFile(path, version('第一版'));
    await saveDocumentFile(path, version('第二版'));
    await writeFile(path, version('第二版').slice(0, 500)); // cut off by some earlier mishap
    const result = await saveDocumentFile(path, version('第三版'));
    expect(result).toMatchObject({ ok: true, backup: 'kept' });
    expect(await read(path)).toBe(version('第三版'));
    expect(await read(backupPathOf(path))).toBe(version('第一版'));
  });

  it('retries a rename refused with EPERM, then saves', async () => {
    await saveDocumentFile(path, version('第一版'));
    let refusals = 0;
    const fs: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (to === path && refusals < 3) {
          refusals++;
          throw fsError('EPERM');
        }
        await nodeFileSystem.rename(from, to);
      },
    };
    const waits: number[] = [];
    const result = await saveDocumentFile(path, version('第二版'), {
      fs,
      renameDelays: [10, 20, 40, 80],
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(result.ok).toBe(true);
    expect(refusals).toBe(3);
    expect(waits).toEqual([10, 20, 40]);
    expect(await read(path)).toBe(version('第二版'));
    expect(await read(backupPathOf(path))).toBe(version('第一版'));
    expect((await readdir(folder)).sort()).toEqual(['教育局2025.json', '教育局2025.json.bak']);
  });

  it('fails cleanly on a persistent EPERM: old file untouched, no temporary file, a Chinese message', async () => {
    await saveDocumentFile(path, version('第一版'));
    const fs: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (to === path) throw fsError('EPERM');
        await nodeFileSystem.rename(from, to);
      },
    };
    const result = await saveDocumentFile(path, version('第二版'), {
      fs,
      renameDelays: [1, 1, 1],
      sleep: () => Promise.resolve(),
    });
    expect(result).toEqual({
      ok: false,
      path,
      code: 'EPERM',
      message:
        '无法保存“教育局2025.json”：没有权限，或文件正被其他程序（杀毒软件、WPS、Excel、网盘同步等）占用。' +
        '原文件保持不变。',
    });
    expect(await read(path)).toBe(version('第一版'));
    // The backup was refreshed from the old file before the rename: it is the same good version.
    expect(await read(backupPathOf(path))).toBe(version('第一版'));
    expect((await readdir(folder)).sort()).toEqual(['教育局2025.json', '教育局2025.json.bak']);
    const reopened = await openDocumentFile(path);
    expect(reopened.ok && reopened.document.department.name).toBe('第一版');
  });

  it('fails cleanly when the disk is full while writing', async () => {
    await saveDocumentFile(path, version('第一版'));
    const fs: FileSystem = {
      ...nodeFileSystem,
      create: async (temporary) => {
        const file = await nodeFileSystem.create(temporary);
        return {
          writeFile: () => Promise.reject(fsError('ENOSPC')),
          sync: () => file.sync(),
          close: () => file.close(),
        };
      },
    };
    const result = await saveDocumentFile(path, version('第二版'), { fs });
    expect(result).toMatchObject({
      ok: false,
      code: 'ENOSPC',
      message: '无法保存“教育局2025.json”：磁盘空间不足。原文件保持不变。',
    });
    expect(await read(path)).toBe(version('第一版'));
    expect(await readdir(folder)).toEqual(['教育局2025.json']);
  });

  it('saves even when the backup cannot be written, with a warning', async () => {
    await saveDocumentFile(path, version('第一版'));
    const fs: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (to === backupPathOf(path)) throw fsError('EACCES');
        await nodeFileSystem.rename(from, to);
      },
    };
    const result = await saveDocumentFile(path, version('第二版'), { fs, renameDelays: [] });
    expect(result).toMatchObject({
      ok: true,
      backup: 'kept',
      backupPath: null,
      warning:
        '已保存，但未能更新备份文件“教育局2025.json.bak”：没有权限，或文件正被其他程序（杀毒软件、WPS、Excel、网盘同步等）占用。',
    });
    expect(await read(path)).toBe(version('第二版'));
    expect(await readdir(folder)).toEqual(['教育局2025.json']);
  });

  it('loses nothing when the process dies between writing the temporary file and the rename', async () => {
    const userData = join(folder, 'userData');
    await saveDocumentFile(path, version('第一版'));
    const anHourAgo = new Date(Date.now() - 3600_000);
    await utimes(path, anHourAgo, anHourAgo);

    // Autosave put the edited text in the journal; then the user saves, and the process dies just before
    // the temporary file is renamed over the document (the rename never returns: nothing after it runs).
    await writeJournal(userData, { documentPath: path }, version('第二版'));
    let reachedRename!: () => void;
    const atRename = new Promise<void>((resolve) => (reachedRename = resolve));
    const dying: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (to !== path) return nodeFileSystem.rename(from, to);
        reachedRename();
        return new Promise<void>(() => undefined);
      },
    };
    void saveDocumentFile(path, version('第二版'), { fs: dying });
    await atRename;

    // What the disk holds after the crash: the old file intact, the new text in a stray temporary file.
    expect(await read(path)).toBe(version('第一版'));
    const reopened = await openDocumentFile(path);
    expect(reopened.ok && reopened.document.department.name).toBe('第一版');
    const stray = (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
    expect(stray).toHaveLength(1);
    expect(await read(join(folder, stray[0] ?? ''))).toBe(version('第二版'));

    // On restart the journal, newer than the file, offers the new text back.
    const scan = await listRecoverable(userData);
    expect(scan.recoverable).toHaveLength(1);
    expect(scan.recoverable[0]).toMatchObject({ documentPath: path, text: version('第二版') });
    expect(scan.recoverable[0]?.prompt).toMatch(
      /^发现“教育局2025\.json”未保存的修改（保存于 .+），是否恢复？$/,
    );
  });
});

function parseDocumentOrThrow(text: string) {
  const loaded = parseDocument(text);
  if (!loaded.ok) throw new Error(loaded.summary);
  return loaded.document;
}
