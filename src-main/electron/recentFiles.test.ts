/** 最近打开: newest first, each file once, at most ten, remembered between runs. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, RecentFiles } from './recentFiles';

let userData: string;
beforeEach(async () => {
  userData = join(await mkdtemp(join(tmpdir(), 'budget-recent-')), 'userData');
});
afterEach(async () => {
  await rm(join(userData, '..'), { recursive: true, force: true });
});

describe('recent files', () => {
  it('lists the newest first, each file once, at most ten, and remembers them', async () => {
    const changes: (readonly string[])[] = [];
    const recent = new RecentFiles(userData, { onChange: (files) => changes.push(files) });
    for (let i = 0; i < 12; i++) recent.add(`/预算/${i}.ysb`);
    recent.add('/预算/3.ysb');
    expect(recent.files).toHaveLength(MAX_RECENT_FILES);
    expect(recent.files.slice(0, 3)).toEqual([
      resolve('/预算/3.ysb'),
      resolve('/预算/11.ysb'),
      resolve('/预算/10.ysb'),
    ]);
    expect(changes).toHaveLength(13);
    await recent.flush();
    const again = new RecentFiles(userData);
    expect(await again.load()).toEqual(recent.files);
  });

  it('takes the same file in another case as one on Windows', async () => {
    const recent = new RecentFiles(userData, { platform: 'win32' });
    recent.add('/预算/A.ysb');
    recent.add('/预算/a.YSB');
    expect(recent.files).toEqual([resolve('/预算/a.YSB')]);
    await recent.flush();
  });

  it('removes a file, clears the list, and treats a damaged list as empty', async () => {
    const recent = new RecentFiles(userData);
    recent.add('/a.ysb');
    recent.add('/b.ysb');
    recent.remove('/a.ysb');
    expect(recent.files).toEqual([resolve('/b.ysb')]);
    recent.clear();
    expect(recent.files).toEqual([]);
    await recent.flush();
    await writeFile(recent.file, '["unterminated');
    expect(await new RecentFiles(userData).load()).toEqual([]);
  });
});
