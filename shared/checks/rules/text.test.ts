import { describe, expect, it } from 'vitest';
import { RULES } from './index';
import { catalogFor } from '../../catalogs';
import { setInput } from '../../document/inputs';
import type { BudgetDocument, Narrative } from '../../document/schema';
import { FORM_DEFINITIONS } from '../../forms/definitions';
import { formsOf } from '../../forms/engine';
import { cellKey } from '../../forms/types';
import { Decimal } from '../../money';
import { generateNarrative } from '../../narrative';
import { generateDocument } from '../../sample/generate';
import { sampleDocument } from '../../sample/sample2024';
import { checkDocument, CheckSession } from '../session';
import type { CheckContext, Finding, Rule, Target } from '../types';
import { FUND_WORDS, isStockPhrase, TEXT_RULES } from './text';

const sample = sampleDocument();

function rule(id: string): Rule {
  const found = TEXT_RULES.find((r) => r.id === id);
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

/** Targets as `T3/201/basic` (cells) or `path (label)` (other places). */
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

function bySubject(findings: readonly Finding[], subject: string) {
  const found = findings.find((f) => f.subject === subject);
  if (!found) throw new Error(`no finding ${subject} among ${findings.map((f) => f.subject).join(', ')}`);
  return summary(found);
}

/** Where the goal added last to p03's 年度目标 is. */
function declarationGoalIndex(doc: BudgetDocument): number {
  const goals = doc.projects.find((p) => p.id === 'p03')?.declaration?.annualGoals ?? [];
  return goals.length - 1;
}

function withNarrative(doc: BudgetDocument, patch: (n: Narrative) => Partial<Narrative>): BudgetDocument {
  return { ...doc, narrative: { ...doc.narrative, ...patch(doc.narrative) } };
}

function withReasons(doc: BudgetDocument, reasons: Partial<Narrative['reasons']>): BudgetDocument {
  return withNarrative(doc, (n) => ({ reasons: { ...n.reasons, ...reasons } }));
}

function withLastYear(doc: BudgetDocument, lastYear: Partial<Narrative['lastYear']>): BudgetDocument {
  return withNarrative(doc, (n) => ({ lastYear: { ...n.lastYear, ...lastYear } }));
}

function withAssets(doc: BudgetDocument, assets: Partial<Narrative['assets']>): BudgetDocument {
  return withNarrative(doc, (n) => ({ assets: { ...n.assets, ...assets } }));
}

/** What the checker sees of a document in the app (no stated values). */
function contextOf(doc: BudgetDocument, statedCells: CheckContext['statedCells'] = []): CheckContext {
  const forms = formsOf(doc);
  return {
    doc,
    catalog: catalogFor(doc.year),
    forms,
    value: (ref) => forms.value(ref),
    computed: (ref) => forms.value(ref),
    statedCells,
    describe: (ref) => forms.describe(ref),
  };
}

describe('the sample', () => {
  it('gives exactly one C finding: the 提示 that 实有 1 car exceeds 编制 0 (true: choice 10 of the sample)', () => {
    expect(checkDocument(sample, { rules: TEXT_RULES }).map(summary)).toEqual([
      {
        rule: 'C7',
        level: '提示',
        subject: 'quota',
        message:
          '情况说明十一 公务用车编制 0 辆，实有 1 辆，超出编制 1 辆：请核实，或说明原因（如待处置的车辆）',
        targets: [
          'narrative.assets.vehicleQuota (情况说明十一 公务用车编制)',
          'narrative.assets.vehicleActual (情况说明十一 实有公务用车)',
        ],
      },
    ]);
  });

  it('and a generated department’s budget (三公, 政府性基金, 上年结转, all declared) gives none', () => {
    expect(checkDocument(generateDocument({ scale: 1, seed: 1 }), { rules: TEXT_RULES })).toEqual([]);
  });

  it('every C rule is family C', () => {
    expect(TEXT_RULES.map((r) => [r.id, r.family])).toEqual(
      ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9'].map((id) => [id, 'C']),
    );
  });
});

describe('C1 the narrative’s figures, changes and shares equal the data', () => {
  it('makes no checks in the app, where the narrative is written from the tables', () => {
    expect([...rule('C1').checks(contextOf(sample))]).toEqual([]);
    expect([...rule('C6').checks(contextOf(sample))]).toEqual([]);
  });

  it('reads every cell the generated figures come from (so that an edit of one re-runs the check)', () => {
    const documents = [
      sample,
      generateDocument({ scale: 1, seed: 1 }),
      withLastYear(sample, { totalIncome: '', operatingExpenses: '0' }),
    ];
    for (const doc of documents) {
      const reads = new Map<string, Set<string>>();
      // C1 compares with stated values: an imported workbook's (one stated cell is enough here).
      const imported = contextOf(doc, [{ form: 'T1', row: 'income:total', column: 'income' }]);
      for (const check of rule('C1').checks(imported)) {
        const cells = check.reads.flatMap((expr) => (expr.op === 'cell' ? [cellKey(expr.cell)] : []));
        reads.set(check.subject, new Set(cells));
      }
      for (const section of generateNarrative(doc)) {
        for (const block of section.blocks) {
          if (block.kind !== 'paragraph') continue;
          for (const segment of block.segments) {
            if (segment.kind !== 'figure' || segment.source === null || !('form' in segment.source)) continue;
            expect(reads.get(`figures/${section.key}`)?.has(cellKey(segment.source)), section.key).toBe(true);
          }
        }
      }
    }
  });

  it('compares each figure with the table an imported workbook states, and the change and its words', () => {
    const findings = check('C1', sample, { 'T1/income:total/income': '700' });
    expect(findings.map((f) => f.subject)).toEqual([
      'figures/changes',
      'figures/income',
      'change/totalIncome',
    ]);
    // The cell's own words (表1 收入总计 …) are the forms' describe(); the rest is C1's.
    const { message: figures, ...figuresFinding } = bySubject(findings, 'figures/changes');
    expect(figuresFinding).toEqual({
      rule: 'C1',
      level: '错误',
      subject: 'figures/changes',
      targets: ['T1/income:total/income', 'narrative.sections.changes (情况说明一)'],
    });
    expect(figures).toMatch(
      /^情况说明一的数字与表格不符：写“2024年度本部门预算收入总计621\.43万元”，表1 .+ 为 700\.00$/,
    );
    const { message: change, ...changeFinding } = bySubject(findings, 'change/totalIncome');
    expect(changeFinding).toEqual({
      rule: 'C1',
      level: '错误',
      subject: 'change/totalIncome',
      targets: ['T1/income:total/income', 'narrative.lastYear.totalIncome (情况说明一 上年预算收入总计)'],
    });
    expect(change).toMatch(
      /^情况说明一 预算收入总计写“比上年减少59\.12万元，下降9%”，按表1 .+ 700\.00 与上年 680\.55 应为“比上年增加19\.45万元，增长3%”/,
    );
  });

  it('divides the change rate by last year’s figure: 5.63 ÷ 34.37 is 16% (÷ 40.00 would be 14%)', () => {
    const findings = check('C1', sample, { 'T11/total/total': '40' });
    expect(bySubject(findings, 'change/operatingExpenses').message).toMatch(
      /^情况说明八 机关运行经费写“比2023年减少3\.96万元，下降12%”，按表11 .+ 40\.00 与上年 34\.37 应为“比2023年增加5\.63万元，增长16%”/,
    );
  });

  it('checks that the shares of one whole are each part ÷ the whole and add up to 100', () => {
    const findings = check('C1', sample, { 'T3/total/basic': '139.75' });
    expect(bySubject(findings, 'shares/expenditure')).toEqual({
      rule: 'C1',
      level: '错误',
      subject: 'shares/expenditure',
      message:
        '情况说明三的占比与数据不符：基本支出写占78%，按表3 合计 基本支出 139.75 ÷ 279.50 应为 50.00%；项目支出写占22%，按表3 合计 项目支出 139.75 ÷ 279.50 应为 50.00%',
      targets: ['T3/total/basic', 'T3/total/project', 'narrative.sections.expenditure (情况说明三)'],
    });
  });

  it('is silent on the app’s own figures: a flat change, last year 0, a change under 1%', () => {
    for (const doc of [
      sample,
      withLastYear(sample, { totalIncome: '621.43', generalBudgetExpenditure: '0' }),
      withLastYear(sample, { operatingExpenses: '30.40' }),
      withLastYear(sample, { totalIncome: '', totalExpenditure: '' }),
      generateDocument({ scale: 1, seed: 1 }),
    ]) {
      expect(check('C1', doc)).toEqual([]);
    }
    const text = generateNarrative(withLastYear(sample, { operatingExpenses: '30.40' }))
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === 'paragraph' ? b.segments : []))
      .map((s) => s.text)
      .join('');
    expect(text).toContain('比2023年增加0.01万元，增长不足1%');
  });
});

