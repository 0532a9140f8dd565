import { describe, expect, it } from 'vitest';
import { setInput, type InputRef } from '../../document/inputs';
import type { BudgetDocument, Indicator, ProjectDeclaration } from '../../document/schema';
import { sampleDocument } from '../../sample/sample2024';
import { CheckSession, checkDocument } from '../session';
import type { Finding, Target } from '../types';
import { PERFORMANCE_RULES } from './performance';

const findings = (doc: BudgetDocument): Finding[] => checkDocument(doc, { rules: PERFORMANCE_RULES });

/** The finding of a rule on a subject, or undefined. */
const find = (doc: BudgetDocument, rule: string, subject: string): Finding | undefined =>
  findings(doc).find((f) => f.rule === rule && f.subject === subject);

/** The finding of a rule on a subject; fails the test when there is none. */
function expectFinding(doc: BudgetDocument, rule: string, subject: string): Finding {
  const finding = find(doc, rule, subject);
  if (!finding) throw new Error(`no ${rule} finding on ${subject}`);
  return finding;
}

const paths = (targets: readonly Target[]): string[] =>
  targets.map((t) => (t.kind === 'field' ? t.path : `${t.form}/${t.row}/${t.column}`));

function declarationOf(doc: BudgetDocument, projectId: string): ProjectDeclaration {
  const declaration = doc.projects.find((p) => p.id === projectId)?.declaration;
  if (!declaration) throw new Error(`project ${projectId} has no declaration`);
  return declaration;
}

/** The sample with one change. */
function edited(change: (doc: BudgetDocument) => void): BudgetDocument {
  const doc = sampleDocument();
  change(doc);
  return doc;
}

const indicator = (
  level1: Indicator['level1'],
  level2: Indicator['level2'],
  name: string,
  value: string,
): Indicator => ({ level1, level2, name, value });

/** A grid that passes every P rule (for 运行维护监管系统经费, 150000 元). */
const goodGrid = (): Indicator[] => [
  indicator('产出指标', '数量指标', '监管网站个数', '=1个'),
  indicator('产出指标', '质量指标', '系统正常运行率', '≥98%'),
  indicator('产出指标', '时效指标', '故障响应时间', '≤24小时'),
  indicator('成本指标', '经济成本指标', '运行维护费用', '≤15万元'),
  indicator('效益指标', '社会效益指标', '政务公开信息及时发布', '优'),
  indicator('满意度指标', '服务对象满意度指标', '机关工作人员满意度', '≥90%'),
];

describe('the sample', () => {
  const all = findings(sampleDocument());

  it('produces only these P findings, all 提示', () => {
    expect(all.map((f) => [f.rule, f.level, f.subject])).toEqual([
      ['P1', '提示', 'missing'],
      ['P3', '提示', 'overall/cost'],
      ['P4', '提示', 'overall/values'],
      ['P4', '提示', 'p01/values'],
      ['P4', '提示', 'p02/values'],
      ['P4', '提示', 'p03/values'],
      ['P4', '提示', 'p13/values'],
      ['P4', '提示', 'p14/values'],
      ['P5', '提示', 'p01/quantityMoney'],
      ['P5', '提示', 'p02/quantityMoney'],
      ['P5', '提示', 'p03/quantityMoney'],
      ['P5', '提示', 'p13/quantityMoney'],
      ['P5', '提示', 'p14/quantityMoney'],
      ['P6', '提示', 'p01/projectName'],
      ['P6', '提示', 'p01/repeated'],
      ['P6', '提示', 'p02/projectName'],
      ['P6', '提示', 'p02/repeated'],
      ['P6', '提示', 'p03/projectName'],
      ['P6', '提示', 'p03/repeated'],
      ['P6', '提示', 'p13/repeated'],
      ['P6', '提示', 'p14/projectName'],
      ['P6', '提示', 'p14/repeated'],
    ]);
  });

  it('says in the P4 finding which values measure nothing and why, once for two equal grids', () => {
    const p03 = all.find((f) => f.subject === 'p03/values');
    expect(p03?.message).toContain(
      '项目“运行维护监管系统经费”实施期和年度绩效指标中各 5 个指标值不可衡量：质量指标“网站运行维护监管系统经费”提高100%、经济效益指标“网站运行维护监管系统经费”提高100%、服务对象满意度指标“机关工作人员满意度”提高100%（只有增减幅度，没有基数）；时效指标“网站运行维护监管系统经费”1年（缺少比较符号）；成本指标“网站运行维护监管系统经费”150000（缺少比较符号和计量单位）',
    );
    // The 数量 indicator (money) is P5's, not listed here; every other indicator of both grids is.
    expect(paths(p03?.targets ?? [])).toEqual([
      ...[1, 2, 3, 4, 5].map((i) => `projects.p03.declaration.implementationIndicators.${i}.value`),
      ...[1, 2, 3, 4, 5].map((i) => `projects.p03.declaration.annualIndicators.${i}.value`),
    ]);
  });

  it('lists the grids apart when they differ (金融中心运转经费’s 经济效益指标 is named differently)', () => {
    const p13 = all.find((f) => f.subject === 'p13/values');
    expect(p13?.message).toMatch(
      /^项目“金融中心运转经费”实施期绩效指标中 5 个指标值不可衡量：.*。年度绩效指标中 5 个/,
    );
    expect(p13?.message).toContain('经济效益指标“保障金融中心日常工作”提高100%');
  });
});

