/**
 * The preload: exposes the IPC contract (shared/ipc.ts) as `window.api`, one function per request and one
 * subscription per event. Nothing else of Electron or Node reaches the renderer: listeners get the
 * message's data, never the IPC event.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  IPC_CHANNELS,
  IPC_EVENTS,
  type BudgetApi,
  type IpcEventContract,
  type IpcInvokeContract,
  type Unsubscribe,
} from '../../shared/ipc';

function invoke<K extends keyof IpcInvokeContract>(
  channel: K,
  ...request: IpcInvokeContract[K]['request'] extends undefined ? [] : [IpcInvokeContract[K]['request']]
): Promise<IpcInvokeContract[K]['response']> {
  return ipcRenderer.invoke(IPC_CHANNELS[channel], ...request) as Promise<IpcInvokeContract[K]['response']>;
}

function subscribe<K extends keyof IpcEventContract>(
  channel: K,
  listener: (message: IpcEventContract[K]) => void,
): Unsubscribe {
  const forward = (_event: IpcRendererEvent, message: IpcEventContract[K]) => listener(message);
  ipcRenderer.on(IPC_EVENTS[channel], forward);
  return () => {
    ipcRenderer.removeListener(IPC_EVENTS[channel], forward);
  };
}

const api: BudgetApi = {
  openInitialDocument: () => invoke('openInitialDocument'),
  saveDocument: (request) => invoke('saveDocument', request),
  exportDocument: (request) => invoke('exportDocument', request),
  printDocument: (request) => invoke('printDocument', request),
  reportDocumentState: (state) => invoke('reportDocumentState', state),
  journalDocument: (request) => invoke('journalDocument', request),
  openDroppedFiles: (files) =>
    // A sandboxed renderer sees no paths; webUtils finds the path of a File the user dropped.
    invoke(
      'openDroppedFiles',
      files.map((file) => webUtils.getPathForFile(file as File)).filter((path) => path !== ''),
    ),
  closeWindow: () => invoke('closeWindow'),
  onMenuCommand: (listener) => subscribe('menuCommand', listener),
  onExportProgress: (listener) => subscribe('exportProgress', listener),
};

contextBridge.exposeInMainWorld('api', api);
