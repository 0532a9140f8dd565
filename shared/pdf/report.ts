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
  ContentStack,
  PageOrientation,
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
import { FORM_IDS, type FormGrid, type FormId, type RowKind } from '../forms/types';
import { chineseNumeral } from '../forms/builders';
import { formatGrouped } from '../money';
import { generateNarrative, segmentText, type NarrativeSection } from '../narrative';
import { declarationPages, tightProjectForm } from './declarations';
import { flowId, remarkId } from './keep';
import { tableLayout } from './layouts';
import { PAGE_MARGINS, textArea } from './page';
import {
  BODY_LINE_SPACING,
  BODY_SIZE,
  emWidth,
  PART_SIZE,
  STYLES,
  TABLE_SIZE,
  TABLE_TITLE_SIZE,
} from './styles';

/** The three faces a report uses; the renderer maps each to a font file (open fonts or Windows'). */
export const FONT_ROLES = ['Song', 'FangSong', 'Hei'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

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

/** A heading listed in the 目录: part headings at level 0, sections at level 1. */
export interface TocEntry {
  /** The node id of the heading (pdfmake reports the page each node starts on by its id). */
  readonly id: string;
  readonly text: string;
  readonly level: 0 | 1;
}

/**
 * The report in runs of pages, so that a large department's report can be laid out a part at a time
 * (pdfmake keeps a whole document in memory while it lays it out), and a run laid out again without the
 * others: the front (cover, 目录, 第一部分), the tables (第二部分), the narrative (第三部分 through section
 * 十's text), the declarations (one form a page), and the back (the rest of 第三部分, 第四部分, the audit
 * appendix). The 目录 is written from the pages the headings land on.
 */
export interface ReportParts {
  /** The front; `pages` gives each heading's page (null: not known yet, numbers left as placeholders). */
  front(pages: ReadonlyMap<string, number> | null): Content[];
  /** The 目录 alone, as the front has it (page 2 on), with the pages given. */
  tableOfContents(pages: ReadonlyMap<string, number>): Content;
  /** 第二部分; the tables in `tails` keep their last rows with their 备注 (keep.ts lonelyRemark). */
  tables(tails: readonly FormId[]): Content[];
  readonly narrative: readonly Content[];
  readonly declarations: readonly Content[];
  /** The project each of the declarations is for (null: the 整体 form), in the same order. */
  readonly declarationProjects: readonly (string | null)[];
  /**
   * A project's form set tight (less room above each cell's text), for when its signature line landed
   * alone on a page (declarations.ts tightProjectForm); null when the project has none.
   */
  tightDeclaration(projectId: string): Content | null;
  readonly back: readonly Content[];
  readonly entries: readonly TocEntry[];
  readonly title: string;
}

export function reportParts(doc: BudgetDocument, options: ReportOptions): ReportParts {
  const year = doc.year;
  const entries: TocEntry[] = [];
  /** A heading listed in the 目录 (`printed` as it is set, when that differs: a part's title in two lines). */
  const listed = (text: string, style: string, level: 0 | 1, printed = text): Content => {
    const id = `toc-${entries.length}`;
    entries.push({ id, text, level });
    return { text: printed, style, id };
  };
  // The page break is on a wrapper: pdfmake tells where a node landed only for nodes without one.
  const part = (text: string, orientation: PageOrientation = 'portrait'): Content => ({
    stack: [listed(text, 'part', 0, partTitleLines(text))],
    pageBreak: 'before',
    pageOrientation: orientation,
  });
  const heading = (text: string): Content => listed(text, 'heading', 1);
  // Paragraphs and subheadings have ids too: the renderer learns where they land (keep.ts).
  let flowCount = 0;
  const flow = (node: ContentText): Content => ({ ...node, id: flowId(flowCount++) });
  const paragraph = (text: string) => flow({ text, style: 'body' });

  const sections = generateNarrative(doc);
  const split = sections.findIndex((section) => section.key === 'performance') + 1;
  const narrative = (list: readonly NarrativeSection[]) =>
    list.flatMap((section): Content[] => [
      heading(section.heading),
      ...section.blocks.map((block): Content =>
        block.kind === 'subheading'
          ? flow({ text: block.text, style: 'subheading' })
          : paragraph(block.segments.map(segmentText).join('')),
      ),
    ]);

  const overview: Content[] = [
    part('第一部分 概况'),
    heading('一、本部门（单位）职责'),
    ...doc.overview.responsibilities.map(paragraph),
    heading('二、机构设置情况'),
    paragraph(doc.overview.organization),
  ];
  // 第二部分's title heads the page of its first table, as in the reference (on a page of that table's
  // orientation): each other table starts a page.
  const firstOrientation = formsOf(doc).grid(FORM_IDS[0]).orientation;
  const tablesPart = part(`第二部分 ${year}年度部门（单位）预算报表`, firstOrientation);
  const tables = FORM_IDS.map((id, index) => {
    const grid = formsOf(doc).grid(id);
    // The reference's 目录 names the table without the department: 一、2024年预算收支总表.
    const short = `${chineseNumeral(index + 1)}、${grid.title.slice(grid.title.indexOf(`${year}年`))}`;
    return { grid, heading: heading(short) };
  });
  const explanation: Content[] = [
    part(`第三部分 ${year}年度部门（单位）预算情况说明`),
    ...narrative(sections.slice(0, split)),
  ];
  const back: Content[] = [
    ...narrative(sections.slice(split)),
    part('第四部分 名词解释'),
    ...doc.glossary.map((entry, index) =>
      flow({
        text: [{ text: `${chineseNumeral(index + 1)}、${entry.term}：`, style: 'term' }, entry.definition],
        style: 'body',
      }),
    ),
    ...(options.findings ? auditAppendix(options.findings) : []),
  ];
  const declarations = declarationPages(doc);
  return {
    front: (pages) => [cover(doc), { ...tableOfContents(entries, pages), pageBreak: 'before' }, ...overview],
    tableOfContents: (pages) => tableOfContents(entries, pages),
    // Copies of the headings: pdfmake writes into the nodes it lays out, and 第二部分 may be laid out twice.
    tables: (tails) => [
      structuredClone(tablesPart),
      ...tables.map((table, index) =>
        tableSection(table.grid, structuredClone(table.heading), {
          tail: tails.includes(table.grid.id),
          startsPage: index > 0,
          department: doc.department.name,
        }),
      ),
    ],
    narrative: explanation,
    declarations: declarations.map((form) => form.content),
    declarationProjects: declarations.map((form) => form.projectId),
    tightDeclaration: (projectId) => tightProjectForm(doc, projectId),
    back,
    entries,
    title: `${doc.department.name}${year}年度部门预算`,
  };
}

/**
 * A part's title as printed: on one line when it fits, else broken after 第X部分 (第三部分 2024年度部门
 * （单位）预算情况说明 is a little wider than the page: it left 明 alone on a second line).
 */
function partTitleLines(text: string): string {
  return emWidth(text) * PART_SIZE <= textArea().width ? text : text.replace(' ', '\n');
}

/**
 * A table's title as printed: on one line when it fits; else broken before its closing （…） when the rest
 * fits on the first line, or after the department's name (…一般公共预算支出预算表（不含上年结转） left
 * 结转） alone on a second line, …“三公”经费支出预算表 its last 表).
 */
function tableTitleLines(title: string, department: string, width: number): string {
  const fits = (text: string) => emWidth(text) * TABLE_TITLE_SIZE <= width;
  if (fits(title)) return title;
  const open = title.lastIndexOf('（');
  if (open > 0 && title.endsWith('）') && fits(title.slice(0, open))) {
    return `${title.slice(0, open)}\n${title.slice(open)}`;
  }
  return title.startsWith(department) && department !== ''
    ? `${department}\n${title.slice(department.length)}`
    : title;
}

/** A placeholder as wide as a page number, so that both layouts of the front are the same. */
const UNKNOWN_PAGE = '000';

/** 目录: each heading and the page it is on, sections indented under their parts. */
function tableOfContents(
  entries: readonly TocEntry[],
  pages: ReadonlyMap<string, number> | null,
): ContentStack {
  return {
    stack: [
      { text: '目  录', style: 'tocTitle' },
      {
        table: {
          widths: ['*', 36],
          dontBreakRows: true,
          body: entries.map((entry) => [
            {
              text: entry.text,
              font: entry.level === 0 ? 'Hei' : 'FangSong',
              fontSize: entry.level === 0 ? 15 : 13,
              margin: [entry.level === 0 ? 0 : 24, entry.level === 0 ? 6 : 2, 0, 0],
            },
            {
              text: pages ? String(pages.get(entry.id) ?? '') : UNKNOWN_PAGE,
              alignment: 'right',
              fontSize: entry.level === 0 ? 15 : 13,
              margin: [0, entry.level === 0 ? 6 : 2, 0, 0],
            },
          ]),
        },
        layout: 'noBorders',
      },
    ],
  };
}

/**
 * One run of pages as a pdfmake document. `firstPage` is the number of its first page in the whole
 * report (page 1, the cover, is not numbered); null leaves the pages unnumbered, for runs laid out before
 * their place is known (numberPages stamps them afterwards).
 */
export function runDefinition(
  content: readonly Content[],
  options: { readonly firstPage: number | null; readonly draft: boolean; readonly title: string },
): TDocumentDefinitions {
  const { firstPage } = options;
  const [first, ...rest] = content;
  // A run starts a page of its own: a page break before its first node (a declaration's form starts a
  // page) would leave that page blank. The run takes the orientation the node asks for.
  const opening = isStack(first) ? first : null;
  const breaks = opening?.pageBreak === 'before';
  return {
    info: { title: options.title, creator: '部门预算编制助手', producer: '部门预算编制助手' },
    pageSize: 'A4',
    pageOrientation: (breaks && opening.pageOrientation) || 'portrait',
    pageMargins: PAGE_MARGINS,
    content: endsRun(breaks ? [{ ...opening, pageBreak: undefined }, ...rest] : [...content]),
    ...(firstPage === null
      ? {}
      : { footer: (currentPage: number) => pageNumber(firstPage - 1 + currentPage) }),
    ...(options.draft ? { watermark: DRAFT_WATERMARK } : {}),
    defaultStyle: { font: 'FangSong', fontSize: BODY_SIZE, lineHeight: BODY_LINE_SPACING },
    styles: STYLES,
  };
}

/**
 * A run's content with no room below its last node: pdfmake starts a new page for a bottom margin that
 * does not fit on the page, which at the end of a run is a blank page.
 */
function endsRun(content: Content[]): Content[] {
  const last = content.pop();
  return last === undefined ? content : [...content, withoutMarginBelow(last)];
}

function withoutMarginBelow(node: Content): Content {
  if (isStack(node)) return { ...node, marginBottom: 0, stack: endsRun([...node.stack]) };
  return isText(node) ? { ...node, marginBottom: 0 } : node;
}

function isText(content: Content): content is ContentText {
  return typeof content === 'object' && !Array.isArray(content) && 'text' in content;
}

function isStack(content: Content | undefined): content is ContentStack {
  return typeof content === 'object' && !Array.isArray(content) && 'stack' in content;
}

/** The footer: — 5 —, centred under the text; none on the cover. */
function pageNumber(page: number): Content {
  return page === 1 ? '' : { text: `— ${page} —`, alignment: 'center', fontSize: 12, margin: [0, 30, 0, 0] };
}

/** Blank pages that carry only their numbers, `firstPage` on: laid over pages laid out unnumbered. */
export function numberPages(count: number, firstPage: number, title: string): TDocumentDefinitions {
  return {
    ...runDefinition(
      Array.from({ length: count }, (_, i): Content => ({
        text: '',
        ...(i > 0 ? { pageBreak: 'before' } : {}),
      })),
      { firstPage, draft: false, title },
    ),
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

/** The body rows a table takes over to the next page with its 备注 (keep.ts): a continued table shows two. */
const TAIL_ROWS = 2;

/**
 * One table from a new page (`startsPage`, or under 第二部分's title): heading (in the 目录), title, 单位,
 * the table, 备注, the empty-table note. With `tail`, the table's last rows are a table of their own
 * (under the header again) kept with the 备注: they start the next page together, for when the 备注 would
 * otherwise start a page alone.
 */
function tableSection(
  grid: FormGrid,
  heading: Content,
  {
    tail,
    startsPage,
    department,
  }: { readonly tail: boolean; readonly startsPage: boolean; readonly department: string },
): Content {
  const { width } = textArea(grid.orientation);
  const notes: Content[] = [
    { text: grid.remark, style: 'remark', id: remarkId(grid.id) },
    ...(grid.empty && grid.emptyNote !== '' ? [{ text: `说明：${grid.emptyNote}`, style: 'remark' }] : []),
  ];
  const split = tail ? Math.max(0, grid.rows.length - TAIL_ROWS) : grid.rows.length;
  const head = split > 0 ? [gridTable({ ...grid, rows: grid.rows.slice(0, split) }, width)] : [];
  const end: Content[] =
    split < grid.rows.length
      ? [
          {
            stack: [gridTable({ ...grid, rows: grid.rows.slice(split) }, width), ...notes],
            unbreakable: true,
          },
        ]
      : notes;
  return {
    stack: [
      heading,
      { text: tableTitleLines(grid.title, department, width), style: 'tableTitle' },
      { text: grid.unit, style: 'tableUnit' },
      ...head,
      ...end,
    ],
    ...(startsPage ? { pageBreak: 'before', pageOrientation: grid.orientation } : {}),
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
    layout: tableLayout('form'),
    style: 'table',
    fontSize,
  };
}

/** 类, 款 and 合计 rows are set off in bold. */
function setOff(kind: RowKind): boolean {
  return kind === 'class' || kind === 'section' || kind === 'total';
}

function auditAppendix(findings: readonly Finding[]): Content[] {
  return [
    { text: '附：审核结果', style: 'part', pageBreak: 'before', pageOrientation: 'portrait' },
    ...(findings.length === 0 ? [{ text: '未发现问题。', style: 'body' }] : []),
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
