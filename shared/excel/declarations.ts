/**
 * The performance-target declarations (绩效目标申报表) in the workbook, laid out as the published forms:
 * sheet 整体绩效目标 holds the 部门（单位）整体支出绩效目标申报表, sheet 项目绩效目标 one 县级预算部门（单位）项目
 * 支出绩效目标申报表 per declared project, each on a printed page of its own.
 *
 * Import finds every form by its labels, not by row numbers (people insert rows), matches a project's form
 * to the project by 项目名称 and reads every field back. What it cannot read is an ImportProblem naming the
 * sheet, the cell and its content; a field that cannot be read is left blank, never guessed.
 */
import type ExcelJS from 'exceljs';
import { OVERALL_GRID, PROJECT_GRID } from '../declarations/grid';
import { overallFormCells, projectFormCells, type FormCell, type FormValue } from '../declarations/layout';
import {
  INDICATOR_LEVEL1,
  INDICATOR_LEVEL2,
  type BudgetDocument,
  type Indicator,
  type OverallDeclaration,
  type Project,
  type ProjectDeclaration,
  type YuanFunding,
} from '../document/schema';
import { isBlank, roundCents, toDecimal, type Amount, type Decimal } from '../money';
import {
  cellAmount,
  cellCount,
  cellText,
  labelKey,
  normalized,
  type AmountRead,
  type CountRead,
} from './cells';
import { address } from './layout';
import type { ImportProblem } from './problems';
import {
  addPrintedSheet,
  amountFormat,
  BORDER,
  FONT,
  MAX_ROW_HEIGHT,
  mergeCells,
  ROW_HEIGHT,
  rowHeightFor,
  wrappedLines,
  writeLine,
} from './style';
import {
  DECLARATION_TITLES,
  declarationYearLine,
  FUNDING_PARTS,
  FUNDING_SIDES,
  INDICATOR_HEADERS,
  OVERALL_LABELS,
  PROJECT_LABELS,
  PROJECT_TEXTS,
  SIGNATURES,
  signatureLabel,
} from '../declarations/form';

export const OVERALL_SHEET = '整体绩效目标';
export const PROJECTS_SHEET = '项目绩效目标';

const OVERALL = OVERALL_LABELS;
const PROJECT = PROJECT_LABELS;
const GRID = INDICATOR_HEADERS;
/** The texts and signature labels by field, as the reader looks them up. */
const TEXTS = Object.fromEntries(PROJECT_TEXTS) as Record<(typeof PROJECT_TEXTS)[number][0], string>;
const SIGNATURE_LABELS = Object.fromEntries(
  SIGNATURES.map(([key, label]) => [key, signatureLabel(label)]),
) as Record<(typeof SIGNATURES)[number][0], string>;

/** Column widths (Excel's character units): label column, then the form's columns. */
const OVERALL_WIDTHS = [12, 20, 16, 15, 15, 16];
const PROJECT_WIDTHS = [15, 10, 13, 17, 12, 13, 17, 12];

// ---------------------------------------------------------------------------------------------------
// Export

/**
 * Project declarations per sheet. Each form has some forty merged cells, and reading a sheet takes time
 * with the square of its merges (exceljs compares each merge with every other; safeOpen.ts bounds it):
 * a department with a thousand declared projects gets several sheets 项目绩效目标（1）, （2）, ….
 */
const PROJECTS_PER_SHEET = 30;

