import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type * as Fontkit from 'fontkit';
import pdfmake from 'pdfmake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontToken, readFace } from './fontFaces';
import { bundledFonts, renderPdf, type FontFiles } from './render';

/** fontkit as pdfkit requires it (the CommonJS build, where fontFaces registers its format). */
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
const exec = promisify(execFile);

let folder: string;
/** A copy of the bundled 黑体 face, deleted by a test once kept. */
let face: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'faces-'));
  face = join(folder, 'hei.ttf');
  await copyFile(bundledFonts().Hei.normal as string, face);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/**
 * A TrueType collection of one face: the 'ttcf' header, then the face with its tables' offsets moved
 * by the header's length (a collection's offsets count from the start of the file).
 */
function collectionOf(ttf: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(1, 8);
  header.writeUInt32BE(header.length, 12);
  const body = Buffer.from(ttf);
  const tables = body.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16 + 8;
    body.writeUInt32BE(body.readUInt32BE(at) + header.length, at);
  }
  return Buffer.concat([header, body]);
}

describe('faces kept for the thread', () => {
  it('parses a kept face once: fontkit answers its token with the same face, after the file is gone', async () => {
    const token = fontToken(face);
    expect(token.length).toBeLessThan(200);
    expect(fontToken(face)).toBe(token);
    const first = fontkit.create(token);
    expect(first).toBe(readFace(face));
    expect('unitsPerEm' in first && first.postscriptName).toBe('NotoSansSC-Regular');
    await rm(face);
    expect(fontkit.create(token)).toBe(first);
    // A face whose file is not kept is read from its file.
    expect(readFace(bundledFonts().Hei.bold as string).postscriptName).toBe('NotoSansSC-Bold');
  });

  it('keeps how a face laid out each word: every call gets its own positions, as fontkit lays them out', () => {
    const file = bundledFonts().Song.bold as string;
    const kept = readFace(file);
    const fresh = fontkit.create(readFileSync(file)) as Fontkit.Font;
    const first = kept.layout('预算 621.43');
    // pdfkit scales a run's positions in place.
    for (const position of first.positions) position.xAdvance *= 2;
    const again = kept.layout('预算 621.43');
    expect(again).not.toBe(first);
    expect(again.glyphs.map((glyph) => glyph.id)).toEqual(first.glyphs.map((glyph) => glyph.id));
    expect(again.positions).toEqual(fresh.layout('预算 621.43').positions);
    expect(again.advanceWidth).toBe(fresh.layout('预算 621.43').advanceWidth);
  });

  it('keeps each face of a collection by its PostScript name, and names one it does not have', async () => {
    const file = join(folder, 'collection.ttc');
    await writeFile(file, collectionOf(await readFile(bundledFonts().Song.normal as string)));
    const token = fontToken(file);
    const named = readFace([file, 'NotoSerifSC-Regular']);
    expect(named.postscriptName).toBe('NotoSerifSC-Regular');
    expect(fontkit.create(token, 'NotoSerifSC-Regular')).toBe(named);
    expect(readFace([file, 'NotoSerifSC-Regular'])).toBe(named);
    expect(() => readFace([file, 'SimSun'])).toThrow(`${file} 中没有字体 SimSun`);
  });

  it('lays out and embeds a face pdfmake finds as a token in its in-memory files', async () => {
    const file = join(folder, 'kept.ttf');
    await copyFile(bundledFonts().Song.normal as string, file);
    const memory = (pdfmake as unknown as { virtualfs: { writeFileSync(path: string, data: Buffer): void } })
      .virtualfs;
    memory.writeFileSync(file, fontToken(file));
    const fonts: FontFiles = {
      Song: { normal: file, bold: file },
      FangSong: { normal: file, bold: file },
      Hei: { normal: file, bold: file },
    };
    const render = () =>
      renderPdf(
        { content: [{ text: '部门预算公开 621.43 万元', font: 'Song' }], defaultStyle: { font: 'Song' } },
        fonts,
      );
    await render();
    // Laid out again from the face kept the first time: the file is not read again.
    await rm(file);
    const pdf = join(folder, 'kept.pdf');
    await writeFile(pdf, await render());
    const { stdout: text } = await exec('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    expect(text.trim()).toBe('部门预算公开 621.43 万元');
    const { stdout: embedded } = await exec('pdffonts', [pdf]);
    expect(embedded).toMatch(/NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes/);
  });
});
