/**
 * Rendering a report definition (shared/pdf/report.ts) to PDF bytes with pdfmake, in the main process or
 * the command line. Fonts come from files: the open CJK fonts shipped with the app (Noto Serif SC for
 * 宋体 and 仿宋 roles, Noto Sans SC for 黑体), or the user's Windows fonts when chosen in settings.
 * pdfkit embeds only the glyphs used (subset fonts). Nothing is fetched: URLs and other files are refused.
 */
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FontRole } from '../../shared/pdf/report';

export interface FontFace {
  readonly normal: string;
  readonly bold: string;
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

/** Renders a report; `onProgress` receives the share of pages written (0 … 1). */
export async function renderPdf(
  definition: TDocumentDefinitions,
  fonts: FontFiles,
  onProgress?: (share: number) => void,
): Promise<Uint8Array> {
  const files = new Set(Object.values(fonts).flatMap((face) => [face.normal, face.bold]));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => files.has(path));
  pdfmake.setProgressCallback(onProgress ?? (() => undefined));
  pdfmake.setFonts(
    Object.fromEntries(
      Object.entries(fonts).map(([role, face]) => [
        role,
        { normal: face.normal, bold: face.bold, italics: face.normal, bolditalics: face.bold },
      ]),
    ),
  );
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer);
}
