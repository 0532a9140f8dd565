/**
 * What the thirteen tables do not carry, as two readable sheets after them, so that a workbook imports
 * back into the same document:
 *  - `单位与项目`: the units (编号, 名称, 类型) and the projects (编号, 名称, 实施单位, 类别, 功能科目, and
 *    whether they are in 表12 / 表13);
 *  - `基本信息与说明`: labelled rows (项目 | 内容) for the department, the year, the cover date, 表7's source,
 *    第一部分 概况 and the narrative's typed inputs, then three small tables: 空表说明, 名词解释, 提示说明.
 *
 * Import reads by labels and header texts, never by row numbers: blank rows, moved rows and extra columns
 * do no harm. A value that cannot be taken (an unknown 单位类型, a 实施单位 that names no unit, a year
 * that is not a year, a missing row) is an ImportProblem naming the sheet, the cell and its content.
 */
import { documentTitle } from '../document/naming';
import type ExcelJS from 'exceljs';
import { catalogFor } from '../catalogs';
import { emptyDocument } from '../document/create';
import {
  EMPTY_NOTE_TABLES,
  PROJECT_CATEGORIES,
  THREE_PUBLIC_ITEMS,
  UNIT_TYPES,
  type BudgetDocument,
  type EmptyNoteTable,
  type Explanation,
  type Narrative,
  type ProjectCategory,
  type Unit,
  type UnitType,
} from '../document/schema';
import { THREE_PUBLIC_LABELS, VEHICLE_KINDS } from '../narrative/labels';
import {
  cellAmount,
  cellCount,
  cellText,
  halfWidthDigits,
  isText,
  labelKey,
  numberStoredAsText,
  plainValue,
} from './cells';
import { tableSheetName } from './layout';
import type { ImportProblem } from './problems';
import {
  addPrintedSheet,
  BORDER,
  FONT,
  rowHeightFor,
  wrappedLines,
  writeHeaderRow,
  writeLine,
} from './style';

export const UNITS_SHEET = '单位与项目';
export const INFO_SHEET = '基本信息与说明';

export type T7Source = BudgetDocument['tables']['t7']['source'];

/** A project as `单位与项目` lists it; its amounts and declaration are elsewhere in the workbook. */
export interface ProjectInfo {
  id: string;
  name: string;
  unitId: string;
  category: ProjectCategory;
  functionCode: string;
  /** Listed in 表12 (project.current !== null). */
  inCurrent: boolean;
  /** Listed in 表13 (project.carryOver !== null). */
  inCarryOver: boolean;
}

/** Everything the document holds besides the tables' amounts and the declarations. */
export interface InfoSheets {
  department: BudgetDocument['department'];
  year: number;
  coverDate: string;
  t7Source: T7Source;
  units: Unit[];
  projects: ProjectInfo[];
  overview: BudgetDocument['overview'];
  narrative: Narrative;
  emptyTableNotes: BudgetDocument['emptyTableNotes'];
  glossary: BudgetDocument['glossary'];
  explanations: Explanation[];
}

/** The document's part that the two sheets hold (sharing the document's objects; nothing is copied). */
export function infoOf(doc: BudgetDocument): InfoSheets {
  return {
    department: doc.department,
    year: doc.year,
    coverDate: doc.coverDate,
    t7Source: doc.tables.t7.source,
    units: doc.units,
    projects: doc.projects.map((p) => ({
      id: p.id,
      name: p.name,
      unitId: p.unitId,
      category: p.category,
      functionCode: p.functionCode,
      inCurrent: p.current !== null,
      inCarryOver: p.carryOver !== null,
    })),
    overview: doc.overview,
    narrative: doc.narrative,
    emptyTableNotes: doc.emptyTableNotes,
    glossary: doc.glossary,
    explanations: doc.explanations,
  };
}

// ---------------------------------------------------------------------------------------------------
// Cell values: how each kind of value is written and read back

/**
 * A value read from a cell. `converted`: a number stored as text that had to be converted ('1,234.50',
 * '２０２４'): it is taken, and reported so that someone checks it.
 */
type Read<V> = { ok: true; value: V; converted?: true } | { ok: false; reason: string };

interface Codec<V> {
  readonly write: (cell: ExcelJS.Cell, value: V) => void;
  readonly read: (cell: ExcelJS.Cell) => Read<V>;
}

