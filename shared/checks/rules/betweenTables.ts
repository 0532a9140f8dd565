/**
 * B. Between tables (CHECKS.md): the same money must show the same amount in every table that shows it.
 */
import { catalogWarnings } from '../../catalogs/usage';
import type { BuiltForm } from '../../forms/engine';
import type { CellRef, Expr, FormId } from '../../forms/types';
import { Decimal, formatPlain } from '../../money';
import {
  cellSide,
  compareCheck,
  differing,
  NO_AREAS,
  onlyRounding,
  ROUNDING_HINT,
  shown,
  sumSide,
  targetsOf,
  sameAmount,
  TOLERANCE,
  valueOf,
  type Side,
} from '../compare';
import {
  cellTarget,
  fieldTarget,
  type Check,
  type CheckContext,
  type FindingDraft,
  type Rule,
  type Target,
} from '../types';
import { statedChecks } from './withinTables';

/** The 项 codes of a 功能 table (keys without their panel prefix). */
function itemCodes(form: BuiltForm, prefix = ''): string[] {
  return [...form.rows.values()]
    .filter((row) => row.kind === 'item' && row.key.startsWith(prefix))
    .map((row) => row.key.slice(prefix.length));
}

/** The codes of both lists, sorted, each once. */
function union(a: readonly string[], b: readonly string[]): string[] {
  const all = [...new Set([...a, ...b])];
  // Usually both are a table's codes in order, and the same codes: sorted already.
  for (let i = 1; i < all.length; i++) if ((all[i - 1] as string) > (all[i] as string)) return all.sort();
  return all;
}

const NO_TARGETS: readonly Target[] = [];

function missingRowLabel(ref: CellRef): string {
  return `表${ref.form.slice(1)} 未列科目 ${ref.row.replace(/^(income|expenditure):/, '')}`;
}

/** A side for one cell of a row that may not exist in that table: then it says so. */
function rowSide(ref: CellRef, exists: boolean, left?: CellRef): Side {
  const expr: Expr = { op: 'cell', cell: ref };
  if (exists) return left ? { expr, sameRowAs: left } : { expr };
  // Worded only for a finding: most such sides are blank against blank.
  return { label: () => missingRowLabel(ref), expr, targets: NO_TARGETS };
}

const B1: Rule = {
  id: 'B1',
  family: 'B',
  level: '错误',
  title: '表1 各项收入等于表2 各资金栏合计；表1 各类支出等于表3 该类',
  checks: (ctx) => [
    // 表1 lists the catalog's 30 类; a 表3 类 outside them would be missing from 表1's totals. Computed
    // values: a 本年支出合计 an imported workbook states wrongly is A3's (填报 … ≠ 按本表各行计算应为 …).
    compareCheck(
      'T1/expenditure',
      cellSide(ctx, { form: 'T1', row: 'expenditure:subtotal', column: 'total' }),
      cellSide(ctx, { form: 'T3', row: 'total', column: 'total' }),
      { hint: '：表3 有不属于本年 30 个“类”的科目', computed: true },
    ),
    ...statedChecks(ctx, 'B1'),
  ],
};

const B2: Rule = {
  id: 'B2',
  family: 'B',
  level: '错误',
  title: '每个功能科目：表2 本年收入合计 + 上年结转 = 表3 合计，两表列出相同的科目',
  checks: (ctx) => {
    const t2 = ctx.forms.form('T2');
    const t3 = ctx.forms.form('T3');
    const inT2 = new Set(itemCodes(t2));
    const inT3 = new Set(itemCodes(t3));
    return union([...inT2], [...inT3]).map((code) => {
      const expenditure: CellRef = { form: 'T3', row: code, column: 'total' };
      const left = rowSide(expenditure, inT3.has(code));
      const income = [
        { form: 'T2', row: code, column: 'currentTotal' },
        { form: 'T2', row: code, column: 'carryOver' },
      ] as const;
      const right = inT2.has(code)
        ? sumSide(
            (c) =>
              `表2 ${inT3.has(code) ? '同科目' : c.describe(income[0]).split(' ').slice(1, -1).join(' ')} 本年收入+上年结转`,
            income,
          )
        : { ...sumSide(`表2 未列科目 ${code}`, income), targets: [] };
      return compareCheck(code, left, right);
    });
  },
};

