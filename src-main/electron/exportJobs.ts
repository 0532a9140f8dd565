/**
 * Export and print, as the main process runs them for a window:
 *  - JobRunner starts a worker thread for each job (jobWorker.ts) and relays its progress;
 *  - ExportService is the flow around it: 导出 PDF checks the document first (with 错误 it asks whether
 *    to export a draft, each page marked 草稿 未通过审核), asks where to save while the worker already
 *    lays the report out (the window shows its progress once a place is chosen; cancelling ends it),
 *    writes the file atomically, and offers to open it; 导出 Excel the same without the draft question;
 *    打印 lays the report out the same way and shows it in a preview window, from which it is printed
 *    through the system's print dialog (print.ts).
 * A window runs one job at a time. Failures are shown and returned in Chinese; nothing half-written is
 * left under the chosen name.
 */
import type { Worker } from 'node:worker_threads';
import { basename, dirname, resolve } from 'node:path';
import type {
  ExportKind,
  ExportProgress,
  ExportRequest,
  ExportResult,
  PrintRequest,
  PrintResult,
} from '../../shared/ipc';
import { writeFileAtomic } from '../files/atomicWrite';
import { describeFileError } from '../files/fileSystem';
import { fileNameWithExtension } from './documentWindows';
import { JobError, type Job, type JobMessage, type JobResult } from './jobTypes';

export interface JobOutcome {
  readonly result: JobResult;
  /** The worker thread that did the job (never the main thread's 0). */
  readonly threadId: number;
}

export interface Jobs {
  /** Runs a job; aborting `signal` ends it, and the promise rejects with CANCELLED. */
  run(job: Job, onProgress?: (share: number) => void, signal?: AbortSignal): Promise<JobOutcome>;
}

/** What a job ended by its signal rejects with. */
export const CANCELLED = '已取消';

/**
 * Runs jobs in a worker thread. The worker is kept between jobs (loading the layout modules takes a
 * second) and one more is started when jobs overlap (two windows exporting at once); a worker whose job
 * failed or was cancelled is ended. Idle workers do not keep the process alive.
 */
export class JobRunner implements Jobs {
  private readonly idle: Worker[] = [];

  constructor(private readonly startWorker: () => Worker) {}

  run(
    job: Job,
    onProgress: (share: number) => void = () => undefined,
    signal?: AbortSignal,
  ): Promise<JobOutcome> {
    if (signal?.aborted) return Promise.reject(new JobError(CANCELLED));
    const worker = this.idle.pop() ?? this.startWorker();
    worker.ref();
    return new Promise<JobOutcome>((resolvePromise, reject) => {
      const finish = (reuse: boolean, action: () => void) => {
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reuse && this.idle.length === 0) {
          worker.unref();
          this.idle.push(worker);
        } else {
          void worker.terminate();
        }
        action();
      };
      const onMessage = (message: JobMessage) => {
        if ('progress' in message) onProgress(message.progress);
        else if ('result' in message)
          finish(true, () => resolvePromise({ result: message.result, threadId: message.threadId }));
        else finish(true, () => reject(new JobError(message.error)));
      };
      const onError = (error: Error) => finish(false, () => reject(error));
      const onExit = (code: number) =>
        finish(false, () => reject(new Error(`后台任务意外结束（退出码 ${code}）`)));
      // The worker is ended mid-job: a new one serves the next.
      const onAbort = () => finish(false, () => reject(new JobError(CANCELLED)));
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** Ends the idle workers. */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }
}

export type OpenChoice = 'open' | 'folder' | 'none';

/** What the export flow needs of the window and the system (app.ts: dialogs, shell). */
export interface ExportDeps {
  readonly jobs: Jobs;
  /** Where to write the export; null when the user cancels. */
  chooseExportPath(webContentsId: number, kind: ExportKind, defaultPath: string): Promise<string | null>;
  /** The document has `errors` 错误: export a draft anyway? */
  confirmDraft(webContentsId: number, errors: number): Promise<boolean>;
  /** Exported: open the file, show it in its folder, or nothing? */
  offerToOpen(webContentsId: number, path: string): Promise<OpenChoice>;
  /** Opens a file with the program the system uses for it (shell.openPath); resolves to '' or an error. */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
  showError(webContentsId: number, message: string): Promise<void>;
  /** Progress of the window's job: to its renderer and its taskbar button. */
  progress(webContentsId: number, progress: ExportProgress): void;
  /** Shows the report in a print preview window (print.ts). */
  showPrintPreview(webContentsId: number, bytes: Uint8Array, title: string): Promise<void>;
  /** The folder the first export dialog starts in (文档). */
  defaultFolder(): string;
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
}

const KIND_NAMES: Record<ExportKind, string> = { pdf: 'PDF', xlsx: 'Excel' };

export class ExportService {
  private readonly busy = new Set<number>();
  /** The folder of the last export, where the next dialog starts. */
  private lastFolder: string | null = null;

  constructor(private readonly deps: ExportDeps) {}

