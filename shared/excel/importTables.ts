/**
 * Reading the thirteen table sheets back: the typed amounts into the document, and every computed
 * amount the sheet states (a 合计, a 类 row, all of 表1 and 表4) as a stated value, so that the checks
 * can report a total that is not what its rows add up to — the error hand-filled workbooks have.
 *
 * Tolerant of what people do to sheets: sheets in another order, extra blank rows and columns, merged
 * cells, codes printed per level (201 / 03 / 01) or in full (2010301), numbers stored as text, thousands
 * separators, full-width digits. What it cannot read it reports (sheet, cell, value, why) and leaves out.
 */
import type ExcelJS from 'exceljs';
import { catalogFor, type Catalog } from '../catalogs';
import { economicRowKey, type BudgetDocument, type Project } from '../document/schema';
import { formsOf } from '../forms/engine';
import { cellKey, FORM_IDS, type FormGrid, type FormId } from '../forms/types';
import { toDecimal, type Amount, type Decimal } from '../money';
import { cellAmount, cellText, labelKey, normalized, numberStoredAsText, type AmountRead } from './cells';
import { address, tableSheetName } from './layout';
import type { ImportProblem } from './problems';

/** A row of a table sheet recognised as a row of the form: its key, and the sheet row it is on. */
interface RowRead {
  readonly sheetRow: number;
  readonly key: string;
  /** The form's columns on this row (a side-by-side table's row is one panel's half). */
  readonly columns: readonly string[];
}

/** A table found on a sheet. */
interface SheetTable {
  readonly form: FormId;
  readonly sheet: ExcelJS.Worksheet;
  /** Form column key → sheet column. */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: RowRead[];
}

export interface TableRead {
  /** The document with the typed amounts the sheets hold (rows in the order the sheets list them). */
  readonly document: BudgetDocument;
  /** What the sheets state for computed cells, by cell key. */
  readonly stated: ReadonlyMap<string, Decimal | null>;
  readonly problems: readonly ImportProblem[];
}

/**
 * Reads the table sheets into `base` (which brings the units, the projects and the texts). Rows of the
 * function tables, 表6, 表11 and the projects' 表12/表13 amounts come from the sheets.
 */
export function readTableSheets(workbook: ExcelJS.Workbook, base: BudgetDocument): TableRead {
  const problems: ImportProblem[] = [];
  const catalog = catalogFor(base.year);
  const shapes = formsOf(base);
  const tables: SheetTable[] = [];
  for (const form of FORM_IDS) {
    const sheet = findSheet(workbook, form);
    if (!sheet) {
      problems.push({
        sheet: '',
        cell: '',
        value: '',
        reason: `缺少工作表“${tableSheetName(form)}”，该表按空表读入`,
      });
      continue;
    }
    const table = locateTable(sheet, form, shapes.grid(form), problems);
    if (table) tables.push(table);
  }
  const reader = new TableReader(base, catalog, problems);
  for (const table of tables) reader.readRows(table);
  const document = reader.document();
  const stated = statedValues(document, tables, problems);
  return { document, stated, problems };
}

/** The sheet of a table: by its name (表3 …), or else by the title it carries. */
function findSheet(workbook: ExcelJS.Workbook, form: FormId): ExcelJS.Worksheet | undefined {
  const number = Number(form.slice(1));
  const byName = workbook.worksheets.find((sheet) => {
    const match = /^表(\d+)/.exec(labelKey(sheet.name));
    return match?.[1] !== undefined && Number(match[1]) === number;
  });
  if (byName) return byName;
  const suffix = labelKey(tableSheetName(form).replace(/^表\d+\s*/, ''));
  return workbook.worksheets.find((sheet) => {
    for (let row = 1; row <= Math.min(5, sheet.rowCount); row++) {
      if (labelKey(cellText(sheet.getCell(row, 1))).endsWith(suffix)) return true;
    }
    return false;
  });
}

const HEADER_SEARCH_ROWS = 40;