/** 表5 / 表8 / 表9 against the matching fund column of 表2, row by row. */
const FUND_TABLES = [
  { form: 'T5', prefix: '', source: 'generalBudget' },
  { form: 'T8', prefix: '', source: 'governmentFund' },
  { form: 'T9', prefix: 'expenditure:', source: 'stateCapital' },
] as const;

/**
 * B3 on one code: the fund table's row against 表2's fund column, as a comparison of two cells would
 * make it — as data (thousands of codes), its cells and sides made when it runs or is indexed.
 */
class FundRowCheck implements Check {
  readonly areas = NO_AREAS;

  constructor(
    private readonly form: (typeof FUND_TABLES)[number]['form'],
    private readonly prefix: string,
    private readonly source: string,
    private readonly code: string,
    private readonly inFund: boolean,
    private readonly inT2: boolean,
  ) {}

  get subject(): string {
    return `${this.form}/${this.code}`;
  }

  get reads(): readonly Expr[] {
    return [
      { op: 'cell', cell: this.expenditure() },
      { op: 'cell', cell: this.income() },
    ];
  }

  run(ctx: CheckContext): FindingDraft | null {
    const expenditure = this.expenditure();
    const income = this.income();
    const l = ctx.value(expenditure);
    const r = ctx.value(income);
    if (sameAmount(l, r)) return null;
    return differing(ctx, rowSide(expenditure, this.inFund), rowSide(income, this.inT2, expenditure), l, r);
  }

  private expenditure(): CellRef {
    return { form: this.form, row: this.prefix + this.code, column: 'total' };
  }

  private income(): CellRef {
    return { form: 'T2', row: this.code, column: this.source };
  }
}

const B3: Rule = {
  id: 'B3',
  family: 'B',
  level: '错误',
  title: '表5、表8、表9 逐科目等于表2 的一般公共预算、政府性基金预算、国有资本经营预算栏；表4 各类与之一致',
  checks: (ctx) => {
    const t2 = ctx.forms.form('T2');
    const inT2 = new Set(itemCodes(t2));
    const checks: Check[] = [];
    for (const { form, prefix, source } of FUND_TABLES) {
      const inFund = new Set(itemCodes(ctx.forms.form(form), prefix));
      for (const code of union([...inT2], [...inFund])) {
        checks.push(new FundRowCheck(form, prefix, source, code, inFund.has(code), inT2.has(code)));
      }
    }
    if (ctx.doc.tables.t7.source === 'typed') {
      const inT7 = new Set(itemCodes(ctx.forms.form('T7')));
      for (const code of union([...inT2], [...inT7])) {
        const typed: CellRef = { form: 'T7', row: code, column: 'amount' };
        const income: CellRef = { form: 'T2', row: code, column: 'governmentFund' };
        checks.push(
          compareCheck(`T7/${code}`, rowSide(typed, inT7.has(code)), rowSide(income, inT2.has(code), typed)),
        );
      }
    }
    return [...checks, ...statedChecks(ctx, 'B3')];
  },
};

const B4: Rule = {
  id: 'B4',
  family: 'B',
  level: '错误',
  title: '表5 基本支出合计 = 表6 合计',
  checks: (ctx) => [
    compareCheck(
      'T5/T6',
      cellSide(ctx, { form: 'T5', row: 'total', column: 'basic' }),
      cellSide(ctx, { form: 'T6', row: 'total', column: 'total' }),
    ),
  ],
};