describe('P1 每个项目有申报表，资金与表12 相符', () => {
  it('lists the projects of 表12 and 表13 without a declaration in one 提示', () => {
    const finding = expectFinding(sampleDocument(), 'P1', 'missing');
    expect(finding.level).toBe('提示');
    expect(finding.message).toMatch(
      /^9 个项目没有项目支出绩效目标申报表：“政府律师服务费”、“云视讯保密会议系统经费”/,
    );
    expect(finding.message).toContain('“科技治超工作经费”');
    expect(paths(finding.targets)).toEqual(
      ['p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11', 'p12'].map(
        (id) => `projects.${id}.declaration`,
      ),
    );
  });

  it('counts a project that is only in 表13 (上年结转)', () => {
    const doc = edited((d) => {
      d.projects = d.projects.filter((p) => p.declaration !== null);
      const p03 = d.projects.find((p) => p.id === 'p03');
      if (p03)
        d.projects.push({
          ...p03,
          id: 'p99',
          name: '结转项目',
          current: null,
          declaration: null,
          carryOver: { generalBudget: '3', governmentFund: '', stateCapital: '' },
        });
    });
    const finding = expectFinding(doc, 'P1', 'missing');
    expect(finding.message).toMatch(/^1 个项目没有项目支出绩效目标申报表：“结转项目”/);
    expect(paths(finding.targets)).toEqual(['projects.p99.declaration']);
  });

  it('is silent when every listed project has a declaration', () => {
    const doc = edited((d) => {
      d.projects = d.projects.filter((p) => p.declaration !== null);
    });
    expect(find(doc, 'P1', 'missing')).toBeUndefined();
  });

  it('flags a 年度资金总额 that is not 表12 × 10000 as 错误, pointing at both', () => {
    const doc = edited((d) => {
      const funding = declarationOf(d, 'p03').annualFunding;
      declarationOf(d, 'p03').annualFunding = { ...funding, total: '160000', cityCounty: '160000' };
    });
    const finding = expectFinding(doc, 'P1', 'p03/total');
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '项目“运行维护监管系统经费”申报表年度资金总额 160000 元 ≠ 表12 合计 15.00 万元（150000 元），相差 10000 元',
    );
    expect(paths(finding.targets)).toEqual(['projects.p03.declaration.annualFunding.total', 'T12/p03/total']);
    expect(find(doc, 'P1', 'p03/annualFunding')).toBeUndefined();
  });

  it('flags a blank 年度资金总额 with the amount it should be', () => {
    const doc = edited((d) => {
      declarationOf(d, 'p13').annualFunding = { ...declarationOf(d, 'p13').annualFunding, total: '' };
    });
    expect(expectFinding(doc, 'P1', 'p13/total').message).toBe(
      '项目“金融中心运转经费”申报表年度资金总额未填，表12 合计 4.00 万元，应为 40000 元',
    );
  });

  it('accepts a 元 amount that 表12 shows rounded to 0.01 万元', () => {
    const doc = edited((d) => {
      const p13 = d.projects.find((p) => p.id === 'p13');
      if (p13?.current) p13.current.generalBudget = '4.01';
      declarationOf(d, 'p13').annualFunding = {
        ...declarationOf(d, 'p13').annualFunding,
        total: '40056',
        cityCounty: '40056',
      };
    });
    expect(find(doc, 'P1', 'p13/total')).toBeUndefined();
    expect(find(sampleDocument(), 'P1', 'p13/total')).toBeUndefined();
  });

  it('flags funding sources that do not add up to their total', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.annualFunding = { ...declaration.annualFunding, cityCounty: '140000', selfRaised: '5000' };
    });
    const finding = expectFinding(doc, 'P1', 'p03/annualFunding');
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '项目“运行维护监管系统经费”申报表年度资金：市县（区）财政资金 140000 + 单位自筹 5000 = 145000 元，年度资金总额 150000 元，相差 5000 元',
    );
    expect(paths(finding.targets)).toEqual([
      'projects.p03.declaration.annualFunding.total',
      'projects.p03.declaration.annualFunding.cityCounty',
      'projects.p03.declaration.annualFunding.selfRaised',
    ]);
    expect(find(doc, 'P1', 'p03/implementationFunding')).toBeUndefined();
  });

  it('flags a total without any source', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p14');
      declaration.implementationFunding = { ...declaration.implementationFunding, cityCounty: '' };
    });
    expect(expectFinding(doc, 'P1', 'p14/implementationFunding').message).toBe(
      '项目“处置非法集资领导小组办公室专项工作经费”申报表实施期资金总额 20000 元，未按来源（中央、省级、市县（区）财政资金，单位自筹，其他资金）填写',
    );
  });

  it('follows an edit of the 表12 amount in a session as a fresh check does', () => {
    const doc = sampleDocument();
    const session = new CheckSession(doc, { rules: PERFORMANCE_RULES });
    const input: InputRef = { collection: 't12', key: 'p03', field: 'generalBudget' };
    const total = (list: readonly Finding[]) =>
      list.find((f) => f.rule === 'P1' && f.subject === 'p03/total');

    const raised = setInput(doc, input, '16.00');
    session.update(raised, { kind: 'input', input });
    expect(session.findings()).toEqual(findings(raised));
    expect(total(session.findings())?.message).toBe(
      '项目“运行维护监管系统经费”申报表年度资金总额 150000 元 ≠ 表12 合计 16.00 万元（160000 元），相差 10000 元',
    );

    const restored = setInput(raised, input, '15.00');
    session.update(restored, { kind: 'input', input });
    expect(session.findings()).toEqual(findings(restored));
    expect(total(session.findings())).toBeUndefined();
  });

  it('follows an added declaration in a session (area declarations) as a fresh check does', () => {
    const doc = sampleDocument();
    const session = new CheckSession(doc, { rules: PERFORMANCE_RULES });
    const next: BudgetDocument = {
      ...doc,
      projects: doc.projects.map((p) =>
        p.id === 'p04' ? { ...p, declaration: declarationOf(doc, 'p03') } : p,
      ),
    };
    session.update(next, { kind: 'areas', areas: ['declarations'] });
    expect(session.findings()).toEqual(findings(next));
    expect(session.findings().find((f) => f.subject === 'missing')?.message).toMatch(/^8 个项目/);
    // p04 is 6.00 万元, the copied declaration says 150000 元.
    expect(session.findings().find((f) => f.subject === 'p04/total')?.level).toBe('错误');
  });
});