describe('C2 a change needs a reason', () => {
  it('asks for a missing reason (提示), a 三公 item’s as 错误, a stock phrase and blank last-year figures', () => {
    let doc = withReasons(sample, { total: '', operatingExpenses: '工作需要。' });
    doc = setInput(doc, { collection: 't10', key: 'reception', field: 'generalBudget' }, '3');
    doc = withLastYear(doc, {
      totalIncome: '',
      threePublic: { ...doc.narrative.lastYear.threePublic, reception: '1' },
    });
    expect(check('C2', doc).map(summary)).toEqual([
      {
        rule: 'C2',
        level: '错误',
        subject: 'reasons.reception',
        message:
          '情况说明七 公务接待费比上年增加2.00万元，增长200%，未填写公务接待费增减变动的原因：“三公”经费的增减必须说明原因',
        targets: ['narrative.reasons.reception (情况说明七 公务接待费增减变动的原因)', 'T10/reception/total'],
      },
      {
        rule: 'C2',
        level: '提示',
        subject: 'reasons.total',
        message: '情况说明一 预算支出总计比上年减少59.12万元，下降9%，未填写收支增减变动的主要原因',
        targets: [
          'narrative.reasons.total (情况说明一 收支增减变动的主要原因)',
          'T1/expenditure:total/total',
        ],
      },
      {
        rule: 'C2',
        level: '提示',
        subject: 'reasons.operatingExpenses',
        message:
          '情况说明八 机关运行经费的增减原因“工作需要”是套话，没有说明具体原因：请写明增减的具体因素（如人员、项目、政策的变化）',
        targets: ['narrative.reasons.operatingExpenses (情况说明八 机关运行经费的增减原因)'],
      },
      {
        rule: 'C2',
        level: '提示',
        subject: 'lastYear',
        message: '上年数未填，无法说明增减：上年预算收入总计（情况说明一）',
        targets: ['narrative.lastYear.totalIncome (情况说明一 上年预算收入总计)'],
      },
    ]);
  });

  it('a missing 三公 total reason is 错误 too', () => {
    let doc = setInput(sample, { collection: 't10', key: 'reception', field: 'generalBudget' }, '3');
    doc = withReasons(doc, { threePublic: '', reception: '接待任务增加' });
    expect(check('C2', doc).map((f) => [f.subject, f.level, f.message])).toEqual([
      [
        'reasons.threePublic',
        '错误',
        '情况说明七 “三公”经费比上年增加3.00万元，未填写“三公”经费增减变动的主要原因：“三公”经费的增减必须说明原因',
      ],
    ]);
  });

  it('is silent on the sample, on an unchanged figure without a reason, and on a stock phrase nobody prints', () => {
    expect(check('C2', sample)).toEqual([]);
    const flat = withReasons(withLastYear(sample, { operatingExpenses: '30.41' }), { operatingExpenses: '' });
    expect(check('C2', flat)).toEqual([]);
    // With no 三公 at all the item sentences (and their reasons) are not printed.
    expect(check('C2', withReasons(sample, { reception: '无' }))).toEqual([]);
  });

  it('knows a stock phrase from a reason', () => {
    for (const stock of [
      '无',
      '略',
      '正常增长',
      '工作需要。',
      '根据实际情况',
      '按规定',
      '主要原因是工作需要',
      '/',
      '根据实际情况和工作需要',
    ]) {
      expect(isStockPhrase(stock), stock).toBe(true);
    }
    for (const reason of [
      '',
      '有人员调出、退休，工会经费、福利费等人头费用减少',
      '按规定更新执法车辆',
      '无公务用车购置计划',
    ]) {
      expect(isStockPhrase(reason), reason).toBe(false);
    }
  });

  it('appears and disappears with a reason edited in a session exactly as a fresh check finds it', () => {
    const session = new CheckSession(sample, { rules: TEXT_RULES });
    const cleared = withReasons(sample, { total: '' });
    session.update(cleared, { kind: 'areas', areas: ['narrative'] });
    expect(session.findings()).toEqual(checkDocument(cleared, { rules: TEXT_RULES }));
    expect(session.findings().map((f) => [f.rule, f.subject])).toEqual([
      ['C2', 'reasons.total'],
      ['C7', 'quota'],
    ]);
    const stock = withReasons(sample, { total: '正常减少' });
    session.update(stock, { kind: 'areas', areas: ['narrative'] });
    expect(session.findings()).toEqual(checkDocument(stock, { rules: TEXT_RULES }));
    expect(session.findings().map((f) => [f.rule, f.subject])).toEqual([
      ['C2', 'reasons.total'],
      ['C7', 'quota'],
    ]);
    const restored = withReasons(stock, { total: sample.narrative.reasons.total });
    session.update(restored, { kind: 'areas', areas: ['narrative'] });
    expect(session.findings()).toEqual(checkDocument(restored, { rules: TEXT_RULES }));
    expect(session.findings().map((f) => f.rule)).toEqual(['C7']);
  });
});

