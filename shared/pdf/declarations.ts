/**
 * The performance-target declarations (绩效目标申报表) in 第三部分 十, laid out as the published forms and with
 * the workbook's content (shared/excel/declarations.ts: the same labels, fields and order): the 部门（单位）
 * 整体支出绩效目标申报表, then one 县级预算部门（单位）项目支出绩效目标申报表 per project that has a declaration,
 * in the order of doc.projects. Each form starts a portrait page: title, （年度） line, one bordered table in
 * the reference's grid (the 实施期 and 年度 indicator grids side by side under shared 一级 cells), and under a
 * project's form the line 负责人、经办人、联系电话、填报日期.
 *
 * Amounts: the 整体 form's income and expenditure in 万元 with two decimals, from 表1 and 表3; a project's
 * funding in 元, whole numbers with thousands separators (a stored fraction is shown, not hidden).
 */
import type {
  Alignment,
  Content,
  ContentAnchor,
  ContentTable,
  ContentText,
  TableCell,
  TableCellProperties,
} from 'pdfmake/interfaces';
import type { BudgetDocument, Project, ProjectDeclaration } from '../document/schema';
import { formatGrouped, isBlank, toDecimal, type Amount, type Decimal } from '../money';
import { overallFormCells, projectFormCells, type FormCell, type FormValue } from '../declarations/layout';
import { projectById } from '../document/lookup';
import {
  DECLARATION_TITLES,
  declarationYearLine,
  OVERALL_LABELS,
  SIGNATURES,
  signatureLabel,
} from '../declarations/form';
import { DECLARATION_PADDING, RULE, SIGNATURE_PADDING_TOP, TIGHT_PADDING_TOP, tableLayout } from './layouts';
import { textArea } from './page';
import { emWidth } from './styles';

const OVERALL = OVERALL_LABELS;
/** The signature line's labels as printed: 负责人：. */
const SIGNATURE_LINE = SIGNATURES.map(([key, label]) => [key, signatureLabel(label)] as const);

/**
 * The size of every cell: 10 pt with lines closer than the font's own spacing (Noto's lines are 1.45 em): a project's form then
 * fits one A4 page, as the printed forms do.
 */
const FONT_SIZE = 10;
const LINE_HEIGHT = 0.78;
const PAD_X = DECLARATION_PADDING.x;
const PAD_Y = DECLARATION_PADDING.y;
const TITLE = { size: 16, below: 4 } as const;
const YEAR = { size: 12, below: 6 } as const;

/**
 * Column widths as shares of the width a table has for text. A full-width character takes one em, so a
 * share is chosen by the characters a column must hold on a line: the 整体 form's block labels four
 * (部门整体/支出绩效/指标), then five equal columns of seven; the 项目 form's labels four (项目名称), 一级
 * three, 二级 four, 三级 and 指标值 sharing the rest, 指标值 wide enough for an amount such as 12,345,678.
 */
const OVERALL_SHARES = [43, 74, 74, 74, 74, 74];
const PROJECT_SHARES = [43, 33, 43, 68, 54, 43, 68, 54];

/** The text widths of a form's columns, filling the page between its margins. */
function columnWidths(shares: readonly number[]): number[] {
  const text = textArea().width - shares.length * 2 * PAD_X - (shares.length + 1) * RULE;
  const total = shares.reduce((s, share) => s + share, 0);
  return shares.map((share) => (text * share) / total);
}

/**
 * A line's height in em, for estimating heights before pdfmake lays the form out with the renderer's fonts:
 * the bundled Noto faces' lines are 1.437 em (1.448 for the sans), Windows' 宋体 1 em (the least a CJK
 * face has).
 */
const LINE_EM = { expected: 1.448, least: 1 } as const;
/** A line of text's width in points at FONT_SIZE, estimated. */
function textWidth(text: string): number {
  return emWidth(text) * FONT_SIZE;
}

