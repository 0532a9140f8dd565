import { describe, expect, it } from 'vitest';
import { setInput, type InputRef } from '../../document/inputs';
import type { BudgetDocument } from '../../document/schema';
import { computeForm } from '../../forms/engine';
import { FORM_IDS } from '../../forms/types';
import { Decimal } from '../../money';
import { sampleDocument } from '../../sample/sample2024';
import { checkDocument, type StatedValues } from '../session';
import type { Finding, Rule, Target } from '../types';
import { BETWEEN_TABLE_RULES } from './betweenTables';
import { WITHIN_TABLE_RULES } from './withinTables';

const sample = sampleDocument();

function rule(id: string): Rule {
  const found = [...WITHIN_TABLE_RULES, ...BETWEEN_TABLE_RULES].find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** The findings of one rule, on a document and (for an import) the amounts its workbook states. */
function check(id: string, doc: BudgetDocument, stated?: Record<string, string | null>): Finding[] {
  return checkDocument(doc, { rules: [rule(id)], ...(stated ? { stated: statedValues(stated) } : {}) });
}

function statedValues(values: Record<string, string | null>): StatedValues {
  return new Map(
    Object.entries(values).map(([key, value]) => [key, value === null ? null : new Decimal(value)]),
  );
}

/** Targets as `T3/201/basic` (cells) or their path (other places). */
function where(targets: readonly Target[]): string[] {
  return targets.map((t) =>
    t.kind === 'cell' ? `${t.form}/${t.row}/${t.column}` : `${t.path} (${t.label})`,
  );
}

/** What a test asserts of a finding: everything but the basis and explanation. */
function summary(finding: Finding) {
  return {
    rule: finding.rule,
    level: finding.level,
    subject: finding.subject,
    message: finding.message,
    targets: where(finding.targets),
  };
}

function edit(doc: BudgetDocument, input: InputRef, value: string): BudgetDocument {
  return setInput(doc, input, value);
}

const t3 = (key: string, field: 'basic' | 'project'): InputRef => ({ collection: 't3', key, field });

/** Every amount the app computes, as an imported workbook of the sample would state it. */
function everyComputedCell(doc: BudgetDocument): Record<string, string | null> {
  const stated: Record<string, string | null> = {};
  for (const id of FORM_IDS) {
    for (const row of computeForm(doc, id).rows) {
      for (const cell of row.cells) {
        if (cell.type !== 'amount' || cell.input) continue;
        stated[`${cell.ref.form}/${cell.ref.row}/${cell.ref.column}`] = cell.value?.toFixed() ?? null;
      }
    }
  }
  return stated;
}

describe('the sample', () => {
  it('breaks no A rule', () => {
    for (const { id } of WITHIN_TABLE_RULES) expect(check(id, sample)).toEqual([]);
  });

  it('stated exactly as the app computes it (an import of its own workbook), breaks no A rule', () => {
    const stated = everyComputedCell(sample);
    expect(Object.keys(stated).length).toBeGreaterThan(300);
    expect(stated['T3/201/basic']).toBe('357.8');
    for (const { id } of WITHIN_TABLE_RULES) expect(check(id, sample, stated)).toEqual([]);
  });
});

describe('A1 合计 = 类之和, 类 = 款之和, 款 = 项之和 (stated amounts)', () => {
  it('flags a 类 whose stated 基本支出 is not the sum of its 款, naming the 类 and the 款 cells', () => {
    const findings = check('A1', sample, { 'T3/201/basic': '360' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A1',
        level: '错误',
        subject: 'T3/201/basic',
        message:
          '表3 201 一般公共服务支出 基本支出 填报 360.00 ≠ 按其下级科目（行）合计应为 357.80，相差 2.20',
        targets: ['T3/201/basic', 'T3/20103/basic', 'T3/20125/basic'],
      },
    ]);
  });

  it('flags a 合计 row that is not the sum of its 类, in any amount column', () => {
    const findings = check('A1', sample, { 'T2/total/generalBudget': '600' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A1',
        level: '错误',
        subject: 'T2/total/generalBudget',
        message: '表2 合计 一般公共预算 填报 600.00 ≠ 按其下级科目（行）合计应为 621.43，相差 21.43',
        targets: [
          'T2/total/generalBudget',
          'T2/201/generalBudget',
          'T2/208/generalBudget',
          'T2/210/generalBudget',
          'T2/221/generalBudget',
        ],
      },
    ]);
  });

  it('compares with the rows as the workbook states them', () => {
    // The 款 is stated 360 and the 类 repeats it: the 类 agrees with its 款, the 款 not with its 项.
    const findings = check('A1', sample, { 'T3/201/basic': '362', 'T3/20103/basic': '360' });
    expect(findings.map((f) => [f.subject, f.message])).toEqual([
      [
        'T3/201/basic',
        '表3 201 一般公共服务支出 基本支出 填报 362.00 ≠ 按其下级科目（行）合计应为 360.00，相差 2.00',
      ],
      [
        'T3/20103/basic',
        '表3 20103 政府办公厅（室）及相关机构事务 基本支出 填报 360.00 ≠ 按其下级科目（行）合计应为 357.80，相差 2.20',
      ],
    ]);
  });

  it('is silent when the stated amount is the sum, or within 0.005 of it', () => {
    expect(check('A1', sample, { 'T3/201/basic': '357.80' })).toEqual([]);
    expect(check('A1', sample, { 'T3/201/basic': '357.804' })).toEqual([]);
    expect(check('A1', sample, { 'T3/201/basic': '357.796' })).toEqual([]);
    expect(check('A1', sample, { 'T3/201/basic': '357.805' })).toHaveLength(1);
  });

  it('makes a difference that comes only from rounding figures with more than two decimals a 提示', () => {
    // The 项 carry a third decimal; the workbook printed them rounded and added up the printed figures.
    let doc = edit(sample, t3('2010301', 'basic'), '199.654');
    doc = edit(doc, t3('2010350', 'basic'), '158.154');
    const rounded = check('A1', doc, { 'T3/20103/basic': '357.80' });
    expect(rounded.map(summary)).toEqual([
      {
        rule: 'A1',
        level: '提示',
        subject: 'T3/20103/basic',
        message:
          '表3 20103 政府办公厅（室）及相关机构事务 基本支出 填报 357.80 ≠ 按其下级科目（行）合计应为 357.81，相差 0.01（差额仅因四舍五入，请核对小数位）',
        targets: [
          'T3/20103/basic',
          'T3/2010301/basic',
          'T3/2010302/basic',
          'T3/2010350/basic',
          'T3/2010399/basic',
        ],
      },
    ]);
    // Nine cents apart is not rounding.
    const wrong = check('A1', doc, { 'T3/20103/basic': '357.90' });
    expect(wrong.map((f) => [f.level, f.message])).toEqual([
      [
        '错误',
        '表3 20103 政府办公厅（室）及相关机构事务 基本支出 填报 357.90 ≠ 按其下级科目（行）合计应为 357.81，相差 0.09',
      ],
    ]);
    // Two decimals on both sides: a cent is a real difference.
    const cent = check('A1', sample, { 'T3/20103/basic': '357.81' });
    expect(cent.map((f) => f.level)).toEqual(['错误']);
  });
});