describe('the C checks in a session', () => {
  it('follow a typed amount (they read the cells the narrative’s figures and reasons depend on)', () => {
    const session = new CheckSession(sample, { rules: TEXT_RULES });
    const reception = { collection: 't10', key: 'reception', field: 'generalBudget' } as const;
    let doc = sample;
    for (const value of ['3', '']) {
      doc = setInput(doc, reception, value);
      session.update(doc, { kind: 'input', input: reception });
      expect(session.findings()).toEqual(checkDocument(doc, { rules: TEXT_RULES }));
      expect(session.findings().map((f) => [f.rule, f.subject])).toEqual(
        value === ''
          ? [['C7', 'quota']]
          : [
              ['C2', 'reasons.reception'],
              ['C4', 'T10'],
              ['C7', 'quota'],
            ],
      );
    }
  });
});

describe('C3 no template text where a person types', () => {
  it('flags each field (or list, or declaration) with the words left and a target to each text', () => {
    const p03 = sample.projects.find((p) => p.id === 'p03');
    if (!p03?.declaration) throw new Error('p03 has a declaration');
    const declaration = {
      ...p03.declaration,
      summary: '保障xx网站正常运行',
      annualIndicators: p03.declaration.annualIndicators.map((indicator, index) =>
        index === 1 ? { ...indicator, name: '指标2：' } : indicator,
      ),
    };
    const doc: BudgetDocument = {
      ...withReasons(sample, { total: '收支增加（减少）的主要原因是……' }),
      department: { ...sample.department, name: '××县人民政府办公室' },
      overview: {
        responsibilities: sample.overview.responsibilities.map((text, index) =>
          index === 3 ? '（四）.....' : text,
        ),
        organization: '新绛县人民政府办公室下属XX个事业单位。',
      },
      emptyTableNotes: { ...sample.emptyTableNotes, T7: '待填写' },
      glossary: [{ term: '基本支出', definition: '（此处请填写名词解释）' }],
      projects: sample.projects.map((p) => (p.id === 'p03' ? { ...p, declaration } : p)),
    };
    expect(check('C3', doc).map(summary)).toEqual([
      {
        rule: 'C3',
        level: '错误',
        subject: 'department.name',
        message: '部门名称留有模板文字“××”（××县人民政府办公室）：请改为实际内容',
        targets: ['department.name (部门名称)'],
      },
      {
        rule: 'C3',
        level: '错误',
        subject: 'overview.responsibilities',
        message: '第一部分 概况 主要职能第4条留有模板文字“.....”（（四）.....）：请改为实际内容',
        targets: ['overview.responsibilities.3 (第一部分 概况 主要职能第4条)'],
      },
      {
        rule: 'C3',
        level: '错误',
        subject: 'overview.organization',
        message: '第一部分 概况 机构设置留有模板文字“XX”（…民政府办公室下属XX个事业单位。）：请改为实际内容',
        targets: ['overview.organization (第一部分 概况 机构设置)'],
      },
      {
        rule: 'C3',
        level: '错误',
        subject: 'narrative.reasons.total',
        message:
          '情况说明一 预算收入总计、预算支出总计的增减原因留有模板文字“增加（减少）”“……”（收支增加（减少）的主要原因是……）：请改为实际内容',
        targets: ['narrative.reasons.total (情况说明一 预算收入总计、预算支出总计的增减原因)'],
      },
      {
        rule: 'C3',
        level: '错误',
        subject: 'emptyTableNotes.T7',
        message: '表7 空表说明留有模板文字“待填写”（待填写）：请改为实际内容',
        targets: ['emptyTableNotes.T7 (表7 空表说明)'],
      },
      {
        rule: 'C3',
        level: '错误',
        subject: 'glossary',
        message:
          '第四部分 名词解释第1条解释留有模板文字“（此处”“请填写”（（此处请填写名词解释））：请改为实际内容',
        targets: ['glossary.0.definition (第四部分 名词解释第1条解释)'],
      },
      {
        rule: 'C3',
        level: '错误',
        subject: 'projects.p03.declaration',
        // The template indicator row (指标2：) is P6's to report, not C3's.
        message:
          '项目“运行维护监管系统经费”绩效目标申报表 项目概况留有模板文字“xx”（保障xx网站正常运行）：请改为实际内容',
        targets: ['projects.p03.declaration.summary (项目“运行维护监管系统经费”绩效目标申报表 项目概况)'],
      },
    ]);
    expect(
      checkDocument(doc, { rules: RULES })
        .filter((f) => f.message.includes('指标2：'))
        .map((f) => f.rule),
    ).toEqual(['P6']);
  });

  it('is silent on the sample and on ordinary text (one X, 2 dots, 增加 alone, one …)', () => {
    expect(check('C3', sample)).toEqual([]);
    const doc = {
      ...withReasons(sample, { total: '项目支出增加，X光机购置等…' }),
      overview: { ...sample.overview, organization: '内设机构：综合股、督查股.. 等。' },
    };
    expect(check('C3', doc)).toEqual([]);
  });
});

