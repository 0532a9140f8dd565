/**
 * The Electron main process: one window showing the document given on the command line (or the
 * sample), with the security settings of security.ts. Main-process services stay plain functions
 * (initialDocument.ts, ../files) so tests can call them without Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc';
import { documentPathFromArgs, initialDocument } from './initialDocument';
import { CONTENT_SECURITY_POLICY, isAllowedUrl, secureWebPreferences } from './security';

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const windows = new Set<number>();

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 600,
    title: '部门预算编制助手',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  windows.add(window.webContents.id);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => windows.delete(window.webContents.id));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(rendererIndex);
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedUrl(details.url) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );
}

function registerIpc(): void {
  const path = documentPathFromArgs(process.argv, process.defaultApp);
  ipcMain.handle(IPC_CHANNELS.openInitialDocument, (event) => {
    // Only the app's own windows may ask.
    if (!windows.has(event.sender.id)) throw new Error('拒绝来自未知窗口的请求');
    return initialDocument(path);
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    lockDownSession();
    registerIpc();
    createWindow();
  });
  app.on('window-all-closed', () => app.quit());
}
