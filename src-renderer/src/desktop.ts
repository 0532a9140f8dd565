/**
 * The renderer's side of the desktop app (shared/ipc.ts): saving, exporting and printing the open
 * document through the bridge, and `useDesktopIntegration()`, called once by App, which
 *  - carries out the menu's commands (保存, 另存为, 导出, 打印, 撤销, 重做, and 保存 before closing);
 *  - tells the main process whether there are unsaved changes (window title, the close prompt);
 *  - keeps the recovery journal: while there are unsaved changes, the document's text at most every 5 s,
 *    serialized only when it is sent (a large document takes tens of milliseconds);
 *  - shows the progress of an export;
 *  - opens files dropped on the window (each in its own window).
 * In a plain browser the bridge's stand-in does what it can (storage, downloads, Ctrl+S).
 */
import { useEffect } from 'react';
import { serializeDocument, serializeForJournal } from '../../shared/document/file';
import { documentTitle } from '../../shared/document/naming';
import type { ExportKind, ExportProgress, MenuCommand } from '../../shared/ipc';
import { bridge } from './bridge';
import { useWorkbench } from './store/workbench';

/** At most one journal write per this many milliseconds. */
const JOURNAL_INTERVAL_MS = 5000;
/** The first journal write waits this long after a change (a burst of typing is written once). */
const JOURNAL_DELAY_MS = 1000;

/** An error's message without Electron's `Error invoking remote method '…': Error: ` wrapping. */
function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

/**
 * Commits the text box or cell being edited (they commit when they lose focus), so that what is saved or
 * exported is what the user sees; the focus goes back where it was.
 */
function commitPendingEdit(): void {
  const active = document.activeElement;
  if (
    !(active instanceof HTMLElement) ||
    !active.matches('input, textarea, select, [contenteditable="true"]')
  ) {
    return;
  }
  active.blur();
  if (active.isConnected) active.focus();
}

/** Saves the document (另存为 with `saveAs`); true when it was saved. Reports the outcome in the status bar. */
export async function saveDocument(options: { readonly saveAs?: boolean } = {}): Promise<boolean> {
  commitPendingEdit();
  const { editor, path, version, notify, markSaved } = useWorkbench.getState();
  if (!editor) return false;
  const doc = editor.doc;
  try {
    const result = await bridge().saveDocument({
      text: serializeDocument(doc),
      path,
      suggestedName: `${documentTitle(doc)}.json`,
      saveAs: options.saveAs === true,
    });
    if (!result.saved) {
      if (result.message) notify({ kind: 'error', text: result.message });
      return false;
    }
    // Changes made while the file was being written are not in it: they stay unsaved.
    markSaved(result.path, version);
    notify({ kind: 'info', text: `已保存：${result.path}${result.warning ? `（${result.warning}）` : ''}` });
    return true;
  } catch (error) {
    notify({ kind: 'error', text: `保存失败，原文件未被改动：${errorText(error)}` });
    return false;
  }
}

/** Exports the report (PDF) or the workbook (Excel); true when a file was written. */
export async function exportDocument(kind: ExportKind): Promise<boolean> {
  commitPendingEdit();
  const { editor, notify } = useWorkbench.getState();
  if (!editor) return false;
  const doc = editor.doc;
  notify({ kind: 'info', text: kind === 'xlsx' ? '正在导出 Excel…' : '正在导出 PDF…' });
  try {
    const result = await bridge().exportDocument({
      kind,
      text: serializeDocument(doc),
      suggestedName: `${documentTitle(doc)}.${kind}`,
    });
    if (result.exported) notify({ kind: 'info', text: `已导出：${result.path}` });
    else notify(result.message ? { kind: 'error', text: result.message } : null);
    return result.exported;
  } catch (error) {
    notify({ kind: 'error', text: `导出失败：${errorText(error)}` });
    return false;
  }
}

/** Shows the report in the print preview (printed from there through the system dialog). */
export async function printDocument(): Promise<boolean> {
  commitPendingEdit();
  const { editor, notify } = useWorkbench.getState();
  if (!editor) return false;
  const doc = editor.doc;
  notify({ kind: 'info', text: '正在准备打印…' });
  try {
    const result = await bridge().printDocument({
      text: serializeDocument(doc),
      suggestedName: documentTitle(doc),
    });
    notify(
      result.shown
        ? { kind: 'info', text: '已打开打印预览' }
        : result.message
          ? { kind: 'error', text: result.message }
          : null,
    );
    return result.shown;
  } catch (error) {
    notify({ kind: 'error', text: `打印失败：${errorText(error)}` });
    return false;
  }
}

