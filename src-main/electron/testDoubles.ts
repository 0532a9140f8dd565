/**
 * Stand-ins for windows and dialogs, for the main-process tests: they record what they were asked to do
 * and answer as a test tells them.
 */
import type { IpcEventContract, OpenedDocument } from '../../shared/ipc';
import type { CloseAnswer, DocumentView, WindowDialogs } from './documentWindows';
import type { LockableSession } from './security';

let nextId = 1;

export class FakeView implements DocumentView {
  readonly webContentsId = nextId++;
  title = '';
  edited = false;
  focused = 0;
  closeCalls = 0;
  destroyed = false;
  readonly sent: { channel: keyof IpcEventContract; message: unknown }[] = [];

  constructor(readonly document: OpenedDocument) {}

  setTitle(title: string): void {
    this.title = title;
  }

  setDocumentEdited(edited: boolean): void {
    this.edited = edited;
  }

  send<K extends keyof IpcEventContract>(channel: K, message: IpcEventContract[K]): void {
    this.sent.push({ channel, message });
  }

  focus(): void {
    this.focused++;
  }

  close(): void {
    this.closeCalls++;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeDialogs implements WindowDialogs {
  closeAnswer: CloseAnswer = 'cancel';
  /** The path the save dialog returns (null: cancelled). */
  savePath: string | null = null;
  readonly asked: string[] = [];
  readonly saveDialogs: string[] = [];
  readonly errors: string[] = [];

  askSaveBeforeClose(_view: DocumentView, name: string): Promise<CloseAnswer> {
    this.asked.push(name);
    return Promise.resolve(this.closeAnswer);
  }

  chooseSavePath(_view: DocumentView, defaultPath: string): Promise<string | null> {
    this.saveDialogs.push(defaultPath);
    return Promise.resolve(this.savePath);
  }

  showError(_view: DocumentView | null, message: string): Promise<void> {
    this.errors.push(message);
    return Promise.resolve();
  }
}

/** Lets pending promise callbacks and immediate timers run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type PermissionRequestHandler = Parameters<LockableSession['setPermissionRequestHandler']>[0];
type BeforeRequestListener = Parameters<LockableSession['webRequest']['onBeforeRequest']>[0];
type HeadersReceivedListener = Parameters<LockableSession['webRequest']['onHeadersReceived']>[0];

/** A session that keeps the handlers it is given, so tests can call them. */
export class FakeSession implements LockableSession {
  permissionRequest: PermissionRequestHandler | null = null;
  permissionCheck: (() => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  spellChecker = true;
  willDownload: ((event: { preventDefault(): void }) => void) | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  headersReceived: HeadersReceivedListener | null = null;

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: HeadersReceivedListener) => {
      this.headersReceived = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequest = handler;
  }

  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheck = handler;
  }

  setDevicePermissionHandler(handler: () => boolean): void {
    this.devicePermission = handler;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }

  on(_event: 'will-download', listener: (event: { preventDefault(): void }) => void): this {
    this.willDownload = listener;
    return this;
  }

  /** Whether a request to `url` is cancelled. */
  cancels(url: string): boolean | null {
    let cancelled: boolean | null = null;
    this.beforeRequest?.({ url }, (response) => (cancelled = response.cancel));
    return cancelled;
  }

  /** The headers a response from `url` ends up with. */
  headersFor(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string[]> | null {
    let headers: Record<string, string[]> | null = null;
    this.headersReceived?.({ url, responseHeaders }, (response) => (headers = response.responseHeaders));
    return headers;
  }

  /** Whether a permission request is granted. */
  grants(permission: string): boolean | null {
    let granted: boolean | null = null;
    this.permissionRequest?.(null, permission, (answer) => (granted = answer));
    return granted;
  }
}
