/** Printing: the preview's file, its removal, and the preview window's menu. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  previewFolder,
  previewMenuTemplate,
  previewTitle,
  removeStalePreviews,
  writePreviewFile,
} from './print';

let userData: string;
beforeEach(async () => {
  userData = join(await mkdtemp(join(tmpdir(), 'budget-print-')), 'userData');
});
afterEach(async () => {
  await rm(join(userData, '..'), { recursive: true, force: true });
});

describe('print preview', () => {
  it('writes the report to <userData>/print-preview and removes what is left at the next start', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 test');
    const path = await writePreviewFile(userData, bytes);
    expect(path.startsWith(previewFolder(userData))).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7 test');
    await writeFile(join(previewFolder(userData), 'keep-me.txt'), 'not ours');
    await removeStalePreviews(userData);
    expect(await readdir(previewFolder(userData))).toEqual(['keep-me.txt']);
    await removeStalePreviews(join(userData, 'missing'));
  });

  it('prints with Ctrl+P through the system dialog, and closes with Ctrl+W', () => {
    const print = vi.fn();
    const close = vi.fn();
    const [file] = previewMenuTemplate({ print, close });
    const items = file?.submenu as MenuItemConstructorOptions[];
    const printItem = items.find((item) => item.label === '打印(&P)…');
    expect(printItem?.accelerator).toBe('CmdOrCtrl+P');
    (printItem?.click as unknown as () => void)();
    expect(print).toHaveBeenCalled();
    const closeItem = items.find((item) => item.accelerator === 'CmdOrCtrl+W');
    (closeItem?.click as unknown as () => void)();
    expect(close).toHaveBeenCalled();
    expect(previewTitle('教育局2025年部门预算')).toBe('打印预览：教育局2025年部门预算（按 Ctrl+P 打印）');
  });
});