const AMOUNT_FORMAT = '#,##0.00';
const COUNT_FORMAT = '0';
const TEXT_FORMAT = '@';

const ok = <V>(value: V): Read<V> => ({ ok: true, value });
const refuse = <V>(reason: string): Read<V> => ({ ok: false, reason });
const converted = <V>(value: V): Read<V> => ({ ok: true, value, converted: true });

/** The number a cell holds (directly or as a formula's result), or null. */
function cellNumber(cell: ExcelJS.Cell): number | null {
  const number = plainValue(cell.value);
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** Full-width digits as people type them in Chinese input modes made half-width; trimmed. */
function halfWidth(text: string): string {
  return halfWidthDigits(text).trim();
}

/** Text as stored, exactly: no trimming, since a round trip must give back what was there. */
const text: Codec<string> = {
  write(cell, value) {
    cell.value = value === '' ? null : value;
    cell.numFmt = TEXT_FORMAT;
  },
  read: (cell) => ok(cellText(cell)),
};

/** Excel shows, edits and saves numbers to 15 significant digits. */
const EXCEL_DIGITS = 15;

/**
 * Is the stored decimal string exactly what Excel's number gives back? '9.2' and '35' are; '58.00',
 * '0.10', '007' and the 17 digits of '123456789012345.67' are not (a number keeps neither trailing nor
 * leading zeros, and Excel keeps 15 digits).
 */
function keptByNumber(stored: string): boolean {
  const digits = stored.replace(/[-.]/g, '').replace(/^0+/, '');
  return String(Number(stored)) === stored && digits.length <= EXCEL_DIGITS;
}

/**
 * Amounts (万元, 平方米): a number with two decimals shown where the number gives the stored string back
 * exactly; otherwise the stored text itself, so that import returns exactly the stored string. Read back:
 * a number as its shortest decimal; a text as it stands when it is already a plain decimal, else as a
 * person types it ('1,234.50', '１２３．４') through parseAmountInput.
 */
const amount: Codec<string> = {
  write(cell, value) {
    cell.value = value === '' ? null : keptByNumber(value) ? Number(value) : value;
    cell.numFmt = typeof cell.value === 'number' ? AMOUNT_FORMAT : TEXT_FORMAT;
  },
  read(cell) {
    const read = cellAmount(cell, { keepDecimalText: true });
    if (read.kind === 'blank') return ok('');
    if (read.kind === 'amount') return read.converted ? converted(read.amount) : ok(read.amount);
    return refuse(
      isText(cell.value)
        ? '不是金额，请填写数字，如 1234.56 或 1,234.56'
        : '不是金额，请填写数字，如 1234.56',
    );
  },
};

/** Counts (辆, 台套): whole numbers, as numbers where that keeps the stored string (not '007'). */
const count: Codec<string> = {
  write(cell, value) {
    cell.value = value === '' ? null : keptByNumber(value) ? Number(value) : value;
    cell.numFmt = typeof cell.value === 'number' ? COUNT_FORMAT : TEXT_FORMAT;
  },
  read(cell) {
    const read = cellCount(cell);
    if (read.kind !== 'count') return refuse('不是整数，如 0、12');
    return read.converted ? converted(read.count) : ok(read.count);
  },
};

const YEAR_RANGE = { min: 2000, max: 2100 };

const year: Codec<number> = {
  write(cell, value) {
    cell.value = value;
    cell.numFmt = COUNT_FORMAT;
  },
  read(cell) {
    const refused = refuse<number>(
      `不是预算年度，应为 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间的年份，如 2024`,
    );
    const isYear = (n: number) => Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max;
    const number = cellNumber(cell);
    if (number !== null) return isYear(number) ? ok(number) : refused;
    if (!isTextual(cell)) return refused;
    const typed = cellText(cell).trim();
    const digits = /^(\d{4})年?$/.exec(halfWidth(typed))?.[1];
    if (digits === undefined || !isYear(Number(digits))) return refused;
    return digits === typed ? ok(Number(digits)) : converted(Number(digits));
  },
};

/** Text, empty or a string; not a date, a boolean or an error value that something else left there. */
function isTextual(cell: ExcelJS.Cell): boolean {
  return cell.value === null || isText(cell.value);
}

/** One of a few words, offered as a drop-down list in Excel and WPS. */
function choice<V extends string>(words: readonly (readonly [V, string])[], what: string): Codec<V> {
  const list = words.map(([, word]) => word);
  const reason = `${what}应为 ${list.join('、')} 之一`;
  return {
    write(cell, value) {
      cell.value = words.find(([v]) => v === value)?.[1] ?? value;
      cell.dataValidation = {
        type: 'list',
        allowBlank: false,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: what,
        error: reason,
      };
    },
    read(cell) {
      const typed = halfWidth(cellText(cell));
      const found = words.find(([, word]) => word === typed);
      return found ? ok(found[0]) : refuse(reason);
    },
  };
}

const same = <V extends string>(values: readonly V[]) => values.map((v) => [v, v] as const);
const unitType = choice<UnitType>(same(UNIT_TYPES), '单位类型');
const category = choice<ProjectCategory>(same(PROJECT_CATEGORIES), '项目类别');
const yesNo = choice<'yes' | 'no'>(
  [
    ['yes', '是'],
    ['no', '否'],
  ],
  '是否列入',
);
const t7Source = choice<T7Source>(
  [
    ['table2', '按表2'],
    ['typed', '单独填列'],
  ],
  '表7 来源',
);

// ---------------------------------------------------------------------------------------------------
// 基本信息与说明: the labelled rows

interface Field {
  readonly label: string;
  write(cell: ExcelJS.Cell, info: InfoSheets): void;
  /** Takes the cell's value into `info`, or reports why it cannot. */
  take(reader: SheetReader, cell: ExcelJS.Cell, info: InfoSheets): void;
}

/**
 * The fields of one object of InfoSheets: `on(pick)(label, codec, key)` is the row `label` for
 * `pick(info)[key]`.
 */
function on<T>(pick: (info: InfoSheets) => T) {
  return <K extends keyof T>(label: string, codec: Codec<NoInfer<T[K]>>, key: K): Field => ({
    label,
    write: (cell, info) => codec.write(cell, pick(info)[key]),
    take(reader, cell, info) {
      const value = reader.take(cell, codec.read);
      if (value !== undefined) pick(info)[key] = value;
    },
  });
}

/** Each paragraph of 主要职能 is one row with this label. */
const RESPONSIBILITY = '主要职能';

const top = on((i) => i);
const department = on((i) => i.department);
const overview = on((i) => i.overview);
const lastYear = on((i) => i.narrative.lastYear);
const lastYearThreePublic = on((i) => i.narrative.lastYear.threePublic);
const reasons = on((i) => i.narrative.reasons);
const procurement = on((i) => i.narrative.procurement);
const assets = on((i) => i.narrative.assets);
const vehicles = on((i) => i.narrative.assets.vehicles);
const narrative = on((i) => i.narrative);

interface FieldSection {
  readonly heading: string;
  /** Whether the 主要职能 paragraphs open this section. */
  readonly paragraphs: boolean;
  readonly fields: readonly Field[];
}

const FIELD_SECTIONS: readonly FieldSection[] = [
  {
    heading: '一、基本信息',
    paragraphs: false,
    fields: [
      department('部门名称', text, 'name'),
      department('主管部门代码', text, 'code'),
      top('预算年度', year, 'year'),
      top('封面日期', text, 'coverDate'),
      top('表7 来源', t7Source, 't7Source'),
    ],
  },
  {
    heading: '二、部门概况',
    paragraphs: true,
    fields: [overview('机构设置', text, 'organization')],
  },
  {
    heading: '三、上年数（万元）',
    paragraphs: false,
    fields: [
      lastYear('上年预算收入总计', amount, 'totalIncome'),
      lastYear('上年预算支出总计', amount, 'totalExpenditure'),
      lastYear('上年一般公共预算当年支出', amount, 'generalBudgetExpenditure'),
      ...THREE_PUBLIC_ITEMS.map((item) =>
        lastYearThreePublic(`上年${THREE_PUBLIC_LABELS[item]}`, amount, item),
      ),
      lastYear('上年机关运行经费', amount, 'operatingExpenses'),
    ],
  },
  {
    heading: '四、增减原因',
    paragraphs: false,
    fields: [
      reasons('收支总计增减原因', text, 'total'),
      reasons('一般公共预算当年支出增减原因', text, 'generalBudget'),
      reasons('“三公”经费增减原因', text, 'threePublic'),
      ...THREE_PUBLIC_ITEMS.map((item) => reasons(`${THREE_PUBLIC_LABELS[item]}增减原因`, text, item)),
      reasons('机关运行经费增减原因', text, 'operatingExpenses'),
    ],
  },
  {
    heading: '五、政府采购预算（万元）',
    paragraphs: false,
    fields: [
      procurement('政府采购货物', amount, 'goods'),
      procurement('政府采购工程', amount, 'works'),
      procurement('政府采购服务', amount, 'services'),
    ],
  },
  {
    heading: '六、国有资产占有使用情况',
    paragraphs: false,
    fields: [
      assets('资产统计截止日期', text, 'asOf'),
      assets('车辆编制数（辆）', count, 'vehicleQuota'),
      assets('车辆实有数（辆）', count, 'vehicleActual'),
      ...VEHICLE_KINDS.map(([kind, label]) => vehicles(`${label}（辆）`, count, kind)),
      assets('车辆说明', text, 'vehicleNote'),
      assets('办公用房建筑面积（平方米）', amount, 'officeArea'),
      assets('单价50万元以上通用设备（台套）', count, 'equipmentOver50'),
      assets('单价100万元以上专用设备（台套）', count, 'equipmentOver100'),
    ],
  },
  {
    heading: '七、其他说明',
    paragraphs: false,
    fields: [narrative('其他说明', text, 'otherNotes')],
  },
];

/** The fields by their label as labelKey gives it. */
const FIELDS = new Map(FIELD_SECTIONS.flatMap((s) => s.fields).map((f) => [labelKey(f.label), f]));

// 基本信息与说明: the three tables at its end

type TableMode = 'notes' | 'glossary' | 'explanations';

const TABLE_SECTIONS: Record<TableMode, { readonly heading: string; readonly headers: readonly string[] }> = {
  notes: { heading: '八、空表说明', headers: ['表', '说明'] },
  glossary: { heading: '九、名词解释', headers: ['名词', '解释'] },
  // 说明 is the long one: it goes in the wide column B.
  explanations: { heading: '十、提示说明', headers: ['规则', '说明', '对象', '依据'] },
};

/** Column widths of 基本信息与说明: 项目 | 内容, and two narrow columns that 提示说明 uses. */
const INFO_WIDTHS = [34, 58, 12, 14];

/** Column widths of 单位与项目 (the 项目 table; the 单位 table uses the first three). */
const UNITS_WIDTHS = [10, 36, 30, 12, 12, 30, 10, 10];
const UNIT_HEADERS = ['编号', '单位名称', '单位类型'] as const;
const PROJECT_HEADERS = [
  '编号',
  '项目名称',
  '实施单位',
  '项目类别',
  '功能科目编码',
  '功能科目名称',
  '列入表12',
  '列入表13',
] as const;
const PROJECT_ALIGNS = ['center', 'left', 'left', 'center', 'center', 'left', 'center', 'center'] as const;
/** 功能科目名称 is from the catalog, for reading only; import takes the code. */
const PROJECT_READ_HEADERS = PROJECT_HEADERS.filter((h) => h !== '功能科目名称');

const UNITS_HEADING = '一、单位';
const PROJECTS_HEADING = '二、项目';

// ---------------------------------------------------------------------------------------------------
// Export

/** Adds `单位与项目` and `基本信息与说明` after the sheets already in the workbook. */
export function addInfoSheets(workbook: ExcelJS.Workbook, doc: BudgetDocument): void {
  const info = infoOf(doc);
  const title = documentTitle(doc);
  addUnitsSheet(workbook, info, title);
  addInfoSheet(workbook, info, title);
}

function writeHeading(sheet: ExcelJS.Worksheet, row: number, heading: string): void {
  const cell = sheet.getCell(row, 1);
  cell.value = heading;
  cell.font = { ...FONT, size: 12, bold: true };
  sheet.getRow(row).height = 24;
  cell.alignment = { vertical: 'bottom' };
}

type Align = 'left' | 'center';

/**
 * Font, borders and alignment on a table row's cells (wrapped, at the top), and the height its longest
 * text needs: a wrapped cell does not grow on its own when the file is opened.
 */
function finishRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  aligns: readonly Align[],
  widths: readonly number[],
): void {
  let lines = 1;
  aligns.forEach((horizontal, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.font = FONT;
    cell.border = BORDER;
    cell.alignment = { horizontal, vertical: 'top', wrapText: true };
    lines = Math.max(lines, wrappedLines(cellText(cell), widths[index] ?? 10));
  });
  // A row of one line keeps Excel's own height; a taller one gets its lines and a little room.
  if (lines > 1) sheet.getRow(row).height = rowHeightFor(lines, { padding: 2, min: 0 });
}

