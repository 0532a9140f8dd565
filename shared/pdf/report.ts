/**
 * The published document as a pdfmake document definition, in the reference's order: cover, 目录 with
 * real page numbers, 第一部分 概况, 第二部分 the thirteen tables, 第三部分 情况说明 (the generated
 * narrative with the declarations in section 十), 第四部分 名词解释. Pure data (and the footer function):
 * the main process renders it with the fonts it has, and the renderer can show the same definition.
 *
 * Typography after GB/T 9704 (党政机关公文格式): A4, top margin 37 mm, left 28 mm, body 三号 (16 pt);
 * headings in a 黑体-like face, body text 仿宋-like, tables 宋体-like.
 */
import type {
  Content,
  ContentTable,
  ContentText,
  TableCell,
  TableCellProperties,
  TDocumentDefinitions,
  Watermark,
} from 'pdfmake/interfaces';
import type { Finding } from '../checks/types';
import type { BudgetDocument } from '../document/schema';
import { formsOf } from '../forms/engine';
import { FORM_IDS, type FormGrid, type RowKind } from '../forms/types';
import { chineseNumeral } from '../forms/builders';
import { formatGrouped } from '../money';
import { generateNarrative, segmentText, type NarrativeSection } from '../narrative';
import { declarationsContent } from './declarations';
import { A4, PAGE_MARGINS } from './page';

/** The three faces a report uses; the renderer maps each to a font file (open fonts or Windows'). */
export const FONT_ROLES = ['Song', 'FangSong', 'Hei'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

/** 三号 */
const BODY_SIZE = 16;
/** 五号 */
const TABLE_SIZE = 10.5;

export const DRAFT_MARK = '草稿 未通过审核';

const DRAFT_WATERMARK: Watermark = {
  text: DRAFT_MARK,
  color: '#d00000',
  opacity: 0.18,
  bold: true,
  fontSize: 64,
};

export interface ReportOptions {
  /** Marks every page as a draft (the document has 错误 findings and the user exports anyway). */
  readonly draft: boolean;
  /** Appends the audit findings (错误 and 提示 with their explanations). */
  readonly findings: readonly Finding[] | null;
}

export function buildReport(doc: BudgetDocument, options: ReportOptions): TDocumentDefinitions {
  const year = doc.year;
  const content: Content[] = [
    cover(doc),
    { toc: { title: { text: '目  录', style: 'tocTitle' } }, pageBreak: 'before' },
    part(`第一部分 概况`),
    heading('一、本部门（单位）职责'),
    ...doc.overview.responsibilities.map((text) => paragraph(text)),
    heading('二、机构设置情况'),
    paragraph(doc.overview.organization),
    part(`第二部分 ${year}年度部门（单位）预算报表`),
    ...FORM_IDS.map((id, index) => tableSection(formsOf(doc).grid(id), index, year)),
    part(`第三部分 ${year}年度部门（单位）预算情况说明`, 'portrait'),
    ...narrativeContent(doc),
    part('第四部分 名词解释'),
    ...doc.glossary.map((entry, index) => ({
      text: [{ text: `${chineseNumeral(index + 1)}、${entry.term}：`, style: 'term' }, entry.definition],
      style: 'body',
    })),
    ...(options.findings ? auditAppendix(options.findings) : []),
  ];
  return {
    info: {
      title: `${doc.department.name}${year}年度部门预算`,
      creator: '部门预算编制助手',
      producer: '部门预算编制助手',
    },
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    content,
    footer: (currentPage) =>
      currentPage === 1
        ? ''
        : { text: `— ${currentPage} —`, alignment: 'center', fontSize: 12, margin: [0, 30, 0, 0] },
    ...(options.draft ? { watermark: DRAFT_WATERMARK } : {}),
    defaultStyle: { font: 'FangSong', fontSize: BODY_SIZE, lineHeight: 1.45 },
    styles: {
      coverTitle: { font: 'Hei', fontSize: 28, alignment: 'center', lineHeight: 1.6 },
      coverDate: { font: 'FangSong', fontSize: 16, alignment: 'center' },
      tocTitle: { font: 'Hei', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 20] },
      part: { font: 'Hei', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 24] },
      heading: { font: 'Hei', fontSize: BODY_SIZE, margin: [0, 12, 0, 6] },
      subheading: { font: 'FangSong', fontSize: BODY_SIZE, bold: true, margin: [0, 6, 0, 4] },
      body: {
        font: 'FangSong',
        fontSize: BODY_SIZE,
        alignment: 'justify',
        leadingIndent: BODY_SIZE * 2,
        margin: [0, 0, 0, 6],
      },
      term: { font: 'Hei' },
      tableTitle: { font: 'Hei', fontSize: 15, alignment: 'center', margin: [0, 0, 0, 6] },
      tableUnit: { font: 'Song', fontSize: TABLE_SIZE, alignment: 'right', margin: [0, 0, 0, 2] },
      table: { font: 'Song', fontSize: TABLE_SIZE, lineHeight: 1.05 },
      remark: { font: 'Song', fontSize: TABLE_SIZE, margin: [0, 4, 0, 0] },
    },
  };
}

