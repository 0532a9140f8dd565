/**
 * The few file operations the file services use, behind a small interface so tests can make any of them
 * fail (a rename refused with EPERM, a process that "crashes" half-way). `nodeFileSystem` is the real one,
 * node:fs/promises.
 */
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';

/** An open file being written. */
export interface WritableFile {
  writeFile(data: string | Uint8Array): Promise<void>;
  /** Flushes the file's content to the disk (fsync). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileStats {
  readonly size: number;
  readonly mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface FileSystem {
  /** Creates a new file for writing; fails if it exists (flag `wx`). */
  create(path: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; no error if it does not exist. */
  remove(path: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<FileStats>;
  readdir(path: string): Promise<string[]>;
  mkdirp(path: string): Promise<void>;
  /**
   * Flushes a folder's entries (so a rename survives a power cut) where the system allows it; a no-op
   * on Windows, where folders cannot be opened. Never fails.
   */
  syncDirectory(path: string): Promise<void>;
}

export const nodeFileSystem: FileSystem = {
  create: (path) => open(path, 'wx'),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  readFile: (path) => readFile(path),
  stat: (path) => stat(path),
  readdir: (path) => readdir(path),
  mkdirp: async (path) => {
    await mkdir(path, { recursive: true });
  },
  syncDirectory: async (path) => {
    if (process.platform === 'win32') return;
    try {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Best effort: some file systems refuse fsync on folders.
    }
  },
};

/** The `code` of a Node file-system error (`EPERM`, `ENOENT`…), or null. */
export function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return null;
}

/** Why a file operation failed, in the accountant's words (without the file's name). */
export function describeFileError(error: unknown): string {
  switch (errorCode(error)) {
    case 'EPERM':
    case 'EACCES':
      return '没有权限，或文件正被其他程序（杀毒软件、WPS、Excel、网盘同步等）占用';
    case 'EBUSY':
      return '文件正被其他程序占用，请关闭占用它的程序后重试';
    case 'ENOENT':
      return '文件或文件夹不存在（可能已被移动、改名或删除）';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '磁盘是只读的';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'ENAMETOOLONG':
      return '文件路径太长';
    case 'EMFILE':
    case 'ENFILE':
      return '打开的文件太多，请稍后重试';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A time as the accountant reads it, in local time: `2024年3月5日 14:03`. */
export function formatLocalTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
