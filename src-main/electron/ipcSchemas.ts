/**
 * What the main process accepts on each IPC channel (shared/ipc.ts), as zod schemas typed by the contract:
 * a request that does not match is refused before any handler sees it. Texts are bounded (a document is
 * well under 1 MB; 100 times the sample is 5 MB), names are plain file names, flags are booleans.
 */
import { z } from 'zod';
import type { IpcInvokeContract } from '../../shared/ipc';

/** The largest document text accepted (the same bound openDocumentFile applies to files). */
export const MAX_TEXT_LENGTH = 200 * 1024 * 1024;
const MAX_NAME_LENGTH = 255;
const MAX_PATH_LENGTH = 4096;
const MAX_DROPPED_FILES = 20;

const documentText = z.string().min(1).max(MAX_TEXT_LENGTH);
const suggestedName = z.string().max(MAX_NAME_LENGTH);

type Schemas = {
  readonly [K in keyof IpcInvokeContract]: z.ZodType<IpcInvokeContract[K]['request']>;
};

export const IPC_REQUEST_SCHEMAS: Schemas = {
  openInitialDocument: z.undefined(),
  saveDocument: z.strictObject({
    text: documentText,
    path: z.string().max(MAX_PATH_LENGTH).nullable().optional(),
    suggestedName,
    saveAs: z.boolean().optional(),
  }),
  exportDocument: z.strictObject({
    kind: z.enum(['xlsx', 'pdf']),
    text: documentText,
    suggestedName,
  }),
  printDocument: z.strictObject({ text: documentText, suggestedName }),
  reportDocumentState: z.strictObject({ unsaved: z.boolean(), title: z.string().max(MAX_NAME_LENGTH) }),
  journalDocument: z.strictObject({ text: documentText }),
  openDroppedFiles: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).max(MAX_DROPPED_FILES).readonly(),
  closeWindow: z.undefined(),
};
