/**
 * Opening: a good file opens in a window; a file that cannot be a document — cut off, not ours, from a
 * newer version, missing — is refused with a Chinese message, nothing is written, and a damaged file's
 * backup is offered; workbooks are imported; new and next-year documents open unsaved where they should.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import type { OpenedDocument } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';
import { DocumentOpener, problemsDetail } from './documentOpening';
import type { JobOutcome, Jobs } from './exportJobs';
import type { Job } from './jobTypes';
import { runJob } from './jobWorker';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-opening-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const SAMPLE = serializeDocument(sampleDocument());

/** Jobs done here, directly (the worker itself is tested in exportJobs.test.ts). */
const directJobs: Jobs = {
  run: async (job: Job): Promise<JobOutcome> => ({ result: await runJob(job), threadId: 0 }),
};

function setup(options: { openBackup?: boolean; alreadyOpen?: string } = {}) {
  const opened: OpenedDocument[] = [];
  const errors: { message: string; detail: string; backup: string | null }[] = [];
  const warnings: string[] = [];
  const forgotten: string[] = [];
  const opener = new DocumentOpener({
    open: (document) => opened.push(document),
    focusIfOpen: (path) => path === options.alreadyOpen,
    jobs: directJobs,
    showOpenError: (message, detail, backup) => {
      errors.push({ message, detail, backup });
      return Promise.resolve(options.openBackup === true);
    },
    showWarning: (message) => {
      warnings.push(message);
      return Promise.resolve();
    },
    forgetRecent: (path) => forgotten.push(path),
  });
  return { opener, opened, errors, warnings, forgotten };
}

async function unchanged(path: string, text: string): Promise<void> {
  expect(await readFile(path, 'utf8')).toBe(text);
}

describe('opening a file', () => {
  it('opens a good file (.ysb or .json) in a window', async () => {
    const { opener, opened } = setup();
    for (const name of ['教育局2025.ysb', '教育局2025.json']) {
      await writeFile(join(folder, name), SAMPLE);
      expect(await opener.openPath(join(folder, name))).toBe(true);
    }
    expect(opened).toEqual([
      { text: SAMPLE, path: join(folder, '教育局2025.ysb'), unsaved: false, notice: null },
      { text: SAMPLE, path: join(folder, '教育局2025.json'), unsaved: false, notice: null },
    ]);
  });

  it('brings a file already open to the front instead', async () => {
    const path = join(folder, 'a.ysb');
    await writeFile(path, SAMPLE);
    const { opener, opened } = setup({ alreadyOpen: path });
    expect(await opener.openPath(path)).toBe(true);
    expect(opened).toEqual([]);
  });

  it('refuses a truncated file, offers its backup, and writes nothing', async () => {
    const path = join(folder, '预算.ysb');
    const cut = SAMPLE.slice(0, Math.floor(SAMPLE.length / 2));
    await writeFile(path, cut);
    await writeFile(`${path}.bak`, SAMPLE);
    const { opener, opened, errors } = setup({ openBackup: true });
    expect(await opener.openPath(path)).toBe(false);
    expect(errors[0]?.message).toMatch(/^文件“预算\.ysb”不完整：内容在第 \d+ 行中途结束/);
    expect(errors[0]?.message).toContain('同一文件夹中有上一版本的备份“预算.ysb.bak”');
    expect(errors[0]?.backup).toBe(`${path}.bak`);
    // The backup opens as a new document: saving must not write over the backup (or the damaged file).
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ text: SAMPLE, path: null, unsaved: true });
    expect(opened[0]?.notice).toMatch(/^已打开备份“预算\.ysb\.bak”（保存于 .+）。请用“另存为”保存/);
    await unchanged(path, cut);
    await unchanged(`${path}.bak`, SAMPLE);
    expect((await readdir(folder)).sort()).toEqual(['预算.ysb', '预算.ysb.bak']);
  });

  it('refuses a file that is not ours, and one from a newer version, saying so', async () => {
    const { opener, opened, errors } = setup();
    const other = join(folder, 'package.json');
    await writeFile(other, '{"name": "something"}');
    const newer = join(folder, '新版本.ysb');
    const newerText = JSON.stringify({ ...JSON.parse(SAMPLE), formatVersion: 99 });
    await writeFile(newer, newerText);
    expect(await opener.openPath(other)).toBe(false);
    expect(await opener.openPath(newer)).toBe(false);
    expect(opened).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      '无法打开“package.json”：这不是部门预算编制助手的文件（缺少 format 标记）。',
      expect.stringMatching(
        /^无法打开“新版本\.ysb”：文件格式版本 99 比本程序支持的版本 \d+ 新，请升级部门预算编制助手后再打开。$/,
      ) as string,
    ]);
    expect(errors[1]?.detail).toMatch(/^.+：“99”，应为不大于 \d+ 的版本号$/);
    await unchanged(other, '{"name": "something"}');
    await unchanged(newer, newerText);
  });

  it('refuses a missing file and takes it off 最近打开', async () => {
    const { opener, errors, forgotten } = setup();
    const path = join(folder, '不存在.ysb');
    expect(await opener.openPath(path)).toBe(false);
    expect(errors[0]?.message).toBe('找不到文件“不存在.ysb”：它可能已被移动、改名或删除。');
    expect(forgotten).toEqual([path]);
  });

  it('lists an invalid file’s problems: where, what, what was expected', () => {
    const detail = problemsDetail(
      Array.from({ length: 12 }, (_, i) => ({
        path: `tables.t2.rows[${i}].amount`,
        where: `表2 第${i + 1}行`,
        found: i === 0 ? '' : 'abc',
        expected: '金额',
      })),
    );
    const lines = detail.split('\n');
    expect(lines[0]).toBe('表2 第1行：应为金额');
    expect(lines[1]).toBe('表2 第2行：“abc”，应为金额');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('……共 12 处');
  });
});

