/**
 * The thirteen forms as data. A form definition says what the table looks like (title, unit, header,
 * columns, 备注, the fund an empty-table note names) and how its rows come from the document; every
 * amount cell is either an input (typed, a place in the document) or an expression over other cells
 * and inputs. The grid, the PDF, the Excel workbook and the checker all read the same computed form.
 */
import type { Decimal } from '../money';
import type { Catalog } from '../catalogs';
import type { BudgetDocument } from '../document/schema';
import type { InputRef } from '../document/inputs';

export const FORM_IDS = [
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'T13',
] as const;
export type FormId = (typeof FORM_IDS)[number];

export function isFormId(value: string): value is FormId {
  return (FORM_IDS as readonly string[]).includes(value);
}

/** A cell of a form: the form, the row key, the column key (what findings point at). */
export interface CellRef {
  readonly form: FormId;
  readonly row: string;
  readonly column: string;
}

export function cellKey(ref: CellRef): string {
  return `${ref.form}/${ref.row}/${ref.column}`;
}

/**
 * How a computed amount is obtained. Blank stays blank: an expression over only blank cells is blank,
 * and blank counts as zero wherever something is not blank.
 */
export type Expr =
  | { readonly op: 'input'; readonly input: InputRef }
  | { readonly op: 'cell'; readonly cell: CellRef }
  | { readonly op: 'sum'; readonly terms: readonly Expr[] }
  /**
   * The sum of one column over rows of a form (a 合计 or a 类 over its rows), and the sum of columns of
   * one row (合计 = 基本支出 + 项目支出): written as the names they share, not as a term per cell — a
   * large budget has tens of thousands of such terms.
   */
  | {
      readonly op: 'sumRows';
      readonly form: FormId;
      readonly rows: readonly string[];
      readonly column: string;
    }
  | {
      readonly op: 'sumColumns';
      readonly form: FormId;
      readonly row: string;
      readonly columns: readonly string[];
    }
  | { readonly op: 'minus'; readonly left: Expr; readonly right: Expr }
  | { readonly op: 'blank' };

/** The terms of a sum, one per cell for sumRows and sumColumns (for those that walk them one by one). */
export function sumTerms(expr: Extract<Expr, { op: 'sum' | 'sumRows' | 'sumColumns' }>): readonly Expr[] {
  switch (expr.op) {
    case 'sum':
      return expr.terms;
    case 'sumRows':
      return expr.rows.map((row) => ({ op: 'cell', cell: { form: expr.form, row, column: expr.column } }));
    case 'sumColumns':
      return expr.columns.map((column) => ({ op: 'cell', cell: { form: expr.form, row: expr.row, column } }));
  }
}

export type ColumnKind = 'code' | 'text' | 'amount';

export interface ColumnDef {
  readonly key: string;
  /** Header labels from the top row down to this column; `{year}` is replaced by the budget year. */
  readonly header: readonly string[];
  readonly kind: ColumnKind;
  /** Width in character cells (a Chinese character is two), for the grid, PDF and workbook. */
  readonly width: number;
}

/**
 * class / section / item: 功能 类 / 款 / 项 (or 经济 类 / 款 in 表6); total: a 合计 row; line: a fixed
 * line of a summary table; heading: a label line without amounts; filler: padding on one side of a
 * side-by-side table.
 */
export type RowKind = 'class' | 'section' | 'item' | 'total' | 'line' | 'heading' | 'filler';

/** A cell before evaluation. */
export type CellSpec = { readonly text: string } | { readonly expr: Expr };

export interface RowSpec {
  readonly key: string;
  readonly kind: RowKind;
  readonly cells: Readonly<Record<string, CellSpec>>;
  /**
   * Rows made from a pattern (a 功能 row, a row of typed amounts: a large budget has thousands) compute
   * an amount cell straight from the pattern, to the value of its expression in `cells`, which they spell
   * out only when asked for; undefined for a column without an amount cell. Other rows leave it out.
   */
  readonly compute?: (column: string, read: PatternReader) => Decimal | null | undefined;
  /**
   * A pattern row's typed amounts. Every row with a typed amount is a pattern row (engine.test.ts checks
   * each form): A5 reads typed amounts here, not in `cells`.
   */
  readonly typedFields?: TypedFields | null;
}

/** What a pattern row reads to compute a cell: its form's cells, typed amounts, other expressions. */
export interface PatternReader {
  /** A cell of the row's own form. */
  cell(row: string, column: string): Decimal | null;
  input(collection: InputRef['collection'], key: string, field: string): Decimal | null;
  evaluate(expr: Expr): Decimal | null;
}

/** The typed amounts of a row: fields of one stored row, one per typed column. */
export interface TypedFields {
  readonly collection: InputRef['collection'];
  readonly key: string;
  /** The typed columns, in column order, and the field each shows. */
  readonly columns: readonly string[];
  readonly fields: readonly string[];
}

/** One side of a table: its columns and rows (side-by-side tables such as 表1 have two panels). */
export interface PanelSpec {
  readonly columns: readonly ColumnDef[];
  /** Rows at the top of the panel. */
  readonly body: readonly RowSpec[];
  /** Rows aligned at the bottom with the other panel's footer; null pads a line. */
  readonly footer: readonly (RowSpec | null)[];
}

export interface FormContext {
  readonly doc: BudgetDocument;
  readonly catalog: Catalog;
}

export interface FormDefinition {
  readonly id: FormId;
  readonly number: number;
  /** The title after `{部门}{年度}年`, e.g. 预算收支总表. */
  readonly titleSuffix: string;
  readonly unit: '万元';
  /** The 备注 line printed under the table. */
  readonly remark: string;
  /** What an empty-table note names for this table, e.g. 政府性基金预算收入; null: never empty. */
  readonly emptyFund: string | null;
  readonly panels: (ctx: FormContext) => readonly PanelSpec[];
  /**
   * True when this change of an input adds or removes rows of this form (its rows depend on amounts, as
   * 表7's do on 表2's 政府性基金预算 column). Rows that depend only on the document's structure need not say.
   */
  readonly changesRows?: (current: BudgetDocument, next: BudgetDocument, input: InputRef) => boolean;
}

/** An evaluated cell. */
export type FormCell =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'amount';
      readonly ref: CellRef;
      /** null: blank. */
      readonly value: Decimal | null;
      /** Where the accountant types this amount; null for a computed cell. */
      readonly input: InputRef | null;
    };

export interface FormRow {
  /** Unique in the form; in side-by-side tables it joins both panels' row keys. */
  readonly key: string;
  /** The kind of each panel's row, left to right. */
  readonly kinds: readonly RowKind[];
  /** One cell per column of the form, in column order. */
  readonly cells: readonly FormCell[];
}

export interface HeaderCell {
  readonly label: string;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

/** A form computed for a document: everything needed to show, print or check it. */
export interface FormGrid {
  readonly id: FormId;
  readonly number: number;
  readonly title: string;
  readonly unit: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly columns: readonly ColumnDef[];
  /** Header rows with their merges; every column position is covered by exactly one header cell. */
  readonly header: readonly HeaderCell[];
  readonly headerRowCount: number;
  readonly rows: readonly FormRow[];
  readonly remark: string;
  /** True when no amount cell has a value. */
  readonly empty: boolean;
  /** The empty-table note the document gives for this table ('' when none). */
  readonly emptyNote: string;
  /** The note the app suggests for this table when it is empty. */
  readonly suggestedEmptyNote: string | null;
}
