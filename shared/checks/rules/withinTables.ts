/**
 * A. Within a table (CHECKS.md). In the app every 类/款/合计 row and every total column is computed, so
 * A1, A2 and A4 can only fail on amounts that a workbook states (an import); A3's balance of 表1 and 表4
 * and A5/A6 on typed amounts apply everywhere.
 */
import { FUNDING_LABELS } from '../../declarations/form';
import { inputRecord } from '../../document/inputs';
import { projectById } from '../../document/lookup';
import { FISCAL_SOURCES } from '../../document/schema';
import type { BuiltForm } from '../../forms/engine';
import {
  FORM_IDS,
  type CellRef,
  type Expr,
  type FormId,
  type RowKind,
  type TypedFields,
} from '../../forms/types';
import {
  cellSide,
  compareCheck,
  sideLabel,
  valueOf,
  shown,
  targetsOf,
  NO_AREAS,
  NO_READS,
  type Side,
} from '../compare';
import {
  cellTarget,
  fieldTarget,
  type Area,
  type Check,
  type CheckContext,
  type FindingDraft,
  type Rule,
} from '../types';

type IdentityRule = 'A1' | 'A2' | 'A3' | 'A4' | 'B1' | 'B3';

/**
 * Which rule owns the identity a computed cell states: 表1's lines come from 表2/表3 (B1), 表4's 类 lines
 * from 表5/8/9 (B3) with their 小计 the three sources (A2), the rest of 表1 and 表4 are its balance (A3),
 * a row total A2, 表10's vehicle and total lines A4, a 类/款/合计 row A1.
 */
function identityRule(ref: CellRef, kind: RowKind | undefined): IdentityRule {
  const classLine = /^expenditure:\d{3}$/.test(ref.row);
  if (ref.form === 'T1' && (classLine || /^income:(?!subtotal|total)/.test(ref.row))) return 'B1';
  if (ref.form === 'T4' && classLine) return ref.column === 'subtotal' ? 'A2' : 'B3';
  if (ref.form === 'T1' || ref.form === 'T4') return 'A3';
  if (ROW_TOTAL_COLUMNS.has(ref.column) || kind === 'item' || kind === 'line') return 'A2';
  if (ref.form === 'T10' && (ref.row === 'vehicle' || ref.row === 'total')) return 'A4';
  return 'A1';
}

/** Columns that add up other columns of the same row (合计 = 基本支出 + 项目支出, 本年收入合计, …). */
const ROW_TOTAL_COLUMNS = new Set(['total', 'currentTotal', 'subtotal']);

const IDENTITY_WORDS: Record<IdentityRule, string> = {
  A1: '按其下级科目（行）合计应为',
  A2: '按本行各栏合计应为',
  A3: '按本表各行计算应为',
  A4: '按明细项目合计应为',
  B1: '按表2、表3 应为',
  B3: '按表5、表8、表9 及上年结转应为',
};

/** A stated amount that disagrees with what the app computes from the typed rows. */
export function statedChecks(ctx: CheckContext, rule: IdentityRule): Check[] {
  return ctx.statedCells.flatMap((ref) => {
    const spec = ctx.forms.form(ref.form).rows.get(ref.row);
    const cell = spec?.cells[ref.column];
    if (!spec || !cell || !('expr' in cell) || cell.expr.op === 'input') return [];
    if (identityRule(ref, spec.kind) !== rule) return [];
    const stated = cellSide(ctx, ref);
    // The cells the identity adds up (a 类's 款, a row's columns, 表2's 合计 for 表1), to go to as well.
    const computed = { label: IDENTITY_WORDS[rule], expr: cell.expr };
    return [
      compareCheck(
        `${ref.form}/${ref.row}/${ref.column}`,
        { ...stated, label: (c) => `${sideLabel(c, stated)} 填报` },
        computed,
      ),
    ];
  });
}

const A1: Rule = {
  id: 'A1',
  family: 'A',
  level: '错误',
  title: '每个合计行等于各“类”之和，每个“类”等于其“款”之和，每个“款”等于其“项”之和',
  checks: (ctx) => statedChecks(ctx, 'A1'),
};

const A2: Rule = {
  id: 'A2',
  family: 'A',
  level: '错误',
  title:
    '行内关系：合计 = 基本支出 + 项目支出；本年收入合计 = 各项收入；合计 = 人员经费 + 公用经费；合计 = 各资金栏',
  checks: (ctx) => statedChecks(ctx, 'A2'),
};

