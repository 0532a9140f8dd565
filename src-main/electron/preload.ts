/**
 * The preload: exposes the IPC contract (shared/ipc.ts) as `window.api`, one function per channel.
 * Nothing else of Electron or Node reaches the renderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNELS,
  type BudgetApi,
  type ExportResult,
  type OpenedDocument,
  type SaveResult,
} from '../../shared/ipc';

const api: BudgetApi = {
  openInitialDocument: () => ipcRenderer.invoke(IPC_CHANNELS.openInitialDocument) as Promise<OpenedDocument>,
  saveDocument: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveDocument, request) as Promise<SaveResult>,
  exportDocument: (request) =>
    ipcRenderer.invoke(IPC_CHANNELS.exportDocument, request) as Promise<ExportResult>,
};

contextBridge.exposeInMainWorld('api', api);
