/**
 * A worker thread that lays out runs of the report (render.ts renderReport): it receives a RunRequest,
 * answers with its RunResult (the PDF bytes moved, not copied) or the error's message.
 */
import { parentPort } from 'node:worker_threads';
import { renderRun, type RunRequest } from './render';

parentPort?.on('message', (request: RunRequest) => {
  renderRun(request).then(
    (result) => parentPort?.postMessage({ result }, [result.bytes.buffer as ArrayBuffer]),
    (error: unknown) =>
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