/** The 合计 cells of the tables each side of 表1 and 表4 is computed from (where an imbalance comes from). */
const total = (form: FormId, column: string, row = 'total'): CellRef => ({ form, row, column });
const BALANCE_SOURCES: Record<'T1' | 'T4', { income: CellRef[]; expenditure: CellRef[] }> = {
  T1: {
    income: [total('T2', 'currentTotal'), total('T2', 'carryOver')],
    expenditure: [total('T3', 'total')],
  },
  T4: {
    income: [...FISCAL_SOURCES.map((source) => total('T2', source)), total('T13', 'total')],
    expenditure: [total('T5', 'total'), total('T8', 'total'), total('T9', 'total', 'expenditure:total')],
  },
};

/** One side of a 表1/表4 balance: the cell, and the other tables' totals it comes from. */
function balanceSide(ctx: CheckContext, ref: CellRef, sources: readonly CellRef[]): Side {
  const side = cellSide(ctx, ref);
  return { ...side, targets: [...targetsOf(side), ...sources.map(cellTarget)] };
}

/** 表1 and 表4 balance: 收入总计 = 支出总计 (their two sides come from different tables). */
const A3: Rule = {
  id: 'A3',
  family: 'A',
  level: '错误',
  title: '表1、表4 收支平衡：收入总计 = 支出总计，收入总计 = 本年收入合计 + 上年结转',
  checks: (ctx) => [
    ...(['T1', 'T4'] as const).map((form) =>
      compareCheck(
        `${form}/balance`,
        balanceSide(ctx, { form, row: 'income:total', column: 'income' }, BALANCE_SOURCES[form].income),
        balanceSide(
          ctx,
          { form, row: 'expenditure:total', column: form === 'T1' ? 'total' : 'subtotal' },
          BALANCE_SOURCES[form].expenditure,
        ),
        { hint: '，收支不平衡：请核对收入表（表2）与支出表（表3、表5、表8、表9）' },
      ),
    ),
    ...statedChecks(ctx, 'A3'),
  ],
};

const A4: Rule = {
  id: 'A4',
  family: 'A',
  level: '错误',
  title: '“三公”经费：公务用车购置及运行费 = 购置费 + 运行维护费；合计 = 三项之和',
  checks: (ctx) => statedChecks(ctx, 'A4'),
};

/** A row of a form with typed amounts: the row, and the fields of the stored row it shows. */
interface TypedRow {
  readonly form: FormId;
  readonly row: string;
  readonly typed: TypedFields;
}

/** The rows of every form that have typed amounts (表7 from 表2 has none of its own). */
function typedRows(forms: { form(id: FormId): BuiltForm }): TypedRow[] {
  const rows: TypedRow[] = [];
  for (const form of FORM_IDS) {
    for (const row of forms.form(form).rows.values()) {
      const typed = row.typedFields;
      if (typed) rows.push({ form, row: row.key, typed });
    }
  }
  return rows;
}

/** '12.345' has three decimals; '-1' is negative. Read from the stored text: no arithmetic needed. */
function amountProblem(amount: string, decimals: number, unit: string): string | null {
  if (amount.startsWith('-')) return '不能为负数';
  const point = amount.indexOf('.');
  if (point >= 0 && amount.length - point - 1 > decimals) {
    return decimals === 0 ? `${unit}金额应为整数` : `${unit}金额最多保留两位小数`;
  }
  return null;
}

const YUAN_FIELDS = ['total', 'central', 'provincial', 'cityCounty', 'selfRaised', 'other'] as const;
const FUNDING_PERIODS = ['implementationFunding', 'annualFunding'] as const;

const A5: Rule = {
  id: 'A5',
  family: 'A',
  level: '错误',
  title: '金额不得为负数；万元金额最多两位小数，绩效目标申报表的元金额为整数',
  // One check per table row and per declaration: a large budget has tens of thousands of typed amounts.
  checks: (ctx) => {
    const tableChecks = typedRows(ctx.forms).map((typed) => new TypedRowCheck(typed));
    const declarationChecks = ctx.doc.projects.map((project) => new FundingAmountsCheck(project.id));
    return [...tableChecks, ...declarationChecks];
  },
};

/** A5 on one row of a form: its typed amounts (a class: a large budget has thousands of rows). */
class TypedRowCheck implements Check {
  readonly areas = NO_AREAS;

  constructor(private readonly typed: TypedRow) {}

  get subject(): string {
    return `${this.typed.form}/${this.typed.row}`;
  }

