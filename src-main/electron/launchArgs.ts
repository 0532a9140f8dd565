/**
 * The files named on a command line: the app's own at start, or a second launch's (a double-clicked file).
 */
import { resolve } from 'node:path';

/**
 * Every file named on a command line (the app's own, or a second launch's, given with its working
 * folder), as absolute paths. Options — the app's and those Chromium adds — are skipped; Electron passes
 * its own arguments first (two when run as `electron .`, one when packaged).
 */
export function documentPathsFromArgs(argv: readonly string[], defaultApp: boolean, cwd: string): string[] {
  return argv
    .slice(defaultApp ? 2 : 1)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => resolve(cwd, arg));
}