describe('A2 row identities (stated amounts)', () => {
  it('flags 合计 ≠ 基本支出 + 项目支出 (表3), naming the row’s cells', () => {
    const findings = check('A2', sample, { 'T3/2010301/total': '200' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A2',
        level: '错误',
        subject: 'T3/2010301/total',
        message: '表3 2010301 行政运行 合计 填报 200.00 ≠ 按本行各栏合计应为 199.65，相差 0.35',
        targets: ['T3/2010301/total', 'T3/2010301/basic', 'T3/2010301/project'],
      },
    ]);
  });

  it('flags 本年收入合计 ≠ the five sources (表2)', () => {
    const findings = check('A2', sample, { 'T2/2101101/currentTotal': '9.14' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A2',
        level: '错误',
        subject: 'T2/2101101/currentTotal',
        message: '表2 2101101 行政单位医疗 合计 填报 9.14 ≠ 按本行各栏合计应为 10.96，相差 1.82',
        targets: [
          'T2/2101101/currentTotal',
          'T2/2101101/generalBudget',
          'T2/2101101/governmentFund',
          'T2/2101101/stateCapital',
          'T2/2101101/specialAccount',
          'T2/2101101/unitFunds',
        ],
      },
    ]);
  });

  it('flags 合计 ≠ 人员经费 + 公用经费 (表6)', () => {
    const findings = check('A2', sample, { 'T6/30101-50101/total': '165' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A2',
        level: '错误',
        subject: 'T6/30101-50101/total',
        message: '表6 30101 基本工资 合计 填报 165.00 ≠ 按本行各栏合计应为 165.47，相差 0.47',
        targets: ['T6/30101-50101/total', 'T6/30101-50101/personnel', 'T6/30101-50101/public'],
      },
    ]);
  });

  it('flags 小计 ≠ the three sources on a 类 line of 表4 (CHECKS.md A2, not the 表4 balance)', () => {
    const findings = check('A2', sample, { 'T4/expenditure:201/subtotal': '500' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A2',
        level: '错误',
        subject: 'T4/expenditure:201/subtotal',
        message: '表4 201 一般公共服务支出 小计 填报 500.00 ≠ 按本行各栏合计应为 497.55，相差 2.45',
        targets: [
          'T4/expenditure:201/subtotal',
          'T4/expenditure:201/generalBudget',
          'T4/expenditure:201/governmentFund',
          'T4/expenditure:201/stateCapital',
        ],
      },
    ]);
    expect(check('A3', sample, { 'T4/expenditure:201/subtotal': '500' })).toEqual([]);
  });

  it('flags 合计 ≠ its fund columns on 表10’s 公务用车购置及运行费 line (a row identity, not A4)', () => {
    const findings = check('A2', sample, { 'T10/vehicle/total': '3' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A2',
        level: '错误',
        subject: 'T10/vehicle/total',
        message: '表10 公务用车购置及运行费 合计 填报 3.00 ≠ 按本行各栏合计应为 空，相差 3.00',
        targets: [
          'T10/vehicle/total',
          'T10/vehicle/generalBudget',
          'T10/vehicle/governmentFund',
          'T10/vehicle/stateCapital',
        ],
      },
    ]);
    expect(check('A4', sample, { 'T10/vehicle/total': '3' })).toEqual([]);
  });

  it('is silent when the stated row total is the sum of its columns', () => {
    expect(check('A2', sample, { 'T3/2010301/total': '199.65', 'T6/30101-50101/total': '165.470' })).toEqual(
      [],
    );
  });
});