/** Finds the header (by the form's column labels) and the data rows below it. */
function locateTable(
  sheet: ExcelJS.Worksheet,
  form: FormId,
  grid: FormGrid,
  problems: ImportProblem[],
): SheetTable | null {
  const leaves = new Set(grid.columns.map((c) => labelKey(c.header.at(-1) ?? '')));
  // The widest row near the top (inserted columns push the table to the right).
  let lastColumn = Math.max(sheet.columnCount, grid.columns.length);
  for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); row++) {
    lastColumn = Math.max(lastColumn, sheet.getRow(row).cellCount);
  }
  let leafRow = 0;
  let best = 0;
  for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); row++) {
    const found = new Set<string>();
    for (let column = 1; column <= lastColumn; column++) {
      const text = labelKey(cellText(sheet.getCell(row, column)));
      if (leaves.has(text)) found.add(text);
    }
    if (found.size > best) {
      best = found.size;
      leafRow = row;
    }
  }
  if (best * 2 < leaves.size) {
    problems.push({ sheet: sheet.name, cell: '', value: '', reason: '找不到表头（各栏的名称），该表未读入' });
    return null;
  }
  const topRow = Math.max(1, leafRow - grid.headerRowCount + 1);
  // Each sheet column's header labels, top to bottom (a merged label repeats: keep it once).
  const sheetPaths: string[][] = [];
  for (let column = 1; column <= lastColumn; column++) {
    const path: string[] = [];
    for (let row = topRow; row <= leafRow; row++) {
      const text = labelKey(cellText(sheet.getCell(row, column)));
      if (text !== '' && path.at(-1) !== text) path.push(text);
    }
    sheetPaths[column] = path;
  }
  // Match the form's columns in order, skipping sheet columns that match nothing (inserted columns): by
  // the whole label path, or else by the column's own label (a merged parent label may have been lost).
  const columns = new Map<string, number>();
  let next = 1;
  for (const column of grid.columns) {
    const labels = column.header.map(labelKey);
    const leaf = labels.at(-1);
    const matching = (whole: boolean) => {
      for (let c = next; c <= lastColumn; c++) {
        const path = sheetPaths[c] ?? [];
        if (path.at(-1) === leaf && (!whole || labels.every((label) => path.includes(label)))) return c;
      }
      return undefined;
    };
    const found = matching(true) ?? matching(false);
    if (found !== undefined) {
      columns.set(column.key, found);
      next = found + 1;
    } else {
      problems.push({
        sheet: sheet.name,
        cell: '',
        value: '',
        reason: `找不到“${column.header.join(' / ')}”栏，该栏未读入`,
      });
    }
  }
  const rows: RowRead[] = [];
  const table: SheetTable = { form, sheet, columns, rows };
  const dataRows: number[] = [];
  for (let row = leafRow + 1; row <= sheet.rowCount; row++) {
    const first = firstText(sheet, row, lastColumn);
    if (/^(备注|说明)[:：]/.test(first)) break;
    if ([...columns.values()].some((c) => cellText(sheet.getCell(row, c)).trim() !== '')) dataRows.push(row);
  }
  dataRowsOf.set(table, dataRows);
  return table;
}

/** The data rows of each located table (kept beside it while reading). */
const dataRowsOf = new WeakMap<SheetTable, number[]>();

function firstText(sheet: ExcelJS.Worksheet, row: number, lastColumn: number): string {
  for (let column = 1; column <= lastColumn; column++) {
    const text = normalized(cellText(sheet.getCell(row, column)));
    if (text !== '') return text;
  }
  return '';
}