/** Adds the sheets 整体绩效目标 and 项目绩效目标 (one form per project that has a declaration). */
export function addDeclarationSheets(workbook: ExcelJS.Workbook, doc: BudgetDocument): void {
  writeOverall(formSheet(workbook, OVERALL_SHEET, OVERALL_WIDTHS), doc);
  const declared = doc.projects.flatMap((project) =>
    project.declaration ? [{ project, declaration: project.declaration }] : [],
  );
  const sheets = Math.max(1, Math.ceil(declared.length / PROJECTS_PER_SHEET));
  for (let s = 0; s < sheets; s++) {
    const sheet = formSheet(
      workbook,
      sheets === 1 ? PROJECTS_SHEET : `${PROJECTS_SHEET}（${s + 1}）`,
      PROJECT_WIDTHS,
    );
    let row = 1;
    for (const { project, declaration } of declared.slice(
      s * PROJECTS_PER_SHEET,
      (s + 1) * PROJECTS_PER_SHEET,
    )) {
      if (row > 1) sheet.getRow(row - 1).addPageBreak();
      row = writeProject(sheet, doc, project, declaration, row);
    }
  }
}

/** A portrait sheet of forms, as many pages tall as they need: each project's form starts a page. */
function formSheet(workbook: ExcelJS.Workbook, name: string, widths: readonly number[]): ExcelJS.Worksheet {
  return addPrintedSheet(workbook, name, { orientation: 'portrait', widths });
}

type Kind = 'label' | 'text' | 'center' | 'amount' | 'count';

const ALIGNMENTS: Readonly<Record<Kind, Partial<ExcelJS.Alignment>>> = {
  label: { horizontal: 'center', vertical: 'middle', wrapText: true },
  text: { horizontal: 'left', vertical: 'middle', wrapText: true },
  center: { horizontal: 'center', vertical: 'middle', wrapText: true },
  amount: { horizontal: 'right', vertical: 'middle' },
  count: { horizontal: 'center', vertical: 'middle' },
};

/**
 * Writes one form: bordered boxes (every cell of a merge styled, as a merge keeps only its first cell's
 * style on read-back), and row heights that show each box's wrapped text.
 */
class FormWriter {
  private readonly needs: { top: number; bottom: number; points: number }[] = [];

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    private readonly widths: readonly number[],
  ) {}

  box(row: number, col: number, value: ExcelJS.CellValue, kind: Kind, options: BoxOptions = {}): void {
    const toRow = row + (options.rows ?? 1) - 1;
    const toCol = col + (options.cols ?? 1) - 1;
    for (let r = row; r <= toRow; r++) {
      for (let c = col; c <= toCol; c++) {
        const cell = this.sheet.getCell(r, c);
        cell.font = FONT;
        cell.border = BORDER;
        cell.alignment = ALIGNMENTS[kind];
        if (kind === 'amount') cell.numFmt = amountFormat;
        if (options.numFmt) cell.numFmt = options.numFmt;
      }
    }
    if (toRow > row || toCol > col) mergeCells(this.sheet, row, col, toRow, toCol);
    // An empty text is an empty cell.
    this.sheet.getCell(row, col).value = value === '' ? null : value;
    const width = this.widths.slice(col - 1, toCol).reduce((total, w) => total + w, 0);
    const lines = typeof value === 'string' ? wrappedLines(value, width) : 1;
    this.needs.push({ top: row, bottom: toRow, points: rowHeightFor(lines) });
  }

  /**
   * A form's table (layout.ts) from row `top`, its label column in column A, rows as high as their text
   * needs. Returns its last row.
   */
  table(top: number, cells: readonly FormCell[]): number {
    let last = top;
    for (const cell of cells) {
      const row = top + cell.row;
      const numFmt = 'yuan' in cell.value ? yuanFormat(cell.value.yuan) : undefined;
      this.box(row, cell.col + 1, sheetValue(cell.value), cell.kind, {
        rows: cell.rows,
        cols: cell.cols,
        numFmt,
      });
      last = Math.max(last, row + cell.rows - 1);
    }
    this.fitRows(top, last);
    return last;
  }

  /** A line across the form without borders: the title, the year, 填报单位. */
  line(row: number, text: string, style: 'title' | 'caption' | 'left'): void {
    writeLine(this.sheet, row, text, this.widths.length, {
      title: style === 'title',
      horizontal: style === 'left' ? 'left' : 'center',
      height: style === 'title' ? 36 : ROW_HEIGHT,
    });
  }

  /** Gives the rows first…last the heights their boxes need; a box over several rows stretches its last. */
  fitRows(first: number, last: number): void {
    const heights = new Map<number, number>();
    for (let r = first; r <= last; r++) heights.set(r, ROW_HEIGHT);
    for (const need of this.needs) {
      if (need.top === need.bottom) heights.set(need.top, Math.max(heights.get(need.top) ?? 0, need.points));
    }
    for (const need of this.needs) {
      if (need.top === need.bottom) continue;
      let total = 0;
      for (let r = need.top; r <= need.bottom; r++) total += heights.get(r) ?? 0;
      if (total < need.points)
        heights.set(need.bottom, (heights.get(need.bottom) ?? 0) + need.points - total);
    }
    for (const [r, height] of heights) this.sheet.getRow(r).height = Math.min(MAX_ROW_HEIGHT, height);
  }
}

