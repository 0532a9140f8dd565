/**
 * Opening documents, each in its own window (documentWindows.ts): a file chosen in the open dialog,
 * double-clicked, named on the command line, dropped on a window or picked from 最近打开; an Excel
 * workbook to import; a new blank document; a new year from last year's file; the built-in sample.
 *
 * A file already open is brought to the front, not opened twice. A file that cannot be a document —
 * missing, unreadable, empty, cut off, not ours, from a newer version of the app, invalid — is refused
 * with a Chinese message saying what is wrong (and for a damaged file, that its backup `.bak` can be
 * opened instead); nothing is written and the app goes on running.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { emptyDocument } from '../../shared/document/create';
import { serializeDocument, type FileProblem } from '../../shared/document/file';
import { rolloverDocument } from '../../shared/document/rollover';
import type { OpenedDocument } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';
import { describeFileError, formatLocalTime } from '../files/fileSystem';
import { backupPathOf } from '../files/saveDocument';
import { openDocumentFile, type OpenResult } from '../files/openDocument';
import type { Jobs } from './exportJobs';

/** Workbooks larger than this are not read (an exported workbook is well under 1 MB). */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;
const MAX_PROBLEMS_LISTED = 10;

export interface OpeningDeps {
  /** Opens a window for the document, or focuses the one showing its file. */
  open(document: OpenedDocument): void;
  /** Whether a window already shows the file (it is then focused). */
  focusIfOpen(path: string): boolean;
  readonly jobs: Jobs;
  /**
   * Shows why a file cannot be opened. With `backup`, offers to open it instead: resolves to true when
   * the user wants to.
   */
  showOpenError(message: string, detail: string, backup: string | null): Promise<boolean>;
  /** Shows a warning (import problems). */
  showWarning(message: string, detail: string): Promise<void>;
  /** A file from 最近打开 is gone: it is taken off the list. */
  forgetRecent?(path: string): void;
}

export class DocumentOpener {
  constructor(private readonly deps: OpeningDeps) {}

  /** Opens a file by its kind (document, backup, workbook). True when a window shows it. Never throws. */
  async openPath(path: string): Promise<boolean> {
    const absolute = resolve(path);
    const extension = extname(absolute).toLowerCase();
    if (extension === '.xlsx') return this.importWorkbook(absolute);
    if (extension === '.bak') return this.openBackup(absolute);
    if (this.deps.focusIfOpen(absolute)) return true;
    const result = await openDocumentFile(absolute);
    if (!result.ok) {
      if (result.failure === 'not-found') this.deps.forgetRecent?.(absolute);
      await this.refuse(result);
      return false;
    }
    this.deps.open({ text: result.text, path: absolute, unsaved: false, notice: migrationNotice(result) });
    return true;
  }

  /** Opens a backup (`name.ysb.bak`) as a new, unsaved document: saving must not write to the backup. */
  async openBackup(backupPath: string): Promise<boolean> {
    const result = await openDocumentFile(backupPath);
    if (!result.ok) {
      await this.refuse(result);
      return false;
    }
    const modified = await stat(backupPath).then(
      (stats) => `（保存于 ${formatLocalTime(new Date(stats.mtimeMs))}）`,
      () => '',
    );
    this.deps.open({
      text: result.text,
      path: null,
      unsaved: true,
      notice: `已打开备份“${basename(backupPath)}”${modified}。请用“另存为”保存，不要覆盖备份。`,
    });
    return true;
  }

  /** 导入 Excel: reads the workbook in the job worker; opens what was read as a new, unsaved document. */
  async importWorkbook(path: string): Promise<boolean> {
    const name = basename(path);
    let bytes: Uint8Array;
    try {
      const stats = await stat(path);
      if (!stats.isFile()) throw Object.assign(new Error('不是文件'), { code: 'EISDIR' });
      if (stats.size > MAX_WORKBOOK_BYTES) {
        await this.deps.showOpenError(`无法读入“${name}”：文件太大，不像部门预算的工作簿。`, '', null);
        return false;
      }
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      await this.deps.showOpenError(`无法读入“${name}”：${describeFileError(error)}。`, '', null);
      return false;
    }
    let outcome;
    try {
      outcome = await this.deps.jobs.run({ type: 'import', bytes });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await this.deps.showOpenError(`无法读入“${name}”：${detail}`, '', null);
      return false;
    }
    const result = outcome.result;
    if (result.type !== 'import') return false;
    const problems = result.problems.length;
    this.deps.open({
      text: result.text,
      path: null,
      unsaved: true,
      notice: `已从“${name}”读入：读入问题 ${problems} 处，${result.summary}。请检查后保存。`,
    });
    if (problems > 0) {
      await this.deps.showWarning(
        `“${name}”有 ${problems} 处没有读入或需要核对：`,
        listed(result.problems, MAX_PROBLEMS_LISTED),
      );
    }
    return true;
  }

  /** 新建: a blank document for the year, in a new window. */
  newDocument(year: number): void {
    this.deps.open({
      text: serializeDocument(emptyDocument('', year)),
      path: null,
      unsaved: false,
      notice: null,
    });
  }

  /** 以上年文件为基础新建: next year's document from last year's file (结转). */
  async newFromLastYear(path: string): Promise<boolean> {
    const result = await openDocumentFile(resolve(path));
    if (!result.ok) {
      await this.refuse(result);
      return false;
    }
    const year = result.document.year + 1;
    const next = rolloverDocument(result.document, year);
    this.deps.open({
      text: serializeDocument(next),
      path: null,
      unsaved: true,
      notice: `已以“${basename(path)}”为基础开始 ${year} 年预算：保留了结构、单位、项目和文字，金额已清空，上年数已填入情况说明。`,
    });
    return true;
  }

  /** The built-in sample (新绛县人民政府办公室 2024 年部门预算). */
  sample(): void {
    this.deps.open({ text: serializeDocument(sampleDocument()), path: null, unsaved: false, notice: null });
  }

  private async refuse(result: Extract<OpenResult, { ok: false }>): Promise<void> {
    const backup = result.backup?.path ?? null;
    const openBackup = await this.deps.showOpenError(result.message, problemsDetail(result.problems), backup);
    if (openBackup && backup !== null && backup !== result.path && backup === backupPathOf(result.path)) {
      await this.openBackup(backup);
    }
  }
}

function migrationNotice(result: Extract<OpenResult, { ok: true }>): string | null {
  if (result.migratedFrom === null) return null;
  return `此文件是旧版格式（第 ${result.migratedFrom} 版），已转换为当前格式；保存时写入新格式，原文件保留为 .bak 备份。`;
}

/** Each problem: where, what was found, what was expected. */
export function problemsDetail(problems: readonly FileProblem[]): string {
  return listed(
    problems.map((p) => `${p.where}：${p.found === '' ? '' : `“${p.found}”，`}应为${p.expected}`),
    MAX_PROBLEMS_LISTED,
  );
}

function listed(lines: readonly string[], max: number): string {
  const shown = lines.slice(0, max);
  const more = lines.length > max ? [`……共 ${lines.length} 处`] : [];
  return [...shown, ...more].join('\n');
}
