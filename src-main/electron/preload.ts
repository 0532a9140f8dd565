/**
 * The preload: exposes the IPC contract (shared/ipc.ts) as `window.api`, one function per channel.
 * Nothing else of Electron or Node reaches the renderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type BudgetApi, type OpenedDocument } from '../../shared/ipc';

const api: BudgetApi = {
  openInitialDocument: () => ipcRenderer.invoke(IPC_CHANNELS.openInitialDocument) as Promise<OpenedDocument>,
};

contextBridge.exposeInMainWorld('api', api);