interface BoxOptions {
  /** Rows and columns the box spans (merged). */
  readonly rows?: number;
  readonly cols?: number;
  readonly numFmt?: string;
}

/** A count (人数) as a number when it is one, so that Excel does not flag a number stored as text. */
function countValue(count: string): ExcelJS.CellValue {
  if (count === '') return null;
  return /^(0|[1-9]\d{0,14})$/.test(count) ? Number.parseInt(count, 10) : count;
}

/** 元 as whole numbers; a stored fraction is shown, not hidden by the format. */
function yuanFormat(amount: Amount): string {
  return toDecimal(amount).isInteger() ? '#,##0' : '#,##0.00';
}

function wanValue(value: Decimal | null): number | null {
  return value === null ? null : roundCents(value).toNumber();
}

function writeOverall(sheet: ExcelJS.Worksheet, doc: BudgetDocument): void {
  const w = new FormWriter(sheet, OVERALL_WIDTHS);
  w.line(1, DECLARATION_TITLES.overall, 'title');
  w.line(2, declarationYearLine(doc.year), 'caption');
  w.line(3, `${OVERALL.filler}${doc.department.name}`, 'left');
  // The table from row 4.
  w.table(4, overallFormCells(doc));
}

/** A value as the sheet holds it: amounts and counts as numbers. */
function sheetValue(value: FormValue): ExcelJS.CellValue {
  if ('wan' in value) return wanValue(value.wan);
  if ('yuan' in value) return isBlank(value.yuan) ? null : toDecimal(value.yuan).toNumber();
  if ('count' in value) return countValue(value.count);
  return value.text;
}

/** Writes one project's form from `first`; returns the first row after it (where the next one starts). */
function writeProject(
  sheet: ExcelJS.Worksheet,
  doc: BudgetDocument,
  project: Project,
  d: ProjectDeclaration,
  first: number,
): number {
  const w = new FormWriter(sheet, PROJECT_WIDTHS);
  w.line(first, DECLARATION_TITLES.project, 'title');
  w.line(first + 1, declarationYearLine(doc.year), 'caption');
  const last = w.table(first + 2, projectFormCells(doc, project, d, 2));

  const signatures = last + 1;
  SIGNATURES.forEach(([key, label], i) => {
    const labelCell = sheet.getCell(signatures, 1 + 2 * i);
    labelCell.value = signatureLabel(label);
    labelCell.font = FONT;
    labelCell.alignment = { horizontal: 'right', vertical: 'middle' };
    const valueCell = sheet.getCell(signatures, 2 + 2 * i);
    valueCell.value = d[key] === '' ? null : d[key];
    valueCell.font = FONT;
    valueCell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  });
  sheet.getRow(signatures).height = 28;
  // A blank row between forms on screen; the page break comes after it.
  return signatures + 2;
}

// ---------------------------------------------------------------------------------------------------
// Import