const B5: Rule = {
  id: 'B5',
  family: 'B',
  level: '错误',
  title: '项目支出：表3 = 表12 + 表13；表5、表8、表9 = 表12 相应资金栏；按功能科目逐一相符',
  checks: (ctx) => {
    const total = (form: FormId, column: string): CellRef => ({ form, row: 'total', column });
    const checks: Check[] = [
      compareCheck(
        'T3',
        cellSide(ctx, total('T3', 'project')),
        sumSide('表12 合计 + 表13 合计', [total('T12', 'total'), total('T13', 'total')]),
      ),
      ...FUND_TABLES.map(({ form, prefix, source }) =>
        compareCheck(
          form,
          cellSide(ctx, { form, row: `${prefix}total`, column: 'project' }),
          cellSide(ctx, total('T12', source)),
        ),
      ),
    ];
    // Per 功能科目, when every project says which: 表3 项目支出 = its projects' 表12 + 表13 amounts.
    const projects = ctx.doc.projects.filter((p) => p.current || p.carryOver);
    const uncoded = projects.filter((p) => p.functionCode === '');
    if (uncoded.length > 0) {
      checks.push({
        subject: 'uncoded',
        reads: [],
        areas: ['projects'],
        run: () => ({
          level: '提示',
          message: `${uncoded.length} 个项目未填功能科目（${uncoded.map((p) => `“${p.name}”`).join('、')}），无法按科目核对表3 项目支出与表12、表13`,
          targets: uncoded.map((p) =>
            fieldTarget(`projects.${p.id}.functionCode`, `项目“${p.name}”的功能科目`),
          ),
          basis: uncoded.map((p) => p.id).join(','),
        }),
      });
      return checks;
    }
    const inT3 = new Set(itemCodes(ctx.forms.form('T3')));
    const byCode = new Map<string, typeof projects>();
    for (const p of projects) {
      const coded = byCode.get(p.functionCode);
      if (coded) coded.push(p);
      else byCode.set(p.functionCode, [p]);
    }
    for (const code of union([...inT3], [...byCode.keys()])) {
      const coded = byCode.get(code) ?? [];
      const refs = coded.flatMap((p): CellRef[] => [
        ...(p.current ? [{ form: 'T12', row: p.id, column: 'total' } as const] : []),
        ...(p.carryOver ? [{ form: 'T13', row: p.id, column: 'total' } as const] : []),
      ]);
      checks.push(
        compareCheck(
          `code/${code}`,
          rowSide({ form: 'T3', row: code, column: 'project' }, inT3.has(code)),
          sumSide(
            (c) =>
              `功能科目为 ${code} ${c.catalog.functionName(code) ?? ''} 的 ${coded.length} 个项目（表12 + 表13）`,
            refs,
          ),
          { areas: ['projects'] },
        ),
      );
    }
    return checks;
  },
};

const B6: Rule = {
  id: 'B6',
  family: 'B',
  level: '错误',
  title: '表11 机关运行经费不超过表6 公用经费（不相等时提示），且只列行政单位和参公事业单位',
  checks: (ctx) => {
    const operating: CellRef = { form: 'T11', row: 'total', column: 'total' };
    const publicExpense: CellRef = { form: 'T6', row: 'total', column: 'public' };
    const checks: Check[] = [
      {
        subject: 'T11/T6',
        reads: [
          { op: 'cell', cell: operating },
          { op: 'cell', cell: publicExpense },
        ],
        areas: [],
        run: (c) => {
          const l = valueOf(c, { op: 'cell', cell: operating }) ?? new Decimal(0);
          const r = valueOf(c, { op: 'cell', cell: publicExpense }) ?? new Decimal(0);
          const difference = l.minus(r);
          if (difference.abs().lessThan(TOLERANCE)) return null;
          const over = difference.greaterThan(0);
          // A difference that comes only from rounding is a 提示 either way (CHECKS.md).
          const rounding = onlyRounding(l, r);
          return {
            level: over && !rounding ? '错误' : '提示',
            message: over
              ? `${c.describe(operating)} ${formatPlain(l)} > ${c.describe(publicExpense)} ${formatPlain(r)}，超出 ${formatPlain(difference)}${rounding ? ROUNDING_HINT : '：机关运行经费是基本支出中的公用经费，不能超过它'}`
              : `${c.describe(operating)} ${formatPlain(l)} ≠ ${c.describe(publicExpense)} ${formatPlain(r)}，相差 ${formatPlain(difference.abs())}${rounding ? ROUNDING_HINT : '：请确认差额是否为事业单位的公用经费'}`,
            targets: [cellTarget(operating), cellTarget(publicExpense)],
            basis: `${formatPlain(l)}|${formatPlain(r)}`,
          };
        },
      },
    ];
    const units = new Map(ctx.doc.units.map((u) => [u.id, u]));
    for (const row of ctx.doc.tables.t11.rows) {
      const unit = units.get(row.unitId);
      if (!unit || unit.type !== '事业') continue;
      checks.push({
        subject: `unit/${unit.id}`,
        reads: [],
        areas: ['units'],
        run: () => ({
          level: '提示',
          message: `表11 列有“${unit.name}”，它是事业单位（非参公）；机关运行经费只反映行政单位和参公事业单位，请确认`,
          targets: [cellTarget({ form: 'T11', row: unit.id, column: 'total' })],
          basis: unit.type,
        }),
      });
    }
    return checks;
  },
};

