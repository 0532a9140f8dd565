/**
 * The Electron main process: wires Electron to the plain services beside this file. It holds no logic of
 * its own beyond choosing which dialog to show; what happens lives in documentWindows.ts (one window per
 * document, save, journal, close prompt), documentOpening.ts (open, import, new), exportJobs.ts (export and
 * print in a worker thread), recovery.ts, menu.ts, windowState.ts, recentFiles.ts, print.ts, and the
 * security settings in security.ts. Every IPC channel goes through ipcHandlers.ts (sender and argument
 * checks).
 *
 * Single instance: a second launch (a double-clicked file, `部门预算编制助手.exe 文件.ysb`) hands its
 * command line to the first, which opens the files (or comes to the front) and the second quits.
 */
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rm } from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type MessageBoxOptions,
} from 'electron';
import { DOCUMENT_EXTENSION, IPC_EVENTS, type ExportKind } from '../../shared/ipc';
import { DocumentOpener } from './documentOpening';
import { APP_TITLE, DocumentWindows, type DocumentView } from './documentWindows';
import { ExportService, JobRunner, type OpenChoice } from './exportJobs';
import { documentPathsFromArgs } from './launchArgs';
import { registerIpcHandlers } from './ipcHandlers';
import { JOB_WORKER_ROLE } from './jobTypes';
import { menuTemplate } from './menu';
import {
  previewMenuTemplate,
  previewTitle,
  PRINT_OPTIONS,
  removeStalePreviews,
  writePreviewFile,
} from './print';
import { RecentFiles } from './recentFiles';
import { offerRecovery, type RecoveryAnswer } from './recovery';
import {
  APP_PAGE_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  hardenWebContents,
  isTrustedSender,
  previewWebPreferences,
  secureSession,
  secureWebPreferences,
  serveAppFile,
} from './security';
import {
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  placeWindow,
  saveWindowState,
  stateOf,
  type WindowState,
} from './windowState';

/** The same id as electron-builder.yml's appId: Windows groups the taskbar and jump list by it. */
export const APP_USER_MODEL_ID = 'cn.gov.county.budget-assistant';

export interface StartOptions {
  /** The main script (out/main/main.cjs): the page and preload are found beside it; job workers run it. */
  readonly entryUrl: URL;
}

const DOCUMENT_FILTERS = [
  { name: '部门预算文件', extensions: [DOCUMENT_EXTENSION, 'json'] },
  { name: '备份文件', extensions: ['bak'] },
  { name: '所有文件', extensions: ['*'] },
];
const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }[]> = {
  pdf: [{ name: 'PDF 文件', extensions: ['pdf'] }],
  xlsx: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
};