/** The typed field of each typed column (column key → field), by form. */
const TYPED_COLUMNS: Partial<Record<FormId, Readonly<Record<string, string>>>> = {
  T2: {
    generalBudget: 'generalBudget',
    governmentFund: 'governmentFund',
    stateCapital: 'stateCapital',
    specialAccount: 'specialAccount',
    unitFunds: 'unitFunds',
    carryOver: 'carryOver',
  },
  T3: { basic: 'basic', project: 'project' },
  T5: { basic: 'basic', project: 'project' },
  T6: { personnel: 'personnel', public: 'public' },
  T7: { amount: 'amount' },
  T8: { basic: 'basic', project: 'project' },
  T9: { income: 'amount', basic: 'basic', project: 'project' },
  T10: { generalBudget: 'generalBudget', governmentFund: 'governmentFund', stateCapital: 'stateCapital' },
  T11: { generalBudget: 'generalBudget', governmentFund: 'governmentFund', stateCapital: 'stateCapital' },
  T12: {
    generalBudget: 'generalBudget',
    governmentFund: 'governmentFund',
    stateCapital: 'stateCapital',
    specialAccount: 'specialAccount',
    unitFunds: 'unitFunds',
  },
  T13: { generalBudget: 'generalBudget', governmentFund: 'governmentFund', stateCapital: 'stateCapital' },
};

type Amounts = Record<string, Amount>;

/** Collects the typed rows of every table sheet. */
class TableReader {
  private readonly functionRows = new Map<
    string,
    { functionCode: string; name: string; amounts: Amounts }[]
  >();
  private readonly economicRows: {
    departmentCode: string;
    governmentCode: string;
    note: string;
    amounts: Amounts;
  }[] = [];
  private readonly fixedRows = new Map<string, Amounts>();
  private readonly unitRows: { unitId: string; amounts: Amounts }[] = [];
  private readonly current = new Map<string, Amounts>();
  private readonly carryOver = new Map<string, Amounts>();

  constructor(
    private readonly base: BudgetDocument,
    private readonly catalog: Catalog,
    private readonly problems: ImportProblem[],
  ) {}

  readRows(table: SheetTable): void {
    switch (table.form) {
      case 'T2':
      case 'T3':
      case 'T5':
      case 'T8':
        this.readFunctionPanel(table, table.form.toLowerCase(), 'code', 'name', '');
        return;
      case 'T7':
        if (this.base.tables.t7.source === 'typed') this.readFunctionPanel(table, 't7', 'code', 'name', '');
        else this.readFunctionPanel(table, null, 'code', 'name', '');
        return;
      case 'T9':
        this.readFunctionPanel(table, 't9Income', 'incomeCode', 'incomeName', 'income:');
        this.readFunctionPanel(table, 't9', 'code', 'name', 'expenditure:');
        return;
      case 'T6':
        this.readEconomic(table);
        return;
      case 'T10':
        this.readLabelled(table, 'item', THREE_PUBLIC_KEYS, (key, amounts) => {
          if (THREE_PUBLIC_ITEMS.has(key)) this.fixedRows.set(key, amounts);
        });
        return;
      case 'T11':
        this.readNamed(table, 'unit', this.base.units, '部门合计', (id, amounts) =>
          this.unitRows.push({ unitId: id, amounts }),
        );
        return;
      case 'T12':
        this.readNamed(table, 'project', this.base.projects, '合计', (id, amounts) =>
          this.current.set(id, amounts),
        );
        return;
      case 'T13':
        this.readNamed(table, 'project', this.base.projects, '合计', (id, amounts) =>
          this.carryOver.set(id, amounts),
        );
        return;
      case 'T1':
      case 'T4':
        // Every amount of 表1 and 表4 is computed: their rows are read for what the sheet states.
        for (const [column, prefix] of [
          ['incomeItem', 'income:'],
          ['expenditureItem', 'expenditure:'],
        ] as const) {
          this.readLabelled(table, column, labelsOf(this.base, table.form, prefix), () => undefined);
        }
        return;
    }
  }