describe('C4 empty tables have a note naming their fund; tables with data have none', () => {
  it('flags a missing note, a note that does not name the fund, and a note on a table with data', () => {
    const doc: BudgetDocument = {
      ...sample,
      emptyTableNotes: {
        T8: '本表为空表。',
        T9: sample.emptyTableNotes.T9 ?? '',
        T10: sample.emptyTableNotes.T10 ?? '',
        T11: '本部门无机关运行经费，故本表为空表。',
        T13: sample.emptyTableNotes.T13 ?? '',
      },
    };
    expect(check('C4', doc).map(summary)).toEqual([
      {
        rule: 'C4',
        level: '错误',
        subject: 'T7',
        message:
          '表7 政府性基金预算收入表（不含上年结转）为空表，未写空表说明：没有数据的表格应列出空表并说明，如“本部门2024年无政府性基金预算收入，故本表为空表。”',
        targets: ['emptyTableNotes.T7 (表7 空表说明)', 'T7/total/amount'],
      },
      {
        rule: 'C4',
        level: '错误',
        subject: 'T8',
        message:
          '表8 政府性基金预算支出表（不含上年结转）的空表说明“本表为空表。”没有写明本表的资金（政府性基金预算支出），如“本部门2024年无政府性基金预算支出，故本表为空表。”',
        targets: ['emptyTableNotes.T8 (表8 空表说明)', 'T8/total/total'],
      },
      {
        rule: 'C4',
        level: '错误',
        subject: 'T11',
        message:
          '表11 财政拨款安排机关运行经费预算表有数据（表11 部门合计 合计 30.41），却写有空表说明“本部门无机关运行经费，故本表为空表。”：有数据的表不应写空表说明，请删除',
        targets: ['emptyTableNotes.T11 (表11 空表说明)', 'T11/total/total'],
      },
    ]);
  });

  it('accepts a recognisable part of the fund’s name, and is silent on the sample', () => {
    expect(check('C4', sample)).toEqual([]);
    const doc = {
      ...sample,
      emptyTableNotes: { ...sample.emptyTableNotes, T8: '本部门2024年没有政府性基金，本表无数据。' },
    };
    expect(check('C4', doc)).toEqual([]);
    for (const [id, words] of Object.entries(FUND_WORDS)) {
      const fund = FORM_DEFINITIONS[id as keyof typeof FUND_WORDS].emptyFund ?? '';
      for (const word of words) expect(fund, id).toContain(word);
    }
  });
});