describe('P2 整体支出绩效目标申报表', () => {
  it('flags a missing target', () => {
    const finding = expectFinding(
      edited((d) => {
        d.performance.overall.target = ' ';
      }),
      'P2',
      'target',
    );
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe('部门整体支出绩效目标申报表未填写部门整体支出绩效目标');
    expect(paths(finding.targets)).toEqual(['performance.overall.target']);
  });

  it('flags missing indicators once (not again under P3)', () => {
    const doc = edited((d) => {
      d.performance.overall.indicators = [];
    });
    const finding = expectFinding(doc, 'P2', 'indicators');
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '部门整体支出绩效目标申报表没有绩效指标：至少应有产出、效益、满意度指标各一个',
    );
    expect(paths(finding.targets)).toEqual(['performance.overall.indicators']);
    expect(findings(doc).filter((f) => f.subject.startsWith('overall/'))).toEqual([]);
  });

  it('flags a unit name that is neither the department nor one of its units', () => {
    const finding = expectFinding(
      edited((d) => {
        d.performance.overall.unitName = '新绛县财政局';
      }),
      'P2',
      'unitName',
    );
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '部门整体支出绩效目标申报表单位名称“新绛县财政局”不是本部门“新绛县人民政府办公室”，也不是所属单位（新绛县人民政府办公室、新绛县金融服务中心、新绛县人民政府办公室综合保障中心）',
    );
    expect(paths(finding.targets)).toEqual(['performance.overall.unitName']);
  });

  it('accepts one of the units as the unit name', () => {
    const doc = edited((d) => {
      d.performance.overall.unitName = '新绛县金融服务中心';
    });
    expect(find(doc, 'P2', 'unitName')).toBeUndefined();
  });

  it('flags a 数量 indicator counting projects that does not match 表12', () => {
    const doc = edited((d) => {
      const first = d.performance.overall.indicators[0];
      if (first) d.performance.overall.indicators[0] = { ...first, value: '15个' };
    });
    const finding = expectFinding(doc, 'P2', 'projectCount');
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '部门整体支出绩效目标申报表数量指标“根据项目实际情况细化”15个，与表12 所列项目 14 个不符',
    );
    expect(paths(finding.targets)).toEqual(['performance.overall.indicators.0.value']);
  });

  it('follows an edit of the 整体 declaration in a session (area performance) as a fresh check does', () => {
    const doc = sampleDocument();
    const session = new CheckSession(doc, { rules: PERFORMANCE_RULES });
    const next: BudgetDocument = {
      ...doc,
      performance: {
        overall: {
          ...doc.performance.overall,
          indicators: doc.performance.overall.indicators.map((i, index) =>
            index === 0 ? { ...i, value: '13个' } : i,
          ),
        },
      },
    };
    session.update(next, { kind: 'areas', areas: ['performance'] });
    expect(session.findings()).toEqual(findings(next));
    expect(session.findings().find((f) => f.subject === 'projectCount')?.message).toContain(
      '“根据项目实际情况细化”13个',
    );
  });

  it('is silent on the sample’s 14个 and on counts of other things', () => {
    expect(findings(sampleDocument()).filter((f) => f.rule === 'P2')).toEqual([]);
    const doc = edited((d) => {
      d.performance.overall.indicators.push(indicator('产出指标', '数量指标', '项目覆盖乡镇数', '=13个'));
    });
    expect(find(doc, 'P2', 'projectCount')).toBeUndefined();
  });
});

