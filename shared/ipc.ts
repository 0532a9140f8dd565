/**
 * The contract between the renderer and the main process: one entry per channel, with its argument
 * and result types. The preload exposes exactly these as `window.api`; the main process registers a
 * handler for each and validates what it receives.
 */

/** A document as the main process hands it to the renderer: its file text, and where it came from. */
export interface OpenedDocument {
  /** The file's JSON text (parsed and validated in the renderer by shared/document/file). */
  readonly text: string;
  /** The file path, or null for the built-in sample. */
  readonly path: string | null;
}

export interface SaveRequest {
  /** The document's JSON text (shared/document/file serializeDocument). */
  readonly text: string;
  /** Where it was opened from or last saved; null asks where to save. */
  readonly path: string | null;
  readonly suggestedName: string;
}

export type SaveResult = { readonly saved: true; readonly path: string } | { readonly saved: false };

export type ExportKind = 'xlsx' | 'pdf';

export interface ExportRequest {
  readonly kind: ExportKind;
  readonly text: string;
  readonly suggestedName: string;
}

export type ExportResult = { readonly exported: true; readonly path: string } | { readonly exported: false };

export interface BudgetApi {
  /** The document the app was started with: the file named on the command line, or the sample. */
  openInitialDocument(): Promise<OpenedDocument>;
  /** Saves the document (atomically, keeping the previous version); asks where when there is no path. */
  saveDocument(request: SaveRequest): Promise<SaveResult>;
  /** Exports the report (PDF) or the workbook (Excel) of the document. */
  exportDocument(request: ExportRequest): Promise<ExportResult>;
}

export const IPC_CHANNELS = {
  openInitialDocument: 'document:open-initial',
  saveDocument: 'document:save',
  exportDocument: 'document:export',
} as const satisfies Record<keyof BudgetApi, string>;