function cover(doc: BudgetDocument): Content {
  return {
    stack: [
      { text: doc.department.name, style: 'coverTitle', margin: [0, 160, 0, 0] },
      { text: `${doc.year}年度`, style: 'coverTitle' },
      { text: '部门预算', style: 'coverTitle' },
      { text: doc.coverDate, style: 'coverDate', margin: [0, 220, 0, 0] },
    ],
  };
}

/** A part heading (第一部分 …) on a new page, in the 目录. */
function part(text: string, orientation?: 'portrait' | 'landscape'): Content {
  return {
    text,
    style: 'part',
    tocItem: true,
    tocStyle: { font: 'Hei', fontSize: 15 },
    tocMargin: [0, 6, 0, 0],
    pageBreak: 'before',
    ...(orientation ? { pageOrientation: orientation } : {}),
  };
}

/** A section heading (一、…), in the 目录 under its part. */
function heading(text: string): Content {
  return {
    text,
    style: 'heading',
    tocItem: true,
    tocStyle: { font: 'FangSong', fontSize: 13 },
    tocMargin: [24, 2, 0, 0],
  };
}

function paragraph(text: string): Content {
  return { text, style: 'body' };
}

/** One table on its own page: heading (in the 目录), title, 单位, the table, 备注, the empty-table note. */
function tableSection(grid: FormGrid, index: number, year: number): Content {
  const width = (grid.orientation === 'landscape' ? A4.height : A4.width) - PAGE_MARGINS[0] - PAGE_MARGINS[2];
  return {
    stack: [
      {
        // The reference's 目录 names the table without the department: 一、2024年预算收支总表.
        text: `${chineseNumeral(index + 1)}、${grid.title.slice(grid.title.indexOf(`${year}年`))}`,
        style: 'heading',
        tocItem: true,
        tocStyle: { font: 'FangSong', fontSize: 13 },
        tocMargin: [24, 2, 0, 0],
      },
      { text: grid.title, style: 'tableTitle' },
      { text: grid.unit, style: 'tableUnit' },
      gridTable(grid, width),
      { text: grid.remark, style: 'remark' },
      ...(grid.empty && grid.emptyNote !== '' ? [{ text: `说明：${grid.emptyNote}`, style: 'remark' }] : []),
    ],
    pageBreak: 'before',
    pageOrientation: grid.orientation,
  };
}

/**
 * A form as a pdfmake table: the header rows (merged cells as row/col spans) repeat on every page the
 * table runs to; no row is split across pages; 类/款/合计 rows in bold; amounts right-aligned.
 */
export function gridTable(grid: FormGrid, available: number): ContentTable {
  const total = grid.columns.reduce((sum, column) => sum + column.width, 0);
  // Narrow columns for many columns: the type shrinks so that Chinese names still fit.
  const fontSize = total > 130 ? 9 : TABLE_SIZE;
  const widths = grid.columns.map((column) => (available - grid.columns.length * 8) * (column.width / total));
  const header: TableCell[][] = Array.from({ length: grid.headerRowCount }, () =>
    grid.columns.map((): TableCell => ({})),
  );
  for (const h of grid.header) {
    const row = header[h.row];
    if (!row) continue;
    const cell: ContentText & TableCellProperties = {
      text: h.label,
      rowSpan: h.rowSpan,
      colSpan: h.colSpan,
      alignment: 'center',
      bold: true,
    };
    row[h.column] = cell;
  }
  const body: TableCell[][] = grid.rows.map((row) => {
    const bold = row.kinds.some(setOff);
    return row.cells.map((cell): ContentText => {
      if (cell.type === 'text') return { text: cell.text, bold };
      return {
        text: cell.value === null ? '' : formatGrouped(cell.value),
        alignment: 'right',
        bold,
        noWrap: true,
      };
    });
  });
  return {
    table: { headerRows: grid.headerRowCount, dontBreakRows: true, widths, body: [...header, ...body] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    style: 'table',
    fontSize,
  };
}

/** 类, 款 and 合计 rows are set off in bold. */
function setOff(kind: RowKind): boolean {
  return kind === 'class' || kind === 'section' || kind === 'total';
}

/** 第三部分: the narrative's twelve sections; section 十 carries the declarations after its text. */
function narrativeContent(doc: BudgetDocument): Content[] {
  return generateNarrative(doc).flatMap((section: NarrativeSection): Content[] => [
    heading(section.heading),
    ...section.blocks.map((block): Content =>
      block.kind === 'subheading'
        ? { text: block.text, style: 'subheading' }
        : { text: block.segments.map(segmentText).join(''), style: 'body' },
    ),
    ...(section.key === 'performance' ? declarationsContent(doc) : []),
  ]);
}

function auditAppendix(findings: readonly Finding[]): Content[] {
  return [
    { text: '附：审核结果', style: 'part', pageBreak: 'before', pageOrientation: 'portrait' },
    ...(findings.length === 0 ? [paragraph('未发现问题。')] : []),
    ...findings.map((finding, index): Content => ({
      text: [
        { text: `${index + 1}. [${finding.level} ${finding.rule}] `, font: 'Hei' },
        finding.message,
        ...(finding.level === '提示' ? [`（说明：${finding.explanation ?? '未说明'}）`] : []),
      ],
      fontSize: 12,
      margin: [0, 0, 0, 4],
    })),
  ];
}