export interface DeclarationImport {
  /** The 整体 declaration; null when the workbook has no sheet 整体绩效目标. */
  readonly overall: OverallDeclaration | null;
  /** The project declarations by project id (none when the workbook has no sheet 项目绩效目标). */
  readonly projects: Map<string, ProjectDeclaration>;
  readonly problems: ImportProblem[];
}

/** Reads the declarations back from the sheets addDeclarationSheets writes. */
export function readDeclarationSheets(workbook: ExcelJS.Workbook, doc: BudgetDocument): DeclarationImport {
  const problems: ImportProblem[] = [];
  const overallSheet = workbook.getWorksheet(OVERALL_SHEET);
  const overall = overallSheet ? readOverall(new SheetReader(overallSheet, problems)) : null;
  const projects = new Map<string, ProjectDeclaration>();
  const readAt = new Map<string, string>();
  for (const sheet of workbook.worksheets.filter((ws) => ws.name.startsWith(PROJECTS_SHEET))) {
    readProjects(new SheetReader(sheet, problems), doc, projects, readAt);
  }
  return { overall, projects, problems };
}

interface Position {
  readonly row: number;
  readonly col: number;
}

const NOT_SAVED = '是公式，但文件中没有保存它的计算结果，无法读取：请在 Excel 中打开并保存后再导入';

/** Reads one sheet by labels, collecting what it cannot read as problems. */
class SheetReader {
  /**
   * The sheet's width: exceljs counts it over every row each time it is asked, and a sheet holds up to a
   * few hundred forms, each read by label.
   */
  readonly columnCount: number;
  private labels: Map<string, Position[]> | null = null;

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    private readonly problems: ImportProblem[],
  ) {
    this.columnCount = sheet.columnCount;
  }

  get name(): string {
    return this.sheet.name;
  }

  get lastRow(): number {
    return this.sheet.rowCount;
  }

  /** The cell as written (a merged cell's own, which shows its merge's value). */
  cell(at: Position): ExcelJS.Cell | undefined {
    return this.sheet.findCell(at.row, at.col);
  }

  text(at: Position): string {
    const cell = this.cell(at);
    return cell ? cellText(cell) : '';
  }

  /** The address of the cell that holds a position's value (a merge's first cell). */
  addressOf(at: Position): string {
    return this.cell(at)?.master.address ?? address(at.row, at.col);
  }

  /** Whether the position holds its own value rather than showing a merge's from above or left. */
  isOwnCell(at: Position): boolean {
    const cell = this.cell(at);
    return cell === undefined || cell.master === cell;
  }

  /** The first cell in rows first…last (and in column `col`, when given) that reads `label`. */
  find(label: string, first: number, last: number, col?: number): Position | undefined {
    const found = this.labelIndex().get(labelKey(label));
    if (!found) return undefined;
    // The first place at or below row `first` (places are in reading order).
    let low = 0;
    let high = found.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((found[middle]?.row ?? Infinity) < first) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < found.length; i++) {
      const at = found[i];
      if (!at || at.row > last) return undefined;
      if (col === undefined || at.col === col) return at;
    }
    return undefined;
  }

  /**
   * Where each text is, in reading order (row by row, left to right), by its label key: the cells that
   * hold their own value. Made once: a sheet of a few hundred forms is read by label some twenty times
   * a form, and scanning the form's rows for each took seconds.
   */
  private labelIndex(): ReadonlyMap<string, readonly Position[]> {
    if (this.labels) return this.labels;
    const labels = new Map<string, Position[]>();
    this.sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell, col) => {
        if (cell.master !== cell) return;
        const key = labelKey(cellText(cell));
        if (key === '') return;
        const at = { row: rowNumber, col };
        const list = labels.get(key);
        if (list) list.push(at);
        else labels.set(key, [at]);
      });
    });
    this.labels = labels;
    return labels;
  }

  /** The cell right of a label (past the label's merge). */
  rightOf(at: Position): Position {
    const master = this.cell(at)?.master;
    let col = at.col + 1;
    while (master && col <= this.columnCount && this.cell({ row: at.row, col })?.master === master) col++;
    return { row: at.row, col };
  }

  problem(at: Position | null, reason: string): void {
    this.problems.push({
      sheet: this.name,
      cell: at ? this.addressOf(at) : '',
      value: at ? this.text(at) : '',
      reason,
    });
  }

  /** The text right of a label; '' with a problem when the label is not there. */
  field(label: string, first: number, last: number, owner: string): string {
    const at = this.find(label, first, last);
    if (!at) {
      this.problem(null, `${owner}找不到“${label}”栏`);
      return '';
    }
    return this.text(this.rightOf(at));
  }

  /**
   * An amount in 元 at a position: a number, or text such as 310,000 or full-width digits (taken without
   * a report: the form is filled in by hand, and text is how many people type amounts into it).
   */
  amount(at: Position): Amount {
    const cell = this.cell(at);
    const read: AmountRead = cell ? cellAmount(cell) : { kind: 'blank' };
    if (read.kind === 'amount') return read.amount;
    if (read.kind === 'unknown') this.problem(at, NOT_SAVED);
    if (read.kind === 'invalid') this.problem(at, '不是金额：请填写以元为单位的数字，如 310000');
    return '';
  }

  /** A count (人数): digits or blank. */
  count(label: string, first: number, last: number, owner: string): string {
    const labelAt = this.find(label, first, last);
    if (!labelAt) {
      this.problem(null, `${owner}找不到“${label}”栏`);
      return '';
    }
    const at = this.rightOf(labelAt);
    const cell = this.cell(at);
    const read: CountRead = cell ? cellCount(cell) : { kind: 'count', count: '', converted: false };
    if (read.kind === 'count') return read.count;
    this.problem(at, read.kind === 'unknown' ? NOT_SAVED : '不是整数：请填写人数，如 44');
    return '';
  }
}