describe('C5 政府采购', () => {
  it('flags negative or over-precise parts (错误) and a total above 表1 本年支出合计 (提示)', () => {
    const doc = withNarrative(sample, () => ({
      procurement: { goods: '-1', works: '1.234', services: '1000' },
    }));
    expect(check('C5', doc).map(summary)).toEqual([
      {
        rule: 'C5',
        level: '错误',
        subject: 'procurement.goods',
        message:
          '情况说明九 政府采购货物预算 -1 万元为负数：金额应为非负数并保留两位小数（万元），否则采购总额与各项之和对不上',
        targets: ['narrative.procurement.goods (情况说明九 政府采购货物预算)'],
      },
      {
        rule: 'C5',
        level: '错误',
        subject: 'procurement.works',
        message:
          '情况说明九 政府采购工程预算 1.234 万元超过两位小数：金额应为非负数并保留两位小数（万元），否则采购总额与各项之和对不上',
        targets: ['narrative.procurement.works (情况说明九 政府采购工程预算)'],
      },
      {
        rule: 'C5',
        level: '提示',
        subject: 'procurement/total',
        message:
          '情况说明九 政府采购预算总额 1000.23 万元（货物 -1.00 + 工程 1.23 + 服务 1000.00）> 表1 本年支出合计 621.43 万元，超出 378.80：采购预算应在本年支出之内，请核对',
        targets: [
          'narrative.procurement.goods (情况说明九 政府采购货物预算)',
          'narrative.procurement.works (情况说明九 政府采购工程预算)',
          'narrative.procurement.services (情况说明九 政府采购服务预算)',
          'T1/expenditure:subtotal/total',
        ],
      },
    ]);
  });

  it('is silent on the sample (11.84 + 9.20 = 21.04 ≤ 621.43)', () => {
    expect(check('C5', sample)).toEqual([]);
  });
});