/**
 * Opens the window's document (App calls this once, instead of opening `openInitialDocument` itself): a
 * document recovered, imported or new from last year starts with unsaved changes, and its note is shown.
 */
export async function loadInitialDocument(): Promise<void> {
  try {
    const opened = await bridge().openInitialDocument();
    const store = useWorkbench.getState();
    store.open(opened.text, opened.path);
    if (useWorkbench.getState().status !== 'ready') return;
    if (opened.unsaved === true) store.markUnsaved();
    if (opened.notice) store.notify({ kind: 'info', text: opened.notice });
  } catch (error) {
    useWorkbench.getState().fail(`无法打开文件：${errorText(error)}`);
  }
}

/** Undo/redo from the menu: in a text box, its own; elsewhere, the document's. */
function undoOrRedo(which: 'undo' | 'redo'): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.closest('input, textarea, [contenteditable="true"]')) {
    // The only way to reach a text box's own undo from a script.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    document.execCommand(which);
    return;
  }
  const store = useWorkbench.getState();
  if (which === 'undo') store.undo();
  else store.redo();
}

/** Carries out a menu command on the open document. */
function runMenuCommand(command: MenuCommand): void {
  switch (command) {
    case 'save':
      void saveDocument();
      return;
    case 'saveAs':
      void saveDocument({ saveAs: true });
      return;
    case 'saveAndClose':
      void saveDocument().then(async (saved) => {
        if (saved) await bridge().closeWindow();
      });
      return;
    case 'exportPdf':
      void exportDocument('pdf');
      return;
    case 'exportXlsx':
      void exportDocument('xlsx');
      return;
    case 'print':
      void printDocument();
      return;
    case 'undo':
    case 'redo':
      undoOrRedo(command);
      return;
  }
}

const PROGRESS_NAMES: Record<ExportProgress['kind'], string> = {
  pdf: '正在导出 PDF',
  xlsx: '正在导出 Excel',
  print: '正在准备打印',
};

/**
 * Reports the save state and keeps the journal, from the store's changes; returns the function that
 * stops.
 */
function trackDocument(): () => void {
  const api = bridge();
  let reported: { unsaved: boolean; title: string } | null = null;
  let editor: unknown = null;
  let journaledVersion: number | null = null;
  let lastJournalAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const writeJournal = () => {
    timer = null;
    const state = useWorkbench.getState();
    if (!state.editor || state.version === state.savedVersion || journaledVersion === state.version) return;
    journaledVersion = state.version;
    lastJournalAt = Date.now();
    // Serialized only now, at most once per interval, however many changes came in between.
    api.journalDocument({ text: serializeForJournal(state.editor.doc) }).catch(() => undefined);
  };

  const onChange = () => {
    const state = useWorkbench.getState();
    if (state.status !== 'ready' || !state.editor) return;
    if (state.editor !== editor) {
      editor = state.editor;
      journaledVersion = null;
    }
    const unsaved = state.version !== state.savedVersion;
    const title = documentTitle(state.editor.doc);
    if (reported?.unsaved !== unsaved || reported.title !== title) {
      reported = { unsaved, title };
      api.reportDocumentState({ unsaved, title }).catch(() => undefined);
    }
    if (unsaved && journaledVersion !== state.version && timer === null) {
      const delay = Math.max(JOURNAL_DELAY_MS, lastJournalAt + JOURNAL_INTERVAL_MS - Date.now());
      timer = setTimeout(writeJournal, delay);
    }
  };

  onChange();
  const unsubscribe = useWorkbench.subscribe(onChange);
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}

/** Opens files dropped on the window; returns the function that stops. */
function acceptDroppedFiles(): () => void {
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const files = event.dataTransfer?.files;
    if (!files || files.length === 0) return;
    event.preventDefault();
    bridge()
      .openDroppedFiles([...files])
      .catch((error: unknown) => useWorkbench.getState().notify({ kind: 'error', text: errorText(error) }));
  };
  window.addEventListener('dragover', onDragOver);
  window.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('drop', onDrop);
  };
}

/** Connects the window to the main process (see the header). Call once, in App. */
export function useDesktopIntegration(): void {
  useEffect(() => {
    const api = bridge();
    const stops = [
      api.onMenuCommand(runMenuCommand),
      api.onExportProgress((progress) => {
        if (progress.done) return;
        useWorkbench.getState().notify({
          kind: 'info',
          text: `${PROGRESS_NAMES[progress.kind]}：${Math.round(progress.share * 100)}%`,
        });
      }),
      trackDocument(),
      acceptDroppedFiles(),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
}
