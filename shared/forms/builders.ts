/**
 * Row sources shared by several forms: the 功能 类/款/项 hierarchy with its sums, the 30 类 lines of 表1
 * and 表4, fixed lines, and lists (units, projects) with a 合计 row.
 */
import type { Catalog } from '../catalogs';
import type { InputCollection, InputRef } from '../document/inputs';
import { plusOrBlank, type Decimal } from '../money';
import type {
  CellSpec,
  ColumnDef,
  Expr,
  FormId,
  PanelSpec,
  PatternReader,
  RowKind,
  RowSpec,
  TypedFields,
} from './types';

export const blank: Expr = { op: 'blank' };
export const input = (ref: InputRef): Expr => ({ op: 'input', input: ref });
export const cell = (form: FormId, row: string, column: string): Expr => ({
  op: 'cell',
  cell: { form, row, column },
});
export const sum = (terms: readonly Expr[]): Expr => ({ op: 'sum', terms });
export const minus = (left: Expr, right: Expr): Expr => ({ op: 'minus', left, right });
export const text = (value: string): CellSpec => ({ text: value });

export const codeColumn = (group: readonly string[], key = 'code'): ColumnDef => ({
  key,
  header: [...group, '科目编码'],
  kind: 'code',
  width: 10,
});
export const nameColumn = (group: readonly string[], key = 'name'): ColumnDef => ({
  key,
  header: [...group, '科目名称'],
  kind: 'text',
  width: 34,
});
export const amountColumn = (key: string, header: readonly string[], width = 13): ColumnDef => ({
  key,
  header,
  kind: 'amount',
  width,
});

/**
 * An amount column of a 功能 table: typed (or read from elsewhere) on 项 rows and summed above them, or a
 * row sum.
 */
export interface FunctionAmountColumn extends ColumnDef {
  /** Typed on 项 rows: this field of the stored 项 row (whose key is the code). */
  readonly field?: string;
  /** Or the 项 row's value from elsewhere (表7 from 表2). */
  readonly item?: (functionCode: string) => Expr;
  /** Or, on every row: the sum of these columns of the same row (e.g. 合计 = 基本支出 + 项目支出). */
  readonly rowSum?: readonly string[];
}

export interface FunctionItem {
  readonly functionCode: string;
  readonly name: string;
}

/** The code as the tables print it: 201 for a 类, 03 for a 款, 01 for a 项. */
export function printedCode(code: string): string {
  return code.length === 3 ? code : code.slice(-2);
}

/** A row sum (sumColumns) as the evaluator adds it up: blank when every term is blank. */
function rowTotal(read: PatternReader, row: string, columns: readonly string[]): Decimal | null {
  let total: Decimal | null = null;
  for (let i = 0; i < columns.length; i++) total = plusOrBlank(total, read.cell(row, columns[i] as string));
  return total;
}

/** A column summed over rows (sumRows) as the evaluator adds it up: blank when every term is blank. */
function columnTotal(read: PatternReader, rows: readonly string[], column: string): Decimal | null {
  let total: Decimal | null = null;
  for (let i = 0; i < rows.length; i++) total = plusOrBlank(total, read.cell(rows[i] as string, column));
  return total;
}

/**
 * A row made from a pattern: the evaluator computes its amounts from the pattern (`compute`), and its
 * cells and typed amounts are spelled out the first time something asks for them (the grid, the
 * workbook, the graph of an edited document). A large budget has thousands of such rows.
 */
abstract class PatternRow implements RowSpec {
  private spelled: Readonly<Record<string, CellSpec>> | null = null;

  constructor(
    readonly key: string,
    readonly kind: RowKind,
  ) {}

  get cells(): Readonly<Record<string, CellSpec>> {
    this.spelled ??= this.spell();
    return this.spelled;
  }

  abstract readonly typedFields: TypedFields | null;

  /** The value of the column's expression in `cells`, computed as the evaluator computes it. */
  abstract compute(column: string, read: PatternReader): Decimal | null | undefined;

  protected abstract spell(): Record<string, CellSpec>;
}

/**
 * What all rows of a 功能 panel share: the form, the stored rows its 项 rows are, the code and name
 * columns, the amount columns (and of those, the typed ones and their fields).
 */
