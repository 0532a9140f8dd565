/**
 * The document the app opens at start: the file named on the command line, or the built-in sample.
 */
import { readFile } from 'node:fs/promises';
import { serializeDocument } from '../../shared/document/file';
import type { OpenedDocument } from '../../shared/ipc';
import { sampleDocument } from '../../shared/sample/sample2024';

/** The first argument that is not an option or the app itself (Electron passes its own arguments first). */
export function documentPathFromArgs(argv: readonly string[], defaultApp: boolean): string | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  return args.find((arg) => !arg.startsWith('-')) ?? null;
}

export async function initialDocument(path: string | null): Promise<OpenedDocument> {
  if (path === null) return { text: serializeDocument(sampleDocument()), path: null };
  return { text: await readFile(path, 'utf8'), path };
}
