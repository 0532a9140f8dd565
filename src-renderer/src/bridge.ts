/**
 * The bridge to the main process: `window.api` in Electron (see src-main/electron/preload.ts); in a
 * plain browser (development, tests) a stand-in that opens the built-in sample, saves to the browser's
 * storage and exports as a download.
 */
import { checkDocument } from '../../shared/checks/session';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import type { BudgetApi, ExportRequest, ExportResult, OpenedDocument } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';

declare global {
  interface Window {
    readonly api?: BudgetApi;
  }
}

const STORAGE_PREFIX = 'budget-assistant:file:';

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function exportInBrowser(request: ExportRequest): Promise<ExportResult> {
  if (request.kind === 'pdf') {
    throw new Error('浏览器版不能导出 PDF（报告字体只随桌面版提供），请在桌面版中导出');
  }
  const loaded = parseDocument(request.text);
  if (!loaded.ok) throw new Error(loaded.summary);
  // exceljs is large: loaded only when the user exports.
  const { exportWorkbook } = await import('../../shared/excel/workbook');
  const bytes = await exportWorkbook(loaded.document, checkDocument(loaded.document));
  download(bytes, request.suggestedName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return { exported: true, path: request.suggestedName };
}

/**
 * `?open=NAME` opens a file saved in the browser's storage under that name, or else the file of that
 * name served beside the app (same origin only: the page's CSP allows nothing else); without it, the
 * built-in sample.
 */
async function openInBrowser(): Promise<OpenedDocument> {
  const wanted = new URLSearchParams(window.location.search).get('open');
  if (!wanted) return { text: serializeDocument(sampleDocument()), path: null };
  const stored = localStorage.getItem(STORAGE_PREFIX + wanted);
  if (stored !== null) return { text: stored, path: wanted };
  const response = await fetch(new URL(wanted, window.location.href));
  if (!response.ok) throw new Error(`找不到文件“${wanted}”`);
  return { text: await response.text(), path: wanted };
}

const browserBridge: BudgetApi = {
  openInitialDocument: openInBrowser,
  saveDocument: (request) => {
    const name = request.path ?? request.suggestedName;
    localStorage.setItem(STORAGE_PREFIX + name, request.text);
    return Promise.resolve({ saved: true, path: name });
  },
  exportDocument: exportInBrowser,
};

export function bridge(): BudgetApi {
  return window.api ?? browserBridge;
}