interface FunctionPattern {
  readonly form: FormId;
  readonly collection: InputCollection;
  readonly typedColumns: readonly string[];
  readonly typedFields: readonly string[];
  readonly codeKey: string;
  readonly nameKey: string;
  readonly amounts: readonly FunctionAmountColumn[];
  readonly byKey: ReadonlyMap<string, FunctionAmountColumn>;
}

/**
 * A row of a 功能 panel: a 项 (typed, or read from elsewhere), or a 类/款/合计 row, the sum of its
 * children, each column by its definition. The evaluator computes the amounts from the pattern
 * (`compute`); the cells are spelled out when something asks for them (the grid, the workbook).
 */
class FunctionRow extends PatternRow {
  constructor(
    key: string,
    kind: RowKind,
    /** The 功能 code (the 项 code is the stored row's key), or 'total'. */
    private readonly code: string,
    private readonly name: string,
    /** The keys of the rows it adds up (null for a 项 row). */
    private readonly children: readonly string[] | null,
    private readonly pattern: FunctionPattern,
  ) {
    super(key, kind);
  }

  protected spell(): Record<string, CellSpec> {
    const { codeKey, nameKey, amounts } = this.pattern;
    const cells: Record<string, CellSpec> = {};
    cells[codeKey] = text(this.kind === 'total' ? '合计' : printedCode(this.code));
    cells[nameKey] = text(this.name);
    for (const column of amounts) cells[column.key] = { expr: this.expr(column) };
    return cells;
  }

  private expr(column: FunctionAmountColumn): Expr {
    const { form, collection } = this.pattern;
    if (column.rowSum) return rowSum(form, this.key, column.rowSum);
    if (this.children) return { op: 'sumRows', form, rows: this.children, column: column.key };
    if (column.field) return input({ collection, key: this.code, field: column.field });
    return column.item ? column.item(this.code) : blank;
  }

  compute(key: string, read: PatternReader): Decimal | null | undefined {
    const column = this.pattern.byKey.get(key);
    if (!column) return undefined;
    if (column.rowSum) return rowTotal(read, this.key, column.rowSum);
    if (this.children) return columnTotal(read, this.children, key);
    if (column.field) return read.input(this.pattern.collection, this.code, column.field);
    return column.item ? read.evaluate(column.item(this.code)) : null;
  }

  get typedFields(): TypedFields | null {
    const { collection, typedColumns, typedFields } = this.pattern;
    if (this.children || typedColumns.length === 0) return null;
    return { collection, key: this.code, columns: typedColumns, fields: typedFields };
  }
}

/**
 * A 功能 table panel: 类, 款 and 项 rows in code order, each 类/款 the sum of its children, and a 合计
 * row in the footer. Row keys are the codes (and `total`), prefixed for two-panel tables.
 */
export function functionPanel(options: {
  form: FormId;
  /** The stored rows its 项 rows are (their key is the code). */
  collection: InputCollection;
  catalog: Catalog;
  items: readonly FunctionItem[];
  codeColumn: ColumnDef;
  nameColumn: ColumnDef;
  amounts: readonly FunctionAmountColumn[];
  keyPrefix?: string;
}): PanelSpec {
  const { form, catalog, amounts, keyPrefix = '' } = options;
  const typedColumns: string[] = [];
  const typedFields: string[] = [];
  for (const column of amounts) {
    if (column.field && !column.rowSum) {
      typedColumns.push(column.key);
      typedFields.push(column.field);
    }
  }
  const pattern: FunctionPattern = {
    form,
    collection: options.collection,
    typedColumns,
    typedFields,
    codeKey: options.codeColumn.key,
    nameKey: options.nameColumn.key,
    amounts,
    byKey: new Map(amounts.map((column) => [column.key, column])),
  };
  const items = [...options.items].sort((a, b) => compareCodes(a.functionCode, b.functionCode));
  const key = (code: string) => keyPrefix + code;
  const row = (code: string, kind: RowKind, name: string, children: readonly string[] | null): RowSpec =>
    new FunctionRow(key(code), kind, code, name, children, pattern);

  const body: RowSpec[] = [];
  const classKeys: string[] = [];
  for (const [classCode, classItems] of groupByPrefix(items, 3)) {
    const sectionKeys: string[] = [];
    const sectionRows: RowSpec[] = [];
    for (const [sectionCode, sectionItems] of groupByPrefix(classItems, 5)) {
      sectionRows.push(
        row(sectionCode, 'section', catalog.functionName(sectionCode) ?? '', keysOf(sectionItems, key)),
        ...sectionItems.map((item) =>
          row(item.functionCode, 'item', item.name || (catalog.functionName(item.functionCode) ?? ''), null),
        ),
      );
      sectionKeys.push(key(sectionCode));
    }
    body.push(row(classCode, 'class', catalog.functionName(classCode) ?? '', sectionKeys), ...sectionRows);
    classKeys.push(key(classCode));
  }
  const total = row('total', 'total', '', classKeys);
  return { columns: [options.codeColumn, options.nameColumn, ...amounts], body, footer: [total] };
}

