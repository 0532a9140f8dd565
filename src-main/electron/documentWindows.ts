/**
 * One window per document. This registry knows, for each window, its document (the text it opened with,
 * its file, whether it has unsaved changes), keeps the document's recovery journal while there are
 * unsaved changes, saves it, and decides what closing the window does. It talks to windows and dialogs
 * through small interfaces (DocumentView, WindowDialogs) that app.ts implements with Electron and tests
 * with stand-ins.
 *
 * Unsaved changes: the renderer reports them (reportState); a document opened with changes not in a file
 * (recovered, imported, new from last year) counts as unsaved until its first save, whatever the
 * renderer says. Closing a window with unsaved changes asks 保存 / 不保存 / 取消; 保存 has the renderer
 * save (it holds the document) and then close the window. A window closed cleanly discards its journal; a
 * window closed by a system shutdown keeps it, to be offered at the next start.
 */
import { randomBytes } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { parseDocument } from '../../shared/document/file';
import {
  DOCUMENT_EXTENSION,
  type DocumentState,
  type IpcEventContract,
  type OpenedDocument,
  type SaveRequest,
  type SaveResult,
} from '../../shared/ipc';
import { Autosaver } from '../files/autosaver';
import { describeFileError } from '../files/fileSystem';
import { discardJournal, writeJournal, type JournalTarget } from '../files/journal';
import { saveDocumentFile, type SaveResult as FileSaveResult } from '../files/saveDocument';

export const APP_TITLE = '部门预算编制助手';

/** What the registry needs of a window (app.ts wraps a BrowserWindow). */
export interface DocumentView {
  readonly webContentsId: number;
  setTitle(title: string): void;
  /** Marks the window as having unsaved changes (macOS shows it in the close button). */
  setDocumentEdited(edited: boolean): void;
  send<K extends keyof IpcEventContract>(channel: K, message: IpcEventContract[K]): void;
  focus(): void;
  /** Closes the window, going through the close flow again (closeRequested). */
  close(): void;
  isDestroyed(): boolean;
}

export type CloseAnswer = 'save' | 'discard' | 'cancel';

export interface WindowDialogs {
  /** `name` has unsaved changes: save, discard them, or keep the window open? */
  askSaveBeforeClose(view: DocumentView, name: string): Promise<CloseAnswer>;
  /** Where to save; null when the user cancels. */
  chooseSavePath(view: DocumentView, defaultPath: string): Promise<string | null>;
  showError(view: DocumentView | null, message: string, detail?: string): Promise<void>;
}

export interface DocumentWindowsOptions {
  readonly userDataDir: string;
  /** Makes the window for a document (app.ts: a BrowserWindow loading the app's page). */
  readonly createView: (document: OpenedDocument) => DocumentView;
  readonly dialogs: WindowDialogs;
  /** The folder the save dialog starts in for a document without a file (e.g. 文档). */
  readonly defaultFolder: () => string;
  /** Told of every file opened or saved (recent files). */
  readonly onFileUsed?: (path: string) => void;
  /** Saves a file (default: saveDocumentFile, atomic with a .bak backup). */
  readonly saveFile?: (path: string, text: string) => Promise<FileSaveResult>;
  /** Autosave interval (default: the Autosaver's 5 s). */
  readonly autosaveIntervalMs?: number;
  readonly platform?: NodeJS.Platform;
  readonly log?: (message: string, detail?: unknown) => void;
}

interface Journal {
  readonly target: JournalTarget;
  readonly autosaver: Autosaver;
}

interface DocumentRecord {
  readonly view: DocumentView;
  /** What the renderer gets when it asks for its document (after a renderer crash: the journal's text). */
  initial: OpenedDocument;
  /** The text last given to the journal, while there are unsaved changes. */
  journalText: string | null;
  path: string | null;
  /** Names the journal of a document without a file. */
  readonly untitledId: string;
  /** The document's name as the renderer reports it (department and year). */
  title: string;
  /** The renderer has changes not saved. */
  rendererUnsaved: boolean;
  /** Opened with changes not in any file (recovered, imported, new from last year), not saved since. */
  unsavedSinceOpen: boolean;
  journal: Journal;
  /** 'asking': the close prompt is up; 'closing': decided, the next close goes through. */
  closeState: 'open' | 'asking' | 'closing';
}