  get reads(): readonly Expr[] {
    const { collection, key, fields } = this.typed.typed;
    return fields.map((field) => ({ op: 'input', input: { collection, key, field } }));
  }

  run(c: CheckContext): FindingDraft | null {
    const problems: { ref: CellRef; amount: string; text: string }[] = [];
    const { form, row, typed } = this.typed;
    // The row's amounts are fields of one stored row: looked up once.
    const record = inputRecord(c.doc, typed);
    const { columns, fields } = typed;
    for (let i = 0; i < fields.length; i++) {
      // A missing stored amount (表10's four items) is blank: nothing to check.
      const amount = record?.[fields[i] as string] ?? '';
      const problem = amountProblem(amount, 2, '万元');
      if (!problem) continue;
      const ref: CellRef = { form, row, column: columns[i] as string };
      problems.push({ ref, amount, text: `${c.describe(ref)} 填写 ${amount}：${problem}` });
    }
    if (problems.length === 0) return null;
    return {
      message: problems.map((p) => p.text).join('；'),
      targets: problems.map((p) => cellTarget(p.ref)),
      basis: problems.map((p) => p.amount).join('|'),
    };
  }
}

/** A5 on one project's declaration: its 元 amounts are whole and not negative. */
class FundingAmountsCheck implements Check {
  readonly reads = NO_READS;

  constructor(private readonly projectId: string) {}

  get subject(): string {
    return `${this.projectId}/funding`;
  }

  get areas(): readonly Area[] {
    return [`declaration:${this.projectId}`];
  }

  run(c: CheckContext): FindingDraft | null {
    const project = projectById(c.doc, this.projectId);
    const declaration = project?.declaration;
    if (!project || !declaration) return null;
    const problems: { amount: string; label: string; path: string; problem: string }[] = [];
    for (let p = 0; p < FUNDING_PERIODS.length; p++) {
      const period = FUNDING_PERIODS[p] as (typeof FUNDING_PERIODS)[number];
      for (let f = 0; f < YUAN_FIELDS.length; f++) {
        const field = YUAN_FIELDS[f] as (typeof YUAN_FIELDS)[number];
        const amount = declaration[period][field];
        const problem = amountProblem(amount, 0, '元');
        if (!problem) continue;
        const label = `${period === 'annualFunding' ? '年度' : '实施期'}${FUNDING_LABELS[field]}`;
        problems.push({
          amount,
          label,
          path: `projects.${this.projectId}.declaration.${period}.${field}`,
          problem,
        });
      }
    }
    if (problems.length === 0) return null;
    const { name } = project;
    return {
      message: `项目“${name}”绩效目标申报表 ${problems.map((p) => `${p.label} 填写 ${p.amount}：${p.problem}`).join('；')}`,
      targets: problems.map((p) => fieldTarget(p.path, `项目“${name}”申报表 ${p.label}`)),
      basis: problems.map((p) => p.amount).join('|'),
    };
  }
}

/** 表6: 人员经费 belongs on 301/303 rows, 公用经费 on 302/310 rows. */
const A6: Rule = {
  id: 'A6',
  family: 'A',
  level: '提示',
  title: '表6 人员经费只应填在 301、303 类，公用经费只应填在 302、310 类',
  checks: (ctx) =>
    [...ctx.forms.form('T6').rows.values()]
      .filter((row) => row.kind === 'item')
      .flatMap((row) =>
        (['personnel', 'public'] as const).map((column): Check => {
          const ref: CellRef = { form: 'T6', row: row.key, column };
          const code = row.key.slice(0, 5);
          return {
            subject: `${row.key}/${column}`,
            reads: [{ op: 'cell', cell: ref }],
            areas: [],
            run: (c) => {
              const value = valueOf(c, { op: 'cell', cell: ref });
              if (value === null || value.isZero()) return null;
              const fits =
                column === 'personnel' ? c.catalog.isPersonnelClass(code) : c.catalog.isPublicClass(code);
              if (fits) return null;
              const expected =
                column === 'personnel'
                  ? '301 工资福利支出、303 对个人和家庭的补助'
                  : '302 商品和服务支出、310 资本性支出';
              return {
                message: `${c.describe(ref)} ${shown(value)}：${column === 'personnel' ? '人员经费' : '公用经费'}通常只列在 ${expected}，请确认`,
                targets: [cellTarget(ref)],
                basis: shown(value),
              };
            },
          };
        }),
      ),
};

export const WITHIN_TABLE_RULES: readonly Rule[] = [A1, A2, A3, A4, A5, A6];
