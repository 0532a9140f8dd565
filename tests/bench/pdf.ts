/**
 * One PDF export in a process of its own (so that its peak memory is its own): `node pdf.mjs <scale>`
 * prints {ms, pages, bytes, maxRssMb} as JSON. Scale 0 is the built-in sample.
 */
import { performance } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';
import { PDFDocument } from 'pdf-lib';
import { checkDocument } from '../../shared/checks/session';
import { generateDocument } from '../../shared/sample/generate';
import { sampleDocument } from '../../shared/sample/sample2024';
import { bundledFonts, renderReport } from '../../src-main/pdf/render';

const scale = Number(process.argv[2] ?? '0');
const doc = scale === 0 ? sampleDocument() : generateDocument({ scale, seed: 1 });
let shown = -1;
const start = performance.now();
const findings = checkDocument(doc);
const bytes = await renderReport(
  doc,
  { draft: findings.some((f) => f.level === '错误'), findings: null },
  bundledFonts(),
  (share) => {
    const percent = Math.floor(share * 10) * 10;
    if (percent > shown) {
      shown = percent;
      process.stderr.write(`\rPDF ${percent}%`);
    }
  },
);
const ms = performance.now() - start;
process.stderr.write('\n');
const pages = (await PDFDocument.load(bytes)).getPageCount();
// maxRSS is in kilobytes.
const maxRssMb = Math.round(resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), pages, bytes: bytes.length, maxRssMb })}\n`);