describe('P3 产出、效益、满意度、成本指标', () => {
  it('flags a grid without a 满意度 indicator as 错误', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.annualIndicators = declaration.annualIndicators.filter((i) => i.level1 !== '满意度指标');
    });
    const finding = expectFinding(doc, 'P3', 'p03/required');
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '项目“运行维护监管系统经费”年度绩效指标缺少满意度指标：每张申报表至少应有一个产出指标、效益指标和满意度指标',
    );
    expect(paths(finding.targets)).toEqual(['projects.p03.declaration.annualIndicators']);
  });

  it('says it once when both grids miss the same', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.implementationIndicators = declaration.implementationIndicators.filter(
        (i) => i.level1 === '产出指标',
      );
      declaration.annualIndicators = declaration.annualIndicators.filter((i) => i.level1 === '产出指标');
    });
    const finding = expectFinding(doc, 'P3', 'p03/required');
    expect(finding.message).toMatch(
      /^项目“运行维护监管系统经费”实施期和年度绩效指标都缺少效益指标、满意度指标：/,
    );
    expect(finding.targets).toHaveLength(2);
  });

  it('does not count a template row as an indicator', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.annualIndicators = declaration.annualIndicators.map((i) =>
        i.level1 === '满意度指标' ? { ...i, name: '指标1：' } : i,
      );
    });
    expect(expectFinding(doc, 'P3', 'p03/required').message).toContain('年度绩效指标缺少满意度指标');
  });

  it('flags the 整体 declaration without a 成本 indicator as 提示, and is silent once there is one', () => {
    const finding = expectFinding(sampleDocument(), 'P3', 'overall/cost');
    expect(finding.level).toBe('提示');
    expect(finding.message).toBe(
      '部门整体支出绩效指标没有成本指标（一级指标“成本指标”或二级指标“成本指标”“经济成本指标”等），请补充或说明',
    );
    expect(paths(finding.targets)).toEqual(['performance.overall.indicators']);
    const doc = edited((d) => {
      d.performance.overall.indicators.push(
        indicator('产出指标', '成本指标', '按预定成本完成', '≤621.43万元'),
      );
    });
    expect(find(doc, 'P3', 'overall/cost')).toBeUndefined();
  });

  it('is silent on declarations that have every kind', () => {
    expect(findings(sampleDocument()).filter((f) => f.rule === 'P3' && f.subject !== 'overall/cost')).toEqual(
      [],
    );
  });
});