/** 表10 items and the 表6 款 that carry the same money in basic expenditure. */
const THREE_PUBLIC_PAIRS = [
  { item: 'travelAbroad', label: '因公出国（境）费用', code: '30212' },
  { item: 'reception', label: '公务接待费', code: '30217' },
  { item: 'vehicleOperation', label: '公务用车运行维护费', code: '30231' },
  { item: 'vehiclePurchase', label: '公务用车购置费', code: '31013' },
] as const;

const B7: Rule = {
  id: 'B7',
  family: 'B',
  level: '提示',
  title: '表10“三公”经费与表6 对应经济科目（30212、30217、30231、31013）有无一致；有运行维护费应有车辆',
  checks: (ctx) => {
    const t6Rows = [...ctx.forms.form('T6').rows.values()].filter((row) => row.kind === 'item');
    const checks: Check[] = THREE_PUBLIC_PAIRS.map(({ item, label, code }) => {
      const t10: CellRef = { form: 'T10', row: item, column: 'total' };
      const t6: CellRef[] = t6Rows
        .filter((row) => row.key.startsWith(code))
        .map((row) => ({ form: 'T6', row: row.key, column: 'total' }));
      const t6Side = sumSide(`表6 ${code} ${label}`, t6);
      return {
        subject: item,
        reads: [{ op: 'cell', cell: t10 }, t6Side.expr],
        areas: [],
        run: (c) => {
          const inT10 = valueOf(c, { op: 'cell', cell: t10 });
          const inT6 = valueOf(c, t6Side.expr);
          const hasT10 = inT10 !== null && !inT10.isZero();
          const hasT6 = inT6 !== null && !inT6.isZero();
          if (hasT10 === hasT6) return null;
          return {
            message: hasT10
              ? `表10 ${label} ${shown(inT10)}，表6 无 ${code} ${label}：请确认是否全部在项目支出中安排`
              : `表6 ${code} ${label} ${shown(inT6)}，表10 ${label} 为空：“三公”经费应在表10 反映`,
            targets: [cellTarget(t10), ...targetsOf(t6Side)],
            basis: `${shown(inT10)}|${shown(inT6)}`,
          };
        },
      };
    });
    const operation: CellRef = { form: 'T10', row: 'vehicleOperation', column: 'total' };
    checks.push({
      subject: 'vehicles',
      reads: [{ op: 'cell', cell: operation }],
      areas: ['narrative'],
      run: (c) => {
        const amount = valueOf(c, { op: 'cell', cell: operation });
        const vehicles = c.doc.narrative.assets.vehicleActual;
        if (amount === null || amount.isZero() || (vehicles !== '' && vehicles !== '0')) return null;
        return {
          message: `表10 公务用车运行维护费 ${shown(amount)}，但国有资产情况中实有公务用车 ${vehicles || '0'} 辆，请确认`,
          targets: [
            cellTarget(operation),
            fieldTarget('narrative.assets.vehicleActual', '国有资产 实有公务用车'),
          ],
          basis: `${shown(amount)}|${vehicles}`,
        };
      },
    });
    return checks;
  },
};

