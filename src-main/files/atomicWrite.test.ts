/**
 * Atomic writes against a real temporary folder, with renames and writes made to fail through an
 * injected file system.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RENAME_DELAYS, writeFileAtomic } from './atomicWrite';
import { nodeFileSystem, type FileSystem } from './fileSystem';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'budget-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A sleep that only notes how long it was asked to wait. */
function recordWait(waits: number[]): (ms: number) => Promise<void> {
  return (ms) => {
    waits.push(ms);
    return Promise.resolve();
  };
}

/** A file system whose first `failures` renames fail with `code`. */
function failingRenames(code: string, failures: number): FileSystem & { attempts: number } {
  const fs = {
    ...nodeFileSystem,
    attempts: 0,
    rename: async (from: string, to: string) => {
      fs.attempts++;
      if (fs.attempts <= failures) throw fsError(code);
      await nodeFileSystem.rename(from, to);
    },
  };
  return fs;
}

describe('writeFileAtomic', () => {
  it('creates a file and replaces one, leaving no temporary file', async () => {
    const path = join(folder, '预算.json');
    await writeFileAtomic(path, '第一版');
    expect(await readFile(path, 'utf8')).toBe('第一版');
    await writeFileAtomic(path, new TextEncoder().encode('第二版'));
    expect(await readFile(path, 'utf8')).toBe('第二版');
    expect(await readdir(folder)).toEqual(['预算.json']);
  });

  it('retries a rename refused with EPERM (antivirus, indexer) and then succeeds', async () => {
    const path = join(folder, 'a.json');
    await writeFile(path, 'old');
    const fs = failingRenames('EPERM', 2);
    const waits: number[] = [];
    await writeFileAtomic(path, 'new', {
      fs,
      renameDelays: DEFAULT_RENAME_DELAYS,
      sleep: recordWait(waits),
    });
    expect(fs.attempts).toBe(3);
    expect(waits).toEqual([50, 100]);
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['a.json']);
  });

  it('gives up on a persistent EBUSY, leaving the old file and no temporary file', async () => {
    const path = join(folder, 'a.json');
    await writeFile(path, 'old');
    const fs = failingRenames('EBUSY', Infinity);
    const waits: number[] = [];
    await expect(
      writeFileAtomic(path, 'new', { fs, renameDelays: [1, 2, 3], sleep: recordWait(waits) }),
    ).rejects.toMatchObject({ code: 'EBUSY' });
    expect(fs.attempts).toBe(4);
    expect(waits).toEqual([1, 2, 3]);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['a.json']);
  });

  it('does not retry other errors, nor anything when no delays are given (not Windows)', async () => {
    const path = join(folder, 'a.json');
    await writeFile(path, 'old');
    const exdev = failingRenames('EXDEV', Infinity);
    await expect(writeFileAtomic(path, 'new', { fs: exdev, renameDelays: [1, 1] })).rejects.toMatchObject({
      code: 'EXDEV',
    });
    expect(exdev.attempts).toBe(1);
    const eperm = failingRenames('EPERM', Infinity);
    await expect(writeFileAtomic(path, 'new', { fs: eperm, renameDelays: [] })).rejects.toMatchObject({
      code: 'EPERM',
    });
    expect(eperm.attempts).toBe(1);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['a.json']);
  });

  it('removes the temporary file when writing it fails (disk full)', async () => {
    const path = join(folder, 'a.json');
    await writeFile(path, 'old');
    const fs: FileSystem = {
      ...nodeFileSystem,
      create: async (temporary) => {
        const file = await nodeFileSystem.create(temporary);
        return {
          writeFile: () => Promise.reject(fsError('ENOSPC')),
          sync: () => file.sync(),
          close: () => file.close(),
        };
      },
    };
    await expect(writeFileAtomic(path, 'new', { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['a.json']);
  });
});