  /** The document with what was read. */
  document(): BudgetDocument {
    const t = this.base.tables;
    const functionRows = (collection: string) => this.functionRows.get(collection) ?? [];
    const income = functionRows('t2').map((r) => ({
      functionCode: r.functionCode,
      name: r.name,
      generalBudget: r.amounts.generalBudget ?? '',
      governmentFund: r.amounts.governmentFund ?? '',
      stateCapital: r.amounts.stateCapital ?? '',
      specialAccount: r.amounts.specialAccount ?? '',
      unitFunds: r.amounts.unitFunds ?? '',
      carryOver: r.amounts.carryOver ?? '',
    }));
    const expenditure = (collection: string) =>
      functionRows(collection).map((r) => ({
        functionCode: r.functionCode,
        name: r.name,
        basic: r.amounts.basic ?? '',
        project: r.amounts.project ?? '',
      }));
    const single = (collection: string) =>
      functionRows(collection).map((r) => ({
        functionCode: r.functionCode,
        name: r.name,
        amount: r.amounts.amount ?? '',
      }));
    const fiscal = (amounts: Amounts | undefined) => ({
      generalBudget: amounts?.generalBudget ?? '',
      governmentFund: amounts?.governmentFund ?? '',
      stateCapital: amounts?.stateCapital ?? '',
    });
    const projects = this.base.projects.map((p): Project => {
      const current = this.current.get(p.id);
      const carried = this.carryOver.get(p.id);
      return {
        ...p,
        // A project the sheets do not list keeps what the base says (in 表12 / 表13 or not, blank).
        current: current
          ? {
              ...fiscal(current),
              specialAccount: current.specialAccount ?? '',
              unitFunds: current.unitFunds ?? '',
            }
          : p.current,
        carryOver: carried ? fiscal(carried) : p.carryOver,
      };
    });
    return {
      ...this.base,
      tables: {
        t2: { rows: income },
        t3: { rows: expenditure('t3') },
        t5: { rows: expenditure('t5') },
        t6: {
          rows: this.economicRows.map((r) => ({
            departmentCode: r.departmentCode,
            governmentCode: r.governmentCode,
            note: r.note,
            personnel: r.amounts.personnel ?? '',
            public: r.amounts.public ?? '',
          })),
        },
        t7: { source: t.t7.source, rows: t.t7.source === 'typed' ? single('t7') : [] },
        t8: { rows: expenditure('t8') },
        t9: { incomeRows: single('t9Income'), rows: expenditure('t9') },
        t10: {
          rows: [...this.fixedRows].flatMap(([item, amounts]) =>
            THREE_PUBLIC_ITEMS.has(item) && Object.values(amounts).some((a) => a !== '')
              ? [{ item: item as (typeof t.t10.rows)[number]['item'], ...fiscal(amounts) }]
              : [],
          ),
        },
        t11: { rows: this.unitRows.map((r) => ({ unitId: r.unitId, ...fiscal(r.amounts) })) },
      },
      projects,
    };
  }