describe('C6 绩效管理 by category against 表12', () => {
  it('compares the categories’ counts and amounts with the rows 表12 states, and the published share', () => {
    const findings = check('C6', sample, { 'T12/p01/total': '40' });
    expect(findings.map(summary)).toEqual([
      {
        rule: 'C6',
        level: '错误',
        subject: 'budgeted',
        message: '情况说明十 纳入绩效目标管理的项目：其他运转类项目写3个、65.30万元，表12 为3个、67.00万元',
        targets: [
          'T12/total/total',
          'T12/p01/total',
          'T12/p11/total',
          'T12/p13/total',
          'narrative.sections.performance (情况说明十)',
        ],
      },
      {
        rule: 'C6',
        level: '错误',
        subject: 'declared',
        message:
          '情况说明十 公开项目绩效目标：其他运转类项目写2个、42.30万元，表12 中这些项目 为2个、44.00万元；各类别合计5个、90.30万元，表12 中这些项目 共5个、92.00万元；占本年项目支出预算总额写65%，按表12 92.00 ÷ 139.75 应为66%',
        targets: [
          'T12/total/total',
          'T12/p01/total',
          'T12/p13/total',
          'narrative.sections.performance (情况说明十)',
        ],
      },
    ]);
  });

  it('checks that the categories add up to 表12’s 合计', () => {
    expect(check('C6', sample, { 'T12/total/total': '150' }).map((f) => [f.subject, f.message])).toEqual([
      ['budgeted', '情况说明十 纳入绩效目标管理的项目：各类别合计14个、139.75万元，表12 共14个、150.00万元'],
      ['declared', '情况说明十 公开项目绩效目标：占本年项目支出预算总额写65%，按表12 90.30 ÷ 150.00 应为60%'],
    ]);
  });

  it('is silent on the sample, a generated budget, and a department without projects', () => {
    expect(check('C6', sample)).toEqual([]);
    expect(check('C6', generateDocument({ scale: 1, seed: 1 }))).toEqual([]);
    expect(check('C6', { ...sample, projects: [] })).toEqual([]);
  });
});

