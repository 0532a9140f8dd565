/**
 * The contract between the renderer and the main process: the one place that names every IPC channel and
 * the types that travel on it.
 *
 * - `IpcInvokeContract`: requests the renderer makes (`ipcRenderer.invoke` → `ipcMain.handle`), each with
 *   its request and response type; `IPC_CHANNELS` names their channels.
 * - `IpcEventContract`: messages the main process sends to a window (`webContents.send` →
 *   `ipcRenderer.on`); `IPC_EVENTS` names their channels.
 * - `BudgetApi`: what the preload exposes as `window.api` (and what the browser stand-in in
 *   src-renderer/src/bridge.ts implements): one function per request, one subscription per event.
 *
 * The main process validates every request (src-main/electron/ipcSchemas.ts) and accepts it only from the
 * app's own windows. Each window shows one document: "the document" below is the sender window's.
 */

/** The document file's own extension (部门预算编制助手 文件); the content is the JSON of shared/document/file. */
export const DOCUMENT_EXTENSION = 'ysb';

/** A document as the main process hands it to its window. */
export interface OpenedDocument {
  /** The file's JSON text (parsed and validated in the renderer by shared/document/file). */
  readonly text: string;
  /** The file it belongs to, or null: the built-in sample, a new, imported or recovered untitled document. */
  readonly path: string | null;
  /**
   * The text is not what the file holds: recovered from a recovery journal, imported from Excel, new,
   * or rolled over from last year. The window starts with unsaved changes.
   */
  readonly unsaved?: boolean;
  /** Something to tell the user once the document is shown (recovered, converted from an older format…). */
  readonly notice?: string | null;
}

export interface SaveRequest {
  /** The document's JSON text (shared/document/file serializeDocument). */
  readonly text: string;
  /**
   * Where the renderer thinks the document lives. The desktop app ignores it (the main process knows the
   * window's file and never writes where a renderer names); the browser stand-in uses it as its key.
   */
  readonly path?: string | null;
  /** A name for the save dialog, with or without extension; the desktop app saves as `.ysb`. */
  readonly suggestedName: string;
  /** Ask where to save even when the document has a file (另存为). */
  readonly saveAs?: boolean;
}

export type SaveResult =
  | {
      readonly saved: true;
      readonly path: string;
      /** Saved, but something to mention (the backup could not be updated). */
      readonly warning?: string | null;
    }
  | {
      readonly saved: false;
      /** Why, in Chinese, when it failed (the file is unchanged); absent when the user cancelled. */
      readonly message?: string | null;
    };

export type ExportKind = 'xlsx' | 'pdf';

export interface ExportRequest {
  readonly kind: ExportKind;
  readonly text: string;
  /** A name for the save dialog (the extension is the kind's). */
  readonly suggestedName: string;
}

export type ExportResult =
  | { readonly exported: true; readonly path: string }
  | { readonly exported: false; readonly message?: string | null };

export interface PrintRequest {
  readonly text: string;
  /** The report's name, for the preview window's title. */
  readonly suggestedName: string;
}

export type PrintResult =
  { readonly shown: true } | { readonly shown: false; readonly message?: string | null };

/** What the main process shows of the window's document: the title bar and the close prompt. */
export interface DocumentState {
  /** Changes not saved to the file: closing asks; the title is marked. */
  readonly unsaved: boolean;
  /** The document's name, e.g. `新绛县教育局 2025年部门预算` (the title shows the file name when it has one). */
  readonly title: string;
}

export interface JournalRequest {
  /** The document's current text, kept in the recovery journal until it is saved or closed. */
  readonly text: string;
}

/** A file dropped on the window (a DOM `File`; the preload finds its path). */
export interface DroppedFile {
  readonly name: string;
}

/** Commands from the application menu, carried out by the focused window's renderer. */
export const MENU_COMMANDS = [
  'save',
  'saveAs',
  /** Save (asking where if need be), then close the window: the answer 保存 to the close prompt. */
  'saveAndClose',
  'exportPdf',
  'exportXlsx',
  'print',
  'undo',
  'redo',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface ExportProgress {
  readonly kind: ExportKind | 'print';
  /** The share done, 0 … 1. */
  readonly share: number;
  /** The job has finished (or failed). */
  readonly done: boolean;
}

/** Requests from the renderer: channel name → request and response. */
export interface IpcInvokeContract {
  readonly openInitialDocument: { readonly request: undefined; readonly response: OpenedDocument };
  readonly saveDocument: { readonly request: SaveRequest; readonly response: SaveResult };
  readonly exportDocument: { readonly request: ExportRequest; readonly response: ExportResult };
  readonly printDocument: { readonly request: PrintRequest; readonly response: PrintResult };
  readonly reportDocumentState: { readonly request: DocumentState; readonly response: undefined };
  readonly journalDocument: { readonly request: JournalRequest; readonly response: undefined };
  /** The paths of dropped files (the preload turns the renderer's `File`s into paths). */
  readonly openDroppedFiles: { readonly request: readonly string[]; readonly response: undefined };
  readonly closeWindow: { readonly request: undefined; readonly response: undefined };
}

/** Messages from the main process to a window. */
export interface IpcEventContract {
  readonly menuCommand: MenuCommand;
  readonly exportProgress: ExportProgress;
}

export type Unsubscribe = () => void;

export interface BudgetApi {
  /** The window's document: the file it was opened for, a recovered or new document, or the sample. */
  openInitialDocument(): Promise<OpenedDocument>;
  /** Saves atomically, keeping the previous version as `.bak`; asks where when there is no file or saveAs. */
  saveDocument(request: SaveRequest): Promise<SaveResult>;
  /** Exports the report (PDF) or the workbook (Excel), off the UI thread, with progress events. */
  exportDocument(request: ExportRequest): Promise<ExportResult>;
  /** Shows the report (the PDF) in a preview window, from which it is printed through the system dialog. */
  printDocument(request: PrintRequest): Promise<PrintResult>;
  /** Tells the main process whether there are unsaved changes (title bar, close prompt). */
  reportDocumentState(state: DocumentState): Promise<void>;
  /** Keeps the current text in the recovery journal (call at most every few seconds while unsaved). */
  journalDocument(request: JournalRequest): Promise<void>;
  /** Opens dropped files, each in its own window (.ysb/.json documents; .xlsx workbooks are imported). */
  openDroppedFiles(files: readonly DroppedFile[]): Promise<void>;
  /** Closes this window (after 'saveAndClose' has saved). */
  closeWindow(): Promise<void>;
  /** Menu commands for this window; returns the function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  /** Progress of this window's export or print job; returns the function that unsubscribes. */
  onExportProgress(listener: (progress: ExportProgress) => void): Unsubscribe;
}

export const IPC_CHANNELS = {
  openInitialDocument: 'document:open-initial',
  saveDocument: 'document:save',
  exportDocument: 'document:export',
  printDocument: 'document:print',
  reportDocumentState: 'document:state',
  journalDocument: 'document:journal',
  openDroppedFiles: 'document:open-dropped',
  closeWindow: 'window:close',
} as const satisfies Record<keyof IpcInvokeContract, string>;

export const IPC_EVENTS = {
  menuCommand: 'menu:command',
  exportProgress: 'export:progress',
} as const satisfies Record<keyof IpcEventContract, string>;