describe('P4 指标值', () => {
  it('is silent on signs with numbers and units, baselines and graded values', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.implementationIndicators = goodGrid();
      declaration.annualIndicators = [
        ...goodGrid(),
        indicator('效益指标', '可持续影响指标', '网站访问量', '较上年提高5%'),
        indicator('产出指标', '时效指标', '完成时间', '2024年12月底前'),
        indicator('效益指标', '经济效益指标', '是否按时完成', '是'),
      ];
    });
    // Only the repeated description (P6) is left for this project: its grids are in order.
    expect(
      findings(doc)
        .filter((f) => f.subject.startsWith('p03/'))
        .map((f) => f.subject),
    ).toEqual(['p03/repeated']);
  });

  it('flags values without a sign, unit or baseline as 提示, in one finding for the grid', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.implementationIndicators = goodGrid();
      declaration.annualIndicators = [
        ...goodGrid(),
        indicator('产出指标', '质量指标', '公开信息准确率', '100%'),
        indicator('效益指标', '社会效益指标', '群众知晓率', '提升10%'),
        indicator('产出指标', '数量指标', '发布信息条数', ''),
      ];
    });
    const finding = expectFinding(doc, 'P4', 'p03/values');
    expect(finding.level).toBe('提示');
    expect(finding.message).toMatch(
      /^项目“运行维护监管系统经费”年度绩效指标中 3 个指标值不可衡量：质量指标“公开信息准确率”100%（缺少比较符号）；社会效益指标“群众知晓率”提升10%（只有增减幅度，没有基数）；数量指标“发布信息条数”（未填写指标值）。定量指标值应写成/,
    );
    expect(paths(finding.targets)).toEqual(
      [6, 7, 8].map((i) => `projects.p03.declaration.annualIndicators.${i}.value`),
    );
  });

  it('flags a 满意度 or 质量 percentage above 100% as 错误', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.annualIndicators = goodGrid().map((i) =>
        i.level2 === '服务对象满意度指标' ? { ...i, value: '≥120%' } : i,
      );
    });
    const finding = expectFinding(doc, 'P4', 'p03/percent');
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '项目“运行维护监管系统经费”年度绩效指标中 1 个满意度或质量指标超过 100%：服务对象满意度指标“机关工作人员满意度”≥120%。满意度、质量指标是比率，不能超过 100%',
    );
    expect(paths(finding.targets)).toEqual(['projects.p03.declaration.annualIndicators.5.value']);
    expect(find(sampleDocument(), 'P4', 'p03/percent')).toBeUndefined();
  });
});