function keysOf(items: readonly FunctionItem[], key: (code: string) => string): string[] {
  return items.map((item) => key(item.functionCode));
}

/** Consecutive runs of items that share the first `length` digits of their code (items are sorted). */
function groupByPrefix(items: readonly FunctionItem[], length: number): Map<string, FunctionItem[]> {
  const groups = new Map<string, FunctionItem[]>();
  for (const item of items) {
    const prefix = item.functionCode.slice(0, length);
    const group = groups.get(prefix);
    if (group) group.push(item);
    else groups.set(prefix, [item]);
  }
  return groups;
}

/** Codes in catalog order (numeric; all codes of one level have the same length). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一, 30 → 三十 (enough for the 30 类 and list numbering). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens >= 10) return String(n);
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${DIGITS[ones] ?? ''}`;
}

/** A row of amounts whose totals column is the sum of the given source columns. */
export function listRow(
  key: string,
  kind: RowKind,
  labels: Readonly<Record<string, string>>,
  amounts: Readonly<Record<string, Expr>>,
): RowSpec {
  const cells: Record<string, CellSpec> = {};
  for (const column in labels) cells[column] = text(labels[column] as string);
  for (const column in amounts) cells[column] = { expr: amounts[column] as Expr };
  return { key, kind, cells };
}

/**
 * A stored row's typed amounts, one column per field, and their total (表6's 款 rows, 表10–表13's rows):
 * its labels, then `total`, then the fields. The evaluator computes it from the pattern (`compute`); the
 * cells are spelled out when something asks for them.
 */
class TypedAmountsRow extends PatternRow {
  constructor(
    key: string,
    kind: RowKind,
    private readonly labels: Readonly<Record<string, string>>,
    private readonly form: FormId,
    private readonly collection: InputCollection,
    private readonly fields: readonly string[],
  ) {
    super(key, kind);
  }

  protected spell(): Record<string, CellSpec> {
    const { key, collection } = this;
    const cells: Record<string, CellSpec> = {};
    for (const column in this.labels) cells[column] = text(this.labels[column] as string);
    cells.total = { expr: rowSum(this.form, key, this.fields) };
    for (const field of this.fields) cells[field] = { expr: input({ collection, key, field }) };
    return cells;
  }

  compute(column: string, read: PatternReader): Decimal | null | undefined {
    if (column === 'total') return rowTotal(read, this.key, this.fields);
    return this.fields.includes(column) ? read.input(this.collection, this.key, column) : undefined;
  }

  get typedFields(): TypedFields {
    const { collection, key, fields } = this;
    return { collection, key, columns: fields, fields };
  }
}

/** An item row of typed amounts (the fields of the stored row keyed `key`) and their total. */
export function typedAmountsRow(
  form: FormId,
  collection: InputCollection,
  key: string,
  labels: Readonly<Record<string, string>>,
  fields: readonly string[],
): RowSpec {
  return new TypedAmountsRow(key, 'item', labels, form, collection, fields);
}

/** For each column, the sum of that column over the given rows. */
export function columnSums(
  form: FormId,
  rowKeys: readonly string[],
  columns: readonly string[],
): Record<string, Expr> {
  return Object.fromEntries(
    columns.map((column) => [column, { op: 'sumRows', form, rows: rowKeys, column }]),
  );
}

/** The sum of several columns of one row. */
export function rowSum(form: FormId, rowKey: string, columns: readonly string[]): Expr {
  return { op: 'sumColumns', form, row: rowKey, columns };
}