function addUnitsSheet(workbook: ExcelJS.Workbook, info: InfoSheets, title: string): void {
  const sheet = addPrintedSheet(workbook, UNITS_SHEET, { orientation: 'landscape', widths: UNITS_WIDTHS });
  writeLine(sheet, 1, `${title}单位与项目`, PROJECT_HEADERS.length, { title: true, height: 30 });
  let row = 2;
  writeHeading(sheet, row++, UNITS_HEADING);
  writeHeaderRow(sheet, row++, UNIT_HEADERS);
  for (const unit of info.units) {
    text.write(sheet.getCell(row, 1), unit.id);
    text.write(sheet.getCell(row, 2), unit.name);
    unitType.write(sheet.getCell(row, 3), unit.type);
    finishRow(sheet, row++, ['center', 'left', 'center'], UNITS_WIDTHS);
  }

  row++;
  writeHeading(sheet, row++, PROJECTS_HEADING);
  writeHeaderRow(sheet, row++, PROJECT_HEADERS);
  const unitNames = new Map(info.units.map((u) => [u.id, u.name]));
  const catalog = catalogFor(info.year);
  for (const project of info.projects) {
    const cell = (column: number) => sheet.getCell(row, column);
    text.write(cell(1), project.id);
    text.write(cell(2), project.name);
    text.write(cell(3), unitNames.get(project.unitId) ?? project.unitId);
    category.write(cell(4), project.category);
    text.write(cell(5), project.functionCode);
    text.write(cell(6), catalog.functionName(project.functionCode) ?? '');
    yesNo.write(cell(7), project.inCurrent ? 'yes' : 'no');
    yesNo.write(cell(8), project.inCarryOver ? 'yes' : 'no');
    finishRow(sheet, row++, PROJECT_ALIGNS, UNITS_WIDTHS);
  }
}

