/**
 * The 部门（单位）整体支出绩效目标申报表's table as cells, as both outputs print it (the workbook's sheet
 * 整体绩效目标 and the PDF): where each label and value is, what it spans. Each output says a value its
 * own way (the workbook writes numbers, the PDF text) and draws the cells.
 */
import type { BudgetDocument } from '../document/schema';
import type { Decimal } from '../money';
import { EXPENDITURE_COLUMNS, INCOME_COLUMNS, OVERALL_LABELS, overallBudget } from './form';
import { gridCells, OVERALL_GRID } from './grid';

/** What a cell shows: a label or typed text, an amount in 万元 (computed from the tables), a typed count. */
export type FormValue =
  { readonly text: string } | { readonly wan: Decimal | null } | { readonly count: string };

export interface FormCell {
  /** Counted from the table's first row (单位名称; the 填报单位 line is above it). */
  readonly row: number;
  /** Counted from the form's label column (0; the workbook's column A). */
  readonly col: number;
  readonly value: FormValue;
  readonly kind: 'label' | 'text' | 'center' | 'amount' | 'count';
  readonly rows: number;
  readonly cols: number;
  /** An indicator's 一级 or 二级 name, in a narrow column (the PDF breaks it by the column's width). */
  readonly level: boolean;
}

/** The 整体 form's table: its rows of information, the budget (万元), the target, the indicator grid. */
export function overallFormCells(doc: BudgetDocument): FormCell[] {
  const o = doc.performance.overall;
  const L = OVERALL_LABELS;
  const cells: FormCell[] = [];
  const cell = (
    row: number,
    col: number,
    value: FormValue,
    kind: FormCell['kind'],
    span: Partial<FormCell> = {},
  ) => cells.push({ row, col, value, kind, rows: 1, cols: 1, level: false, ...span });
  const label = (row: number, col: number, text: string, span: Partial<FormCell> = {}) =>
    cell(row, col, { text }, 'label', span);

  label(0, 1, L.unitName);
  cell(0, 2, { text: o.unitName }, 'text', { cols: 4 });
  label(1, 1, L.address);
  cell(1, 2, { text: o.address }, 'text', { cols: 4 });
  label(2, 1, L.contact);
  cell(2, 2, { text: o.contact }, 'center');
  label(2, 3, L.phone);
  cell(2, 4, { text: o.phone }, 'center', { cols: 2 });
  label(3, 1, L.staffQuota);
  cell(3, 2, { count: o.staffQuota }, 'count');
  label(3, 3, L.staffActual);
  cell(3, 4, { count: o.staffActual }, 'count', { cols: 2 });
  label(4, 1, L.functions);
  cell(4, 2, { text: o.functions }, 'text', { cols: 4 });

  const budget = overallBudget(doc);
  label(5, 1, L.income, { cols: 5 });
  INCOME_COLUMNS.forEach((text, i) => {
    label(6, 1 + i, text);
    cell(7, 1 + i, { wan: budget.income[i] ?? null }, 'amount');
  });
  label(8, 1, L.expenditure, { cols: 5 });
  // 支出合计 one column, 基本支出 and 项目支出 two each.
  EXPENDITURE_COLUMNS.forEach((text, i) => {
    const col = i === 0 ? 1 : 2 * i;
    const cols = i === 0 ? 1 : 2;
    label(9, col, text, { cols });
    cell(10, col, { wan: budget.expenditure[i] ?? null }, 'amount', { cols });
  });
  label(0, 0, L.block, { rows: 11 });

  label(11, 0, L.target);
  cell(11, 1, { text: o.target }, 'text', { cols: 5 });
  const grid = gridCells(OVERALL_GRID, [o.indicators]);
  for (const g of grid)
    cell(12 + g.row, g.col, { text: g.text }, g.kind, { rows: g.rows, cols: g.cols, level: g.level });
  const gridRows = Math.max(...grid.map((g) => g.row + g.rows));
  label(12, 0, L.indicators, { rows: gridRows });
  return cells;
}
