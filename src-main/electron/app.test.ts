/**
 * The main process as wired in app.ts, against a stand-in for the electron module (vi.doMock): the
 * window's preferences, the session's lockdown, every IPC channel handled, single instance, recovery at
 * start, a second launch opening its file, and the close prompt.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import { IPC_CHANNELS, type OpenedDocument } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';
import { writeJournal } from '../files/journal';
import { APP_PAGE_URL, CONTENT_SECURITY_POLICY, secureWebPreferences } from './security';
import { FakeSession } from './testDoubles';

const APP_DIR = join('/app', 'out', 'main');

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** A stand-in for what app.ts uses of the electron module. */
function fakeElectron(userData: string, documents: string) {
  let nextContentsId = 100;
  const windows: FakeBrowserWindow[] = [];
  const handlers = new Map<string, Handler>();
  const messageBoxes: { message: string; buttons: string[] }[] = [];
  const answers: number[] = [];
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  class FakeContents extends EventEmitter {
    readonly id = nextContentsId++;
    readonly send = vi.fn();
    readonly reload = vi.fn();
    readonly print = vi.fn();
  }

  class FakeBrowserWindow extends EventEmitter {
    static getFocusedWindow = () => windows.at(-1) ?? null;
    static getAllWindows = () => [...windows];
    readonly webContents = new FakeContents();
    readonly loadFile = vi.fn(() => Promise.resolve());
    readonly loadURL = vi.fn(() => Promise.resolve());
    title = '';
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    show = vi.fn();
    maximize = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    setMenu = vi.fn();
    setProgressBar = vi.fn();
    setDocumentEdited = vi.fn();
    setTitle(title: string) {
      this.title = title;
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 800 });
    /** As Electron does: 'close', and unless prevented, 'closed'. */
    close() {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      this.emit('close', event);
      if (event.prevented) return;
      this.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
    }
  }

  const app = Object.assign(new EventEmitter(), {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    whenReady: () => whenReady,
    getPath: (name: string) => (name === 'userData' ? userData : documents),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    getVersion: () => '0.1.0',
    isPackaged: false,
  });

  const session = { defaultSession: new FakeSession() };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session,
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
      handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
        this.handlers.set(scheme, handler);
      },
    },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (template: unknown) => template },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    dialog: {
      showMessageBox: vi.fn((...args: unknown[]) => {
        const box = args.at(-1) as { message: string; buttons: string[] };
        messageBoxes.push({ message: box.message, buttons: box.buttons });
        return Promise.resolve({ response: answers.shift() ?? 0 });
      }),
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })),
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
      showErrorBox: vi.fn(),
    },
    shell: { openPath: vi.fn(() => Promise.resolve('')), showItemInFolder: vi.fn() },
  };
  return { module, windows, handlers, messageBoxes, answers, ready: () => ready() };
}

let folder: string;
let userData: string;
const argv = process.argv;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-app-'));
  userData = join(folder, 'userData');
  process.argv = ['部门预算编制助手.exe'];
  // The app notes refused requests and late writes (after a test's folder is gone) on the console.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  // Let the app's last writes (recent files, journals) finish before its folder goes.
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.argv = argv;
  vi.restoreAllMocks();
  vi.doUnmock('electron');
  vi.resetModules();
  await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('timed out');
}

/** Starts the app against the stand-in; resolves once the first window is there. */
async function boot(options: { lock?: boolean; answers?: number[]; windows?: number } = {}) {
  const electron = fakeElectron(userData, folder);
  electron.module.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true);
  electron.answers.push(...(options.answers ?? []));
  vi.resetModules();
  vi.doMock('electron', () => electron.module);
  const { startApp } = await import('./app');
  startApp({ entryUrl: pathToFileURL(join(APP_DIR, 'main.cjs')) });
  electron.ready();
  if (options.lock !== false) await until(() => electron.windows.length >= (options.windows ?? 1));
  const event = (window = electron.windows[0]) => ({
    sender: { id: window?.webContents.id ?? -1 },
    senderFrame: { url: APP_PAGE_URL, parent: null },
  });
  const invoke = (channel: string, window = electron.windows[0], ...args: unknown[]) =>
    electron.handlers.get(channel)?.(event(window), ...args);
  return { ...electron, invoke };
}