describe('A3 表1 and 表4 balance', () => {
  it('flags both tables when 表2 gains income that no expenditure table spends, naming each side’s cells', () => {
    const doc = edit(sample, { collection: 't2', key: '2010301', field: 'generalBudget' }, '200.65');
    const findings = check('A3', doc);
    expect(findings.map((f) => [f.rule, f.level, f.subject])).toEqual([
      ['A3', '错误', 'T1/balance'],
      ['A3', '错误', 'T4/balance'],
    ]);
    const [t1, t4] = findings;
    expect(t1?.message).toMatch(
      /^表1 收入\S+ 2024年 622\.43 ≠ 表1 支出\S+ 2024年合计 621\.43，相差 1\.00，收支不平衡：请核对收入表（表2）与支出表（表3、表5、表8、表9）$/,
    );
    expect(where(t1?.targets ?? [])).toEqual([
      'T1/income:total/income',
      'T2/total/currentTotal',
      'T2/total/carryOver',
      'T1/expenditure:total/total',
      'T3/total/total',
    ]);
    expect(t4?.message).toMatch(
      /^表4 收入\S+ 金额 622\.43 ≠ 表4 支出\S+ 小计 621\.43，相差 1\.00，收支不平衡/,
    );
    expect(where(t4?.targets ?? [])).toEqual([
      'T4/income:total/income',
      'T2/total/generalBudget',
      'T2/total/governmentFund',
      'T2/total/stateCapital',
      'T13/total/total',
      'T4/expenditure:total/subtotal',
      'T5/total/total',
      'T8/total/total',
      'T9/expenditure:total/total',
    ]);
  });

  it('flags only 表1 for income outside 财政拨款, and only 表4 for 表5 spending that 表2 does not fund', () => {
    const unitFunds = edit(sample, { collection: 't2', key: '2010301', field: 'unitFunds' }, '5');
    expect(check('A3', unitFunds).map((f) => [f.subject, f.message.match(/相差 \S+/)?.[0]])).toEqual([
      ['T1/balance', '相差 5.00，收支不平衡：请核对收入表（表2）与支出表（表3、表5、表8、表9）'],
    ]);
    const t5 = edit(sample, { collection: 't5', key: '2010301', field: 'basic' }, '200.65');
    expect(check('A3', t5).map((f) => f.subject)).toEqual(['T4/balance']);
  });

  it('flags a stated 收入合计 that is not the sum of its lines (an import)', () => {
    const findings = check('A3', sample, { 'T1/income:subtotal/income': '600' });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.subject).toBe('T1/income:subtotal/income');
    expect(findings[0]?.message).toMatch(
      /^表1 本年收入合计 2024年 填报 600\.00 ≠ 按本表各行计算应为 621\.43，相差 21\.43$/,
    );
    expect(where(findings[0]?.targets ?? [])).toEqual([
      'T1/income:subtotal/income',
      'T1/income:generalBudget/income',
      'T1/income:governmentFund/income',
      'T1/income:stateCapital/income',
      'T1/income:specialAccount/income',
      'T1/income:unitFunds/income',
    ]);
  });

  it('is silent when 表2’s income and 表3’s expenditure move together (carry-over included)', () => {
    let doc = edit(sample, { collection: 't2', key: '2010301', field: 'carryOver' }, '10');
    doc = edit(doc, t3('2010301', 'basic'), '209.65');
    expect(check('A3', doc)).toEqual([]);
  });

  it('treats amounts less than 0.005 apart as balanced', () => {
    expect(check('A3', edit(sample, t3('2010301', 'basic'), '199.654'))).toEqual([]);
    const rounded = check('A3', edit(sample, t3('2010301', 'basic'), '199.655'));
    expect(rounded.map((f) => [f.subject, f.level])).toEqual([['T1/balance', '提示']]);
    expect(rounded[0]?.message).toContain('621.43 ≠ 表1 支出');
    expect(rounded[0]?.message).toContain('（差额仅因四舍五入，请核对小数位）');
  });
});

