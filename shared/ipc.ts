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

export interface BudgetApi {
  /** The document the app was started with: the file named on the command line, or the sample. */
  openInitialDocument(): Promise<OpenedDocument>;
}

export const IPC_CHANNELS = {
  openInitialDocument: 'document:open-initial',
} as const satisfies Record<keyof BudgetApi, string>;