export class DocumentWindows {
  private readonly records = new Map<number, DocumentRecord>();
  private readonly platform: NodeJS.Platform;
  private readonly log: (message: string, detail?: unknown) => void;
  /** Close prompts are asked one at a time (quitting closes every window at once). */
  private prompts: Promise<unknown> = Promise.resolve();
  /** The system is shutting down: windows close without asking and keep their journals. */
  private sessionEnding = false;

  constructor(private readonly options: DocumentWindowsOptions) {
    this.platform = options.platform ?? process.platform;
    this.log = options.log ?? ((message, detail) => console.warn(message, detail ?? ''));
  }

  /**
   * Opens a window for a document, or focuses the window that already shows its file. A document opened
   * unsaved is written to its journal at once (a recovered one must not be lost again).
   */
  open(document: OpenedDocument, untitledId: string = newUntitledId()): DocumentView {
    const existing = document.path === null ? undefined : this.findByPath(document.path);
    if (existing) {
      existing.focus();
      return existing;
    }
    const view = this.options.createView(document);
    const record: DocumentRecord = {
      view,
      initial: document,
      path: document.path,
      untitledId,
      title: document.path === null ? '' : basename(document.path),
      rendererUnsaved: false,
      unsavedSinceOpen: document.unsaved === true,
      journal: this.newJournal(document.path, untitledId),
      journalText: document.unsaved === true ? document.text : null,
      closeState: 'open',
    };
    this.records.set(view.webContentsId, record);
    if (record.unsavedSinceOpen) record.journal.autosaver.changed(document.text);
    if (document.path !== null) this.options.onFileUsed?.(document.path);
    this.updateTitle(record);
    return view;
  }

  /** Whether a web contents is one of the document windows (IPC is accepted only from these). */
  has(webContentsId: number): boolean {
    return this.records.has(webContentsId);
  }

  get count(): number {
    return this.records.size;
  }

  /** The window showing `path`, if any (paths compared as the system does). */
  findByPath(path: string): DocumentView | undefined {
    const key = this.pathKey(path);
    for (const record of this.records.values()) {
      if (record.path !== null && this.pathKey(record.path) === key) return record.view;
    }
    return undefined;
  }

  /** The document a window was opened with (the renderer asks for it once loaded). */
  initialDocument(webContentsId: number): OpenedDocument {
    return this.record(webContentsId).initial;
  }

  /** The window's file, or null. */
  pathOf(webContentsId: number): string | null {
    return this.record(webContentsId).path;
  }

  /** The name the window's document goes by: its file's name, or the renderer's title. */
  displayName(webContentsId: number): string {
    return displayName(this.record(webContentsId));
  }

  isUnsaved(webContentsId: number): boolean {
    return isUnsaved(this.record(webContentsId));
  }

  /** The renderer's report: unsaved changes or not, and the document's name. */
  async reportState(webContentsId: number, state: DocumentState): Promise<void> {
    const record = this.record(webContentsId);
    const wasUnsaved = record.rendererUnsaved;
    record.rendererUnsaved = state.unsaved;
    record.title = state.title;
    this.updateTitle(record);
    // Back at the saved version (e.g. undone): no journal to keep.
    if (wasUnsaved && !isUnsaved(record)) {
      record.journalText = null;
      await record.journal.autosaver.clean();
    }
  }

  /** The document's current text, for the recovery journal (written at most every few seconds). */
  journal(webContentsId: number, text: string): void {
    const record = this.record(webContentsId);
    if (record.closeState === 'closing') return;
    record.journalText = text;
    record.journal.autosaver.changed(text);
  }

