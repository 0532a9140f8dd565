/**
 * The long jobs — laying out the PDF report, writing the Excel workbook, reading one in, checking a
 * document — done in a worker thread, so that the main process (which moves, redraws and answers the
 * windows) never waits on them. runJob is the job itself, a plain function tests call directly;
 * serveJobs runs in the worker (main.ts starts it when loaded off the main thread) and answers each job
 * message with progress messages and then the result (bytes moved, not copied) or the error's message.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { summarizeFindings } from '../../shared/checks/report';
import { checkDocument } from '../../shared/checks/session';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import type { BudgetDocument } from '../../shared/document/schema';
import { JobError, type Job, type JobMessage, type JobResult } from './jobTypes';

function documentOf(text: string): BudgetDocument {
  const loaded = parseDocument(text);
  if (!loaded.ok) throw new JobError(`文档内容不符合格式：${loaded.summary}`);
  return loaded.document;
}

/** Does a job; `onProgress` gets the share done (0 … 1). */
export async function runJob(
  job: Job,
  onProgress: (share: number) => void = () => undefined,
): Promise<JobResult> {
  switch (job.type) {
    case 'check': {
      const findings = checkDocument(documentOf(job.text));
      const errors = findings.filter((f) => f.level === '错误').length;
      onProgress(1);
      return { type: 'check', errors, advisories: findings.length - errors };
    }
    case 'pdf': {
      // The layout and Excel modules are large: each job loads only what it needs.
      const { bundledFonts, renderReport, systemFontsFolder, windowsFonts } = await import('../pdf/render');
      const doc = documentOf(job.text);
      const folder = job.fonts === 'system' ? systemFontsFolder() : null;
      const fonts = (folder === null ? null : windowsFonts(folder)) ?? bundledFonts();
      const bytes = await renderReport(doc, { draft: job.draft, findings: null }, fonts, onProgress);
      return { type: 'bytes', bytes };
    }
    case 'xlsx': {
      const { exportWorkbook } = await import('../../shared/excel/workbook');
      const doc = documentOf(job.text);
      const findings = checkDocument(doc);
      onProgress(0.3);
      const bytes = await exportWorkbook(doc, findings);
      onProgress(1);
      return { type: 'bytes', bytes };
    }
    case 'import': {
      const { importWorkbook } = await import('../../shared/excel/importWorkbook');
      const { describeProblem, ImportError } = await import('../../shared/excel/problems');
      let result;
      try {
        result = await importWorkbook(job.bytes);
      } catch (error) {
        if (error instanceof ImportError) throw new JobError(error.message);
        throw error;
      }
      onProgress(1);
      return {
        type: 'import',
        text: serializeDocument(result.document),
        problems: result.problems.map((p) => `${p.taken ? '注意' : '未读入'}：${describeProblem(p)}`),
        summary: summarizeFindings(result.findings),
        errors: result.findings.filter((f) => f.level === '错误').length,
      };
    }
  }
}

/** Answers job messages in this worker thread (see the header). */
export function serveJobs(): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs 只能在工作线程中运行');
  port.on('message', (job: Job) => {
    let lastShare = -1;
    const progress = (share: number) => {
      // At most a hundred messages a job.
      const rounded = Math.floor(share * 100) / 100;
      if (rounded <= lastShare) return;
      lastShare = rounded;
      port.postMessage({ progress: rounded } satisfies JobMessage);
    };
    runJob(job, progress).then(
      (result) => {
        const transfer = result.type === 'bytes' ? [result.bytes.buffer as ArrayBuffer] : [];
        port.postMessage({ result, threadId } satisfies JobMessage, transfer);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        port.postMessage({ error: message } satisfies JobMessage);
      },
    );
  });
}