  /**
   * A 功能 table panel: each row's code, from the code printed per level (201 / 03 / 01, following the
   * rows above it) or in full; typed amounts of the 项 rows into `collection` (null: nothing typed).
   */
  private readFunctionPanel(
    table: SheetTable,
    collection: string | null,
    codeColumn: string,
    nameColumn: string,
    prefix: string,
  ): void {
    const codeAt = table.columns.get(codeColumn);
    const nameAt = table.columns.get(nameColumn);
    if (codeAt === undefined || nameAt === undefined) return;
    const typed = TYPED_COLUMNS[table.form] ?? {};
    const panel = [...table.columns.keys()].filter((key) => panelOf(table.form, key) === prefix);
    let classCode = '';
    let sectionCode = '';
    for (const sheetRow of dataRowsOf.get(table) ?? []) {
      const codeCell = table.sheet.getCell(sheetRow, codeAt);
      const code = normalized(cellText(codeCell));
      const name = cellText(table.sheet.getCell(sheetRow, nameAt)).trim();
      if (code === '' && name === '') continue;
      if (code === '合计' || (code === '' && normalized(name) === '合计')) {
        table.rows.push({ sheetRow, key: `${prefix}total`, columns: panel });
        continue;
      }
      const full = this.fullCode(code, name, classCode, sectionCode, codeCell.font.bold === true);
      if (full === null) {
        this.problems.push({
          sheet: table.sheet.name,
          cell: address(sheetRow, codeAt),
          value: code,
          reason: `无法识别的科目编码（科目名称“${name}”），该行未读入`,
        });
        continue;
      }
      if (full.length === 3) {
        classCode = full;
        sectionCode = '';
      } else if (full.length === 5) {
        classCode = full.slice(0, 3);
        sectionCode = full;
      } else {
        classCode = full.slice(0, 3);
        sectionCode = full.slice(0, 5);
      }
      table.rows.push({ sheetRow, key: prefix + full, columns: panel });
      if (full.length !== 7 || collection === null) continue;
      const amounts = this.readAmounts(table, sheetRow, panel, typed);
      const rows = this.functionRows.get(collection) ?? [];
      if (rows.some((r) => r.functionCode === full)) {
        this.problems.push({
          sheet: table.sheet.name,
          cell: address(sheetRow, codeAt),
          value: full,
          reason: '科目编码重复，只读入第一行',
        });
        continue;
      }
      rows.push({ functionCode: full, name, amounts });
      this.functionRows.set(collection, rows);
    }
  }

  /**
   * A code as printed: 3, 5 or 7 digits in full; or two digits under the 类/款 above it — a 款 or a 项,
   * told apart by the catalog's names (and by bold type, which the export gives 类 and 款 rows).
   */
  private fullCode(
    code: string,
    name: string,
    classCode: string,
    sectionCode: string,
    bold: boolean,
  ): string | null {
    if (/^\d{3}$|^\d{5}$|^\d{7}$/.test(code)) return code;
    if (!/^\d{2}$/.test(code) || classCode === '') return null;
    const asSection = classCode + code;
    if (sectionCode === '') return asSection;
    const asItem = sectionCode + code;
    const plainName = normalized(name);
    const named = (candidate: string) => normalized(this.catalog.functionName(candidate) ?? '') === plainName;
    if (named(asItem) && !named(asSection)) return asItem;
    if (named(asSection) && !named(asItem)) return asSection;
    return bold ? asSection : asItem;
  }

  /** 表6: 类 rows by their 3-digit code, 款 rows by 部门 and 政府 codes; the note after the name. */
  private readEconomic(table: SheetTable): void {
    const departmentAt = table.columns.get('departmentCode');
    const governmentAt = table.columns.get('governmentCode');
    const nameAt = table.columns.get('departmentName');
    if (departmentAt === undefined || governmentAt === undefined || nameAt === undefined) return;
    const typed = TYPED_COLUMNS.T6 ?? {};
    const columns = [...table.columns.keys()];
    for (const sheetRow of dataRowsOf.get(table) ?? []) {
      const department = normalized(cellText(table.sheet.getCell(sheetRow, departmentAt)));
      const government = normalized(cellText(table.sheet.getCell(sheetRow, governmentAt)));
      if (department === '合计') {
        table.rows.push({ sheetRow, key: 'total', columns });
        continue;
      }
      if (/^\d{3}$/.test(department)) {
        table.rows.push({ sheetRow, key: department, columns });
        continue;
      }
      if (!/^\d{5}$/.test(department) || !/^\d{5}$/.test(government)) {
        this.problems.push({
          sheet: table.sheet.name,
          cell: address(sheetRow, /^\d{5}$/.test(department) ? governmentAt : departmentAt),
          value: /^\d{5}$/.test(department) ? government : department,
          reason: '应为 5 位经济分类“款”级科目编码，该行未读入',
        });
        continue;
      }
      const row = { departmentCode: department, governmentCode: government };
      const key = economicRowKey(row);
      table.rows.push({ sheetRow, key, columns });
      const official = this.catalog.departmentEconomicName(department) ?? '';
      const printed = cellText(table.sheet.getCell(sheetRow, nameAt)).trim();
      const note =
        printed.startsWith(`${official}（`) && printed.endsWith('）')
          ? printed.slice(official.length + 1, -1)
          : '';
      this.economicRows.push({ ...row, note, amounts: this.readAmounts(table, sheetRow, columns, typed) });
    }
  }