describe('A4 “三公” 经费 (stated amounts)', () => {
  const withCars = edit(
    edit(sample, { collection: 't10', key: 'vehiclePurchase', field: 'generalBudget' }, '2'),
    { collection: 't10', key: 'vehicleOperation', field: 'generalBudget' },
    '3',
  );

  it('flags 公务用车购置及运行费 ≠ 购置费 + 运行维护费, naming the three cells', () => {
    const findings = check('A4', withCars, { 'T10/vehicle/generalBudget': '6' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A4',
        level: '错误',
        subject: 'T10/vehicle/generalBudget',
        message: '表10 公务用车购置及运行费 一般公共预算 填报 6.00 ≠ 按明细项目合计应为 5.00，相差 1.00',
        targets: [
          'T10/vehicle/generalBudget',
          'T10/vehiclePurchase/generalBudget',
          'T10/vehicleOperation/generalBudget',
        ],
      },
    ]);
  });

  it('flags 合计 ≠ the three items', () => {
    const findings = check('A4', withCars, { 'T10/total/generalBudget': '4' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A4',
        level: '错误',
        subject: 'T10/total/generalBudget',
        message: '表10 合计 一般公共预算 填报 4.00 ≠ 按明细项目合计应为 5.00，相差 1.00',
        targets: [
          'T10/total/generalBudget',
          'T10/travelAbroad/generalBudget',
          'T10/reception/generalBudget',
          'T10/vehicle/generalBudget',
        ],
      },
    ]);
  });

  it('flags a stated amount where the items are blank', () => {
    const findings = check('A4', sample, { 'T10/vehicle/generalBudget': '5' });
    expect(findings.map((f) => f.message)).toEqual([
      '表10 公务用车购置及运行费 一般公共预算 填报 5.00 ≠ 按明细项目合计应为 空，相差 5.00',
    ]);
  });

  it('is silent when the stated lines add up (blank stated as blank)', () => {
    expect(
      check('A4', withCars, {
        'T10/vehicle/generalBudget': '5',
        'T10/total/generalBudget': '5.00',
        'T10/vehicle/stateCapital': null,
      }),
    ).toEqual([]);
  });
});