function readOverall(reader: SheetReader): OverallDeclaration {
  const last = reader.lastRow;
  const owner = '整体支出绩效目标申报表中';
  const field = (label: string) => reader.field(label, 1, last, owner);
  // Read in the order of the form, so that problems come in the order of the sheet.
  return {
    unitName: field(OVERALL.unitName),
    address: field(OVERALL.address),
    contact: field(OVERALL.contact),
    phone: field(OVERALL.phone),
    staffQuota: reader.count(OVERALL.staffQuota, 1, last, owner),
    staffActual: reader.count(OVERALL.staffActual, 1, last, owner),
    functions: field(OVERALL.functions),
    target: field(OVERALL.target),
    indicators: readIndicatorGrid(reader, 1, last, OVERALL_GRID.sides.length, owner)[0] ?? [],
  };
}

/** Reads one sheet's project declarations into `projects`; `readAt` says where each was read. */
function readProjects(
  reader: SheetReader,
  doc: BudgetDocument,
  projects: Map<string, ProjectDeclaration>,
  readAt: Map<string, string>,
): void {
  const starts: Position[] = [];
  for (let row = 1; row <= reader.lastRow; row++) {
    const at = reader.find(PROJECT.name, row, row);
    if (at) starts.push(at);
  }
  starts.forEach((start, i) => {
    const last = (starts[i + 1]?.row ?? reader.lastRow + 1) - 1;
    const nameAt = reader.rightOf(start);
    const name = reader.text(nameAt).trim();
    if (name === '') {
      reader.problem(nameAt, '项目名称为空，此申报表未读取');
      return;
    }
    const matches = doc.projects.filter((p) => p.name.trim() === name);
    const project = matches[0];
    if (!project) {
      reader.problem(nameAt, '与文档中任何项目的名称都不相符，此申报表未读取');
      return;
    }
    if (matches.length > 1) {
      reader.problem(nameAt, `文档中有 ${matches.length} 个项目叫这个名称，无法确定是哪一个，此申报表未读取`);
      return;
    }
    const earlier = readAt.get(project.id);
    if (earlier !== undefined) {
      reader.problem(nameAt, `这个项目的申报表已在${earlier}读取，此表未读取`);
      return;
    }
    readAt.set(project.id, `“${reader.name}”第 ${start.row} 行`);
    projects.set(project.id, readProject(reader, start.row, last, name));
  });
}