const FUNCTION_FORMS: Record<string, { form: FormId; prefix: string }> = {
  t2: { form: 'T2', prefix: '' },
  t3: { form: 'T3', prefix: '' },
  t5: { form: 'T5', prefix: '' },
  t7: { form: 'T7', prefix: '' },
  t8: { form: 'T8', prefix: '' },
  t9: { form: 'T9', prefix: 'expenditure:' },
  t9Income: { form: 'T9', prefix: 'income:' },
};

const B8: Rule = {
  id: 'B8',
  family: 'B',
  level: '错误',
  title: '同一功能科目在各表名称一致，且与本年度分类科目目录相符（旧名称提示，目录外编码错误）',
  checks: (ctx) => {
    const checks: Check[] = catalogWarnings(ctx.doc).map((warning) => {
      const place = FUNCTION_FORMS[warning.collection];
      const target = place
        ? cellTarget({
            form: place.form,
            row: place.prefix + warning.code,
            column: warning.collection === 't9Income' ? 'incomeName' : 'name',
          })
        : warning.collection === 't6'
          ? fieldTarget('tables.t6', `表6 科目 ${warning.code}`)
          : fieldTarget('projects', `项目功能科目 ${warning.code}`);
      return {
        subject: `${warning.collection}/${warning.code}/${warning.kind}`,
        reads: [],
        areas: ['names'],
        run: () => ({
          level: warning.kind === 'unknown-code' ? '错误' : '提示',
          message: warning.message,
          targets: [target],
          basis: warning.message,
        }),
      };
    });
    // One code, one name: the names the tables give the same 项. Nearly always one: the names of a
    // code are listed only when they differ.
    const tables = [
      ['t2', ctx.doc.tables.t2.rows],
      ['t3', ctx.doc.tables.t3.rows],
      ['t5', ctx.doc.tables.t5.rows],
      ['t8', ctx.doc.tables.t8.rows],
      ['t9', ctx.doc.tables.t9.rows],
    ] as const;
    const firstName = new Map<string, string>();
    const differing = new Set<string>();
    for (const [, rows] of tables) {
      for (const row of rows) {
        if (row.name === '') continue;
        const first = firstName.get(row.functionCode);
        if (first === undefined) firstName.set(row.functionCode, row.name);
        else if (first !== row.name) differing.add(row.functionCode);
      }
    }
    const namesOf = new Map<string, Map<string, string[]>>();
    if (differing.size > 0) {
      for (const [collection, rows] of tables) {
        for (const row of rows) {
          if (row.name === '' || !differing.has(row.functionCode)) continue;
          const byName = namesOf.get(row.functionCode) ?? new Map<string, string[]>();
          byName.set(row.name, [...(byName.get(row.name) ?? []), collection]);
          namesOf.set(row.functionCode, byName);
        }
      }
    }
    for (const code of firstName.keys()) {
      const byName = namesOf.get(code);
      if (!byName) continue;
      const described = [...byName].map(
        ([name, collections]) =>
          `${collections.map((t) => FUNCTION_FORMS[t]?.form.replace('T', '表')).join('、')}作“${name}”`,
      );
      checks.push({
        subject: `${code}/names`,
        reads: [],
        areas: ['names'],
        run: () => ({
          level: '提示',
          message: `科目 ${code} 在各表名称不一：${described.join('，')}`,
          targets: [...byName.values()].flat().flatMap((t) => {
            const place = FUNCTION_FORMS[t];
            return place ? [cellTarget({ form: place.form, row: place.prefix + code, column: 'name' })] : [];
          }),
          basis: described.join('|'),
        }),
      });
    }
    return checks;
  },
};

export const BETWEEN_TABLE_RULES: readonly Rule[] = [B1, B2, B3, B4, B5, B6, B7, B8];
