/**
 * Rendering a report definition (shared/pdf/report.ts) to PDF bytes with pdfmake, in the main process or
 * the command line. Fonts come from files: the open CJK fonts shipped with the app (Noto Serif SC for
 * 宋体 and 仿宋 roles, Noto Sans SC for 黑体), or the user's Windows fonts when chosen in settings.
 * pdfkit embeds only the glyphs used (subset fonts). Nothing is fetched: URLs and other files are refused.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { FontRole } from '../../shared/pdf/report';

/** A font file, or a font in a collection (.ttc) by its PostScript name. */
export type FontSource = string | readonly [file: string, postscriptName: string];

export interface FontFace {
  readonly normal: FontSource;
  readonly bold: FontSource;
}

export type FontFiles = Readonly<Record<FontRole, FontFace>>;

const require = createRequire(import.meta.url);

/** The open fonts shipped in the app's npm dependencies. */
export function bundledFonts(): FontFiles {
  const serif = (weight: string) =>
    require.resolve(`@expo-google-fonts/noto-serif-sc/${weight}/NotoSerifSC_${weight}.ttf`);
  const sans = (weight: string) =>
    require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);
  const song = { normal: serif('400Regular'), bold: serif('700Bold') };
  return { Song: song, FangSong: song, Hei: { normal: sans('400Regular'), bold: sans('700Bold') } };
}

/**
 * The Windows fonts official documents are set in, when this Windows has them: 宋体 (simsun.ttc), 仿宋
 * (simfang.ttf), 黑体 (simhei.ttf). They have no bold; the regular face serves for both. Used only from
 * the user's own system (never shipped: they are not free to redistribute).
 */
export function windowsFonts(fontsFolder: string): FontFiles | null {
  const song = join(fontsFolder, 'simsun.ttc');
  const fangSong = join(fontsFolder, 'simfang.ttf');
  const hei = join(fontsFolder, 'simhei.ttf');
  if (![song, fangSong, hei].every((file) => existsSync(file))) return null;
  const simSun = [song, 'SimSun'] as const;
  return {
    Song: { normal: simSun, bold: simSun },
    FangSong: { normal: fangSong, bold: fangSong },
    Hei: { normal: hei, bold: hei },
  };
}

/** %WINDIR%\Fonts, on Windows. */
export function systemFontsFolder(): string | null {
  const windows = process.env.WINDIR ?? process.env.windir;
  return windows ? join(windows, 'Fonts') : null;
}

/** Renders a report; `onProgress` receives the share of pages written (0 … 1). */
export async function renderPdf(
  definition: TDocumentDefinitions,
  fonts: FontFiles,
  onProgress?: (share: number) => void,
): Promise<Uint8Array> {
  const fileOf = (source: FontSource) => (typeof source === 'string' ? source : source[0]);
  const files = new Set(Object.values(fonts).flatMap((face) => [fileOf(face.normal), fileOf(face.bold)]));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => files.has(path));
  pdfmake.setProgressCallback(onProgress ?? (() => undefined));
  const source = (face: FontSource): string | string[] => (typeof face === 'string' ? face : [...face]);
  const dictionary = Object.fromEntries(
    Object.entries(fonts).map(([role, face]) => [
      role,
      {
        normal: source(face.normal),
        bold: source(face.bold),
        italics: source(face.normal),
        bolditalics: source(face.bold),
      },
    ]),
  );
  // pdfmake takes a font in a collection as [file, PostScript name] (PDFDocument.provideFont); its types
  // know only single files.
  pdfmake.setFonts(dictionary as TFontDictionary);
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
