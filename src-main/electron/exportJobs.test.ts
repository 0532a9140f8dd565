/**
 * Export and print: the jobs run in a worker thread (the real one, started from source) and report their
 * progress; the flow around them asks about drafts, asks where, writes atomically, offers to open the
 * file, and reports failures in Chinese.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import type { ExportProgress } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';
import {
  CANCELLED,
  ExportService,
  JobRunner,
  type ExportDeps,
  type JobOutcome,
  type Jobs,
  type OpenChoice,
} from './exportJobs';
import { JobError, type Job } from './jobTypes';
import { runJob } from './jobWorker';

/** The job worker from source: a worker thread does not inherit vitest's TypeScript loader, so tsx loads it. */
function sourceWorker(): Worker {
  const code =
    "import('tsx/esm/api')" +
    `.then(({ tsImport }) => tsImport('./jobWorker.ts', ${JSON.stringify(import.meta.url)}))` +
    '.then((worker) => worker.serveJobs())';
  return new Worker(code, { eval: true });
}

const SAMPLE = serializeDocument(sampleDocument());

describe('JobRunner (a real worker thread)', () => {
  const runner = new JobRunner(sourceWorker);
  afterAll(async () => {
    await runner.close();
  });

  it('lays out the PDF off the main thread, reporting progress', async () => {
    const shares: number[] = [];
    const { result, threadId } = await runner.run({ type: 'pdf', text: SAMPLE, draft: false }, (share) =>
      shares.push(share),
    );
    expect(threadId).toBeGreaterThan(0);
    expect(result.type).toBe('bytes');
    const bytes = result.type === 'bytes' ? result.bytes : new Uint8Array();
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(50_000);
    expect(shares.length).toBeGreaterThan(2);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares.at(-1)).toBe(1);
  }, 120_000);

  it('keeps the worker for the next job (the Excel workbook), and reports a job’s failure as its message', async () => {
    const first = await runner.run({ type: 'check', text: SAMPLE });
    expect(first.result).toEqual({ type: 'check', errors: 0, advisories: expect.any(Number) as number });
    const workbook = await runner.run({ type: 'xlsx', text: SAMPLE });
    expect(workbook.threadId).toBe(first.threadId);
    const bytes = workbook.result.type === 'bytes' ? workbook.result.bytes : new Uint8Array();
    expect(new TextDecoder().decode(bytes.subarray(0, 2))).toBe('PK');
    await expect(runner.run({ type: 'xlsx', text: '{"format":"other"}' })).rejects.toThrow(
      /^文档内容不符合格式：这不是部门预算编制助手的文件/,
    );
  }, 120_000);

  it('cancelling a job ends its worker mid-job; the next job runs in a new one', async () => {
    const first = await runner.run({ type: 'check', text: SAMPLE });
    const controller = new AbortController();
    const shares: number[] = [];
    const layout = runner.run(
      { type: 'pdf', text: SAMPLE, draft: false },
      (share) => {
        shares.push(share);
        // Under way (the layout has reported progress): cancelled here.
        controller.abort();
      },
      controller.signal,
    );
    await expect(layout).rejects.toThrow(CANCELLED);
    expect(shares).toHaveLength(1);
    expect(shares[0]).toBeLessThan(1);
    const next = await runner.run({ type: 'check', text: SAMPLE });
    expect(next.threadId).not.toBe(first.threadId);
    const already = new AbortController();
    already.abort();
    await expect(runner.run({ type: 'check', text: SAMPLE }, undefined, already.signal)).rejects.toThrow(
      CANCELLED,
    );
  }, 120_000);
});

