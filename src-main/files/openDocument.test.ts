/**
 * Opening document files: a good file opens; a cut-off, empty, zero-filled, oversized, unreadable or
 * foreign file is refused with a Chinese message that points to the backup when there is one.
 */
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDocument } from '../../shared/document/file';
import { sampleDocument } from '../../shared/sample/sample2024';
import { nodeFileSystem, type FileSystem } from './fileSystem';
import { inspectDamage, openDocumentFile } from './openDocument';

let folder: string;
let path: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-open-'));
  path = join(folder, '样例.json');
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sampleText = serializeDocument(sampleDocument());
const CAUSE = '可能是保存时断电、程序意外退出或复制不完整造成的损坏。';
const NO_BACKUP = '没有找到这个文件的备份。';

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('openDocumentFile', () => {
  it('opens a good file, returning the document and its text', async () => {
    await writeFile(path, sampleText);
    const opened = await openDocumentFile(path);
    expect(opened).toMatchObject({ ok: true, path, text: sampleText, migratedFrom: null });
    expect(opened.ok && opened.document.department.name).toBe('新绛县人民政府办公室');
  });

  it('refuses a file cut off mid-way, saying where it stops', async () => {
    const cut = sampleText.slice(0, Math.floor(sampleText.length / 2));
    await writeFile(path, cut);
    const opened = await openDocumentFile(path);
    const line = cut.split('\n').length;
    expect(opened).toEqual({
      ok: false,
      path,
      failure: 'truncated',
      message: `文件“样例.json”不完整：内容在第 ${line} 行中途结束，${CAUSE}${NO_BACKUP}`,
      problems: [],
      backup: null,
    });
  });

  it('points to the backup when a cut-off file has one', async () => {
    await writeFile(path, sampleText.slice(0, 3000));
    await writeFile(`${path}.bak`, sampleText);
    const when = new Date(2025, 2, 5, 14, 3);
    await utimes(`${path}.bak`, when, when);
    const opened = await openDocumentFile(path);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.failure).toBe('truncated');
    expect(opened.backup).toEqual({ path: `${path}.bak`, modifiedAt: when.toISOString() });
    expect(opened.message).toMatch(/^文件“样例\.json”不完整：内容在第 \d+ 行中途结束，/);
    expect(opened.message).toContain(
      '同一文件夹中有上一版本的备份“样例.json.bak”（保存于 2025年3月5日 14:03），可以打开备份找回上一次保存的内容。',
    );
    // …and the backup itself opens.
    const backup = await openDocumentFile(`${path}.bak`);
    expect(backup.ok).toBe(true);
  });

  it('recognises a file cut in the middle of a Chinese character', async () => {
    const bytes = new TextEncoder().encode(sampleText);
    const inName = new TextEncoder().encode(sampleText.slice(0, sampleText.indexOf('新绛县') + 1)).length;
    await writeFile(path, bytes.subarray(0, inName + 1)); // one byte into 绛's three
    const opened = await openDocumentFile(path);
    expect(opened).toMatchObject({ ok: false, failure: 'truncated' });
    expect(!opened.ok && opened.message).toMatch(/^文件“样例\.json”不完整：内容在第 \d+ 行中途结束/);
  });

  it('refuses an empty file and a zero-filled one (NTFS after a power cut)', async () => {
    await writeFile(path, '');
    expect(await openDocumentFile(path)).toMatchObject({
      ok: false,
      failure: 'truncated',
      message: `文件“样例.json”是空的（没有任何内容）：${CAUSE}${NO_BACKUP}`,
    });
    await writeFile(path, new Uint8Array(4096));
    expect(await openDocumentFile(path)).toMatchObject({
      ok: false,
      failure: 'damaged',
      message: `文件“样例.json”已损坏：内容被空字节填充，${CAUSE}${NO_BACKUP}`,
    });
    await writeFile(path, sampleText.slice(0, 800) + '\0'.repeat(2000));
    expect(await openDocumentFile(path)).toMatchObject({ ok: false, failure: 'truncated' });
  });

  it('passes complete but wrong JSON to the document parser, whose summary it shows', async () => {
    await writeFile(path, '{"format": "budget-assistant/document",}');
    const opened = await openDocumentFile(path);
    expect(opened).toMatchObject({ ok: false, failure: 'not-json' });
    expect(!opened.ok && opened.message).toMatch(/^无法打开“样例\.json”：文件不是有效的 JSON/);
    expect(!opened.ok && opened.message.endsWith(NO_BACKUP)).toBe(true);

    await writeFile(path, '{"format": "other", "rows": []}');
    expect(await openDocumentFile(path)).toMatchObject({
      ok: false,
      failure: 'not-ours',
      message: '无法打开“样例.json”：这不是部门预算编制助手的文件（format 为 "other"）。',
    });

    const wrongYear = JSON.parse(sampleText) as Record<string, unknown>;
    wrongYear.year = '二〇二四';
    await writeFile(path, JSON.stringify(wrongYear));
    const invalid = await openDocumentFile(path);
    expect(invalid).toMatchObject({ ok: false, failure: 'invalid' });
    expect(!invalid.ok && invalid.problems.map((p) => p.path)).toContain('year');
  });

  it('refuses a file over 200 MB without reading it', async () => {
    await writeFile(path, sampleText);
    let reads = 0;
    const fs: FileSystem = {
      ...nodeFileSystem,
      stat: async (file) => ({
        ...(await nodeFileSystem.stat(file)),
        size: 300 * 1024 * 1024,
        isFile: () => true,
        isDirectory: () => false,
      }),
      readFile: async (file) => {
        reads++;
        return nodeFileSystem.readFile(file);
      },
    };
    expect(await openDocumentFile(path, { fs })).toMatchObject({
      ok: false,
      failure: 'too-big',
      message:
        '无法打开“样例.json”：文件有 300 MB，超过 200 MB 的上限。部门预算文件通常不到 1 MB，这可能不是部门预算编制助手的文件。',
    });
    expect(reads).toBe(0);
  });

  it('says why a file cannot be read', async () => {
    await writeFile(path, sampleText);
    const locked: FileSystem = { ...nodeFileSystem, readFile: () => Promise.reject(fsError('EBUSY')) };
    expect(await openDocumentFile(path, { fs: locked })).toMatchObject({
      ok: false,
      failure: 'not-readable',
      message: '无法读取文件“样例.json”：文件正被其他程序占用，请关闭占用它的程序后重试。',
    });
    expect(await openDocumentFile(join(folder, '没有.json'))).toMatchObject({
      ok: false,
      failure: 'not-found',
      message: '找不到文件“没有.json”：它可能已被移动、改名或删除。',
    });
    await mkdir(join(folder, '文件夹.json'));
    expect(await openDocumentFile(join(folder, '文件夹.json'))).toMatchObject({
      ok: false,
      failure: 'not-readable',
      message: '无法打开“文件夹.json”：这是一个文件夹，不是文件。',
    });
  });

  it('refuses text that is not UTF-8 (e.g. saved as GBK)', async () => {
    await writeFile(path, new Uint8Array([0x7b, 0x22, 0xd0, 0xc2, 0xbd, 0xe7, 0x22, 0x7d])); // {"新绛"} in GBK
    expect(await openDocumentFile(path)).toMatchObject({
      ok: false,
      failure: 'damaged',
      message: `无法打开“样例.json”：文件不是 UTF-8 编码的文字，可能不是部门预算编制助手的文件，或已损坏。${NO_BACKUP}`,
    });
  });
});

describe('inspectDamage', () => {
  it('tells a cut-off JSON text from a complete or malformed one', () => {
    expect(inspectDamage('{"a": 1}')).toBe(null);
    expect(inspectDamage('{"a": 1}}')).toBe(null); // malformed, not cut off
    expect(inspectDamage('{"a": 1} x')).toBe(null);
    expect(inspectDamage('not json')).toBe(null);
    expect(inspectDamage('{"a": "}"')).toEqual({ kind: 'truncated', line: 1 }); // a brace inside a string
    expect(inspectDamage('{"a": "x\\"')).toEqual({ kind: 'truncated', line: 1 }); // inside an escaped quote
    expect(inspectDamage('{\n  "a": [\n    1,\n')).toEqual({ kind: 'truncated', line: 3 });
    expect(inspectDamage('\uFEFF  \n')).toEqual({ kind: 'empty' });
    expect(inspectDamage('{"a": 1}\0\0')).toEqual({ kind: 'zeros' });
  });
});
