/**
 * The entry of the Electron main process — and of the job worker threads, which run this same script
 * (out/main/main.cjs) so that the build needs no entry of its own for them. On the main thread it starts
 * the app (app.ts, which loads Electron); in a thread started as a job worker (exportJobs.ts JobRunner) it
 * serves jobs (jobWorker.ts) and never touches Electron, which worker threads cannot use.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { JOB_WORKER_ROLE } from './jobTypes';

function fail(error: unknown): never {
  console.error(error);
  process.exit(1);
}

if (isMainThread) {
  import('./app').then(({ startApp }) => startApp({ entryUrl: new URL(import.meta.url) }), fail);
} else if ((workerData as { role?: unknown } | null)?.role === JOB_WORKER_ROLE) {
  import('./jobWorker').then(({ serveJobs }) => serveJobs(), fail);
}