/** How many lines a text takes in a cell `width` points wide (filling each line, as Chinese text wraps). */
function estimatedLines(text: string, width: number): number {
  return text
    .split('\n')
    .reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textWidth(paragraph) / width - 1e-9)), 0);
}

/** Where a form's table starts on its page: under the title and the （年度） line. */
const TABLE_TOP = TITLE.size * LINE_EM.expected + TITLE.below + YEAR.size * LINE_EM.expected + YEAR.below;

/** What a cell shows: a bold label, text (left), a short value (centred) or an amount (right). */
type Kind = 'label' | 'text' | 'center' | 'amount' | 'caption';

const KIND_STYLE: Readonly<
  Record<
    Kind,
    Pick<TableCellProperties, 'border'> & { readonly bold?: boolean; readonly alignment: Alignment }
  >
> = {
  label: { bold: true, alignment: 'center' },
  text: { alignment: 'left' },
  center: { alignment: 'center' },
  amount: { alignment: 'right' },
  caption: { alignment: 'left', border: [false, false, false, false] },
};

interface Span {
  readonly rows?: number;
  readonly cols?: number;
}

interface Box {
  readonly row: number;
  readonly rows: number;
  readonly lines: number;
  readonly cell: ContentText & TableCellProperties;
}

/**
 * One form's table, written box by box as the workbook writes its cells: a box at a row and column, spanning
 * rows and columns; the positions it covers hold pdfmake's `{}` placeholders. Rows never split across pages.
 *
 * pdfmake centres a box of one row vertically, but misplaces a vertically aligned box over several rows in a
 * table whose rows do not split, and misplaces the end of any box over several rows that starts in the
 * first row (so a form's first row spans none). A box over several rows is therefore set down by half the
 * room its rows leave, as estimated: never further than rows in the least-spaced face leave (so that it
 * cannot stretch its last row). Where its rows may run onto the next page it stays at the top, and its
 * first row is made tall enough to hold it (its text would otherwise hang below the page's last row).
 */
class FormTable {
  private readonly rows: (TableCell | undefined)[][] = [];
  private readonly boxes: Box[] = [];
  private captioned = false;
  /** Where the table ends in the bundled faces, as estimated when it was made (table()). */
  private end = { pages: 1, y: 0 };

  constructor(
    private readonly widths: readonly number[],
    /** Set tight: less room above each cell's text (TIGHT_PADDING_TOP), to fit the page. */
    private readonly tight = false,
  ) {}

