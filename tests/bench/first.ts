/**
 * The first full check in a process of its own: `node first.mjs <scale>` prints {ms} as JSON. Scale 0 is
 * the built-in sample. This is what an accountant waits for on opening a file: the check code has not
 * been compiled yet (V8 compiles it while it runs), so it is slower than every later full check.
 */
import { performance } from 'node:perf_hooks';
import { CheckSession } from '../../shared/checks/session';
import { parseDocument, serializeDocument } from '../../shared/document/file';
import { generateDocument } from '../../shared/sample/generate';
import { sampleDocument } from '../../shared/sample/sample2024';

const scale = Number(process.argv[2] ?? '0');
const generated = scale === 0 ? sampleDocument() : generateDocument({ scale, seed: 1 });
// Read from its file's text, as on opening: nothing computed on the generated document is reused.
const loaded = parseDocument(serializeDocument(generated));
if (!loaded.ok) throw new Error(loaded.summary);
const start = performance.now();
new CheckSession(loaded.document).findings();
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms * 10) / 10 })}\n`);