describe('other ways to start a document', () => {
  it('imports an Excel workbook as a new, unsaved document', async () => {
    const exported = await runJob({ type: 'xlsx', text: SAMPLE });
    const path = join(folder, '预算.xlsx');
    await writeFile(path, exported.type === 'bytes' ? exported.bytes : '');
    const { opener, opened } = setup();
    expect(await opener.openPath(path)).toBe(true);
    expect(opened[0]).toMatchObject({ path: null, unsaved: true });
    expect(opened[0]?.notice).toMatch(/^已从“预算\.xlsx”读入：读入问题 0 处，/);
    const parsed = parseDocument(opened[0]?.text ?? '');
    expect(parsed.ok).toBe(true);
  }, 60_000);

  it('refuses a workbook it cannot read', async () => {
    const path = join(folder, '坏.xlsx');
    await writeFile(path, 'not a workbook');
    const { opener, opened, errors } = setup();
    expect(await opener.importWorkbook(path)).toBe(false);
    expect(opened).toEqual([]);
    expect(errors[0]?.message).toMatch(/^无法读入“坏\.xlsx”：/);
  });

  it('opens the built-in sample without a file, as saved (nothing typed yet)', () => {
    const { opener, opened } = setup();
    opener.sample();
    expect(opened).toEqual([{ text: SAMPLE, path: null, unsaved: false, notice: null }]);
    const parsed = parseDocument(opened[0]?.text ?? '');
    expect(parsed.ok && parsed.document.department.name).toBe('新绛县人民政府办公室');
  });

  it('makes a blank document for a year, and next year’s from last year’s file', async () => {
    const { opener, opened } = setup();
    opener.newDocument(2026);
    const blank = parseDocument(opened[0]?.text ?? '');
    expect(blank.ok && blank.document.year).toBe(2026);
    expect(opened[0]).toMatchObject({ path: null, unsaved: false });

    const last = join(folder, '2024.ysb');
    await writeFile(last, SAMPLE);
    const before = await stat(last);
    expect(await opener.newFromLastYear(last)).toBe(true);
    const next = parseDocument(opened[1]?.text ?? '');
    expect(next.ok && next.document.year).toBe(2025);
    expect(opened[1]).toMatchObject({ path: null, unsaved: true });
    expect((await stat(last)).mtimeMs).toBe(before.mtimeMs);
  });
});