function addInfoSheet(workbook: ExcelJS.Workbook, info: InfoSheets, title: string): void {
  const sheet = addPrintedSheet(workbook, INFO_SHEET, { orientation: 'portrait', widths: INFO_WIDTHS });
  writeLine(sheet, 1, `${title}基本信息与说明`, INFO_WIDTHS.length, { title: true, height: 30 });
  const hint = sheet.getCell(2, 1);
  hint.value =
    '导入时按 A 列的项目名称读取 B 列的内容：可以修改内容、插入空行、调整行的次序，请勿修改项目名称和各表的表头。';
  hint.font = { ...FONT, size: 9, color: { argb: 'FF595959' } };
  let row = 3;

  const labelled = (label: string, write: (cell: ExcelJS.Cell) => void) => {
    const cell = sheet.getCell(row, 1);
    cell.value = label;
    write(sheet.getCell(row, 2));
    finishRow(sheet, row++, ['left', 'left'], INFO_WIDTHS);
  };
  for (const section of FIELD_SECTIONS) {
    writeHeading(sheet, row++, section.heading);
    if (section.paragraphs) {
      for (const paragraph of info.overview.responsibilities)
        labelled(RESPONSIBILITY, (cell) => text.write(cell, paragraph));
    }
    for (const f of section.fields) labelled(f.label, (cell) => f.write(cell, info));
  }

  const table = (mode: TableMode, rows: readonly (readonly string[])[]) => {
    const { heading, headers } = TABLE_SECTIONS[mode];
    writeHeading(sheet, row++, heading);
    writeHeaderRow(sheet, row++, headers);
    for (const values of rows) {
      values.forEach((value, index) => text.write(sheet.getCell(row, index + 1), value));
      finishRow(
        sheet,
        row++,
        headers.map((): Align => 'left'),
        INFO_WIDTHS,
      );
    }
  };
  table(
    'notes',
    EMPTY_NOTE_TABLES.flatMap((id) => {
      const note = info.emptyTableNotes[id];
      return note === undefined ? [] : [[tableSheetName(id), note]];
    }),
  );
  table(
    'glossary',
    info.glossary.map((entry) => [entry.term, entry.definition]),
  );
  table(
    'explanations',
    info.explanations.map((e) => [e.ruleId, e.text, e.subject, e.basis]),
  );
}

