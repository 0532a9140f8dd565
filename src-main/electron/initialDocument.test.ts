import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/document/file';
import { documentPathFromArgs, documentPathsFromArgs, initialDocument } from './initialDocument';

describe('the document opened at start', () => {
  it('is the file named on the command line, past Electron’s own arguments', () => {
    expect(documentPathFromArgs(['electron', '.', 'D:\\预算\\2025.json'], true)).toBe('D:\\预算\\2025.json');
    expect(documentPathFromArgs(['部门预算编制助手.exe', '--inspect', 'a.json'], false)).toBe('a.json');
    expect(documentPathFromArgs(['electron', '.'], true)).toBe(null);
  });

  it('are every file of a command line (a second launch’s too), resolved in its working folder', () => {
    const cwd = join(tmpdir(), '工作');
    expect(
      documentPathsFromArgs(
        ['部门预算编制助手.exe', '--original-process-start-time=1', 'a.ysb', join(cwd, 'b.json')],
        false,
        cwd,
      ),
    ).toEqual([join(cwd, 'a.ysb'), join(cwd, 'b.json')]);
    expect(documentPathsFromArgs(['electron', '.', '--inspect'], true, cwd)).toEqual([]);
  });

  it('is the sample when no file is given', async () => {
    const opened = await initialDocument(null);
    expect(opened.path).toBe(null);
    const parsed = parseDocument(opened.text);
    expect(parsed.ok && parsed.document.department.name).toBe('新绛县人民政府办公室');
  });

  it('is the file’s text as it is (the renderer validates it)', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'budget-open-')), 'x.json');
    await writeFile(file, '{"format":"other"}');
    expect(await initialDocument(file)).toEqual({ text: '{"format":"other"}', path: file });
  });
});
