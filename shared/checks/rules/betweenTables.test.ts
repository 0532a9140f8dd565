import { describe, expect, it } from 'vitest';
import { setInput, type InputRef } from '../../document/inputs';
import type { BudgetDocument, EconomicRow, ExpenditureRow, IncomeRow } from '../../document/schema';
import { Decimal } from '../../money';
import { sampleDocument } from '../../sample/sample2024';
import { checkDocument } from '../session';
import type { Finding, Rule, Target } from '../types';
import { RULES } from './index';
import { BETWEEN_TABLE_RULES } from './betweenTables';
import { WITHIN_TABLE_RULES } from './withinTables';

const sample = sampleDocument();

const AB_RULES: readonly Rule[] = [...WITHIN_TABLE_RULES, ...BETWEEN_TABLE_RULES];
const AB_IDS = new Set(AB_RULES.map((r) => r.id));

function rule(id: string): Rule {
  const found = AB_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** The findings of one rule, on a document and (for an import) the amounts its workbook states. */
function check(id: string, doc: BudgetDocument, stated?: Record<string, string>): Finding[] {
  const statedValues = stated
    ? new Map(Object.entries(stated).map(([key, value]) => [key, new Decimal(value)]))
    : undefined;
  return checkDocument(doc, { rules: [rule(id)], ...(statedValues ? { stated: statedValues } : {}) });
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

const t2 = (key: string, field: string): InputRef => ({ collection: 't2', key, field });
const t3 = (key: string, field: 'basic' | 'project'): InputRef => ({ collection: 't3', key, field });
const t6 = (key: string, field: 'personnel' | 'public'): InputRef => ({ collection: 't6', key, field });
const t10 = (key: string, field = 'generalBudget'): InputRef => ({ collection: 't10', key, field });
const t11 = (key: string, field = 'generalBudget'): InputRef => ({ collection: 't11', key, field });
const t12 = (key: string, field = 'generalBudget'): InputRef => ({ collection: 't12', key, field });

function incomeRow(functionCode: string, name: string, amounts: Partial<IncomeRow>): IncomeRow {
  return {
    functionCode,
    name,
    generalBudget: '',
    governmentFund: '',
    stateCapital: '',
    specialAccount: '',
    unitFunds: '',
    carryOver: '',
    ...amounts,
  };
}

function expenditureRow(functionCode: string, name: string, basic: string, project = ''): ExpenditureRow {
  return { functionCode, name, basic, project };
}

function economicRow(departmentCode: string, governmentCode: string, publicExpense: string): EconomicRow {
  return { departmentCode, governmentCode, note: '', personnel: '', public: publicExpense };
}

function withTables(doc: BudgetDocument, tables: Partial<BudgetDocument['tables']>): BudgetDocument {
  return { ...doc, tables: { ...doc.tables, ...tables } };
}

/** 表3 and 表5 with 2101101 / 2101102 as the published document prints them (swapped against 表2). */
function publishedSwap(doc: BudgetDocument, collection: 't3' | 't5'): BudgetDocument {
  const swapped = edit(doc, { collection, key: '2101101', field: 'basic' }, '9.14');
  return edit(swapped, { collection, key: '2101102', field: 'basic' }, '10.96');
}

describe('the sample', () => {
  it('breaks no B rule except the 提示 for the 事业 unit listed in 表11', () => {
    for (const { id } of BETWEEN_TABLE_RULES) {
      const findings = check(id, sample);
      if (id === 'B6') continue;
      expect(findings, id).toEqual([]);
    }
    expect(check('B6', sample).map(summary)).toEqual([
      {
        rule: 'B6',
        level: '提示',
        subject: 'unit/u3',
        message:
          '表11 列有“新绛县人民政府办公室综合保障中心”，它是事业单位（非参公）；机关运行经费只反映行政单位和参公事业单位，请确认',
        targets: ['T11/u3/total'],
      },
    ]);
  });

  it('has, under the whole catalog, exactly that one A/B finding and no 错误', () => {
    const findings = checkDocument(sample, { rules: RULES }).filter((f) => AB_IDS.has(f.rule));
    expect(findings.map((f) => [f.rule, f.level, f.subject])).toEqual([['B6', '提示', 'unit/u3']]);
  });
});

describe('B1 表1 = 表2 income lines and 表3 类', () => {
  it('flags a 表3 类 outside the year’s 30 (表1 cannot show it)', () => {
    const doc = withTables(sample, {
      t3: { rows: [...sample.tables.t3.rows, expenditureRow('2990101', '其他支出', '1')] },
    });
    const findings = check('B1', doc);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding?.level).toBe('错误');
    expect(finding?.subject).toBe('T1/expenditure');
    expect(finding?.message).toMatch(
      /^表1 \S*支出\S* 2024年合计 621\.43 ≠ 表3 合计 合计 622\.43，相差 1\.00：表3 有不属于本年 30 个“类”的科目$/,
    );
    expect(where(finding?.targets ?? [])).toEqual(['T1/expenditure:subtotal/total', 'T3/total/total']);
  });

  it('leaves a wrongly stated 本年支出合计 to A3: no 类 is outside the 30', () => {
    const stated = { 'T1/expenditure:subtotal/total': '600' };
    expect(check('B1', sample, stated)).toEqual([]);
    expect(check('A3', sample, stated).map((f) => f.message)).toEqual([
      '表1 本年支出合计 2024年合计 填报 600.00 ≠ 按本表各行计算应为 621.43，相差 21.43',
    ]);
  });

  it('flags a stated 表1 类 that is not 表3’s, naming both cells', () => {
    expect(check('B1', sample, { 'T1/expenditure:201/total': '500' }).map(summary)).toEqual([
      {
        rule: 'B1',
        level: '错误',
        subject: 'T1/expenditure:201/total',
        message: '表1 201 一般公共服务支出 2024年合计 填报 500.00 ≠ 按表2、表3 应为 497.55，相差 2.45',
        targets: ['T1/expenditure:201/total', 'T3/201/total'],
      },
    ]);
  });

  it('flags a stated 表1 income line that is not 表2’s column total', () => {
    expect(check('B1', sample, { 'T1/income:generalBudget/income': '600' }).map(summary)).toEqual([
      {
        rule: 'B1',
        level: '错误',
        subject: 'T1/income:generalBudget/income',
        message: '表1 一般公共预算 2024年 填报 600.00 ≠ 按表2、表3 应为 621.43，相差 21.43',
        targets: ['T1/income:generalBudget/income', 'T2/total/generalBudget'],
      },
    ]);
  });

  it('is silent when the stated lines are 表2’s and 表3’s', () => {
    expect(
      check('B1', sample, {
        'T1/expenditure:201/total': '497.55',
        'T1/income:generalBudget/income': '621.430',
      }),
    ).toEqual([]);
  });

  it('does not fire for a 表3 edit: 表1’s 类 follow 表3 (the imbalance is A3’s)', () => {
    expect(check('B1', edit(sample, t3('2010301', 'basic'), '200.65'))).toEqual([]);
  });
});

describe('B2 表2 本年收入合计 + 上年结转 = 表3 合计, per 功能 科目', () => {
  it('flags the published document’s swapped 医疗 rows, each with both sides’ cells', () => {
    expect(check('B2', publishedSwap(sample, 't3')).map(summary)).toEqual([
      {
        rule: 'B2',
        level: '错误',
        subject: '2101101',
        message: '表3 2101101 行政单位医疗 合计 9.14 ≠ 表2 同科目 本年收入+上年结转 10.96，相差 1.82',
        targets: ['T3/2101101/total', 'T2/2101101/currentTotal', 'T2/2101101/carryOver'],
      },
      {
        rule: 'B2',
        level: '错误',
        subject: '2101102',
        message: '表3 2101102 事业单位医疗 合计 10.96 ≠ 表2 同科目 本年收入+上年结转 9.14，相差 1.82',
        targets: ['T3/2101102/total', 'T2/2101102/currentTotal', 'T2/2101102/carryOver'],
      },
    ]);
  });

  it('flags a code that only one of the two tables lists', () => {
    const onlyT3 = withTables(sample, {
      t3: { rows: [...sample.tables.t3.rows, expenditureRow('2010308', '信访事务', '5')] },
    });
    expect(check('B2', onlyT3).map(summary)).toEqual([
      {
        rule: 'B2',
        level: '错误',
        subject: '2010308',
        message: '表3 2010308 信访事务 合计 5.00 ≠ 表2 未列科目 2010308 空，相差 5.00',
        targets: ['T3/2010308/total'],
      },
    ]);
    const onlyT2 = withTables(sample, {
      t2: { rows: [...sample.tables.t2.rows, incomeRow('2010308', '信访事务', { unitFunds: '5' })] },
    });
    expect(check('B2', onlyT2).map(summary)).toEqual([
      {
        rule: 'B2',
        level: '错误',
        subject: '2010308',
        message: '表3 未列科目 2010308 空 ≠ 表2 2010308 信访事务 本年收入+上年结转 5.00，相差 5.00',
        targets: ['T2/2010308/currentTotal', 'T2/2010308/carryOver'],
      },
    ]);
  });

  it('counts 上年结转 with the income, and any source', () => {
    let doc = edit(sample, t2('2010301', 'carryOver'), '10');
    doc = edit(doc, t2('2010301', 'unitFunds'), '0.5');
    doc = edit(doc, t3('2010301', 'basic'), '210.15');
    expect(check('B2', doc)).toEqual([]);
  });

  it('treats less than 0.005 万元 as agreement', () => {
    expect(check('B2', edit(sample, t3('2101101', 'basic'), '10.9551'))).toEqual([]);
    expect(check('B2', edit(sample, t3('2101101', 'basic'), '10.9649'))).toEqual([]);
    const apart = check('B2', edit(sample, t3('2101101', 'basic'), '10.965'));
    expect(apart.map((f) => [f.level, f.message])).toEqual([
      [
        '提示',
        '表3 2101101 行政单位医疗 合计 10.97 ≠ 表2 同科目 本年收入+上年结转 10.96，相差 0.01（差额仅因四舍五入，请核对小数位）',
      ],
    ]);
  });
});

describe('B3 表5 / 表8 / 表9 = the fund columns of 表2; 表4 by 类', () => {
  it('flags 表5 against 表2 一般公共预算, row by row', () => {
    expect(check('B3', publishedSwap(sample, 't5')).map(summary)).toEqual([
      {
        rule: 'B3',
        level: '错误',
        subject: 'T5/2101101',
        message: '表5 2101101 行政单位医疗 合计 9.14 ≠ 表2 同科目 一般公共预算 10.96，相差 1.82',
        targets: ['T5/2101101/total', 'T2/2101101/generalBudget'],
      },
      {
        rule: 'B3',
        level: '错误',
        subject: 'T5/2101102',
        message: '表5 2101102 事业单位医疗 合计 10.96 ≠ 表2 同科目 一般公共预算 9.14，相差 1.82',
        targets: ['T5/2101102/total', 'T2/2101102/generalBudget'],
      },
    ]);
  });

  it('flags 表2 政府性基金预算 income that 表8 does not list', () => {
    expect(check('B3', edit(sample, t2('2010301', 'governmentFund'), '1')).map(summary)).toEqual([
      {
        rule: 'B3',
        level: '错误',
        subject: 'T8/2010301',
        message: '表8 未列科目 2010301 空 ≠ 表2 2010301 行政运行 政府性基金预算 1.00，相差 1.00',
        targets: ['T2/2010301/governmentFund'],
      },
    ]);
  });

  it('is silent when 表8 / 表9 spend what 表2 funds, and flags 表9 when they differ', () => {
    let doc = edit(sample, t2('2010301', 'governmentFund'), '1');
    doc = edit(doc, t2('2010301', 'stateCapital'), '2');
    doc = withTables(doc, {
      t8: { rows: [expenditureRow('2010301', '行政运行', '1')] },
      t9: { incomeRows: [], rows: [expenditureRow('2010301', '行政运行', '0.5', '1.5')] },
    });
    expect(check('B3', doc)).toEqual([]);
    const short = edit(doc, { collection: 't9', key: '2010301', field: 'project' }, '1');
    expect(check('B3', short).map(summary)).toEqual([
      {
        rule: 'B3',
        level: '错误',
        subject: 'T9/2010301',
        message: '表9 2010301 行政运行 合计 1.50 ≠ 表2 同科目 国有资本经营预算 2.00，相差 0.50',
        targets: ['T9/expenditure:2010301/total', 'T2/2010301/stateCapital'],
      },
    ]);
  });

  it('flags a typed 表7 against 表2 政府性基金预算', () => {
    const doc = withTables(sample, {
      t7: { source: 'typed', rows: [{ functionCode: '2010301', name: '行政运行', amount: '2' }] },
    });
    expect(check('B3', doc).map(summary)).toEqual([
      {
        rule: 'B3',
        level: '错误',
        subject: 'T7/2010301',
        message: '表7 2010301 行政运行 政府性基金收入预算 2.00 ≠ 表2 同科目 政府性基金预算 空，相差 2.00',
        targets: ['T7/2010301/amount', 'T2/2010301/governmentFund'],
      },
    ]);
  });

  it('flags a stated 表4 类 that is not 表5’s (plus carry-over), naming both', () => {
    expect(check('B3', sample, { 'T4/expenditure:201/generalBudget': '500' }).map(summary)).toEqual([
      {
        rule: 'B3',
        level: '错误',
        subject: 'T4/expenditure:201/generalBudget',
        message:
          '表4 201 一般公共服务支出 一般公共预算 填报 500.00 ≠ 按表5、表8、表9 及上年结转应为 497.55，相差 2.45',
        targets: ['T4/expenditure:201/generalBudget', 'T5/201/total'],
      },
    ]);
    expect(check('B3', sample, { 'T4/expenditure:201/generalBudget': '497.55' })).toEqual([]);
  });
});

describe('B4 表5 基本支出 合计 = 表6 合计', () => {
  it('flags a 表6 that does not add up to 表5’s 基本支出', () => {
    expect(check('B4', edit(sample, t6('30101-50101', 'personnel'), '166.47')).map(summary)).toEqual([
      {
        rule: 'B4',
        level: '错误',
        subject: 'T5/T6',
        message: '表5 合计 基本支出 481.68 ≠ 表6 合计 合计 482.68，相差 1.00',
        targets: ['T5/total/basic', 'T6/total/total'],
      },
    ]);
  });

  it('treats less than 0.005 万元 as agreement, and a rounding-only cent as a 提示', () => {
    expect(check('B4', edit(sample, t6('30101-50101', 'personnel'), '165.474'))).toEqual([]);
    const rounding = check('B4', edit(sample, t6('30101-50101', 'personnel'), '165.475'));
    expect(rounding.map((f) => [f.level, f.message])).toEqual([
      [
        '提示',
        '表5 合计 基本支出 481.68 ≠ 表6 合计 合计 481.69，相差 0.01（差额仅因四舍五入，请核对小数位）',
      ],
    ]);
    const cent = check('B4', edit(sample, t6('30101-50101', 'personnel'), '165.48'));
    expect(cent.map((f) => [f.level, f.message])).toEqual([
      ['错误', '表5 合计 基本支出 481.68 ≠ 表6 合计 合计 481.69，相差 0.01'],
    ]);
  });
});

describe('B5 项目支出: 表3 = 表12 + 表13; 表5/8/9 = 表12 by fund; per 功能科目', () => {
  it('flags a 表12 change in the totals, its fund table and its project’s code', () => {
    expect(check('B5', edit(sample, t12('p01'), '39.30')).map(summary)).toEqual([
      {
        rule: 'B5',
        level: '错误',
        subject: 'T3',
        message: '表3 合计 项目支出 139.75 ≠ 表12 合计 + 表13 合计 140.75，相差 1.00',
        targets: ['T3/total/project', 'T12/total/total', 'T13/total/total'],
      },
      {
        rule: 'B5',
        level: '错误',
        subject: 'T5',
        message: '表5 合计 项目支出 139.75 ≠ 表12 合计 一般公共预算 140.75，相差 1.00',
        targets: ['T5/total/project', 'T12/total/generalBudget'],
      },
      {
        rule: 'B5',
        level: '错误',
        subject: 'code/2010302',
        message:
          '表3 2010302 一般行政管理事务 项目支出 102.75 ≠ 功能科目为 2010302 一般行政管理事务 的 9 个项目（表12 + 表13） 103.75，相差 1.00',
        targets: [
          'T3/2010302/project',
          ...['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p09', 'p10'].map((p) => `T12/${p}/total`),
        ],
      },
    ]);
  });

  it('flags 表8 and 表9 项目支出 against the 表12 fund columns', () => {
    const findings = check(
      'B5',
      edit(edit(sample, t12('p08', 'governmentFund'), '1'), t12('p08', 'stateCapital'), '2'),
    );
    expect(findings.filter((f) => f.subject === 'T8' || f.subject === 'T9').map(summary)).toEqual([
      {
        rule: 'B5',
        level: '错误',
        subject: 'T8',
        message: '表8 合计 项目支出 空 ≠ 表12 合计 政府性基金预算 1.00，相差 1.00',
        targets: ['T8/total/project', 'T12/total/governmentFund'],
      },
      {
        rule: 'B5',
        level: '错误',
        subject: 'T9',
        message: '表9 支出合计 项目支出 空 ≠ 表12 合计 国有资本经营预算 2.00，相差 2.00',
        targets: ['T9/expenditure:total/project', 'T12/total/stateCapital'],
      },
    ]);
  });

  it('flags a project under the wrong 功能科目 on both codes, while the totals agree', () => {
    const doc: BudgetDocument = {
      ...sample,
      projects: sample.projects.map((p) => (p.id === 'p08' ? { ...p, functionCode: '2010302' } : p)),
    };
    expect(check('B5', doc).map((f) => [f.subject, f.message])).toEqual([
      [
        'code/2010302',
        '表3 2010302 一般行政管理事务 项目支出 102.75 ≠ 功能科目为 2010302 一般行政管理事务 的 10 个项目（表12 + 表13） 104.75，相差 2.00',
      ],
      [
        'code/2012505',
        '表3 2012505 台湾事务 项目支出 2.00 ≠ 功能科目为 2012505 台湾事务 的 0 个项目（表12 + 表13） 空，相差 2.00',
      ],
    ]);
  });

  it('counts 表13 carry-over projects in 表3 项目支出', () => {
    let doc: BudgetDocument = {
      ...sample,
      projects: sample.projects.map((p) =>
        p.id === 'p04'
          ? { ...p, carryOver: { generalBudget: '3', governmentFund: '', stateCapital: '' } }
          : p,
      ),
    };
    expect(check('B5', doc).map((f) => f.subject)).toEqual(['T3', 'code/2010302']);
    doc = edit(doc, t3('2010302', 'project'), '105.75');
    expect(check('B5', doc)).toEqual([]);
  });

  it('asks for the 功能科目 of projects without one (提示) instead of checking per code', () => {
    const doc: BudgetDocument = {
      ...sample,
      projects: sample.projects.map((p) => (p.id === 'p08' ? { ...p, functionCode: '' } : p)),
    };
    expect(check('B5', edit(doc, t3('2012505', 'project'), '3')).map(summary)).toEqual([
      {
        rule: 'B5',
        level: '错误',
        subject: 'T3',
        message: '表3 合计 项目支出 140.75 ≠ 表12 合计 + 表13 合计 139.75，相差 1.00',
        targets: ['T3/total/project', 'T12/total/total', 'T13/total/total'],
      },
      {
        rule: 'B5',
        level: '提示',
        subject: 'uncoded',
        message: '1 个项目未填功能科目（“对台工作经费”），无法按科目核对表3 项目支出与表12、表13',
        targets: ['projects.p08.functionCode (项目“对台工作经费”的功能科目)'],
      },
    ]);
  });
});

describe('B6 表11 机关运行经费 ≤ 表6 公用经费; only 行政 and 参公 units', () => {
  it('flags 表11 above 表6 公用经费 as an 错误', () => {
    expect(
      check('B6', edit(sample, t11('u1'), '23.59'))
        .filter((f) => f.subject === 'T11/T6')
        .map(summary),
    ).toEqual([
      {
        rule: 'B6',
        level: '错误',
        subject: 'T11/T6',
        message:
          '表11 部门合计 合计 31.41 > 表6 合计 公用经费 30.41，超出 1.00：机关运行经费是基本支出中的公用经费，不能超过它',
        targets: ['T11/total/total', 'T6/total/public'],
      },
    ]);
  });

  it('asks (提示) when 表11 is below 表6 公用经费', () => {
    expect(
      check('B6', edit(sample, t11('u1'), '21.59'))
        .filter((f) => f.subject === 'T11/T6')
        .map(summary),
    ).toEqual([
      {
        rule: 'B6',
        level: '提示',
        subject: 'T11/T6',
        message:
          '表11 部门合计 合计 29.41 ≠ 表6 合计 公用经费 30.41，相差 1.00：请确认差额是否为事业单位的公用经费',
        targets: ['T11/total/total', 'T6/total/public'],
      },
    ]);
  });

  it('makes an excess that comes only from rounding a 提示, and a real cent an 错误', () => {
    const rounding = check('B6', edit(sample, t11('u1'), '22.595')).filter((f) => f.subject === 'T11/T6');
    expect(rounding.map((f) => [f.level, f.message])).toEqual([
      [
        '提示',
        '表11 部门合计 合计 30.42 > 表6 合计 公用经费 30.41，超出 0.01（差额仅因四舍五入，请核对小数位）',
      ],
    ]);
    const cent = check('B6', edit(sample, t11('u1'), '22.60')).filter((f) => f.subject === 'T11/T6');
    expect(cent.map((f) => f.level)).toEqual(['错误']);
  });

  it('is silent when equal within 0.005, and with only 行政 / 参公 units in 表11', () => {
    const doc: BudgetDocument = {
      ...edit(sample, t11('u1'), '22.594'),
      units: sample.units.map((u) => (u.id === 'u3' ? { ...u, type: '参公事业' as const } : u)),
    };
    expect(check('B6', doc)).toEqual([]);
    expect(check('B6', edit(doc, t11('u1'), '22.586'))).toEqual([]);
  });
});

describe('B7 表10 “三公” against 表6 (提示)', () => {
  it('asks when 表10 has an item that 表6 has no 款 for', () => {
    expect(check('B7', edit(sample, t10('travelAbroad'), '1')).map(summary)).toEqual([
      {
        rule: 'B7',
        level: '提示',
        subject: 'travelAbroad',
        message:
          '表10 因公出国（境）费用 1.00，表6 无 30212 因公出国（境）费用：请确认是否全部在项目支出中安排',
        targets: ['T10/travelAbroad/total'],
      },
    ]);
  });

  it('asks when 表6 has the 款 and 表10 is blank, naming both cells', () => {
    const doc = withTables(sample, {
      t6: { rows: [...sample.tables.t6.rows, economicRow('30217', '50206', '2')] },
    });
    expect(check('B7', doc).map(summary)).toEqual([
      {
        rule: 'B7',
        level: '提示',
        subject: 'reception',
        message: '表6 30217 公务接待费 2.00，表10 公务接待费 为空：“三公”经费应在表10 反映',
        targets: ['T10/reception/total', 'T6/30217-50206/total'],
      },
    ]);
    expect(check('B7', edit(doc, t10('reception'), '2'))).toEqual([]);
  });

  it('asks about 公务用车运行维护费 when the department reports no vehicles', () => {
    let doc = withTables(sample, {
      t6: { rows: [...sample.tables.t6.rows, economicRow('30231', '50208', '2')] },
    });
    doc = edit(doc, t10('vehicleOperation'), '2');
    expect(check('B7', doc)).toEqual([]); // 实有 1 辆
    const none = {
      ...doc,
      narrative: { ...doc.narrative, assets: { ...doc.narrative.assets, vehicleActual: '0' } },
    };
    expect(check('B7', none).map(summary)).toEqual([
      {
        rule: 'B7',
        level: '提示',
        subject: 'vehicles',
        message: '表10 公务用车运行维护费 2.00，但国有资产情况中实有公务用车 0 辆，请确认',
        targets: ['T10/vehicleOperation/total', 'narrative.assets.vehicleActual (国有资产 实有公务用车)'],
      },
    ]);
  });
});

describe('B8 one 功能 科目, one name, from the year’s catalog', () => {
  it('flags a code the catalog does not know (错误)', () => {
    const doc = withTables(sample, {
      t2: { rows: [...sample.tables.t2.rows, incomeRow('2990101', '自编科目', { generalBudget: '1' })] },
    });
    expect(check('B8', doc).map(summary)).toEqual([
      {
        rule: 'B8',
        level: '错误',
        subject: 't2/2990101/unknown-code',
        message: '表2 科目 2990101“自编科目”不在2024年支出功能分类中',
        targets: ['T2/2990101/name'],
      },
    ]);
  });

  it('flags a name that differs from the catalog and from the other tables (提示)', () => {
    const doc = withTables(sample, {
      t3: {
        rows: sample.tables.t3.rows.map((r) =>
          r.functionCode === '2101101' ? { ...r, name: '行政单位医疗费' } : r,
        ),
      },
    });
    expect(check('B8', doc).map(summary)).toEqual([
      {
        rule: 'B8',
        level: '提示',
        subject: 't3/2101101/other-name',
        message: '表3 科目 2101101 名为“行政单位医疗费”，2024年支出功能分类中为“行政单位医疗”',
        targets: ['T3/2101101/name'],
      },
      {
        rule: 'B8',
        level: '提示',
        subject: '2101101/names',
        message: '科目 2101101 在各表名称不一：表2、表5作“行政单位医疗”，表3作“行政单位医疗费”',
        targets: ['T2/2101101/name', 'T5/2101101/name', 'T3/2101101/name'],
      },
    ]);
  });

  it('flags unknown codes of projects and of 表6', () => {
    let doc: BudgetDocument = {
      ...sample,
      projects: sample.projects.map((p) => (p.id === 'p08' ? { ...p, functionCode: '2990101' } : p)),
    };
    doc = withTables(doc, { t6: { rows: [...doc.tables.t6.rows, economicRow('30298', '50201', '')] } });
    expect(check('B8', doc).map((f) => [f.level, f.message, where(f.targets)])).toEqual([
      [
        '错误',
        '项目“对台工作经费”的功能科目 2990101 不在2024年支出功能分类中',
        ['projects (项目功能科目 2990101)'],
      ],
      ['错误', '表6 部门预算支出经济科目 30298 不在2024年经济分类中', ['tables.t6 (表6 科目 30298)']],
    ]);
  });
});
