/**
 * The bridge to the main process: `window.api` in Electron (see src-main/electron/preload.ts); in a
 * plain browser (development, tests) a stand-in for every function of the contract (shared/ipc.ts): it
 * opens the built-in sample, saves to the browser's storage, exports the workbook as a download, opens
 * dropped files in a new tab, and turns Ctrl+S / Ctrl+Shift+S / Ctrl+P into the menu commands the desktop
 * app's menu would send. It keeps no recovery journal and cannot lay out or print the PDF report (its
 * fonts come with the desktop app only).
 */
import { checkDocument } from '../../shared/checks/session';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import type {
  BudgetApi,
  DocumentState,
  ExportProgress,
  ExportRequest,
  ExportResult,
  MenuCommand,
  OpenedDocument,
} from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';

declare global {
  interface Window {
    readonly api?: BudgetApi;
  }
}

const STORAGE_PREFIX = 'budget-assistant:file:';
const APP_TITLE = '部门预算编制助手';

const progressListeners = new Set<(progress: ExportProgress) => void>();
const menuListeners = new Set<(command: MenuCommand) => void>();

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function progress(report: ExportProgress): void {
  for (const listener of progressListeners) listener(report);
}

async function exportInBrowser(request: ExportRequest): Promise<ExportResult> {
  if (request.kind === 'pdf') {
    throw new Error('浏览器版不能导出 PDF（报告字体只随桌面版提供），请在桌面版中导出');
  }
  const loaded = parseDocument(request.text);
  if (!loaded.ok) throw new Error(loaded.summary);
  progress({ kind: request.kind, share: 0, done: false });
  try {
    // exceljs is large: loaded only when the user exports.
    const { exportWorkbook } = await import('../../shared/excel/workbook');
    const bytes = await exportWorkbook(loaded.document, checkDocument(loaded.document));
    download(
      bytes,
      request.suggestedName,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  } finally {
    progress({ kind: request.kind, share: 1, done: true });
  }
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

/** A dropped document goes to the browser's storage and opens in a new tab (one window per document). */
async function openDroppedInBrowser(files: readonly { readonly name: string }[]): Promise<void> {
  for (const file of files) {
    if (!(file instanceof File) || !/\.(json|ysb)$/i.test(file.name)) continue;
    localStorage.setItem(STORAGE_PREFIX + file.name, await file.text());
    window.open(`?open=${encodeURIComponent(file.name)}`, '_blank', 'noopener');
  }
}

/** The desktop menu's shortcuts that a browser would otherwise take (save page, print page). */
function menuShortcut(event: KeyboardEvent): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return event.shiftKey ? 'saveAs' : 'save';
  if (key === 'p' && !event.shiftKey) return 'print';
  return null;
}

function onShortcut(event: KeyboardEvent): void {
  const command = menuShortcut(event);
  if (command === null || menuListeners.size === 0) return;
  event.preventDefault();
  for (const listener of menuListeners) listener(command);
}

function showState(state: DocumentState): void {
  document.title = `${state.title}${state.unsaved ? ' *' : ''} - ${APP_TITLE}`;
}

const browserBridge: BudgetApi = {
  openInitialDocument: openInBrowser,
  saveDocument: (request) => {
    const name = request.path ?? request.suggestedName;
    localStorage.setItem(STORAGE_PREFIX + name, request.text);
    return Promise.resolve({ saved: true, path: name });
  },
  exportDocument: exportInBrowser,
  printDocument: () =>
    Promise.resolve({
      shown: false,
      message: '浏览器版不能打印报告（报告字体只随桌面版提供），请在桌面版中打印',
    }),
  reportDocumentState: (state) => {
    showState(state);
    return Promise.resolve();
  },
  // No recovery journal in the browser.
  journalDocument: () => Promise.resolve(),
  openDroppedFiles: openDroppedInBrowser,
  closeWindow: () => {
    window.close();
    return Promise.resolve();
  },
  onMenuCommand: (listener) => {
    if (menuListeners.size === 0) window.addEventListener('keydown', onShortcut);
    menuListeners.add(listener);
    return () => {
      menuListeners.delete(listener);
      if (menuListeners.size === 0) window.removeEventListener('keydown', onShortcut);
    };
  },
  onExportProgress: (listener) => {
    progressListeners.add(listener);
    return () => {
      progressListeners.delete(listener);
    };
  },
};

export function bridge(): BudgetApi {
  return window.api ?? browserBridge;
}