  /**
   * The window's page crashed: when it is reloaded it gets the text last journaled (marked unsaved), so
   * only the last few seconds of work are lost.
   */
  rendererGone(webContentsId: number): void {
    const record = this.records.get(webContentsId);
    if (!record) return;
    const text = record.journalText;
    if (text !== null) {
      record.initial = {
        text,
        path: record.path,
        unsaved: true,
        notice:
          '窗口意外出错，已重新载入，并恢复了最近自动保存的内容（最后几秒的修改可能需要重做）。请检查后保存。',
      };
      record.unsavedSinceOpen = true;
    }
    record.rendererUnsaved = false;
  }

  /**
   * Saves the window's document: to its file, or where the user chooses (no file yet, or 另存为). The
   * text must be a valid document; the write is atomic and keeps the previous version as `.bak`. Never
   * throws: a failure is shown and returned in Chinese, and the file is left as it was.
   */
  async save(webContentsId: number, request: SaveRequest): Promise<SaveResult> {
    const record = this.record(webContentsId);
    const loaded = parseDocument(request.text);
    if (!loaded.ok) {
      const message = `未保存：文档内容不符合格式（${loaded.summary}）。原文件保持不变。`;
      await this.options.dialogs.showError(record.view, message);
      return { saved: false, message };
    }
    let target = record.path;
    if (target === null || request.saveAs === true) {
      target = await this.options.dialogs.chooseSavePath(
        record.view,
        this.defaultSavePath(record, request.suggestedName),
      );
      if (target === null) return { saved: false };
      const other = this.findByPath(target);
      if (other && other !== record.view) {
        const message = `未保存：“${basename(target)}”已在另一个窗口中打开，请换一个文件名。`;
        await this.options.dialogs.showError(record.view, message);
        return { saved: false, message };
      }
    }
    let result: FileSaveResult;
    try {
      result = await (this.options.saveFile ?? saveDocumentFile)(target, request.text);
    } catch (error) {
      // saveDocumentFile reports failures as values; this only guards against the unexpected.
      result = {
        ok: false,
        path: target,
        message: `无法保存“${basename(target)}”：${describeFileError(error)}。`,
        code: null,
      };
    }
    if (!result.ok) {
      await this.options.dialogs.showError(record.view, result.message);
      return { saved: false, message: result.message };
    }
    if (this.pathKey(target) !== (record.path === null ? null : this.pathKey(record.path))) {
      // The journal follows the document to its new name.
      const old = record.journal;
      record.journal = this.newJournal(target, record.untitledId);
      await old.autosaver.close();
      record.path = target;
    }
    record.unsavedSinceOpen = false;
    record.rendererUnsaved = false;
    record.journalText = null;
    record.initial = { text: request.text, path: target, unsaved: false, notice: null };
    // Edits made while saving are journaled again by the renderer, which still reports them unsaved.
    await record.journal.autosaver.clean();
    this.updateTitle(record);
    this.options.onFileUsed?.(target);
    return { saved: true, path: target, warning: result.warning };
  }

  /**
   * The window's 'close' event: true lets it close now. Otherwise the caller prevents the close and the
   * registry decides (asking when there are unsaved changes), then closes the window itself.
   */
  closeRequested(webContentsId: number): boolean {
    const record = this.records.get(webContentsId);
    if (!record || record.closeState === 'closing') return true;
    if (record.closeState === 'open') void this.decideClose(record);
    return false;
  }

  /** The renderer saved after 'saveAndClose' and asks to close. */
  closeAfterSave(webContentsId: number): void {
    const record = this.record(webContentsId);
    if (isUnsaved(record)) return;
    record.view.close();
  }

  /** The window is gone. */
  closed(webContentsId: number): void {
    this.records.delete(webContentsId);
  }

  /** The system is shutting down or logging off: close without asking, keep every journal. */
  endSession(): void {
    this.sessionEnding = true;
  }

  /** Sends a message to a window, if it is still there. */
  send<K extends keyof IpcEventContract>(
    webContentsId: number,
    channel: K,
    message: IpcEventContract[K],
  ): void {
    const record = this.records.get(webContentsId);
    if (record && !record.view.isDestroyed()) record.view.send(channel, message);
  }