// ---------------------------------------------------------------------------------------------------
// Import

/**
 * Reads `单位与项目` and `基本信息与说明` back. `info` is null when anything could not be taken (every
 * problem is listed): nothing is half-read. Numbers stored as text are taken, and reported (`taken`).
 */
export function readInfoSheets(workbook: ExcelJS.Workbook): {
  info: InfoSheets | null;
  problems: ImportProblem[];
} {
  const problems: ImportProblem[] = [];
  const base = emptyDocument('', YEAR_RANGE.min);
  const info: InfoSheets = { ...infoOf(base), units: [], projects: [], glossary: [], emptyTableNotes: {} };
  const read = (name: string, reader: (sheet: SheetReader) => void) => {
    const sheet = workbook.getWorksheet(name);
    if (sheet) reader(new SheetReader(sheet, problems));
    else problems.push({ sheet: name, cell: '', value: '', reason: `缺少工作表“${name}”` });
  };
  read(UNITS_SHEET, (sheet) => readUnitsSheet(sheet, info));
  read(INFO_SHEET, (sheet) => readInfoSheet(sheet, info));
  return { info: problems.every((p) => p.taken) ? info : null, problems };
}

/** A cell that holds something, with its column. */
interface Filled {
  readonly cell: ExcelJS.Cell;
  readonly column: number;
}