describe('C7 国有资产 vehicles', () => {
  it('flags kinds that do not add up to 实有 (错误) and 实有 above 编制 (提示)', () => {
    const doc = withAssets(sample, { vehicleActual: '2' });
    expect(check('C7', doc).map(summary)).toEqual([
      {
        rule: 'C7',
        level: '错误',
        subject: 'vehicles',
        message: '情况说明十一 公务用车实有 2 辆，各类车辆合计 1 辆（事业单位其他公务用车 1），两者应相等',
        targets: [
          'narrative.assets.vehicleActual (情况说明十一 实有公务用车)',
          'narrative.assets.vehicles.institutionOther (情况说明十一 事业单位其他公务用车)',
        ],
      },
      {
        rule: 'C7',
        level: '提示',
        subject: 'quota',
        message:
          '情况说明十一 公务用车编制 0 辆，实有 2 辆，超出编制 2 辆：请核实，或说明原因（如待处置的车辆）',
        targets: [
          'narrative.assets.vehicleQuota (情况说明十一 公务用车编制)',
          'narrative.assets.vehicleActual (情况说明十一 实有公务用车)',
        ],
      },
    ]);
  });

  it('is silent when the kinds add up and 实有 is within 编制', () => {
    expect(check('C7', withAssets(sample, { vehicleQuota: '1' }))).toEqual([]);
  });
});