describe('P5 数量指标与成本指标', () => {
  it('flags the project’s money typed as a 数量 indicator (提示)', () => {
    const finding = expectFinding(sampleDocument(), 'P5', 'p03/quantityMoney');
    expect(finding.level).toBe('提示');
    expect(finding.message).toBe(
      '项目“运行维护监管系统经费”实施期和年度绩效指标中各 1 个数量指标填的是项目资金额：数量指标“网站运行维护监管系统经费”150000（即年度资金总额 150000 元）。资金额不是数量指标：数量指标应写产出的数量，如“=12次”“≥300人次”',
    );
    expect(paths(finding.targets)).toEqual([
      'projects.p03.declaration.implementationIndicators.0.value',
      'projects.p03.declaration.annualIndicators.0.value',
    ]);
  });

  it('recognises 表12’s 万元 amount too', () => {
    const doc = edited((d) => {
      declarationOf(d, 'p03').annualIndicators = goodGrid().map((i) =>
        i.level2 === '数量指标' ? { ...i, value: '15' } : i,
      );
    });
    expect(expectFinding(doc, 'P5', 'p03/quantityMoney').message).toContain(
      '年度绩效指标中 1 个数量指标填的是项目资金额：数量指标“监管网站个数”15（即表12 合计 15.00 万元）',
    );
  });

  it('is silent on counts, even when the count equals the 万元 amount', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p03');
      declaration.implementationIndicators = goodGrid();
      declaration.annualIndicators = goodGrid().map((i) =>
        i.level2 === '数量指标' ? { ...i, value: '=15个' } : i,
      );
    });
    expect(find(doc, 'P5', 'p03/quantityMoney')).toBeUndefined();
  });

  it('flags a 成本 indicator above the project’s funding as 错误', () => {
    const doc = edited((d) => {
      declarationOf(d, 'p03').annualIndicators = goodGrid().map((i) =>
        i.level1 === '成本指标' ? { ...i, value: '≤20万元' } : i,
      );
    });
    const finding = expectFinding(doc, 'P5', 'p03/costOverFunding');
    expect(finding.level).toBe('错误');
    expect(finding.message).toBe(
      '项目“运行维护监管系统经费”年度绩效指标中 1 个成本指标超过项目资金：经济成本指标“运行维护费用”≤20万元（200000 元，超过年度资金总额 150000 元）。成本指标不能超过项目安排的资金',
    );
    expect(paths(finding.targets)).toEqual(['projects.p03.declaration.annualIndicators.3.value']);
  });

  it('is silent on a 成本 indicator within the funding, or without a money unit', () => {
    const doc = edited((d) => {
      declarationOf(d, 'p03').annualIndicators = goodGrid().map((i) =>
        i.level1 === '成本指标' ? { ...i, value: '≤150000元' } : i,
      );
    });
    expect(find(doc, 'P5', 'p03/costOverFunding')).toBeUndefined();
    expect(findings(sampleDocument()).filter((f) => f.subject.endsWith('/costOverFunding'))).toEqual([]);
  });
});

