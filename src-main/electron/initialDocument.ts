/**
 * The document the app opens at start: the file named on the command line, or the built-in sample.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serializeDocument } from '../../shared/document/file';
import type { OpenedDocument } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';

/** The first argument that is not an option or the app itself (Electron passes its own arguments first). */
export function documentPathFromArgs(argv: readonly string[], defaultApp: boolean): string | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  return args.find((arg) => !arg.startsWith('-')) ?? null;
}

/**
 * Every file named on a command line (the app's own, or a second launch's, given with its working
 * folder), as absolute paths. Options — the app's and those Chromium adds — are skipped.
 */
export function documentPathsFromArgs(argv: readonly string[], defaultApp: boolean, cwd: string): string[] {
  return argv
    .slice(defaultApp ? 2 : 1)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => resolve(cwd, arg));
}

export async function initialDocument(path: string | null): Promise<OpenedDocument> {
  if (path === null) return { text: serializeDocument(sampleDocument()), path: null };
  return { text: await readFile(path, 'utf8'), path };
}