  private async decideClose(record: DocumentRecord): Promise<void> {
    record.closeState = 'asking';
    try {
      if (isUnsaved(record) && !this.sessionEnding) {
        const answer = await this.enqueuePrompt(() =>
          this.options.dialogs.askSaveBeforeClose(record.view, displayName(record)),
        );
        if (answer === 'cancel' || record.view.isDestroyed()) {
          record.closeState = 'open';
          return;
        }
        if (answer === 'save') {
          record.closeState = 'open';
          record.view.send('menuCommand', 'saveAndClose');
          return;
        }
      }
      // Closed cleanly (saved, or the changes given up): the journal goes. A shutdown keeps it.
      if (!this.sessionEnding) await record.journal.autosaver.close();
    } catch (error) {
      this.log('关闭窗口时出错', error);
    }
    record.closeState = 'closing';
    if (!record.view.isDestroyed()) record.view.close();
  }

  private enqueuePrompt<T>(ask: () => Promise<T>): Promise<T> {
    const next = this.prompts.then(ask, ask);
    this.prompts = next.catch(() => undefined);
    return next;
  }

  private newJournal(path: string | null, untitledId: string): Journal {
    const target: JournalTarget = path === null ? { untitledId } : { documentPath: path };
    const userData = this.options.userDataDir;
    return {
      target,
      autosaver: new Autosaver({
        write: (text) => writeJournal(userData, target, text),
        discard: () => discardJournal(userData, target),
        intervalMs: this.options.autosaveIntervalMs,
        onError: (error) => this.log('未能写入恢复文件', error),
      }),
    };
  }

  private updateTitle(record: DocumentRecord): void {
    if (record.view.isDestroyed()) return;
    const unsaved = isUnsaved(record);
    record.view.setTitle(windowTitle(displayName(record), unsaved));
    record.view.setDocumentEdited(unsaved);
  }

  private defaultSavePath(record: DocumentRecord, suggestedName: string): string {
    const name = documentFileName(record.path === null ? suggestedName : basename(record.path));
    const folder = record.path === null ? this.options.defaultFolder() : resolve(record.path, '..');
    return resolve(folder, name);
  }

  private pathKey(path: string): string {
    const absolute = resolve(path);
    return this.platform === 'win32' ? absolute.toLowerCase() : absolute;
  }

  private record(webContentsId: number): DocumentRecord {
    const record = this.records.get(webContentsId);
    if (!record) throw new Error('这个窗口没有打开的文档');
    return record;
  }
}

function isUnsaved(record: DocumentRecord): boolean {
  return record.rendererUnsaved || record.unsavedSinceOpen;
}

function displayName(record: DocumentRecord): string {
  if (record.path !== null) return basename(record.path);
  return record.title.trim() === '' ? '未命名' : record.title.trim();
}

/** The window title: `教育局2025.ysb * - 部门预算编制助手` (the star marks unsaved changes). */
export function windowTitle(name: string, unsaved: boolean): string {
  return `${name}${unsaved ? ' *' : ''} - ${APP_TITLE}`;
}

/** Characters Windows does not allow in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAMES = /[<>:"/\\|?*\u0000-\u001f]/g;

/** A safe file name with the given extension, from a suggested name (its own extension replaced). */
export function fileNameWithExtension(suggested: string, extension: string, fallback = '部门预算'): string {
  const withoutExtension = suggested.replace(/\.(ysb|json|xlsx|pdf)$/i, '');
  const cleaned = withoutExtension
    .replace(FORBIDDEN_IN_NAMES, '')
    .replace(/[. ]+$/, '')
    .trim()
    .slice(0, 120);
  return `${cleaned === '' ? fallback : cleaned}.${extension}`;
}

/** The name a document is saved under: the suggested name with the document extension (.ysb). */
export function documentFileName(suggested: string): string {
  return fileNameWithExtension(suggested, DOCUMENT_EXTENSION);
}

export function newUntitledId(): string {
  return randomBytes(8).toString('hex');
}