/** The columns of a table, found by their header texts. */
class Columns<H extends string> {
  private constructor(private readonly columns: ReadonlyMap<string, number>) {}

  /** The columns when this row holds every one of `headers` (in any order, among other cells). */
  static find<H extends string>(filled: readonly Filled[], headers: readonly H[]): Columns<H> | null {
    const columns = new Map(filled.map(({ cell, column }) => [labelKey(cellText(cell)), column]));
    return headers.every((h) => columns.has(h)) ? new Columns<H>(columns) : null;
  }

  cell(row: ExcelJS.Row, header: H): ExcelJS.Cell {
    const column = this.columns.get(header);
    if (column === undefined) throw new Error(`表头“${header}”不在此表中`);
    return row.getCell(column);
  }
}

/** Walks a sheet's non-blank rows and collects problems against its cells. */
class SheetReader {
  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly problems: ImportProblem[],
  ) {}

  /** Each row that holds something, with its filled cells (a merged range counted once). */
  rows(visit: (row: ExcelJS.Row, filled: readonly [Filled, ...Filled[]]) => void): void {
    this.sheet.eachRow((row) => {
      const filled: Filled[] = [];
      row.eachCell((cell, column) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        if (cellText(cell).trim() !== '') filled.push({ cell, column });
      });
      const [first, ...rest] = filled;
      if (first) visit(row, [first, ...rest]);
    });
  }

  problem(cell: ExcelJS.Cell, reason: string): void {
    this.problems.push({ sheet: this.sheet.name, cell: cell.address, value: cellText(cell), reason });
  }

  /** A problem with the sheet as a whole (a missing row or table). */
  missing(reason: string): void {
    this.problems.push({ sheet: this.sheet.name, cell: '', value: '', reason });
  }

  /** The cell's value, or undefined after noting why it cannot be taken. */
  take<V>(cell: ExcelJS.Cell, read: Codec<V>['read']): V | undefined {
    const result = read(cell);
    if (!result.ok) {
      this.problem(cell, result.reason);
      return undefined;
    }
    // Read all the same, and reported so that someone checks it.
    if (result.converted) this.problems.push(numberStoredAsText(this.sheet.name, cell));
    return result.value;
  }
}

