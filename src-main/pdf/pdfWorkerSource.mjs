// Starts pdfWorker.ts from source (tests, `npm run cli`): a worker thread does not inherit the tsx loader
// of the thread that made it, so it loads the worker through tsx's API. The built app runs pdfWorker.cjs.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pdfWorker.ts', import.meta.url);
