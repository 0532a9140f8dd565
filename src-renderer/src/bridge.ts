/**
 * The bridge to the main process: `window.api` in Electron (see src-main/electron/preload.ts); in a
 * plain browser (development, tests) a stand-in that opens the built-in sample.
 */
import { serializeDocument } from '../../shared/document/file';
import type { BudgetApi } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';

declare global {
  interface Window {
    readonly api?: BudgetApi;
  }
}

const browserBridge: BudgetApi = {
  openInitialDocument: () => Promise.resolve({ text: serializeDocument(sampleDocument()), path: null }),
};

export function bridge(): BudgetApi {
  return window.api ?? browserBridge;
}