describe('P6 模板占位、以项目名称命名、各栏重复', () => {
  it('flags template rows as 错误', () => {
    const doc = edited((d) => {
      declarationOf(d, 'p03').annualIndicators.push(indicator('产出指标', '数量指标', '指标2：', '.....'));
      d.performance.overall.indicators.push(indicator('效益指标', '经济效益指标', '', '提高100%'));
    });
    const project = expectFinding(doc, 'P6', 'p03/placeholders');
    expect(project.level).toBe('错误');
    expect(project.message).toBe(
      '项目“运行维护监管系统经费”年度绩效指标中 1 个指标是模板占位内容：数量指标“指标2：”.....（模板占位文字）。请填写实际指标，或删除该行',
    );
    expect(paths(project.targets)).toEqual(['projects.p03.declaration.annualIndicators.6.name']);
    const overall = expectFinding(doc, 'P6', 'overall/placeholders');
    expect(overall.message).toBe(
      '部门整体支出绩效指标中 1 个指标是模板占位内容：经济效益指标“”提高100%（三级指标名称为空）。请填写实际指标，或删除该行',
    );
    expect(paths(overall.targets)).toEqual(['performance.overall.indicators.5.name']);
  });

  it('is silent on the sample’s grids (the template rows were left out)', () => {
    expect(findings(sampleDocument()).filter((f) => f.subject.endsWith('/placeholders'))).toEqual([]);
  });

  it('flags indicators named like the project (提示), after quotes and a year prefix', () => {
    const p01 = expectFinding(sampleDocument(), 'P6', 'p01/projectName');
    expect(p01.level).toBe('提示');
    expect(p01.message).toBe(
      '项目“政府机关运行经费”实施期和年度绩效指标中各 5 个三级指标以项目名称命名：“2024机关运行经费”（数量指标、质量指标、时效指标、成本指标、经济效益指标）。三级指标应写衡量的具体内容，如“系统正常运行率”“办结事项数”',
    );
    expect(paths(p01.targets)).toHaveLength(10);
    expect(paths(p01.targets)[0]).toBe('projects.p01.declaration.implementationIndicators.0.name');
    expect(expectFinding(sampleDocument(), 'P6', 'p02/projectName').message).toContain(
      '““12345”运行经费”（数量指标',
    );
  });

  it('is silent on indicators that only share words with the project', () => {
    // 金融中心日常工作经费 is not the project 金融中心运转经费.
    expect(find(sampleDocument(), 'P6', 'p13/projectName')).toBeUndefined();
  });

  it('flags 概况 / 必要性 / 措施 / 实施计划 that repeat one sentence (提示)', () => {
    const finding = expectFinding(sampleDocument(), 'P6', 'p01/repeated');
    expect(finding.level).toBe('提示');
    expect(finding.message).toBe(
      '项目“政府机关运行经费”申报表中“项目设立必要性”“保证项目实施的制度、措施”“项目实施计划”内容相同（均为“保障政府机关工作正常有序运行”）：各栏应分别写明项目概况、设立的必要性、保证实施的制度措施和实施计划',
    );
    expect(paths(finding.targets)).toEqual([
      'projects.p01.declaration.necessity',
      'projects.p01.declaration.measures',
      'projects.p01.declaration.plan',
    ]);
  });

  it.each([
    ['“保障网站运行”', '保障网站运行。', 'necessity,measures:保障网站运行'],
    ['保障 网站 运行！！', '*保障网站运行', 'necessity,measures:保障网站运行'],
    ['保障网站运行。', '保障网站运行。并按月拨付', undefined],
    ['保障网站运行', '保障网站运行费', undefined],
    ['。', '；', undefined],
  ])('compares %s and %s without quotes, spaces and closing punctuation', (a, b, basis) => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p01');
      declaration.summary = '政府机关日常运转。';
      declaration.necessity = a;
      declaration.measures = b;
      declaration.plan = '按月拨付，年底前全部支出。';
    });
    expect(find(doc, 'P6', 'p01/repeated')?.basis).toBe(basis);
  });

  it('is silent when each of them says something of its own', () => {
    const doc = edited((d) => {
      const declaration = declarationOf(d, 'p01');
      declaration.necessity = '政府机关日常运转需要稳定的经费保障。';
      declaration.measures = '严格执行财务管理制度和政府采购规定。';
      declaration.plan = '按月拨付，年底前全部支出。';
    });
    expect(find(doc, 'P6', 'p01/repeated')).toBeUndefined();
  });
});
