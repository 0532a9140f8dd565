/**
 * The report's type: sizes and named styles (pdfmake), after GB/T 9704 (党政机关公文格式): body 三号
 * (16 pt) in a 仿宋-like face, headings 黑体-like, tables 五号 宋体-like. The report's definition and the
 * page-break rules (keep.ts) read the same measures.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** 三号 */
export const BODY_SIZE = 16;
/** 五号 */
export const TABLE_SIZE = 10.5;
/** 二号: a part's title. */
export const PART_SIZE = 22;
/** 小三: a table's title. */
export const TABLE_TITLE_SIZE = 15;
/** The body text's line spacing (a multiple of the type size). */
export const BODY_LINE_SPACING = 1.45;

/**
 * The room a line of body text takes, in points, in a face whose lines are `lineEm` em (its ascent less
 * its descent: 1.437 for the bundled Noto Serif SC, 1 for Windows' 仿宋), as pdfmake sets it.
 */
export function bodyLineHeight(lineEm: number): number {
  return BODY_SIZE * lineEm * BODY_LINE_SPACING;
}

/**
 * A line of text's width in em, estimated before pdfmake sets it: a full-width character takes one em, a
 * Latin letter or digit about half, a comma or full stop a third.
 */
export function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) > 0xff ? 1 : ch === ',' || ch === '.' ? 0.33 : 0.55;
  return em;
}

type Margin = readonly [left: number, top: number, right: number, bottom: number];

/** The margins of the styles the page-break rules weigh (keep.ts), in points. */
export const FLOW_MARGINS = {
  heading: [0, 12, 0, 6],
  subheading: [0, 6, 0, 4],
  body: [0, 0, 0, 6],
  remark: [0, 4, 0, 0],
} as const satisfies Record<string, Margin>;

export const STYLES: TDocumentDefinitions['styles'] = {
  coverTitle: { font: 'Hei', fontSize: 28, alignment: 'center', lineHeight: 1.6 },
  coverDate: { font: 'FangSong', fontSize: 16, alignment: 'center' },
  tocTitle: { font: 'Hei', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 20] },
  part: { font: 'Hei', fontSize: PART_SIZE, alignment: 'center', margin: [0, 0, 0, 24] },
  heading: { font: 'Hei', fontSize: BODY_SIZE, margin: [...FLOW_MARGINS.heading] },
  subheading: { font: 'FangSong', fontSize: BODY_SIZE, bold: true, margin: [...FLOW_MARGINS.subheading] },
  body: {
    font: 'FangSong',
    fontSize: BODY_SIZE,
    alignment: 'justify',
    leadingIndent: BODY_SIZE * 2,
    margin: [...FLOW_MARGINS.body],
  },
  term: { font: 'Hei' },
  tableTitle: {
    font: 'Hei',
    fontSize: TABLE_TITLE_SIZE,
    alignment: 'center',
    lineHeight: 1.2,
    margin: [0, 0, 0, 6],
  },
  tableUnit: { font: 'Song', fontSize: TABLE_SIZE, alignment: 'right', margin: [0, 0, 0, 2] },
  table: { font: 'Song', fontSize: TABLE_SIZE, lineHeight: 1.05 },
  remark: { font: 'Song', fontSize: TABLE_SIZE, lineHeight: 1.05, margin: [...FLOW_MARGINS.remark] },
};