  /** A first row across the table without borders (填报单位). */
  caption(text: string): void {
    this.box(0, 0, text, 'caption', { cols: this.widths.length });
    this.captioned = true;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  box(row: number, col: number, text: string, kind: Kind, span: Span = {}): void {
    const rows = span.rows ?? 1;
    const cols = span.cols ?? 1;
    for (let r = row; r < row + rows; r++) {
      const line = (this.rows[r] ??= []);
      for (let c = col; c < col + cols; c++) line[c] = {};
    }
    const width = this.textWidth(col, cols);
    // An amount stays on one line: one too long for its cell is set smaller (with room for the estimate's error).
    const shrink = kind === 'amount' && textWidth(text) > width ? (0.95 * width) / textWidth(text) : 1;
    const cell: Box['cell'] = {
      ...KIND_STYLE[kind],
      text,
      ...(rows > 1 ? { rowSpan: rows } : { verticalAlignment: 'middle' }),
      ...(cols > 1 ? { colSpan: cols } : {}),
      ...(shrink < 1 ? { fontSize: Math.floor(FONT_SIZE * shrink * 10) / 10 } : {}),
    };
    const line = this.rows[row];
    if (line) line[col] = cell;
    this.boxes.push({ row, rows, lines: estimatedLines(text, shrink < 1 ? Infinity : width), cell });
  }

  /**
   * A form's table (layout.ts) from row `top`: 一级 and 二级 names broken to their columns' width, counts
   * centred as text.
   */
  cells(top: number, cells: readonly FormCell[]): void {
    for (const cell of cells) {
      const text = cellText(cell.value);
      this.box(
        top + cell.row,
        cell.col,
        cell.level ? levelText(text, this.textWidth(cell.col)) : text,
        cell.kind === 'count' ? 'center' : cell.kind,
        { rows: cell.rows, cols: cell.cols },
      );
    }
  }

  /**
   * Whether the table made (table()) and `below` points under it fit the form's first page, as estimated
   * in the bundled faces, with `room` points to spare.
   */
  fitsPage(below: number, room: number): boolean {
    return this.end.pages === 1 && this.end.y + below + room <= textArea().height;
  }

  /** The width a box from `col` over `cols` columns has for its text (the lines and paddings it spans). */
  textWidth(col: number, cols = 1): number {
    const inner = (cols - 1) * (2 * PAD_X + RULE);
    return this.widths.slice(col, col + cols).reduce((total, w) => total + w, inner);
  }

  table(): ContentTable {
    const heights = this.placeSpans();
    const body = Array.from({ length: this.rows.length }, (_, r) =>
      this.widths.map((_, c): TableCell => {
        const cell = this.rows[r]?.[c];
        if (!cell) throw new Error(`申报表第 ${r + 1} 行第 ${c + 1} 列没有内容`);
        return cell;
      }),
    );
    return {
      table: { widths: [...this.widths], heights, dontBreakRows: true, body },
      // Only a project's form is set tight, and it has no caption row.
      layout: tableLayout(
        this.captioned ? 'declarationCaptioned' : this.tight ? 'declarationTight' : 'declaration',
      ),
      font: 'Song',
      fontSize: FONT_SIZE,
      lineHeight: LINE_HEIGHT,
    };
  }

  /**
   * Goes down the form as pdfmake will (the form starts a page; a row that does not fit goes to the next),
   * in the bundled faces and in the least-spaced one at once, placing each box over several rows as its
   * first row comes (see the class comment). Returns the rows' least heights: 'auto' but where a first
   * row must hold its box.
   */
  private placeSpans(): ('auto' | number)[] {
    const lines = this.rows.map(() => 1);
    for (const box of this.boxes) {
      if (box.rows === 1) lines[box.row] = Math.max(lines[box.row] ?? 1, box.lines);
    }
    const heights: ('auto' | number)[] = lines.map(() => 'auto');
    const line = (em: number) => FONT_SIZE * em * LINE_HEIGHT;
    const padding = (this.tight ? TIGHT_PADDING_TOP : PAD_Y) + PAD_Y;
    const rowHeight = (r: number, em: number) => (lines[r] ?? 1) * line(em) + padding + RULE;
    const spanHeight = (box: Box, em: number) => {
      let total = 0;
      for (let r = box.row; r < box.row + box.rows; r++) total += rowHeight(r, em);
      return total;
    };
    const page = textArea().height;
    // How far an estimated position may be off: a box this near a page's end is not relied on to fit.
    const doubt = 3 * line(LINE_EM.expected);
    const faces = [LINE_EM.expected, LINE_EM.least].map((em) => ({
      em,
      y: TABLE_TOP + RULE,
      pages: 1,
      doubtful: false,
    }));
    const place = (r: number) => {
      for (const face of faces) {
        const over = face.y + rowHeight(r, face.em) - page;
        face.doubtful = over > -doubt && over < doubt;
        if (over > 0) {
          face.y = RULE;
          face.pages++;
        }
      }
    };
    lines.forEach((_, r) => {
      place(r);
      for (const box of this.boxes) {
        if (box.row !== r || box.rows === 1) continue;
        const fits = faces.every(
          (face) => !face.doubtful && face.y + spanHeight(box, face.em) <= page - doubt,
        );
        if (fits) {
          const label = box.lines * line(LINE_EM.expected);
          const room = (em: number) => spanHeight(box, em) - padding - RULE - label;
          const down = Math.min(room(LINE_EM.expected) / 2, room(LINE_EM.least));
          if (down > 0) box.cell.margin = [0, down, 0, 0];
        } else if (box.lines > (lines[r] ?? 1)) {
          // Its rows may run onto the next page: its first row holds it, lest it hang below the page's last row.
          lines[r] = box.lines;
          heights[r] = box.lines * line(LINE_EM.expected);
          place(r);
        }
      }
      for (const face of faces) face.y += rowHeight(r, face.em);
    });
    const expected = faces[0];
    if (expected) this.end = { pages: expected.pages, y: expected.y };
    return heights;
  }
}

/**
 * A 一级 or 二级 name (full-width characters, an em each) for a cell `width` wide: where its last line would
 * hold one character alone (满意度指/标), 指标 goes to a line of its own (满意度/指标), on no more lines.
 */
function levelText(name: string, width: number): string {
  const perLine = Math.floor(width / FONT_SIZE);
  const length = name.length;
  if (perLine < 2 || length <= perLine || length % perLine !== 1 || !name.endsWith('指标')) return name;
  return `${name.slice(0, -'指标'.length)}\n指标`;
}

/** 元: whole numbers with thousands separators (383,000); a stored fraction with two decimals. */
function yuanText(amount: Amount): string {
  if (isBlank(amount)) return '';
  const value = toDecimal(amount);
  const grouped = formatGrouped(value);
  return value.isInteger() ? grouped.slice(0, -'.00'.length) : grouped;
}

/** 万元 with two decimals and thousands separators, as the tables print them; blank stays blank. */
function wanText(value: Decimal | null): string {
  return value === null ? '' : formatGrouped(value);
}

const title = (text: string): Content => ({
  text,
  font: 'Hei',
  fontSize: TITLE.size,
  lineHeight: 1,
  alignment: 'center',
  margin: [0, 0, 0, TITLE.below],
});

const yearLine = (year: number): Content => ({
  text: declarationYearLine(year),
  font: 'Song',
  fontSize: YEAR.size,
  lineHeight: 1,
  alignment: 'center',
  margin: [0, 0, 0, YEAR.below],
});

/** A form of section 十, and the project it declares (null: the 整体 form). */
export interface DeclarationPage {
  readonly projectId: string | null;
  readonly content: Content;
}

/** The forms of section 十: the 整体 form, then one per declared project (doc.projects order). */
export function declarationPages(doc: BudgetDocument): DeclarationPage[] {
  return [
    { projectId: null, content: overallForm(doc) },
    ...doc.projects.flatMap((project) =>
      project.declaration
        ? [{ projectId: project.id, content: projectForm(doc, project, project.declaration) }]
        : [],
    ),
  ];
}

/**
 * A project's form set tight (TIGHT_PADDING_TOP): for a form whose signature line landed alone on a page.
 * Null when the project has no declaration.
 */
export function tightProjectForm(doc: BudgetDocument, projectId: string): Content | null {
  const project = projectById(doc, projectId);
  return project?.declaration ? projectForm(doc, project, project.declaration, true) : null;
}

const SIGNATURE_ID = 'signature:';

/** The signature line's node id: the renderer learns from it where the line landed. */
function signatureId(projectId: string): string {
  return SIGNATURE_ID + projectId;
}

/** The project whose signature line a node is (by its id); null for any other node. */
export function signatureProject(nodeId: string): string | null {
  return nodeId.startsWith(SIGNATURE_ID) ? nodeId.slice(SIGNATURE_ID.length) : null;
}

/** A form from a new portrait page. */
function page(stack: Content[]): Content {
  return { stack, pageBreak: 'before', pageOrientation: 'portrait' };
}

function overallForm(doc: BudgetDocument): Content {
  const t = new FormTable(columnWidths(OVERALL_SHARES));
  // 填报单位 is the table's first row, without borders: the form's first row spans no rows.
  t.caption(`${OVERALL.filler}${doc.department.name}`);
  t.cells(1, overallFormCells(doc));
  return page([title(DECLARATION_TITLES.overall), yearLine(doc.year), t.table()]);
}

/** A value as the PDF prints it: 万元 amounts grouped with two decimals, counts as typed. */
function cellText(value: FormValue): string {
  if ('wan' in value) return wanText(value.wan);
  if ('yuan' in value) return yuanText(value.yuan);
  if ('count' in value) return value.count;
  return value.text;
}

/** The height of the signature line under a form (the room above it and one line), estimated. */
const SIGNATURE_HEIGHT = SIGNATURE_PADDING_TOP + FONT_SIZE * LINE_EM.expected * LINE_HEIGHT;
/** How far an estimated table end may be off, in points. */
const ESTIMATE_DOUBT = FONT_SIZE * LINE_EM.expected * LINE_HEIGHT;

/**
 * A project's form. One estimated not to fit its page with its signature line, or only just, is set tight
 * (less room above each cell's text) when it then fits: laid out as usual, a form whose table just fills
 * its page leaves its signature line alone on the next one. `tight` sets it tight regardless (the renderer
 * found its signature line alone on a page).
 */
function projectForm(doc: BudgetDocument, project: Project, d: ProjectDeclaration, tight = false): Content {
  const form = projectTable(doc, project, d, tight);
  let table = form.table();
  if (!tight && !form.fitsPage(SIGNATURE_HEIGHT, ESTIMATE_DOUBT)) {
    const tightForm = projectTable(doc, project, d, true);
    const tightTable = tightForm.table();
    if (tightForm.fitsPage(SIGNATURE_HEIGHT, ESTIMATE_DOUBT)) table = tightTable;
  }
  return page([
    title(DECLARATION_TITLES.project),
    yearLine(doc.year),
    table,
    signatureLine(d, signatureId(project.id)),
  ]);
}

/** A project's form's table, filled. */
function projectTable(
  doc: BudgetDocument,
  project: Project,
  d: ProjectDeclaration,
  tight: boolean,
): FormTable {
  const t = new FormTable(columnWidths(PROJECT_SHARES), tight);
  t.cells(0, projectFormCells(doc, project, d, 3));
  return t;
}

/**
 * 负责人、经办人、联系电话、填报日期 under the form, without borders, across its width: each label and value as
 * wide as its text (a blank value has room for a name), what is left shared out. `id` names the line
 * (signatureId).
 */
function signatureLine(d: ProjectDeclaration, id: string): Content {
  const pad = DECLARATION_PADDING.x;
  const labels = SIGNATURE_LINE.map(([, label]) => textWidth(label) + 1);
  const values = SIGNATURE_LINE.map(([key]) => Math.max(textWidth(d[key]), 3 * FONT_SIZE) + 1);
  const total = (widths: readonly number[]) => widths.reduce((s, w) => s + w, 0);
  const room = textArea().width - SIGNATURE_LINE.length * 2 * 2 * pad - total(labels);
  const spare = (room - total(values)) / values.length;
  // A value too long for the line wraps in its share.
  const fitted = values.map((w) => (spare >= 0 ? w + spare : (w * room) / total(values)));
  return {
    table: {
      widths: labels.flatMap((w, i) => [w, fitted[i] ?? 0]),
      body: [
        SIGNATURE_LINE.flatMap(([key, label], i): (ContentText | ContentAnchor)[] => [
          // The first label is an anchor, the line's id (pdfmake tells where nodes with an id land).
          i === 0 ? { text: label, bold: true, id } : { text: label, bold: true },
          { text: d[key] },
        ]),
      ],
    },
    layout: tableLayout('signatures'),
    font: 'Song',
    fontSize: FONT_SIZE,
    lineHeight: LINE_HEIGHT,
  };
}