/** A section heading (一、单位 → 单位): the row's only cell, numbered with a Chinese numeral. */
function headingOf(filled: readonly Filled[]): string | null {
  const [only, ...rest] = filled;
  if (!only || rest.length > 0) return null;
  return sectionName(cellText(only.cell).trim());
}

/** '八、空表说明' → '空表说明'; null when it is not numbered as a heading. */
function sectionName(heading: string): string | null {
  return /^[一二三四五六七八九十]+、\s*(.+)$/.exec(heading)?.[1] ?? null;
}

const TABLE_MODES = new Map(
  (Object.keys(TABLE_SECTIONS) as TableMode[]).map((mode) => [
    sectionName(TABLE_SECTIONS[mode].heading),
    mode,
  ]),
);

function readInfoSheet(reader: SheetReader, info: InfoSheets): void {
  /** 'preamble' before the first heading (the title and the hint): not read. */
  let mode: 'preamble' | 'fields' | TableMode = 'preamble';
  let columns: Columns<string> | null = null;
  const seen = new Set<string>();

  reader.rows((row, filled) => {
    const heading = headingOf(filled);
    if (heading !== null) {
      mode = TABLE_MODES.get(heading) ?? 'fields';
      columns = null;
      return;
    }
    const [first] = filled;
    if (mode === 'preamble') return;
    if (mode === 'fields') {
      const label = labelKey(cellText(first.cell));
      const value = row.getCell(first.column + 1);
      const f = FIELDS.get(label);
      if (label === labelKey(RESPONSIBILITY)) info.overview.responsibilities.push(cellText(value));
      else if (!f) reader.problem(first.cell, '不是可识别的项目名称（A 列的项目名称请勿修改）');
      else if (seen.has(label)) reader.problem(first.cell, '重复：此项已在前面填写');
      else {
        seen.add(label);
        f.take(reader, value, info);
      }
      return;
    }
    const { headers } = TABLE_SECTIONS[mode];
    if (columns === null) {
      columns = Columns.find(filled, headers);
      if (columns === null) reader.problem(first.cell, `找不到表头（${headers.join('、')}），此行未能读取`);
      return;
    }
    const found: Columns<string> = columns;
    const at = (header: string) => found.cell(row, header);
    if (mode === 'notes') {
      const tableCell = at('表');
      const id = emptyNoteTable(cellText(tableCell));
      if (id === null) reader.problem(tableCell, '不是可写空表说明的表（表2、表3、表5至表13）');
      else if (info.emptyTableNotes[id] !== undefined)
        reader.problem(tableCell, '重复：此表的空表说明已在前面填写');
      else info.emptyTableNotes[id] = cellText(at('说明'));
    } else if (mode === 'glossary') {
      info.glossary.push({ term: cellText(at('名词')), definition: cellText(at('解释')) });
    } else {
      info.explanations.push({
        ruleId: cellText(at('规则')),
        subject: cellText(at('对象')),
        basis: cellText(at('依据')),
        text: cellText(at('说明')),
      });
    }
  });

  for (const [key, f] of FIELDS) if (!seen.has(key)) reader.missing(`缺少“${f.label}”一行`);
}

/** '表7 政府性基金预算收入表（不含上年结转）', '表7', '表７' → 'T7'. */
function emptyNoteTable(label: string): EmptyNoteTable | null {
  const number = /^表\s*(\d+)/.exec(halfWidth(label))?.[1];
  return EMPTY_NOTE_TABLES.find((id) => id === `T${number ?? ''}`) ?? null;
}

type UnitHeader = (typeof UNIT_HEADERS)[number];
type ProjectHeader = (typeof PROJECT_READ_HEADERS)[number];