export function startApp(options: StartOptions): void {
  const here = dirname(fileURLToPath(options.entryUrl));
  const rendererRoot = join(here, '..', 'renderer');
  const preload = join(here, 'preload.cjs');

  // Every renderer sandboxed, whatever a window's settings say.
  app.enableSandbox();
  // The page comes from app://bundle/ (serveAppFile), not file://.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setAppUserModelId(APP_USER_MODEL_ID);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });

  // Files arriving before the app is ready (a second launch, macOS open-file) wait for it.
  let openPaths: ((paths: readonly string[]) => void) | null = null;
  const early: string[] = [];
  const openLater = (paths: readonly string[]) => {
    if (openPaths) openPaths(paths);
    else early.push(...paths);
  };
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = documentPathsFromArgs(argv, process.defaultApp, workingDirectory);
    if (paths.length === 0) focusSomeWindow();
    else openLater(paths);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openLater([path]);
  });

  app
    .whenReady()
    .then(async () => {
      openPaths = await ready(rendererRoot, preload, options.entryUrl);
      const initial = [...documentPathsFromArgs(process.argv, process.defaultApp, process.cwd()), ...early];
      openPaths(initial);
    })
    .catch((error: unknown) => {
      console.error(error);
      dialog.showErrorBox(`${APP_TITLE}无法启动`, error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

function focusSomeWindow(): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Sets everything up once Electron is ready; returns how to open files. */
async function ready(
  rendererRoot: string,
  preload: string,
  entryUrl: URL,
): Promise<(paths: readonly string[]) => void> {
  const userData = app.getPath('userData');
  const log = (message: string, detail?: unknown) => console.warn(message, detail ?? '');
  secureSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request.url, rendererRoot));

  let windowState: WindowState = await loadWindowState(userData);
  let stateWrite: Promise<void> = Promise.resolve();
  const rememberState = (window: BrowserWindow) => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    windowState = stateOf(window.getNormalBounds(), window.isMaximized());
    const state = windowState;
    stateWrite = stateWrite
      .then(() => saveWindowState(userData, state))
      .catch((error: unknown) => log('未能保存窗口位置', error));
  };

  const browserWindows = new Map<number, BrowserWindow>();
  const windowOf = (webContentsId: number) => browserWindows.get(webContentsId) ?? null;
  const messageBox = async (webContentsId: number | null, box: MessageBoxOptions): Promise<number> => {
    const parent = webContentsId === null ? null : windowOf(webContentsId);
    const options: MessageBoxOptions = { title: APP_TITLE, noLink: true, ...box };
    const { response } = parent
      ? await dialog.showMessageBox(parent, options)
      : await dialog.showMessageBox(options);
    return response;
  };

  const recent = new RecentFiles(userData, { onChange: () => buildMenu(), log });
  await recent.load();

  const createView = (): DocumentView => {
    const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
    const placement = placeWindow(windowState, displays, browserWindows.size);
    const window = new BrowserWindow({
      ...placement.bounds,
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
      title: APP_TITLE,
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(preload),
    });
    const id = window.webContents.id;
    browserWindows.set(id, window);
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    // The title is the main process's (file name, unsaved mark), not the page's.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('close', (event) => {
      if (!documents.closeRequested(id)) event.preventDefault();
      else rememberState(window);
    });
    window.on('closed', () => {
      browserWindows.delete(id);
      documents.closed(id);
    });
    window.on('session-end', () => documents.endSession());
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      log('窗口的页面意外结束', details.reason);
      documents.rendererGone(id);
      if (!window.isDestroyed()) window.webContents.reload();
    });
    void window.loadURL(APP_PAGE_URL);
    return {
      webContentsId: id,
      setTitle: (title) => window.setTitle(title),
      setDocumentEdited: (edited) => window.setDocumentEdited(edited),
      send: (channel, message) => window.webContents.send(IPC_EVENTS[channel], message),
      focus: () => {
        if (window.isMinimized()) window.restore();
        window.focus();
      },
      close: () => window.close(),
      isDestroyed: () => window.isDestroyed(),
    };
  };

  const documents: DocumentWindows = new DocumentWindows({
    userDataDir: userData,
    createView,
    defaultFolder: () => app.getPath('documents'),
    onFileUsed: (path) => {
      recent.add(path);
      app.addRecentDocument(path);
    },
    log,
    dialogs: {
      askSaveBeforeClose: async (view, name) => {
        const answer = await messageBox(view.webContentsId, {
          type: 'warning',
          message: `“${name}”有未保存的修改。`,
          detail: '关闭前要保存吗？选“不保存”将放弃这些修改。',
          buttons: ['保存', '不保存', '取消'],
          defaultId: 0,
          cancelId: 2,
        });
        return answer === 0 ? 'save' : answer === 1 ? 'discard' : 'cancel';
      },
      chooseSavePath: async (view, defaultPath) => {
        const parent = windowOf(view.webContentsId);
        const options = {
          title: '保存部门预算文件',
          defaultPath,
          filters: DOCUMENT_FILTERS.slice(0, 1).concat([{ name: 'JSON 文件', extensions: ['json'] }]),
          properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
        };
        const result = parent
          ? await dialog.showSaveDialog(parent, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      showError: async (view, message, detail) => {
        await messageBox(view?.webContentsId ?? null, { type: 'error', message, detail, buttons: ['确定'] });
      },
    },
  });

  const jobs = new JobRunner(() => new Worker(entryUrl, { workerData: { role: JOB_WORKER_ROLE } }));

  const opener = new DocumentOpener({
    open: (document) => documents.open(document),
    focusIfOpen: (path) => {
      const view = documents.findByPath(path);
      view?.focus();
      return view !== undefined;
    },
    jobs,
    showOpenError: async (message, detail, backup) => {
      const buttons = backup === null ? ['确定'] : ['确定', `打开备份“${basename(backup)}”`];
      const answer = await messageBox(focusedDocument(), {
        type: 'error',
        message,
        detail,
        buttons,
        cancelId: 0,
      });
      return answer === 1;
    },
    showWarning: async (message, detail) => {
      await messageBox(focusedDocument(), { type: 'warning', message, detail, buttons: ['确定'] });
    },
    forgetRecent: (path) => recent.remove(path),
  });

  const exports = new ExportService({
    jobs,
    chooseExportPath: async (webContentsId, kind, defaultPath) => {
      const parent = windowOf(webContentsId);
      const options = {
        title: kind === 'pdf' ? '导出 PDF' : '导出 Excel',
        defaultPath,
        filters: EXPORT_FILTERS[kind],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    confirmDraft: async (webContentsId, errors) =>
      (await messageBox(webContentsId, {
        type: 'warning',
        message: `审核有 ${errors} 项错误，改正后才能导出正式公开的 PDF。`,
        detail: '仍要导出草稿吗？草稿每页标“草稿 未通过审核”。',
        buttons: ['导出草稿', '取消'],
        defaultId: 1,
        cancelId: 1,
      })) === 0,
    offerToOpen: async (webContentsId, path): Promise<OpenChoice> => {
      const answer = await messageBox(webContentsId, {
        type: 'info',
        message: `已导出“${basename(path)}”。`,
        detail: path,
        buttons: ['打开文件', '打开所在文件夹', '关闭'],
        defaultId: 0,
        cancelId: 2,
      });
      return answer === 0 ? 'open' : answer === 1 ? 'folder' : 'none';
    },
    openPath: (path) => shell.openPath(path),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    showError: async (webContentsId, message) => {
      await messageBox(webContentsId, { type: 'error', message, buttons: ['确定'] });
    },
    progress: (webContentsId, progress) => {
      documents.send(webContentsId, 'exportProgress', progress);
      const window = windowOf(webContentsId);
      if (window && !window.isDestroyed()) window.setProgressBar(progress.done ? -1 : progress.share);
    },
    showPrintPreview: async (_webContentsId, bytes, title) => {
      const file = await writePreviewFile(userData, bytes);
      const preview = new BrowserWindow({
        width: 1000,
        height: 860,
        title: previewTitle(title),
        show: false,
        backgroundColor: '#525659',
        webPreferences: previewWebPreferences(),
      });
      const print = () =>
        preview.webContents.print(PRINT_OPTIONS, (success, reason) => {
          if (!success && reason !== 'cancelled' && reason !== 'Print job canceled') {
            void messageBox(null, { type: 'error', message: `打印失败：${reason}`, buttons: ['确定'] });
          }
        });
      preview.setMenu(Menu.buildFromTemplate(previewMenuTemplate({ print, close: () => preview.close() })));
      preview.on('page-title-updated', (event) => event.preventDefault());
      preview.once('ready-to-show', () => preview.show());
      preview.on('closed', () => void rm(file, { force: true }).catch(() => undefined));
      await preview.loadFile(file);
    },
    defaultFolder: () => app.getPath('documents'),
  });

  registerIpcHandlers(ipcMain, {
    isTrusted: (event) => isTrustedSender(event, (id) => documents.has(id)),
    log,
    services: {
      openInitialDocument: ({ webContentsId }) => documents.initialDocument(webContentsId),
      saveDocument: ({ webContentsId }, request) => documents.save(webContentsId, request),
      exportDocument: ({ webContentsId }, request) => exports.exportDocument(webContentsId, request),
      printDocument: ({ webContentsId }, request) => exports.printDocument(webContentsId, request),
      reportDocumentState: async ({ webContentsId }, state) => {
        await documents.reportState(webContentsId, state);
        return undefined;
      },
      journalDocument: ({ webContentsId }, request) => {
        documents.journal(webContentsId, request.text);
        return undefined;
      },
      openDroppedFiles: async (_context, paths) => {
        for (const path of paths.filter((p) => isAbsolute(p))) await opener.openPath(path);
        return undefined;
      },
      closeWindow: ({ webContentsId }) => {
        documents.closeAfterSave(webContentsId);
        return undefined;
      },
    },
  });

  /** The document window to act on: the focused one, or the last one focused. */
  let lastFocused: number | null = null;
  app.on('browser-window-focus', (_event, window) => {
    const id = window.webContents.id;
    if (documents.has(id)) lastFocused = id;
  });
  function focusedDocument(window?: unknown): number | null {
    const focused = window instanceof BrowserWindow ? window : BrowserWindow.getFocusedWindow();
    const id = focused?.webContents.id;
    if (id !== undefined && documents.has(id)) return id;
    return lastFocused !== null && documents.has(lastFocused) ? lastFocused : null;
  }

  async function choosePaths(
    title: string,
    filters: typeof DOCUMENT_FILTERS,
    multiple: boolean,
  ): Promise<string[]> {
    const parentId = focusedDocument();
    const parent = parentId === null ? null : windowOf(parentId);
    const properties: ('openFile' | 'multiSelections')[] = multiple
      ? ['openFile', 'multiSelections']
      : ['openFile'];
    const options = { title, filters, properties };
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  }

  const openAll = (paths: readonly string[]) => {
    void (async () => {
      for (const path of paths) await opener.openPath(path);
      if (documents.count === 0) opener.sample();
    })();
  };

  function buildMenu(): void {
    const template = menuTemplate(
      {
        newDocument: (year) => opener.newDocument(year),
        newFromLastYear: () => {
          void choosePaths('选择上年的部门预算文件', DOCUMENT_FILTERS, false).then(async ([path]) => {
            if (path !== undefined) await opener.newFromLastYear(path);
          });
        },
        open: () => {
          void choosePaths('打开部门预算文件', DOCUMENT_FILTERS, true).then(openAll);
        },
        openRecent: (path) => openAll([path]),
        clearRecent: () => {
          recent.clear();
          app.clearRecentDocuments();
        },
        importExcel: () => {
          void choosePaths('导入 Excel 工作簿', [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], false).then(
            async ([path]) => {
              if (path !== undefined) await opener.importWorkbook(path);
            },
          );
        },
        command: (command, window) => {
          const id = focusedDocument(window);
          if (id !== null) documents.send(id, 'menuCommand', command);
        },
        openDataFolder: () => {
          void shell.openPath(userData);
        },
        about: () => {
          void messageBox(focusedDocument(), {
            type: 'info',
            message: `${APP_TITLE} ${app.getVersion()}`,
            detail:
              '县级部门预算公开的填报、审核、情况说明与导出。全程离线，数据只保存在本机。\n\n' +
              `数据文件夹（恢复文件、窗口位置、最近打开）：\n${userData}`,
            buttons: ['确定'],
          });
        },
      },
      { recentFiles: recent.files, year: new Date().getFullYear(), developer: !app.isPackaged },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
  buildMenu();

  app.on('window-all-closed', () => {
    // The last writes (window position, recent files) finish before the process ends.
    void Promise.all([stateWrite, recent.flush()]).finally(() => app.quit());
  });

  await removeStalePreviews(userData);
  const recovered = await offerRecovery(userData, {
    log,
    ask: async (journal, index, total): Promise<RecoveryAnswer> => {
      const answer = await messageBox(null, {
        type: 'question',
        title: total > 1 ? `恢复未保存的修改（${index + 1}/${total}）` : '恢复未保存的修改',
        message: journal.prompt,
        detail:
          '上次程序没有正常关闭（断电、死机或程序出错）。\n' +
          '恢复：在新窗口中打开这些修改，检查后保存。\n放弃：删除这些修改，无法找回。\n以后再说：下次启动时再问。',
        buttons: ['恢复', '放弃', '以后再说'],
        defaultId: 0,
        cancelId: 2,
      });
      return answer === 0 ? 'recover' : answer === 1 ? 'discard' : 'later';
    },
  });
  for (const { document, untitledId } of recovered) documents.open(document, untitledId);
  return (paths) => {
    if (paths.length === 0) {
      if (documents.count === 0) opener.sample();
      return;
    }
    openAll(paths);
  };
}