function readProject(reader: SheetReader, first: number, last: number, name: string): ProjectDeclaration {
  const owner = `项目“${name}”的申报表中`;
  const field = (label: string) => reader.field(label, first, last, owner);
  const goals = (label: string) => {
    const at = reader.find(label, first, last);
    if (!at) {
      reader.problem(null, `${owner}找不到“${label}”栏`);
      return [];
    }
    return parseGoals(reader.text({ row: at.row + 1, col: at.col }));
  };
  // Read in the order of the form, so that problems come in the order of the sheet.
  const attribute = field(PROJECT.attribute);
  const period = field(PROJECT.period);
  const implementationFunding = readFunding(reader, first, last, FUNDING_SIDES[0].total, owner);
  const annualFunding = readFunding(reader, first, last, FUNDING_SIDES[1].total, owner);
  const summary = field(TEXTS.summary);
  const basis = field(TEXTS.basis);
  const necessity = field(TEXTS.necessity);
  const measures = field(TEXTS.measures);
  const plan = field(TEXTS.plan);
  const implementationGoals = goals(PROJECT.implementationGoals);
  const annualGoals = goals(PROJECT.annualGoals);
  const signatures = reader.find(SIGNATURE_LABELS.personInCharge, first, last);
  const [implementationIndicators = [], annualIndicators = []] = readIndicatorGrid(
    reader,
    first,
    (signatures?.row ?? last + 1) - 1,
    PROJECT_GRID.sides.length,
    owner,
  );
  const signature = (label: string) => (signatures ? field(label) : '');
  if (!signatures) reader.problem(null, `${owner}找不到“${SIGNATURE_LABELS.personInCharge}”一行`);
  return {
    attribute,
    period,
    implementationFunding,
    annualFunding,
    summary,
    basis,
    necessity,
    measures,
    plan,
    implementationGoals,
    annualGoals,
    implementationIndicators,
    annualIndicators,
    personInCharge: signature(SIGNATURE_LABELS.personInCharge),
    handler: signature(SIGNATURE_LABELS.handler),
    phone: signature(SIGNATURE_LABELS.phone),
    filledOn: signature(SIGNATURE_LABELS.filledOn),
  };
}

function emptyFunding(): YuanFunding {
  return { total: '', central: '', provincial: '', cityCounty: '', selfRaised: '', other: '' };
}

/** One funding column: its 总额 label, the parts in the same column below it, each amount right of its label. */
function readFunding(
  reader: SheetReader,
  first: number,
  last: number,
  totalLabel: string,
  owner: string,
): YuanFunding {
  const funding = emptyFunding();
  const totalAt = reader.find(totalLabel, first, last);
  if (!totalAt) {
    reader.problem(null, `${owner}找不到“${totalLabel}”栏`);
    return funding;
  }
  funding.total = reader.amount(reader.rightOf(totalAt));
  for (const [key, label] of FUNDING_PARTS) {
    const at = reader.find(label, totalAt.row + 1, last, totalAt.col);
    if (at) funding[key] = reader.amount(reader.rightOf(at));
    else reader.problem(null, `${owner}找不到“${totalLabel.replace('：', '')}”下的“${label}”栏`);
  }
  return funding;
}

/** `目标1：… 目标2：…` (on lines or one line) back into the list; text without numbering is one goal. */
function parseGoals(text: string): string[] {
  const marker = /目标\s*\d+\s*[：:]/;
  if (!marker.test(text)) return text.trim() === '' ? [] : [text.trim()];
  const pieces = text.split(marker).map((piece) => piece.trim());
  const [before = '', ...goals] = pieces;
  return before === '' ? goals : [before, ...goals];
}

