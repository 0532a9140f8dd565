/**
 * The declarations' tables as cells, as both outputs print them (the workbook's sheets 整体绩效目标 and
 * 项目绩效目标, and the PDF): where each label and value is, what it spans. Each output says a value its
 * own way (the workbook writes numbers, the PDF text) and draws the cells.
 */
import type { BudgetDocument, Project, ProjectDeclaration } from '../document/schema';
import type { Amount, Decimal } from '../money';
import {
  EXPENDITURE_COLUMNS,
  FUNDING_PARTS,
  FUNDING_SIDES,
  INCOME_COLUMNS,
  OVERALL_LABELS,
  overallBudget,
  PROJECT_LABELS,
  PROJECT_TEXTS,
} from './form';
import { gridCells, OVERALL_GRID, PROJECT_GRID, type GridCell } from './grid';

/**
 * What a cell shows: a label or typed text, an amount in 万元 (computed from the tables), a typed count,
 * an amount in 元 as typed (a project's 项目资金).
 */
export type FormValue =
  | { readonly text: string }
  | { readonly wan: Decimal | null }
  | { readonly count: string }
  | { readonly yuan: Amount };

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

/** Cells in the making: `cell` and `label` add one, `grid` an indicator grid from a row. */
function cellList() {
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
  /** Adds a grid's cells with its header on `top`; returns how many rows it takes. */
  const grid = (top: number, gridded: readonly GridCell[]) => {
    for (const g of gridded)
      cell(top + g.row, g.col, { text: g.text }, g.kind, { rows: g.rows, cols: g.cols, level: g.level });
    return Math.max(...gridded.map((g) => g.row + g.rows));
  };
  return { cells, cell, label, grid };
}

/** The 整体 form's table: its rows of information, the budget (万元), the target, the indicator grid. */
export function overallFormCells(doc: BudgetDocument): FormCell[] {
  const o = doc.performance.overall;
  const L = OVERALL_LABELS;
  const { cells, cell, label, grid } = cellList();

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
  const gridRows = grid(12, gridCells(OVERALL_GRID, [o.indicators]));
  label(12, 0, L.indicators, { rows: gridRows });
  return cells;
}

/**
 * How wide the left half of a project's form's upper rows is: the columns 主管部门及代码's and 项目属性's
 * values and the 实施期 funding labels span (the 实施单位 and 项目期 labels and the 实施期 amounts take the
 * rest of the first four columns). The workbook follows the reference (two); the PDF, whose columns are
 * set narrower for the indicator grid, gives the left values three, so that a department's name and
 * 其中：中央财政资金 stay on one line and the form keeps to one A4 page.
 */
export type ProjectLeftColumns = 2 | 3;

/**
 * A project's form's table (县级预算部门（单位）项目支出绩效目标申报表): 主管部门 and 实施单位 on one row, the
 * 项目资金 block with 实施期 on the left and 年度 on the right, the texts, the goals, the indicator grid. An
 * import reads the workbook by this layout (with two left columns).
 */
export function projectFormCells(
  doc: BudgetDocument,
  project: Project,
  d: ProjectDeclaration,
  left: ProjectLeftColumns,
): FormCell[] {
  const L = PROJECT_LABELS;
  const { cells, cell, label, grid } = cellList();
  label(0, 0, L.name);
  cell(0, 1, { text: project.name }, 'text', { cols: 7 });
  const unit = doc.units.find((u) => u.id === project.unitId)?.name ?? '';
  const pairs = [
    [L.department, `${doc.department.code}-${doc.department.name}`, L.unit, unit],
    [L.attribute, d.attribute, L.period, d.period],
  ] as const;
  pairs.forEach(([leftLabel, leftValue, rightLabel, rightValue], i) => {
    label(1 + i, 0, leftLabel);
    cell(1 + i, 1, { text: leftValue }, 'text', { cols: left });
    label(1 + i, 1 + left, rightLabel, { cols: 4 - left });
    cell(1 + i, 5, { text: rightValue }, 'text', { cols: 3 });
  });

  // 实施期 in the first four columns after the label, 年度 in the last three; each amount after its label.
  const fundingTop = 3;
  const places = [
    { side: FUNDING_SIDES[0], labelCol: 1, labelCols: left, amountCols: 4 - left },
    { side: FUNDING_SIDES[1], labelCol: 5, labelCols: 2, amountCols: 1 },
  ];
  for (const { side, labelCol, labelCols, amountCols } of places) {
    const funding = d[side.field];
    const rows = [
      [side.total, funding.total] as const,
      ...FUNDING_PARTS.map(([key, text]) => [text, funding[key]] as const),
    ];
    rows.forEach(([text, amount], i) => {
      cell(fundingTop + i, labelCol, { text }, 'text', { cols: labelCols });
      cell(fundingTop + i, labelCol + labelCols, { yuan: amount }, 'amount', { cols: amountCols });
    });
  }
  label(fundingTop, 0, L.funding, { rows: FUNDING_PARTS.length + 1 });
  let r = fundingTop + FUNDING_PARTS.length + 1;

  for (const [key, text] of PROJECT_TEXTS) {
    label(r, 0, text);
    cell(r, 1, { text: d[key] }, 'text', { cols: 7 });
    r++;
  }

  label(r, 0, L.goals, { rows: 2 });
  label(r, 1, L.implementationGoals, { cols: 4 });
  label(r, 5, L.annualGoals, { cols: 3 });
  cell(r + 1, 1, { text: goalText(d.implementationGoals) }, 'text', { cols: 4 });
  cell(r + 1, 5, { text: goalText(d.annualGoals) }, 'text', { cols: 3 });
  r += 2;

  const gridRows = grid(r, gridCells(PROJECT_GRID, [d.implementationIndicators, d.annualIndicators]));
  label(r, 0, L.indicators, { rows: gridRows });
  return cells;
}

/** 目标1：… on a line each. */
function goalText(goals: readonly string[]): string {
  return goals.map((goal, i) => `目标${i + 1}：${goal}`).join('\n');
}
