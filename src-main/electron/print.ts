/**
 * Printing: the report is laid out as a PDF (in the job worker, exportJobs.ts), written to
 * `<userData>/print-preview/`, and shown in a preview window with Chromium's built-in PDF viewer. The
 * preview's 打印 (Ctrl+P, or the viewer's own print button) opens the system's print dialog, where the
 * printer, pages and copies are chosen. The file is removed when the preview closes, and any left over
 * (after a crash) at the next start.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { writeFileAtomic } from '../files/atomicWrite';

export const PREVIEW_FOLDER = 'print-preview';

export function previewFolder(userDataDir: string): string {
  return join(userDataDir, PREVIEW_FOLDER);
}

/** Writes the report for the preview; returns its path. */
export async function writePreviewFile(userDataDir: string, bytes: Uint8Array): Promise<string> {
  const folder = previewFolder(userDataDir);
  await mkdir(folder, { recursive: true });
  const path = join(folder, `report-${randomBytes(6).toString('hex')}.pdf`);
  await writeFileAtomic(path, bytes);
  return path;
}

/** Removes the preview files left over (at start, when no preview is open). Never throws. */
export async function removeStalePreviews(userDataDir: string): Promise<void> {
  const folder = previewFolder(userDataDir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => /^report-[0-9a-f]+\.pdf$/.test(name))
      .map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)),
  );
}

export function previewTitle(reportName: string): string {
  return `打印预览：${reportName}（按 Ctrl+P 打印）`;
}

/** The preview window's own menu: print (through the system dialog) and close. */
export function previewMenuTemplate(actions: {
  readonly print: () => void;
  readonly close: () => void;
}): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '打印(&P)…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { type: 'separator' },
        { label: '关闭预览(&C)', accelerator: 'CmdOrCtrl+W', click: () => actions.close() },
      ],
    },
  ];
}

/** Options for webContents.print: the system dialog (not silent), with backgrounds, A4. */
export const PRINT_OPTIONS = { silent: false, printBackground: true } as const;