  /** Rows known by their label (表1, 表4, 表10): typed amounts go to `take`. */
  private readLabelled(
    table: SheetTable,
    labelColumn: string,
    keys: ReadonlyMap<string, readonly string[]>,
    take: (key: string, amounts: Amounts) => void,
  ): void {
    const used = new Map<string, number>();
    const at = table.columns.get(labelColumn);
    if (at === undefined) return;
    const prefix = panelOf(table.form, labelColumn);
    const columns = [...table.columns.keys()].filter((key) => panelOf(table.form, key) === prefix);
    const typed = TYPED_COLUMNS[table.form] ?? {};
    for (const sheetRow of dataRowsOf.get(table) ?? []) {
      const label = labelKey(cellText(table.sheet.getCell(sheetRow, at))).replace(
        /^[一二三四五六七八九十]+、/,
        '',
      );
      if (label === '') continue;
      // The first row with a label is its first line, the next its second (表4's 一般公共预算 twice).
      const times = used.get(label) ?? 0;
      used.set(label, times + 1);
      const key = keys.get(label)?.[times];
      if (key === undefined) {
        this.problems.push({
          sheet: table.sheet.name,
          cell: address(sheetRow, at),
          value: label,
          reason: '不是本表的项目，该行未读入',
        });
        continue;
      }
      table.rows.push({ sheetRow, key, columns });
      take(key, this.readAmounts(table, sheetRow, columns, typed));
    }
  }

  /** Rows known by a unit's or a project's name (表11, 表12, 表13). */
  private readNamed(
    table: SheetTable,
    nameColumn: string,
    known: readonly { id: string; name: string }[],
    totalLabel: string,
    take: (id: string, amounts: Amounts) => void,
  ): void {
    const at = table.columns.get(nameColumn);
    if (at === undefined) return;
    const typed = TYPED_COLUMNS[table.form] ?? {};
    const columns = [...table.columns.keys()];
    const seen = new Set<string>();
    for (const sheetRow of dataRowsOf.get(table) ?? []) {
      const name = cellText(table.sheet.getCell(sheetRow, at)).trim();
      if (name === '') continue;
      if (normalized(name) === totalLabel) {
        table.rows.push({ sheetRow, key: 'total', columns });
        continue;
      }
      const matches = known.filter((item) => item.name.trim() === name);
      const problem = (reason: string) =>
        this.problems.push({ sheet: table.sheet.name, cell: address(sheetRow, at), value: name, reason });
      if (matches.length !== 1) {
        problem(
          matches.length === 0
            ? `${nameColumn === 'unit' ? '单位' : '项目'}列表中没有这个名称，该行未读入`
            : '有多个同名的项目，无法确定是哪一个，该行未读入',
        );
        continue;
      }
      const match = matches[0];
      if (!match) continue;
      if (seen.has(match.id)) {
        problem('重复列出，只读入第一行');
        continue;
      }
      seen.add(match.id);
      table.rows.push({ sheetRow, key: match.id, columns });
      take(match.id, this.readAmounts(table, sheetRow, columns, typed));
    }
  }

  /** The typed amounts of a row; what is not an amount is reported and left blank. */
  private readAmounts(
    table: SheetTable,
    sheetRow: number,
    columns: readonly string[],
    typed: Readonly<Record<string, string>>,
  ): Amounts {
    const amounts: Amounts = {};
    for (const column of columns) {
      const field = typed[column];
      const at = table.columns.get(column);
      if (field === undefined || at === undefined) continue;
      const read = readAmount(table.sheet, sheetRow, at, this.problems);
      amounts[field] = read ?? '';
    }
    return amounts;
  }
}