describe('A5 amounts: not negative, two decimals in 万元, integers in 元', () => {
  it('flags a negative typed amount', () => {
    const findings = check('A5', edit(sample, t3('2010301', 'basic'), '-1'));
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A5',
        level: '错误',
        subject: 'T3/2010301',
        message: '表3 2010301 行政运行 基本支出 填写 -1：不能为负数',
        targets: ['T3/2010301/basic'],
      },
    ]);
  });

  it('flags a 万元 amount with more than two decimals', () => {
    const findings = check(
      'A5',
      edit(sample, { collection: 't6', key: '30101-50101', field: 'personnel' }, '165.471'),
    );
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A5',
        level: '错误',
        subject: 'T6/30101-50101',
        message: '表6 30101 基本工资 人员经费 填写 165.471：万元金额最多保留两位小数',
        targets: ['T6/30101-50101/personnel'],
      },
    ]);
  });

  it('flags a 元 amount of a declaration that is not an integer', () => {
    const doc: BudgetDocument = {
      ...sample,
      projects: sample.projects.map((p) =>
        p.id === 'p01' && p.declaration
          ? {
              ...p,
              declaration: {
                ...p.declaration,
                annualFunding: { ...p.declaration.annualFunding, total: '383000.5' },
              },
            }
          : p,
      ),
    };
    expect(check('A5', doc).map(summary)).toEqual([
      {
        rule: 'A5',
        level: '错误',
        subject: 'p01/funding',
        message: '项目“政府机关运行经费”绩效目标申报表 年度资金总额 填写 383000.5：元金额应为整数',
        targets: ['projects.p01.declaration.annualFunding.total (项目“政府机关运行经费”申报表 年度资金总额)'],
      },
    ]);
  });

  it('reports the problems of one row together, each cell named', () => {
    let doc = edit(sample, t3('2010301', 'basic'), '-1');
    doc = edit(doc, t3('2010301', 'project'), '0.001');
    expect(check('A5', doc).map(summary)).toEqual([
      {
        rule: 'A5',
        level: '错误',
        subject: 'T3/2010301',
        message:
          '表3 2010301 行政运行 基本支出 填写 -1：不能为负数；表3 2010301 行政运行 项目支出 填写 0.001：万元金额最多保留两位小数',
        targets: ['T3/2010301/basic', 'T3/2010301/project'],
      },
    ]);
  });

  it('is silent on whole numbers, one or two decimals, zero and blanks', () => {
    let doc = edit(sample, t3('2010301', 'basic'), '199.6');
    doc = edit(doc, t3('2010301', 'project'), '0');
    doc = edit(doc, t3('2010350', 'basic'), '158');
    expect(check('A5', doc)).toEqual([]);
  });
});

describe('A6 表6 人员经费 on 301/303, 公用经费 on 302/310 (提示)', () => {
  it('asks about 公用经费 on a 301 row', () => {
    const findings = check(
      'A6',
      edit(sample, { collection: 't6', key: '30101-50101', field: 'public' }, '1'),
    );
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A6',
        level: '提示',
        subject: '30101-50101/public',
        message:
          '表6 30101 基本工资 公用经费 1.00：公用经费通常只列在 302 商品和服务支出、310 资本性支出，请确认',
        targets: ['T6/30101-50101/public'],
      },
    ]);
  });

  it('asks about 人员经费 on a 302 row', () => {
    const findings = check(
      'A6',
      edit(sample, { collection: 't6', key: '30201-50201', field: 'personnel' }, '2.5'),
    );
    expect(findings.map(summary)).toEqual([
      {
        rule: 'A6',
        level: '提示',
        subject: '30201-50201/personnel',
        message:
          '表6 30201 办公费 人员经费 2.50：人员经费通常只列在 301 工资福利支出、303 对个人和家庭的补助，请确认',
        targets: ['T6/30201-50201/personnel'],
      },
    ]);
  });

  it('is silent on zero in the other column', () => {
    expect(check('A6', edit(sample, { collection: 't6', key: '30101-50101', field: 'public' }, '0'))).toEqual(
      [],
    );
  });
});