describe('the main process', () => {
  it('opens a window with the secure preferences, loading the app’s page, and handles every channel', async () => {
    const electron = await boot();
    expect(electron.module.app.enableSandbox).toHaveBeenCalled();
    expect(electron.module.app.setAppUserModelId).toHaveBeenCalledWith('cn.gov.county.budget-assistant');
    const [window] = electron.windows;
    expect(window?.options.webPreferences).toEqual(secureWebPreferences(join(APP_DIR, 'preload.cjs')));
    expect(window?.options).toMatchObject({ show: false, minWidth: 1024, minHeight: 600 });
    expect(window?.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    // The page's files come from out/renderer, beside out/main, and nothing else.
    const serve = electron.module.protocol.handlers.get('app');
    expect((await serve?.({ url: 'app://bundle/../main/main.cjs' }))?.status).toBe(404);
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalled();
    // Without a file: the sample.
    const opened = (await electron.invoke(IPC_CHANNELS.openInitialDocument)) as OpenedDocument;
    const parsed = parseDocument(opened.text);
    expect(parsed.ok && parsed.document.department.name).toBe('新绛县人民政府办公室');
  });

  it('locks the session down: permissions denied, network cancelled, CSP on the app’s page', async () => {
    const electron = await boot();
    const ses = electron.module.session.defaultSession;
    expect(ses.grants('notifications')).toBe(false);
    expect(ses.spellChecker).toBe(false);
    expect(ses.cancels('https://update.example.com/latest.yml')).toBe(true);
    expect(ses.headersFor(APP_PAGE_URL)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('hardens every web contents created', async () => {
    const electron = await boot();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.module.app.emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('refuses IPC from a web contents that is not a document window', async () => {
    const electron = await boot();
    const handler = electron.handlers.get(IPC_CHANNELS.openInitialDocument);
    await expect(
      handler?.({
        sender: { id: 9999 },
        senderFrame: { url: APP_PAGE_URL, parent: null },
      }),
    ).rejects.toThrow('拒绝');
  });

  it('quits at once when another instance is running', async () => {
    const electron = await boot({ lock: false });
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.windows).toEqual([]);
  });

  it('opens the file of a second launch in a new window, and focuses it the next time', async () => {
    const electron = await boot();
    const path = join(folder, '教育局2025.ysb');
    await writeFile(path, serializeDocument(sampleDocument()));
    electron.module.app.emit('second-instance', {}, ['部门预算编制助手.exe', '教育局2025.ysb'], folder, {});
    await until(() => electron.windows.length === 2);
    const second = electron.windows[1];
    expect(((await electron.invoke(IPC_CHANNELS.openInitialDocument, second)) as OpenedDocument).path).toBe(
      path,
    );
    expect(second?.title).toBe('教育局2025.ysb - 部门预算编制助手');
    electron.module.app.emit('second-instance', {}, ['部门预算编制助手.exe', path], folder, {});
    await until(() => (second?.focus.mock.calls.length ?? 0) > 0);
    expect(electron.windows).toHaveLength(2);
  });

  it('offers a recovery journal newer than its file at start, and opens it unsaved', async () => {
    const path = join(folder, '教育局2025.ysb');
    await writeFile(path, serializeDocument(sampleDocument()));
    const changed = sampleDocument();
    changed.department.name = '恢复的部门';
    await writeJournal(userData, { documentPath: path }, serializeDocument(changed), {
      now: () => new Date(Date.now() + 60_000),
    });
    const electron = await boot({ answers: [0] });
    expect(electron.messageBoxes[0]?.message).toMatch(
      /^发现“教育局2025\.ysb”未保存的修改（保存于 .+），是否恢复？$/,
    );
    expect(electron.messageBoxes[0]?.buttons).toEqual(['恢复', '放弃', '以后再说']);
    const opened = (await electron.invoke(IPC_CHANNELS.openInitialDocument)) as OpenedDocument;
    expect(opened).toMatchObject({ path, unsaved: true });
    expect(opened.text).toContain('恢复的部门');
    expect(electron.windows[0]?.title).toBe('教育局2025.ysb * - 部门预算编制助手');
  });

  it('asks before closing a window with unsaved changes', async () => {
    const electron = await boot({ answers: [2] });
    const [window] = electron.windows;
    await electron.invoke(IPC_CHANNELS.reportDocumentState, window, { unsaved: true, title: '样例' });
    expect(window?.title).toBe('样例 * - 部门预算编制助手');
    window?.close();
    await until(() => electron.messageBoxes.length === 1);
    expect(electron.messageBoxes[0]).toEqual({
      message: '“样例”有未保存的修改。',
      buttons: ['保存', '不保存', '取消'],
    });
    // 取消: still open.
    expect(electron.windows).toHaveLength(1);
    // 不保存: closed; the last window closed quits the app.
    electron.answers.push(1);
    window?.close();
    await until(() => electron.windows.length === 0);
    electron.module.app.emit('window-all-closed');
    await until(() => electron.module.app.quit.mock.calls.length > 0);
  });
});
