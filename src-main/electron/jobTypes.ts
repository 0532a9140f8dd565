/**
 * The jobs the worker thread does (jobWorker.ts) and the messages it answers with: plain data, so that
 * the main process can name them without loading the heavy modules (pdfmake, exceljs) the jobs use.
 */

export type Job =
  /** Counts the document's 错误 and 提示 (a PDF with 错误 is a draft). */
  | { readonly type: 'check'; readonly text: string }
  | {
      readonly type: 'pdf';
      readonly text: string;
      /** Marks every page 草稿 未通过审核. */
      readonly draft: boolean;
      /** 'system': Windows' 宋体, 仿宋 and 黑体 when this machine has them; else the bundled fonts. */
      readonly fonts?: 'bundled' | 'system';
    }
  | { readonly type: 'xlsx'; readonly text: string }
  | { readonly type: 'import'; readonly bytes: Uint8Array };

export type JobResult =
  | { readonly type: 'check'; readonly errors: number; readonly advisories: number }
  | { readonly type: 'bytes'; readonly bytes: Uint8Array }
  | {
      readonly type: 'import';
      /** The document read, as file text. */
      readonly text: string;
      /** What could not be read, or needs a look, in Chinese. */
      readonly problems: readonly string[];
      readonly summary: string;
      readonly errors: number;
    };

/** Messages from the worker. */
export type JobMessage =
  | { readonly progress: number }
  | { readonly result: JobResult; readonly threadId: number }
  | { readonly error: string };

/** A job's failure that the user should read as it is (a document that cannot be read, …). */
export class JobError extends Error {
  override readonly name = 'JobError';
}

/** Marks a worker started to run jobs: main.ts serves jobs when it is loaded so. */
export const JOB_WORKER_ROLE = 'budget-assistant/jobs';