describe('runJob', () => {
  it('reads back an exported workbook (导入 Excel) as a document', async () => {
    const exported = await runJob({ type: 'xlsx', text: SAMPLE });
    const bytes = exported.type === 'bytes' ? exported.bytes : new Uint8Array();
    const imported = await runJob({ type: 'import', bytes });
    expect(imported.type).toBe('import');
    const text = imported.type === 'import' ? imported.text : '';
    const parsed = parseDocument(text);
    expect(parsed.ok && parsed.document.department.name).toBe('新绛县人民政府办公室');
  }, 60_000);

  it('refuses a file that is not a workbook in Chinese', async () => {
    await expect(runJob({ type: 'import', bytes: new TextEncoder().encode('not a zip') })).rejects.toThrow(
      JobError,
    );
  });
});

/**
 * Jobs answered by the test: a check with `errors`, bytes for the rest, with progress, once `gate` opens
 * (unless cancelled by then).
 */
class FakeJobs implements Jobs {
  readonly jobs: Job[] = [];
  /** The signal each job that makes bytes was given. */
  readonly signals: AbortSignal[] = [];
  errors = 0;
  failWith: Error | null = null;
  gate: Promise<void> = Promise.resolve();

  async run(
    job: Job,
    onProgress: (share: number) => void = () => undefined,
    signal?: AbortSignal,
  ): Promise<JobOutcome> {
    this.jobs.push(job);
    if (job.type === 'check')
      return { result: { type: 'check', errors: this.errors, advisories: 2 }, threadId: 1 };
    if (signal) this.signals.push(signal);
    await this.gate;
    if (signal?.aborted) throw new JobError(CANCELLED);
    onProgress(0.5);
    if (this.failWith) throw this.failWith;
    onProgress(1);
    return { result: { type: 'bytes', bytes: new TextEncoder().encode(`${job.type} bytes`) }, threadId: 1 };
  }
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-export-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function setup() {
  const jobs = new FakeJobs();
  const log: string[] = [];
  const progress: ExportProgress[] = [];
  const errors: string[] = [];
  const previews: { bytes: string; title: string }[] = [];
  const state = {
    draft: true,
    path: null as string | null,
    choice: 'none' as OpenChoice,
    dialogs: [] as string[],
    opened: [] as string[],
    shown: [] as string[],
    /** Called while the save dialog is open. */
    whileChoosing: (): void => undefined,
    dialogFails: false,
  };
  const deps: ExportDeps = {
    jobs,
    chooseExportPath: (_id, kind, defaultPath) => {
      state.dialogs.push(`${kind} ${defaultPath}`);
      state.whileChoosing();
      return state.dialogFails ? Promise.reject(new Error('对话框打不开')) : Promise.resolve(state.path);
    },
    confirmDraft: (_id, count) => {
      log.push(`draft? ${count}`);
      return Promise.resolve(state.draft);
    },
    offerToOpen: () => Promise.resolve(state.choice),
    openPath: (path) => {
      state.opened.push(path);
      return Promise.resolve('');
    },
    showItemInFolder: (path) => state.shown.push(path),
    showError: (_id, message) => {
      errors.push(message);
      return Promise.resolve();
    },
    progress: (_id, report) => progress.push(report),
    showPrintPreview: (_id, bytes, title) => {
      previews.push({ bytes: new TextDecoder().decode(bytes), title });
      return Promise.resolve();
    },
    defaultFolder: () => folder,
  };
  return { service: new ExportService(deps), jobs, log, progress, errors, previews, state };
}

describe('ExportService', () => {
  it('导出 PDF: asks where, reports progress, writes the file atomically, and opens it if asked', async () => {
    const { service, jobs, progress, state } = setup();
    state.path = join(folder, '报告.pdf');
    state.choice = 'open';
    let release: () => void = () => undefined;
    jobs.gate = new Promise((resolve) => (release = resolve));
    const exporting = service.exportDocument(1, {
      kind: 'pdf',
      text: SAMPLE,
      suggestedName: '新绛县2024年部门预算.pdf',
    });
    // A place is chosen; the layout is under way, and its progress is shown from now on.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(progress).toEqual([{ kind: 'pdf', share: 0, done: false }]);
    release();
    const result = await exporting;
    expect(result).toEqual({ exported: true, path: state.path });
    expect(state.dialogs).toEqual([`pdf ${join(folder, '新绛县2024年部门预算.pdf')}`]);
    expect(jobs.jobs.map((job) => job.type)).toEqual(['check', 'pdf']);
    expect(jobs.jobs[1]).toMatchObject({ draft: false });
    expect(progress).toEqual([
      { kind: 'pdf', share: 0, done: false },
      { kind: 'pdf', share: 0.5, done: false },
      { kind: 'pdf', share: 1, done: false },
      { kind: 'pdf', share: 1, done: true },
    ]);
    expect(await readFile(state.path, 'utf8')).toBe('pdf bytes');
    expect(await readdir(folder)).toEqual(['报告.pdf']);
    expect(state.opened).toEqual([state.path]);
  });

  it('lays the report out while the user chooses where to save it, unseen until a place is chosen', async () => {
    const { service, jobs, progress, state } = setup();
    state.path = join(folder, '报告.pdf');
    const atDialog: string[] = [];
    state.whileChoosing = () => {
      atDialog.push(...jobs.jobs.map((job) => job.type), `progress ${progress.length}`);
    };
    expect(await service.exportDocument(1, { kind: 'pdf', text: SAMPLE, suggestedName: 'a' })).toEqual({
      exported: true,
      path: state.path,
    });
    expect(atDialog).toEqual(['check', 'pdf', 'progress 0']);
    // The job had got to 1 (all of it) while the dialog was open: the progress shown starts there.
    expect(progress).toEqual([
      { kind: 'pdf', share: 1, done: false },
      { kind: 'pdf', share: 1, done: true },
    ]);
    expect(jobs.signals.map((signal) => signal.aborted)).toEqual([false]);
    expect(await readFile(state.path, 'utf8')).toBe('pdf bytes');
  });

  it('with 错误, asks before exporting a draft; no means nothing is asked or written', async () => {
    const { service, jobs, log, state } = setup();
    jobs.errors = 3;
    state.draft = false;
    state.path = join(folder, '报告.pdf');
    expect(await service.exportDocument(1, { kind: 'pdf', text: SAMPLE, suggestedName: 'a' })).toEqual({
      exported: false,
    });
    expect(log).toEqual(['draft? 3']);
    expect(state.dialogs).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
    state.draft = true;
    await service.exportDocument(1, { kind: 'pdf', text: SAMPLE, suggestedName: 'a' });
    expect(jobs.jobs.at(-1)).toMatchObject({ type: 'pdf', draft: true });
  });

  it('导出 Excel: no draft question; shows the file in its folder if asked; the next dialog starts there', async () => {
    const { service, jobs, log, state } = setup();
    jobs.errors = 3;
    state.path = join(folder, '表.xlsx');
    state.choice = 'folder';
    await service.exportDocument(1, { kind: 'xlsx', text: SAMPLE, suggestedName: '预算.ysb' });
    expect(log).toEqual([]);
    expect(state.dialogs).toEqual([`xlsx ${join(folder, '预算.xlsx')}`]);
    expect(state.shown).toEqual([state.path]);
    expect(jobs.jobs.map((job) => job.type)).toEqual(['xlsx']);
  });

  it('cancelling the dialog ends the job begun for it; nothing is shown or written', async () => {
    const { service, jobs, progress, errors, state } = setup();
    state.path = null;
    let release: () => void = () => undefined;
    jobs.gate = new Promise((resolve) => (release = resolve));
    expect(await service.exportDocument(1, { kind: 'xlsx', text: SAMPLE, suggestedName: 'a' })).toEqual({
      exported: false,
    });
    expect(jobs.jobs.map((job) => job.type)).toEqual(['xlsx']);
    expect(jobs.signals.map((signal) => signal.aborted)).toEqual([true]);
    // The job ends (cancelled) after the flow has returned: nothing of it reaches the window.
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(progress).toEqual([]);
    expect(errors).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('a dialog that fails ends the job too, and is reported in Chinese', async () => {
    const { service, jobs, errors, state } = setup();
    state.dialogFails = true;
    const result = await service.exportDocument(1, { kind: 'pdf', text: SAMPLE, suggestedName: 'a' });
    expect(result).toEqual({ exported: false, message: '导出 PDF 失败：对话框打不开' });
    expect(errors).toEqual(['导出 PDF 失败：对话框打不开']);
    expect(jobs.signals.map((signal) => signal.aborted)).toEqual([true]);
  });

  it('a job that fails while the dialog is open, which is then cancelled, is not reported', async () => {
    const { service, jobs, progress, errors, state } = setup();
    jobs.failWith = new JobError('排版失败');
    state.path = null;
    expect(await service.exportDocument(1, { kind: 'pdf', text: SAMPLE, suggestedName: 'a' })).toEqual({
      exported: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The layout had begun (and failed) while the dialog was open.
    expect(jobs.jobs.map((job) => job.type)).toEqual(['check', 'pdf']);
    expect(jobs.signals.map((signal) => signal.aborted)).toEqual([true]);
    expect(errors).toEqual([]);
    expect(progress).toEqual([]);
  });

  it('reports a failed job in Chinese, ends the progress, and writes nothing', async () => {
    const { service, jobs, progress, errors, state } = setup();
    jobs.failWith = new JobError('文档内容不符合格式：缺少 format 标记');
    state.path = join(folder, '报告.pdf');
    const result = await service.exportDocument(1, { kind: 'pdf', text: SAMPLE, suggestedName: 'a' });
    const message = '导出 PDF 失败：文档内容不符合格式：缺少 format 标记';
    expect(result).toEqual({ exported: false, message });
    expect(errors).toEqual([message]);
    expect(progress.at(-1)).toEqual({ kind: 'pdf', share: 1, done: true });
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a file that cannot be written in Chinese', async () => {
    const { service, state } = setup();
    state.path = join(folder, 'missing', '报告.xlsx');
    const result = await service.exportDocument(1, { kind: 'xlsx', text: SAMPLE, suggestedName: 'a' });
    expect(result).toEqual({
      exported: false,
      message: '导出 Excel 失败：无法写入“报告.xlsx”：文件或文件夹不存在（可能已被移动、改名或删除）。',
    });
  });

  it('runs one job per window at a time', async () => {
    const { service, jobs, state } = setup();
    let release: () => void = () => undefined;
    jobs.gate = new Promise((resolve) => (release = resolve));
    state.path = join(folder, 'a.xlsx');
    const first = service.exportDocument(1, { kind: 'xlsx', text: SAMPLE, suggestedName: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(service.isBusy(1)).toBe(true);
    const second = await service.exportDocument(1, { kind: 'xlsx', text: SAMPLE, suggestedName: 'a' });
    expect(second).toEqual({
      exported: false,
      message: '导出 Excel 失败：正在导出或准备打印，请等它完成后再试',
    });
    release();
    expect(await first).toMatchObject({ exported: true });
    expect(service.isBusy(1)).toBe(false);
  });

  it('打印: lays the report out (a draft when it has 错误) and shows it in the preview', async () => {
    const { service, jobs, progress, previews } = setup();
    jobs.errors = 1;
    expect(await service.printDocument(1, { text: SAMPLE, suggestedName: '教育局2025年部门预算' })).toEqual({
      shown: true,
    });
    expect(jobs.jobs.at(-1)).toMatchObject({ type: 'pdf', draft: true });
    expect(previews).toEqual([{ bytes: 'pdf bytes', title: '教育局2025年部门预算' }]);
    expect(progress.every((report) => report.kind === 'print')).toBe(true);
  });
});