function readUnitsSheet(reader: SheetReader, info: InfoSheets): void {
  /** 'preamble' before the first heading or header (the title): not read; 'none' between tables. */
  let table:
    | { kind: 'preamble' | 'none' }
    | { kind: 'units'; columns: Columns<UnitHeader> }
    | { kind: 'projects'; columns: Columns<ProjectHeader> } = { kind: 'preamble' };
  const found = { units: false, projects: false };
  /** Projects with the 实施单位 cell, resolved to a unit once every unit is known. */
  const pending: { project: ProjectInfo; unitCell: ExcelJS.Cell }[] = [];
  /** The names of unit rows that could not be taken (already reported; not reported again here). */
  const refusedUnits = new Set<string>();

  reader.rows((row, filled) => {
    const projectColumns = Columns.find(filled, PROJECT_READ_HEADERS);
    const unitColumns = Columns.find(filled, UNIT_HEADERS);
    if (projectColumns) {
      table = { kind: 'projects', columns: projectColumns };
      found.projects = true;
    } else if (unitColumns) {
      table = { kind: 'units', columns: unitColumns };
      found.units = true;
    } else if (headingOf(filled) !== null) {
      table = { kind: 'none' };
    } else if (table.kind === 'none') {
      reader.problem(filled[0].cell, '不在单位表或项目表中（表头是否被删改？），此行未能读取');
    } else if (table.kind === 'units') {
      const unit = readUnit(reader, row, table.columns, info.units);
      if (unit) info.units.push(unit);
      else refusedUnits.add(cellText(table.columns.cell(row, '单位名称')).trim());
    } else if (table.kind === 'projects') {
      const project = readProject(reader, row, table.columns, info.projects);
      if (project) {
        info.projects.push(project);
        pending.push({ project, unitCell: table.columns.cell(row, '实施单位') });
      }
    }
  });

  if (!found.units) reader.missing(`找不到单位表的表头（${UNIT_HEADERS.join('、')}）`);
  if (!found.projects) reader.missing(`找不到项目表的表头（${PROJECT_READ_HEADERS.join('、')}）`);

  for (const { project, unitCell } of pending) {
    const name = cellText(unitCell).trim();
    const [match, ...others] = info.units.filter((u) => u.name.trim() === name);
    if (!match) {
      if (!refusedUnits.has(name)) reader.problem(unitCell, '单位表中没有这个单位');
    } else if (others.length > 0) reader.problem(unitCell, '单位表中有多个同名单位，无法确定实施单位');
    else project.unitId = match.id;
  }
}

/** The 编号 of a unit or project row: present and not used before. */
function readId(
  reader: SheetReader,
  cell: ExcelJS.Cell,
  before: readonly { id: string }[],
  what: string,
): string | undefined {
  const id = cellText(cell);
  if (id.trim() === '') reader.problem(cell, `缺少${what}编号`);
  else if (before.some((other) => other.id === id)) reader.problem(cell, `${what}编号重复`);
  else return id;
  return undefined;
}

function readUnit(
  reader: SheetReader,
  row: ExcelJS.Row,
  columns: Columns<UnitHeader>,
  before: readonly Unit[],
): Unit | undefined {
  const id = readId(reader, columns.cell(row, '编号'), before, '单位');
  const type = reader.take(columns.cell(row, '单位类型'), unitType.read);
  if (id === undefined || type === undefined) return undefined;
  return { id, name: cellText(columns.cell(row, '单位名称')), type };
}

/** A project row; its unitId is filled in once all units are read. */
function readProject(
  reader: SheetReader,
  row: ExcelJS.Row,
  columns: Columns<ProjectHeader>,
  before: readonly ProjectInfo[],
): ProjectInfo | undefined {
  const at = (header: ProjectHeader) => columns.cell(row, header);
  const id = readId(reader, at('编号'), before, '项目');
  const projectCategory = reader.take(at('项目类别'), category.read);
  const code = reader.take(at('功能科目编码'), functionCode);
  const inCurrent = reader.take(at('列入表12'), yesNo.read);
  const inCarryOver = reader.take(at('列入表13'), yesNo.read);
  if (
    id === undefined ||
    projectCategory === undefined ||
    code === undefined ||
    inCurrent === undefined ||
    inCarryOver === undefined
  )
    return undefined;
  return {
    id,
    name: cellText(at('项目名称')),
    unitId: '',
    category: projectCategory,
    functionCode: code,
    inCurrent: inCurrent === 'yes',
    inCarryOver: inCarryOver === 'yes',
  };
}

/** A 7-digit 功能 项 code, or blank; a number as Excel may have made of it. */
function functionCode(cell: ExcelJS.Cell): Read<string> {
  const number = cellNumber(cell);
  const code = halfWidth(number === null ? cellText(cell) : String(number));
  return /^(\d{7})?$/.test(code) ? ok(code) : refuse('不是 7 位功能分类科目编码（项），如 2010301');
}