  /** 导出 PDF / 导出 Excel for a window (see the header). Never throws. */
  async exportDocument(webContentsId: number, request: ExportRequest): Promise<ExportResult> {
    return this.exclusive(webContentsId, async (): Promise<ExportResult> => {
      const deps = this.deps;
      let draft = false;
      if (request.kind === 'pdf') {
        const errors = await this.countErrors(request.text);
        if (errors > 0) {
          if (!(await deps.confirmDraft(webContentsId, errors))) return { exported: false };
          draft = true;
        }
      }
      const job: Job =
        request.kind === 'pdf'
          ? { type: 'pdf', text: request.text, draft }
          : { type: 'xlsx', text: request.text };
      // The file's place does not change its bytes: they are made while the user chooses it (a save
      // dialog takes a few seconds, the sample's report about two), and cancelling ends the job.
      const running = this.startJob(webContentsId, request.kind, job);
      const folder = this.lastFolder ?? deps.defaultFolder();
      const name = fileNameWithExtension(request.suggestedName, request.kind);
      let path: string | null = null;
      try {
        path = await deps.chooseExportPath(webContentsId, request.kind, resolve(folder, name));
      } finally {
        if (path === null) running.cancel();
      }
      if (path === null) return { exported: false };
      this.lastFolder = dirname(path);

      const bytes = await running.bytes();
      try {
        await (deps.writeFile ?? writeFileAtomic)(path, bytes);
      } catch (error) {
        throw new JobError(`无法写入“${basename(path)}”：${describeFileError(error)}。`);
      }
      const choice = await deps.offerToOpen(webContentsId, path);
      if (choice === 'open') {
        const problem = await deps.openPath(path);
        if (problem !== '') await deps.showError(webContentsId, `无法打开“${basename(path)}”：${problem}`);
      } else if (choice === 'folder') {
        deps.showItemInFolder(path);
      }
      return { exported: true, path };
    }).catch(async (error: unknown): Promise<ExportResult> => {
      const message = `导出 ${KIND_NAMES[request.kind]} 失败：${messageOf(error)}`;
      await this.deps.showError(webContentsId, message);
      return { exported: false, message };
    });
  }

  /** 打印: the report (a draft when it has 错误) in a preview window, printed from there. Never throws. */
  async printDocument(webContentsId: number, request: PrintRequest): Promise<PrintResult> {
    return this.exclusive(webContentsId, async (): Promise<PrintResult> => {
      const errors = await this.countErrors(request.text);
      const bytes = await this.startJob(webContentsId, 'print', {
        type: 'pdf',
        text: request.text,
        draft: errors > 0,
      }).bytes();
      const title = fileNameWithExtension(request.suggestedName, 'pdf').replace(/\.pdf$/, '');
      await this.deps.showPrintPreview(webContentsId, bytes, title);
      return { shown: true };
    }).catch(async (error: unknown): Promise<PrintResult> => {
      const message = `打印失败：${messageOf(error)}`;
      await this.deps.showError(webContentsId, message);
      return { shown: false, message };
    });
  }

  /** Whether a window has a job running. */
  isBusy(webContentsId: number): boolean {
    return this.busy.has(webContentsId);
  }

  private async exclusive<T>(webContentsId: number, work: () => Promise<T>): Promise<T> {
    if (this.busy.has(webContentsId)) throw new JobError('正在导出或准备打印，请等它完成后再试');
    this.busy.add(webContentsId);
    try {
      return await work();
    } finally {
      this.busy.delete(webContentsId);
    }
  }

  private async countErrors(text: string): Promise<number> {
    const { result } = await this.deps.jobs.run({ type: 'check', text });
    if (result.type !== 'check') throw new Error('审核结果有误');
    return result.errors;
  }

  /**
   * Starts a job that makes a file's bytes. It runs unseen until its bytes are asked for: from then on
   * the window shows its progress (from the share already done) until it ends. Until then it can be
   * cancelled; its failure is reported only to whoever asks for the bytes.
   */
  private startJob(webContentsId: number, kind: ExportProgress['kind'], job: Job): RunningJob {
    const progress = (share: number, done: boolean) =>
      this.deps.progress(webContentsId, { kind, share, done });
    const controller = new AbortController();
    let shown = false;
    let shareDone = 0;
    const outcome = this.deps.jobs.run(
      job,
      (share) => {
        shareDone = share;
        if (shown) progress(share, false);
      },
      controller.signal,
    );
    // Not awaited until the bytes are asked for, and never when the job is cancelled.
    outcome.catch(() => undefined);
    return {
      cancel: () => controller.abort(),
      bytes: async () => {
        shown = true;
        progress(shareDone, false);
        try {
          const { result } = await outcome;
          if (result.type !== 'bytes') throw new Error('导出结果有误');
          return result.bytes;
        } finally {
          progress(1, true);
        }
      },
    };
  }
}

/** A job under way (ExportService.startJob). */
interface RunningJob {
  cancel(): void;
  /** The job's bytes, its progress shown in the window meanwhile. */
  bytes(): Promise<Uint8Array>;
}

function messageOf(error: unknown): string {
  if (error instanceof JobError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