/** An amount, or null (with a problem) when the cell holds something else. */
function readAmount(
  sheet: ExcelJS.Worksheet,
  row: number,
  column: number,
  problems: ImportProblem[],
): Amount | null {
  const read: AmountRead = cellAmount(sheet.getCell(row, column));
  switch (read.kind) {
    case 'blank':
    case 'unknown':
      return '';
    case 'amount':
      if (read.converted) problems.push(numberStoredAsText(sheet.name, sheet.getCell(row, column)));
      return read.amount;
    case 'invalid':
      problems.push({
        sheet: sheet.name,
        cell: address(row, column),
        value: read.text,
        reason: `${read.reason}，未读入`,
      });
      return null;
  }
}

const THREE_PUBLIC_ITEMS = new Set(['travelAbroad', 'reception', 'vehiclePurchase', 'vehicleOperation']);

/** 表10's labels (as printed, ① ② included) → row keys. */
const THREE_PUBLIC_KEYS: ReadonlyMap<string, readonly string[]> = new Map([
  ['因公出国（境）费用', ['travelAbroad']],
  ['公务接待费', ['reception']],
  ['公务用车购置及运行费', ['vehicle']],
  ['①公务用车购置费', ['vehiclePurchase']],
  ['公务用车购置费', ['vehiclePurchase']],
  ['②公务用车运行维护费', ['vehicleOperation']],
  ['公务用车运行维护费', ['vehicleOperation']],
  ['合计', ['total']],
]);

/**
 * Labels of one panel of 表1 / 表4 → row keys, in order (the labels depend only on the year's catalog).
 * A label may stand twice: 表4's 一般公共预算 is an income line and again a 上年结转 line below it.
 */
function labelsOf(
  doc: BudgetDocument,
  form: 'T1' | 'T4',
  prefix: string,
): ReadonlyMap<string, readonly string[]> {
  const labels = new Map<string, string[]>();
  for (const row of formsOf(doc).form(form).rows.values()) {
    if (!row.key.startsWith(prefix)) continue;
    for (const cell of Object.values(row.cells)) {
      if ('text' in cell && cell.text !== '') {
        const label = labelKey(cell.text).replace(/^[一二三四五六七八九十]+、/, '');
        labels.set(label, [...(labels.get(label) ?? []), row.key]);
      }
    }
  }
  return labels;
}

/** Which panel a column belongs to in a side-by-side table ('' for one-panel tables). */
function panelOf(form: FormId, column: string): string {
  if (form === 'T9') return column.startsWith('income') ? 'income:' : 'expenditure:';
  if (form === 'T1' || form === 'T4') return column.startsWith('income') ? 'income:' : 'expenditure:';
  return '';
}

/** What the sheets state for each computed cell of the rows they hold. */
function statedValues(
  doc: BudgetDocument,
  tables: readonly SheetTable[],
  problems: ImportProblem[],
): Map<string, Decimal | null> {
  const forms = formsOf(doc);
  const stated = new Map<string, Decimal | null>();
  for (const table of tables) {
    const rows = forms.form(table.form).rows;
    for (const read of table.rows) {
      const spec = rows.get(read.key);
      if (!spec) continue;
      for (const column of read.columns) {
        const cell = spec.cells[column];
        const at = table.columns.get(column);
        if (!cell || !('expr' in cell) || cell.expr.op === 'input' || at === undefined) continue;
        const amount = cellAmount(table.sheet.getCell(read.sheetRow, at));
        if (amount.kind === 'unknown') continue;
        if (amount.kind === 'invalid') {
          problems.push({
            sheet: table.sheet.name,
            cell: address(read.sheetRow, at),
            value: amount.text,
            reason: `${amount.reason}，未读入`,
          });
          continue;
        }
        stated.set(
          cellKey({ form: table.form, row: read.key, column }),
          amount.kind === 'blank' ? null : toDecimal(amount.amount),
        );
      }
    }
  }
  return stated;
}
