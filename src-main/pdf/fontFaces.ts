/**
 * A report's faces, parsed once per thread that lays reports out. pdfmake makes a pdfkit document for
 * every run of a report (a sample report has six or seven), and pdfkit has fontkit parse each face it
 * uses again for each one: its tables, then every glyph's metrics as the text is measured, ~60 ms a face
 * and run. fontkit finds a font's format by probing its bytes with the formats it knows, then with any
 * registered (`registerFormat`): here the bytes pdfmake reads for a face are a short token that only the
 * format registered below recognises, and it answers with the face parsed the first time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

declare module 'fontkit' {
  /**
   * fontkit's own (@types/fontkit leaves it out): a format `create` tries after those it knows. fontkit
   * calls it with `new format(stream)` and takes what that returns as the font: a class, or a function
   * (not an arrow) that returns an object.
   */
  function registerFormat(
    format: ((stream: { readonly buffer: Uint8Array }) => object) & {
      probe(buffer: Uint8Array): boolean;
    },
  ): void;
}

/**
 * fontkit as pdfkit requires it (its CommonJS build): an ES import of 'fontkit' is another module, with
 * formats of its own, from the source and in tests.
 */
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

/** A font file, or a font in a collection (.ttc) by its PostScript name. */
export type FontSource = string | readonly [file: string, postscriptName: string];

/** One font file: its token, and what fontkit makes of it, parsed on first use. */
class KeptFile {
  readonly token: Buffer;
  private parsed: Fontkit.Font | Fontkit.FontCollection | null = null;
  private readonly named = new Map<string, Fontkit.Font>();

  constructor(readonly file: string) {
    // Not the start of any font file fontkit reads (a TrueType, OpenType, WOFF, WOFF2, TTC or dfont).
    this.token = Buffer.from(`部门预算编制助手:font:${file}`);
  }

  /** What fontkit's `create` answers for the file: the face, or (a collection) its faces by name. */
  get font(): Fontkit.Font | Pick<Fontkit.FontCollection, 'getFont'> {
    const parsed = this.parse();
    if ('unitsPerEm' in parsed) return parsed;
    // A collection makes a new face on every getFont: each is kept by its name.
    return { getFont: (name: string) => this.face(name) };
  }

  /** The face: the file's, or the named one of a collection (null when it has none by that name). */
  face(postscriptName?: string): Fontkit.Font | null {
    const parsed = this.parse();
    if ('unitsPerEm' in parsed) return parsed;
    if (postscriptName === undefined) return null;
    let face = this.named.get(postscriptName);
    if (!face) {
      const found = parsed.getFont(postscriptName);
      if (!found) return null;
      face = keepLayouts(found);
      this.named.set(postscriptName, face);
    }
    return face;
  }

  private parse(): Fontkit.Font | Fontkit.FontCollection {
    if (!this.parsed) {
      const parsed = fontkit.create(readFileSync(this.file));
      this.parsed = 'unitsPerEm' in parsed ? keepLayouts(parsed) : parsed;
    }
    return this.parsed;
  }
}

/** Words kept laid out per face, at most: past this (many exports of many amounts) they start again. */
const KEPT_LAYOUTS = 20_000;

/**
 * A face that keeps how fontkit laid out each word (glyphs substituted and positioned), for every run of
 * every export: pdfkit keeps them only per document, and a report's runs set mostly the same characters
 * and words (~45 % of the sample's layouts repeat one of an earlier run). Each call gets its own copy of
 * the positions: pdfkit scales them in place.
 */
function keepLayouts(face: Fontkit.Font): Fontkit.Font {
  const layout = face.layout.bind(face);
  const laid = new Map<string, Fontkit.GlyphRun>();
  face.layout = (text, features, ...rest) => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = laid.get(text);
    if (!run) {
      if (laid.size >= KEPT_LAYOUTS) laid.clear();
      run = layout(text);
      laid.set(text, run);
    }
    return copyOf(run);
  };
  return face;
}

/** A copy of a glyph run (of its class, so that its totals are reckoned from the copy's positions). */
function copyOf(run: Fontkit.GlyphRun): Fontkit.GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as Fontkit.GlyphRun, run);
  copy.glyphs = [...run.glyphs];
  copy.positions = run.positions.map((position) =>
    Object.assign(
      Object.create(Object.getPrototypeOf(position) as object) as Fontkit.GlyphPosition,
      position,
    ),
  );
  return copy;
}

const byToken = new WeakMap<Uint8Array, KeptFile>();
const byFile = new Map<string, KeptFile>();

/** The format fontkit tries last: a token stands for a kept file, answered with what was made of it. */
function keptFont(stream: { readonly buffer: Uint8Array }): object {
  const kept = byToken.get(stream.buffer);
  if (!kept) throw new Error('不是本程序保存的字体');
  return kept.font;
}

fontkit.registerFormat(Object.assign(keptFont, { probe: (buffer: Uint8Array) => byToken.has(buffer) }));

/** The token that stands for a font file: give it to pdfmake (or fontkit) in place of the file's bytes. */
export function fontToken(file: string): Buffer {
  let kept = byFile.get(file);
  if (!kept) {
    kept = new KeptFile(file);
    byFile.set(file, kept);
    byToken.set(kept.token, kept);
  }
  return kept.token;
}

/**
 * A face: the one kept for this thread when its file is kept (fontToken), else parsed for this once (a
 * worker laying out declarations keeps none). An error names the face a collection does not have.
 */
export function readFace(source: FontSource): Fontkit.Font {
  const [file, postscriptName] = typeof source === 'string' ? [source] : source;
  const kept = byFile.get(file) ?? new KeptFile(file);
  const face = kept.face(postscriptName);
  if (!face) throw new Error(`${file} 中没有字体 ${postscriptName ?? ''}`);
  return face;
}