describe('C8 year and department name', () => {
  it('flags another year’s budget in typed text, a note naming another year, and a foreign 单位名称', () => {
    const doc: BudgetDocument = {
      ...withReasons(sample, { generalBudget: '2022年预算含一次性项目' }),
      overview: { ...sample.overview, organization: '根据2023年预算，本部门下属3个单位。' },
      emptyTableNotes: { ...sample.emptyTableNotes, T7: '本部门2023年无政府性基金预算收入，故本表为空表。' },
      performance: { overall: { ...sample.performance.overall, unitName: '新绛县财政局' } },
    };
    expect(check('C8', doc).map(summary)).toEqual([
      {
        rule: 'C8',
        level: '错误',
        subject: 'performance.overall.unitName',
        message:
          '部门整体支出绩效目标申报表 单位名称“新绛县财政局”与部门名称“新绛县人民政府办公室”及所属单位名称均不一致：疑为其他部门或往年的申报表未改',
        targets: [
          'performance.overall.unitName (部门整体支出绩效目标申报表 单位名称)',
          'department.name (部门名称)',
        ],
      },
      {
        rule: 'C8',
        level: '错误',
        subject: 'overview.organization',
        message:
          '第一部分 概况 机构设置写有“2023年预算”（根据2023年预算，本部门下属3个…），本文件是2024年部门预算：疑为往年文本未改，请核对',
        targets: ['overview.organization (第一部分 概况 机构设置)'],
      },
      {
        rule: 'C8',
        level: '错误',
        subject: 'narrative.reasons.generalBudget',
        message:
          '情况说明五 一般公共预算当年支出的增减原因写有“2022年预算”（2022年预算含一次性项目），本文件是2024年部门预算：疑为往年文本未改，请核对',
        targets: ['narrative.reasons.generalBudget (情况说明五 一般公共预算当年支出的增减原因)'],
      },
      {
        rule: 'C8',
        level: '错误',
        subject: 'emptyTableNotes.T7',
        message:
          '表7 空表说明写有“2023年”（本部门2023年无政府性基金预算…），本文件是2024年部门预算：疑为往年文本未改，请核对',
        targets: ['emptyTableNotes.T7 (表7 空表说明)'],
      },
    ]);
  });

  it('finds another year wherever the text names it: after an earlier 年, before spaces, in 本部门…年度', () => {
    const said = (organization: string) =>
      check('C8', { ...sample, overview: { ...sample.overview, organization } }).map((f) => f.basis);
    expect(said('每年开展督查；2023 年预算安排3次')).toEqual(['overview.organization:2023 年预算']);
    expect(said('本部门 2022 年度下属3个单位')).toEqual(['overview.organization:本部门 2022 年度']);
    // 12023年 is no year, 2024年 is this year's, 2023年 without 预算 is a date or a fact.
    expect(said('编号12023年预算；2024年预算；2023年成立')).toEqual([]);
  });

  it('names the place of a hit in a declaration’s goal list and indicator grid', () => {
    const doc: BudgetDocument = {
      ...sample,
      projects: sample.projects.map((project) => {
        const declaration = project.declaration;
        if (project.id !== 'p03' || !declaration) return project;
        return {
          ...project,
          declaration: {
            ...declaration,
            annualGoals: [...declaration.annualGoals, '完成XX任务'],
            annualIndicators: declaration.annualIndicators.map((indicator, index) =>
              index === 1 ? { ...indicator, name: '2023年预算执行率' } : indicator,
            ),
          },
        };
      }),
    };
    const goal = declarationGoalIndex(doc);
    expect(bySubject(check('C3', doc), 'projects.p03.declaration').targets).toEqual([
      `projects.p03.declaration.annualGoals.${goal} (项目“运行维护监管系统经费”绩效目标申报表 年度目标第${goal + 1}条)`,
    ]);
    expect(bySubject(check('C8', doc), 'projects.p03.declaration')).toEqual({
      rule: 'C8',
      level: '错误',
      subject: 'projects.p03.declaration',
      message:
        '项目“运行维护监管系统经费”绩效目标申报表 年度绩效指标第 2 行三级指标写有“2023年预算”（2023年预算执行率），本文件是2024年部门预算：疑为往年文本未改，请核对',
      targets: [
        'projects.p03.declaration.annualIndicators.1.name (项目“运行维护监管系统经费”绩效目标申报表 年度绩效指标第 2 行三级指标)',
      ],
    });
  });

  it('flags a blank department name', () => {
    const doc = { ...sample, department: { ...sample.department, name: ' ' } };
    expect(check('C8', doc).map((f) => [f.subject, f.message])).toContainEqual([
      'department.name',
      '部门名称未填写：封面、各表标题和情况说明都以部门名称开头',
    ]);
  });

  it('is silent on the sample (立项依据 naming 2018年政务公开工作要点 is a reference) and on last year in a reason', () => {
    expect(check('C8', sample)).toEqual([]);
    const doc = {
      ...withReasons(sample, { total: '2023年预算含一次性项目，本年不再安排' }),
      performance: { overall: { ...sample.performance.overall, unitName: '新绛县金融服务中心' } },
    };
    expect(check('C8', doc)).toEqual([]);
  });
});

describe('C9 行政 and 参公 units are in 表11', () => {
  it('flags a 参公事业 unit missing from 表11 (提示)', () => {
    const doc: BudgetDocument = {
      ...sample,
      tables: {
        ...sample.tables,
        t11: { rows: sample.tables.t11.rows.filter((row) => row.unitId !== 'u2') },
      },
    };
    expect(check('C9', doc).map(summary)).toEqual([
      {
        rule: 'C9',
        level: '提示',
        subject: 'unit/u2',
        message:
          '“新绛县金融服务中心”是参公事业单位，未列入表11 机关运行经费：机关运行经费反映行政单位和参公事业单位的公用经费，情况说明八 也只统计表11 所列单位。请在表11 添加该单位，或核实单位性质',
        targets: ['units.u2 (单位“新绛县金融服务中心”)', 'T11/total/total'],
      },
    ]);
  });

  it('is silent on the sample and when a 事业 unit is not in 表11', () => {
    expect(check('C9', sample)).toEqual([]);
    const doc: BudgetDocument = {
      ...sample,
      tables: {
        ...sample.tables,
        t11: { rows: sample.tables.t11.rows.filter((row) => row.unitId !== 'u3') },
      },
    };
    expect(check('C9', doc)).toEqual([]);
  });
});
