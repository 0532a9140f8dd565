import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentPathsFromArgs } from './launchArgs';

describe('the files named on a command line', () => {
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

  it('come past Electron’s own arguments', () => {
    const cwd = join(tmpdir(), '工作');
    expect(documentPathsFromArgs(['electron', '.', 'D:\\预算\\2025.json'], true, 'D:\\')).toHaveLength(1);
    // Run as `electron .`: both of Electron's arguments skipped, the file taken.
    expect(documentPathsFromArgs(['electron', '.', '2025.json'], true, cwd)).toEqual([
      join(cwd, '2025.json'),
    ]);
    expect(documentPathsFromArgs(['部门预算编制助手.exe', '--inspect', 'a.json'], false, cwd)).toEqual([
      join(cwd, 'a.json'),
    ]);
    expect(documentPathsFromArgs(['electron', '.'], true, cwd)).toEqual([]);
  });
});
