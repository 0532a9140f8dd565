/**
 * The files opened or saved lately (文件 → 最近打开), newest first, at most ten, remembered in
 * `<userData>/recent-files.json` (written atomically). The same file under another spelling (case, on
 * Windows) is listed once.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomicWrite';

export const RECENT_FILES_FILE = 'recent-files.json';
export const MAX_RECENT_FILES = 10;

const listSchema = z.array(z.string().min(1).max(4096));

export class RecentFiles {
  private list: string[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly userDataDir: string,
    private readonly options: {
      readonly platform?: NodeJS.Platform;
      /** Told after every change (the menu is rebuilt). */
      readonly onChange?: (files: readonly string[]) => void;
      readonly log?: (message: string, detail?: unknown) => void;
    } = {},
  ) {}

  get file(): string {
    return join(this.userDataDir, RECENT_FILES_FILE);
  }

  get files(): readonly string[] {
    return this.list;
  }

  /** Reads the remembered list (an unreadable one counts as empty). */
  async load(): Promise<readonly string[]> {
    try {
      const parsed = listSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      this.list = parsed.success ? this.dedupe(parsed.data) : [];
    } catch {
      this.list = [];
    }
    return this.list;
  }

  add(path: string): void {
    this.update(this.dedupe([resolve(path), ...this.list]));
  }

  remove(path: string): void {
    const key = this.key(path);
    this.update(this.list.filter((file) => this.key(file) !== key));
  }

  clear(): void {
    this.update([]);
  }

  /** Waits for the last write (tests; before quitting). */
  flush(): Promise<void> {
    return this.writing;
  }

  private update(next: string[]): void {
    if (next.length === this.list.length && next.every((file, i) => file === this.list[i])) return;
    this.list = next;
    this.options.onChange?.(next);
    const text = `${JSON.stringify(next, null, 2)}\n`;
    this.writing = this.writing
      .then(async () => {
        await mkdir(this.userDataDir, { recursive: true });
        await writeFileAtomic(this.file, text);
      })
      .catch((error: unknown) => this.options.log?.('未能保存最近打开的文件列表', error));
  }

  private dedupe(files: readonly string[]): string[] {
    const seen = new Set<string>();
    const result: string[] = [];
    for (const file of files) {
      const key = this.key(file);
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(file);
    }
    return result.slice(0, MAX_RECENT_FILES);
  }

  private key(path: string): string {
    const absolute = resolve(path);
    return (this.options.platform ?? process.platform) === 'win32' ? absolute.toLowerCase() : absolute;
  }
}