/** A 一级 or 二级 as typed: spaces ignored, the trailing 指标 optional (产出 = 产出指标). */
function levelOf<T extends string>(text: string, levels: readonly T[]): T | undefined {
  const compact = normalized(text);
  return levels.find((level) => level === compact || level === `${compact}指标`);
}

/**
 * The indicator grid in rows first…last: its header row (一级指标, then 二级指标 / 三级指标 / 指标值 per side)
 * names the columns; each row gives each side at most one indicator. A blank 一级 or 二级 continues the
 * one above (as a merge shows it); a row whose side has only a merged-down 二级 is not an indicator.
 */
function readIndicatorGrid(
  reader: SheetReader,
  first: number,
  last: number,
  sideCount: number,
  owner: string,
): Indicator[][] {
  const lists: Indicator[][] = Array.from({ length: sideCount }, () => []);
  const headerAt = reader.find(GRID.level1, first, last);
  if (!headerAt) {
    reader.problem(null, `${owner}找不到“${GRID.level1}”表头，绩效指标未读取`);
    return lists;
  }
  const sides: { level2: number; name?: number; value?: number }[] = [];
  for (let col = headerAt.col + 1; col <= reader.columnCount; col++) {
    const at = { row: headerAt.row, col };
    if (!reader.isOwnCell(at)) continue;
    const label = labelKey(reader.text(at));
    const side = sides.at(-1);
    if (label === GRID.level2) sides.push({ level2: col });
    else if (label === GRID.name && side) side.name ??= col;
    else if (label === GRID.value && side) side.value ??= col;
  }
  const columns = sides.flatMap(({ level2, name, value }) =>
    name === undefined || value === undefined ? [] : [{ level2, name, value }],
  );
  if (columns.length !== sideCount || sides.length !== sideCount) {
    reader.problem(
      headerAt,
      `${owner}绩效指标表头不完整（应为一级指标、二级指标、三级指标、指标值），绩效指标未读取`,
    );
    return lists;
  }

  const reported = new Set<string>();
  const report = (at: Position, reason: string) => {
    const key = reader.addressOf(at);
    if (reported.has(key)) return;
    reported.add(key);
    reader.problem(at, reason);
  };
  let level1Text = '';
  let level1At: Position = headerAt;
  const level2Texts = columns.map(() => '');
  for (let row = headerAt.row + 1; row <= last; row++) {
    const at = { row, col: headerAt.col };
    const typed = reader.text(at).trim();
    // A 一级 cell of its own starts a block; a merge shows its block's 一级 on every row.
    if (typed !== '' && (typed !== level1Text || reader.isOwnCell(at))) {
      level1Text = typed;
      level1At = at;
      level2Texts.fill('');
    }
    columns.forEach((side, k) => {
      const level2At = { row, col: side.level2 };
      const level2Typed = reader.text(level2At).trim();
      const name = reader.text({ row, col: side.name });
      const value = reader.text({ row, col: side.value });
      const own = level2Typed !== '' && reader.isOwnCell(level2At);
      if (!own && name.trim() === '' && value.trim() === '') return;
      if (level2Typed !== '') level2Texts[k] = level2Typed;
      const level2Text = level2Texts[k] ?? '';
      const level1 = levelOf(level1Text, INDICATOR_LEVEL1);
      const level2 = levelOf(level2Text, INDICATOR_LEVEL2);
      if (!level1) {
        const reason =
          level1Text === '' ? '缺少一级指标' : `不是一级指标：应为${INDICATOR_LEVEL1.join('、')}之一`;
        report(level1Text === '' ? at : level1At, reason);
        return;
      }
      if (!level2) {
        const reason =
          level2Text === '' ? '缺少二级指标' : `不是二级指标：应为${INDICATOR_LEVEL2.join('、')}之一`;
        report(level2At, reason);
        return;
      }
      lists[k]?.push({ level1, level2, name, value });
    });
  }
  return lists;
}
