/**
 * Row sources shared by several forms: the 功能 类/款/项 hierarchy with its sums, the 30 类 lines of 表1
 * and 表4, fixed lines, and lists (units, projects) with a 合计 row.
 */
import type { Catalog } from '../catalogs';
import type { InputRef } from '../document/inputs';
import type { CellSpec, ColumnDef, Expr, FormId, PanelSpec, RowKind, RowSpec } from './types';

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

/** An amount column of a 功能 table: typed (or referenced) on 项 rows and summed above them, or a row sum. */
export interface FunctionAmountColumn extends ColumnDef {
  /** The 项 row's value; 类/款/合计 rows sum their children. */
  readonly item?: (functionCode: string) => Expr;
  /** Or: the sum of these columns of the same row (e.g. 合计 = 基本支出 + 项目支出). */
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

/**
 * A 功能 table panel: 类, 款 and 项 rows in code order, each 类/款 the sum of its children, and a 合计
 * row in the footer. Row keys are the codes (and `total`), prefixed for two-panel tables.
 */
export function functionPanel(options: {
  form: FormId;
  catalog: Catalog;
  items: readonly FunctionItem[];
  codeColumn: ColumnDef;
  nameColumn: ColumnDef;
  amounts: readonly FunctionAmountColumn[];
  keyPrefix?: string;
}): PanelSpec {
  const { form, catalog, amounts, keyPrefix = '' } = options;
  const codeKey = options.codeColumn.key;
  const nameKey = options.nameColumn.key;
  const items = [...options.items].sort((a, b) => compareCodes(a.functionCode, b.functionCode));
  const key = (code: string) => keyPrefix + code;

  const row = (code: string, kind: RowKind, name: string, children: readonly string[] | null): RowSpec => {
    const rowKey = key(code);
    const cells: Record<string, CellSpec> = {};
    cells[codeKey] = text(kind === 'total' ? '合计' : printedCode(code));
    cells[nameKey] = text(name);
    for (let c = 0; c < amounts.length; c++) {
      const column = amounts[c] as FunctionAmountColumn;
      cells[column.key] = {
        expr: column.rowSum
          ? rowSum(form, rowKey, column.rowSum)
          : children
            ? { op: 'sumRows', form, rows: children, column: column.key }
            : column.item
              ? column.item(code)
              : blank,
      };
    }
    return { key: rowKey, kind, cells };
  };

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

/** A stored row's typed amounts, one column per field, and their total (表10–表13's rows). */
export function typedAmountsRow(
  form: FormId,
  collection: InputRef['collection'],
  key: string,
  fields: readonly string[],
): Record<string, Expr> {
  const amounts: Record<string, Expr> = { total: rowSum(form, key, fields) };
  for (const field of fields) amounts[field] = input({ collection, key, field });
  return amounts;
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
