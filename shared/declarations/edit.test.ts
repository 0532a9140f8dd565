import { describe, expect, it } from 'vitest';
import { CheckSession, checkDocument, type DocumentChange } from '../checks/session';
import type { Finding } from '../checks/types';
import { parseDocument, serializeDocument } from '../document/file';
import { setInput } from '../document/inputs';
import type { BudgetDocument, Indicator, Project, ProjectDeclaration } from '../document/schema';
import { INDICATOR_LEVEL1, INDICATOR_LEVEL2 } from '../document/schema';
import { sampleDocument } from '../sample/sample2024';
import {
  addIndicator,
  changedDeclarations,
  copyDeclaration,
  copyWouldReplace,
  createAllDeclarations,
  createDeclaration,
  declarationList,
  declarationsToCreate,
  DEFAULT_INDICATOR_LIBRARY,
  defaultIndicators,
  fundingFromTable12,
  LEVEL2_BY_LEVEL1,
  moveIndicator,
  parseIndicatorLibrary,
  removeIndicator,
  searchLibrary,
  setDeclarationFunding,
  setDeclarationText,
  setGoals,
  setOverallCount,
  updateIndicator,
  type DeclarationEdit,
} from './edit';

const P03 = { kind: 'project', projectId: 'p03' } as const;
const OVERALL = { kind: 'overall' } as const;

/** The document of a successful edit, checked to be one the file format accepts. */
function ok(result: DeclarationEdit): { doc: BudgetDocument; change: DocumentChange } {
  if (!result.ok) throw new Error(`edit failed: ${result.message}`);
  const reloaded = parseDocument(serializeDocument(result.doc));
  if (!reloaded.ok) throw new Error(`invalid document: ${JSON.stringify(reloaded.problems)}`);
  return { doc: result.doc, change: result.change };
}

function failure(result: DeclarationEdit): string {
  if (result.ok) throw new Error('edit succeeded');
  return result.message;
}

function projectOf(doc: BudgetDocument, id: string): Project {
  const project = doc.projects.find((p) => p.id === id);
  if (!project) throw new Error(`no project ${id}`);
  return project;
}

function declarationOf(doc: BudgetDocument, id: string): ProjectDeclaration {
  const declaration = projectOf(doc, id).declaration;
  if (!declaration) throw new Error(`project ${id} has no declaration`);
  return declaration;
}

const indicator = (
  level1: Indicator['level1'],
  level2: Indicator['level2'],
  name: string,
  value: string,
): Indicator => ({ level1, level2, name, value });

/**
 * The session given the edit's change ends with the findings a fresh check of the result has, cells
 * included: the areas the edit names are the ones whose checks can change.
 */
function expectChangeRight(before: BudgetDocument, edit: { doc: BudgetDocument; change: DocumentChange }) {
  const session = new CheckSession(before);
  session.findings();
  session.update(edit.doc, edit.change);
  const fresh: Finding[] = checkDocument(structuredClone(edit.doc));
  expect(session.findings()).toEqual(fresh);
  return fresh;
}

const subjects = (findings: readonly Finding[], prefix: string) =>
  findings.filter((f) => f.subject.startsWith(prefix)).map((f) => `${f.rule} ${f.level} ${f.subject}`);

describe('LEVEL2_BY_LEVEL1', () => {
  it('places every 二级 of the schema under exactly one 一级', () => {
    expect(Object.keys(LEVEL2_BY_LEVEL1)).toEqual([...INDICATOR_LEVEL1]);
    expect(Object.values(LEVEL2_BY_LEVEL1).flat().sort()).toEqual([...INDICATOR_LEVEL2].sort());
    expect(LEVEL2_BY_LEVEL1.产出指标).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    expect(LEVEL2_BY_LEVEL1.成本指标).toEqual(['经济成本指标', '社会成本指标', '生态环境成本指标']);
  });
});

describe('the declarations’ list', () => {
  it('shows the projects of 表12 and 表13, and one out of them while it keeps its declaration', () => {
    const sample = sampleDocument();
    expect(declarationList(sample)).toHaveLength(14);
    // p03 (with a declaration) and p04 (without) taken out of 表12.
    const out = (p: Project): Project => (['p03', 'p04'].includes(p.id) ? { ...p, current: null } : p);
    const doc = { ...sample, projects: sample.projects.map(out) };
    const ids = declarationList(doc).map((p) => p.id);
    expect(ids).toContain('p03');
    expect(ids).not.toContain('p04');
    expect(ids).toHaveLength(13);
  });

  it('tells which declarations an edit changed', () => {
    const sample = sampleDocument();
    expect(changedDeclarations(sample, sample)).toEqual([]);
    const text = ok(setDeclarationText(sample, P03, 'necessity', '保障监管系统全年稳定运行。')).doc;
    expect(changedDeclarations(sample, text)).toEqual([P03]);
    const overall = ok(setDeclarationText(text, OVERALL, 'target', '')).doc;
    expect(changedDeclarations(text, overall)).toEqual([OVERALL]);
    expect(changedDeclarations(overall, sample)).toEqual([OVERALL, P03]);
  });

  it('creates every missing declaration as one step, each as createDeclaration makes it', () => {
    const sample = sampleDocument();
    const all = ok(createAllDeclarations(sample));
    expect(declarationsToCreate(all.doc)).toEqual([]);
    const p04 = ok(createDeclaration(sample, 'p04')).doc.projects.find((p) => p.id === 'p04');
    expect(all.doc.projects.find((p) => p.id === 'p04')?.declaration).toEqual(p04?.declaration);
    if (all.change.kind !== 'areas') throw new Error('an areas change');
    expect(all.change.areas).toEqual(
      expect.arrayContaining(['declarations', 'narrative', 'declaration:p04', 'declaration:p12']),
    );
    expect(all.change.areas).not.toContain('declaration:p03');
    // The five declarations the sample had are the same objects.
    const before = sample.projects.find((p) => p.id === 'p03')?.declaration;
    expect(all.doc.projects.find((p) => p.id === 'p03')?.declaration).toBe(before);
  });
});

describe('createDeclaration', () => {
  it('lists the projects of 表12 without a declaration', () => {
    expect(declarationsToCreate(sampleDocument()).map((p) => p.id)).toEqual([
      'p04',
      'p05',
      'p06',
      'p07',
      'p08',
      'p09',
      'p10',
      'p11',
      'p12',
    ]);
  });

  it('gives a project empty texts, its 表12 money in 元 and one blank row per required 一级', () => {
    const sample = sampleDocument();
    const edit = ok(createDeclaration(sample, 'p04'));
    expect(edit.change).toEqual({ kind: 'areas', areas: ['declarations', 'narrative', 'declaration:p04'] });
    const d = declarationOf(edit.doc, 'p04');
    const funding = {
      total: '60000',
      central: '',
      provincial: '',
      cityCounty: '60000',
      selfRaised: '',
      other: '',
    };
    expect(d.annualFunding).toEqual(funding);
    expect(d.implementationFunding).toEqual(funding);
    expect([d.summary, d.basis, d.necessity, d.measures, d.plan, d.filledOn, d.attribute, d.period]).toEqual([
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(d.annualGoals).toEqual([]);
    expect(d.annualIndicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.value}`)).toEqual([
      '产出指标/数量指标//',
      '产出指标/质量指标//',
      '产出指标/时效指标//',
      '效益指标/社会效益指标//',
      '满意度指标/服务对象满意度指标//',
      '成本指标/经济成本指标//',
    ]);
    expect(d.implementationIndicators).toEqual(d.annualIndicators);
    expect(d.implementationIndicators).not.toBe(d.annualIndicators);
    // The other projects are the same objects.
    expect(edit.doc.projects[0]).toBe(sample.projects[0]);
    expect(sample.projects[3]?.declaration).toBeNull();
    expect(declarationsToCreate(edit.doc).map((p) => p.id)).not.toContain('p04');

    const findings = expectChangeRight(sample, edit);
    // No funding finding (P1 total and sources, A5 integers); the blank rows ask to be filled in.
    expect(subjects(findings, 'p04/')).toEqual(['P3 错误 p04/required', 'P6 错误 p04/placeholders']);
    const p1 = findings.find((f) => f.rule === 'P1' && f.subject === 'missing');
    expect(p1?.message).toMatch(/^8 个项目没有项目支出绩效目标申报表/);
  });

  it('splits 表12 sources: 财政拨款 市县, 财政专户 其他, 单位资金 单位自筹, in whole 元', () => {
    let doc = sampleDocument();
    doc = setInput(doc, { collection: 't12', key: 'p04', field: 'governmentFund' }, '1.5');
    doc = setInput(doc, { collection: 't12', key: 'p04', field: 'specialAccount' }, '0.25');
    doc = setInput(doc, { collection: 't12', key: 'p04', field: 'unitFunds' }, '2.00005');
    expect(fundingFromTable12(projectOf(doc, 'p04'))).toEqual({
      total: '97501',
      central: '',
      provincial: '',
      cityCounty: '75000',
      selfRaised: '20001',
      other: '2500',
    });
    const edit = ok(createDeclaration(doc, 'p04'));
    const findings = checkDocument(edit.doc);
    expect(findings.filter((f) => ['P1', 'A5'].includes(f.rule) && f.subject.startsWith('p04/'))).toEqual([]);
  });

  it('refuses a project that has one, is unknown, or is in neither 表12 nor 表13', () => {
    const sample = sampleDocument();
    expect(failure(createDeclaration(sample, 'p03'))).toBe('项目“运行维护监管系统经费”已有绩效目标申报表');
    expect(failure(createDeclaration(sample, 'p99'))).toBe('没有编号为“p99”的项目');
    const outside: BudgetDocument = {
      ...sample,
      projects: sample.projects.map((p) => (p.id === 'p04' ? { ...p, current: null } : p)),
    };
    expect(failure(createDeclaration(outside, 'p04'))).toBe(
      '项目“政府律师服务费”不在表12、表13 中，不需要编报绩效目标申报表',
    );
    expect(declarationsToCreate(outside).map((p) => p.id)).not.toContain('p04');
  });
});

describe('texts, goals, counts and funding', () => {
  it('sets a project text, re-checking that declaration only', () => {
    const sample = sampleDocument();
    const edit = ok(setDeclarationText(sample, P03, 'necessity', '保障监管系统全年稳定运行。'));
    expect(edit.change).toEqual({ kind: 'areas', areas: ['declaration:p03'] });
    expect(declarationOf(edit.doc, 'p03').necessity).toBe('保障监管系统全年稳定运行。');
    expect(declarationOf(sample, 'p03').necessity).not.toBe('保障监管系统全年稳定运行。');
    expect(edit.doc.projects[0]).toBe(sample.projects[0]);
    expect(edit.doc.tables).toBe(sample.tables);
    const findings = expectChangeRight(sample, edit);
    // 必要性 no longer repeats 概况, 措施 and 计划.
    const repeated = findings.find((f) => f.rule === 'P6' && f.subject === 'p03/repeated');
    expect(repeated?.message).toBe(
      '项目“运行维护监管系统经费”申报表中“项目概况”“保证项目实施的制度、措施”“项目实施计划”内容相同（均为“保障政府网站正常运行”）：各栏应分别写明项目概况、设立的必要性、保证实施的制度措施和实施计划',
    );
  });

  it('sets an overall text; the same text returns the same document', () => {
    const sample = sampleDocument();
    const edit = ok(setDeclarationText(sample, OVERALL, 'target', ''));
    expect(edit.change).toEqual({ kind: 'areas', areas: ['performance'] });
    expect(edit.doc.performance.overall.target).toBe('');
    const findings = expectChangeRight(sample, edit);
    expect(findings.find((f) => f.rule === 'P2' && f.subject === 'target')?.message).toBe(
      '部门整体支出绩效目标申报表未填写部门整体支出绩效目标',
    );
    const same = ok(setDeclarationText(sample, OVERALL, 'address', sample.performance.overall.address));
    expect(same.doc).toBe(sample);
  });

  it('refuses a field the declaration does not have, and a project without a declaration', () => {
    const sample = sampleDocument();
    // A field name that bypassed the types (from a message, say).
    const field = 'summary' as unknown as 'target';
    expect(failure(setDeclarationText(sample, OVERALL, field, 'x'))).toBe(
      '部门整体支出绩效目标申报表没有文字栏目“summary”',
    );
    expect(failure(setDeclarationText(sample, { kind: 'project', projectId: 'p04' }, 'summary', 'x'))).toBe(
      '项目“政府律师服务费”还没有绩效目标申报表',
    );
  });

  it('sets goals as a new list', () => {
    const sample = sampleDocument();
    const goals = ['保障系统正常运行', '及时处置故障'];
    const edit = ok(setGoals(sample, 'p03', 'annual', goals));
    const d = declarationOf(edit.doc, 'p03');
    expect(d.annualGoals).toEqual(goals);
    expect(d.annualGoals).not.toBe(goals);
    expect(d.implementationGoals).toEqual(declarationOf(sample, 'p03').implementationGoals);
    expectChangeRight(sample, edit);
    expect(ok(setGoals(edit.doc, 'p03', 'annual', [...goals])).doc).toBe(edit.doc);
  });

  it('sets 人员编制数 as a whole number and refuses anything else', () => {
    const sample = sampleDocument();
    const edit = ok(setOverallCount(sample, 'staffActual', ' ４２ '));
    expect(edit.doc.performance.overall.staffActual).toBe('42');
    expect(failure(setOverallCount(sample, 'staffQuota', '44人'))).toBe(
      '人员编制数：“44人”不是个数，请输入不带单位的整数，如 12',
    );
  });

  it('sets funding in whole 元 and refuses fractions and negatives', () => {
    const sample = sampleDocument();
    const edit = ok(setDeclarationFunding(sample, 'p03', 'annualFunding', 'total', '160,000'));
    expect(declarationOf(edit.doc, 'p03').annualFunding.total).toBe('160000');
    const findings = expectChangeRight(sample, edit);
    expect(findings.find((f) => f.rule === 'P1' && f.subject === 'p03/total')?.message).toBe(
      '项目“运行维护监管系统经费”申报表年度资金总额 160000 元 ≠ 表12 合计 15.00 万元（150000 元），相差 10000 元',
    );
    expect(failure(setDeclarationFunding(sample, 'p03', 'annualFunding', 'central', '12.5'))).toBe(
      '年度中央财政资金：申报表金额以元为单位，应为整数（如 383000）',
    );
    expect(failure(setDeclarationFunding(sample, 'p03', 'implementationFunding', 'other', '-1'))).toBe(
      '实施期其他资金：金额不能为负数',
    );
    expect(failure(setDeclarationFunding(sample, 'p03', 'annualFunding', 'total', '十五万'))).toBe(
      '年度资金总额：“十五万”不是金额，请输入数字，如 1234.56 或 1,234.56',
    );
  });
});

describe('indicator rows', () => {
  it('adds a row like its neighbour, or a given one, re-checking that declaration', () => {
    const sample = sampleDocument();
    const before = declarationOf(sample, 'p03').annualIndicators;
    const blank = ok(addIndicator(sample, P03, 'annual', 1));
    expect(blank.change).toEqual({ kind: 'areas', areas: ['declaration:p03'] });
    const rows = declarationOf(blank.doc, 'p03').annualIndicators;
    expect(rows).toHaveLength(before.length + 1);
    expect(rows[1]).toEqual(indicator('产出指标', '数量指标', '', ''));
    expect(rows[2]).toBe(before[1]);
    expect(declarationOf(blank.doc, 'p03').implementationIndicators).toBe(
      declarationOf(sample, 'p03').implementationIndicators,
    );
    const findings = expectChangeRight(sample, blank);
    expect(findings.find((f) => f.rule === 'P6' && f.subject === 'p03/placeholders')?.message).toBe(
      '项目“运行维护监管系统经费”年度绩效指标中 1 个指标是模板占位内容：数量指标“”（三级指标名称为空）。请填写实际指标，或删除该行',
    );

    const cost = indicator('成本指标', '经济成本指标', '运行维护费用', '≤15万元');
    const given = ok(addIndicator(sample, P03, 'implementation', 0, cost));
    expect(declarationOf(given.doc, 'p03').implementationIndicators[0]).toEqual(cost);
    expectChangeRight(sample, given);
  });

  it('adds to and removes from the overall grid, re-checking the overall declaration', () => {
    const sample = sampleDocument();
    const cost = indicator('成本指标', '经济成本指标', '部门预算执行率', '≥95%');
    const added = ok(addIndicator(sample, OVERALL, 'indicators', 5, cost));
    expect(added.change).toEqual({ kind: 'areas', areas: ['performance'] });
    expect(added.doc.performance.overall.indicators.at(-1)).toEqual(cost);
    const findingsAdded = expectChangeRight(sample, added);
    expect(findingsAdded.find((f) => f.subject === 'overall/cost')).toBeUndefined();

    const removed = ok(removeIndicator(added.doc, OVERALL, 'indicators', 4));
    expect(removed.doc.performance.overall.indicators.map((i) => i.level1)).toEqual([
      '产出指标',
      '产出指标',
      '产出指标',
      '效益指标',
      '成本指标',
    ]);
    const findings = expectChangeRight(added.doc, removed);
    expect(findings.find((f) => f.rule === 'P3' && f.subject === 'overall/required')?.message).toBe(
      '部门整体支出绩效指标缺少满意度指标：每张申报表至少应有一个产出指标、效益指标和满意度指标',
    );
  });

  it('removes a project row', () => {
    const sample = sampleDocument();
    const edit = ok(removeIndicator(sample, P03, 'annual', 0));
    const before = declarationOf(sample, 'p03').annualIndicators;
    expect(declarationOf(edit.doc, 'p03').annualIndicators).toEqual(before.slice(1));
    expectChangeRight(sample, edit);
  });

  it('refuses rows and positions that do not exist, and lists of the other declaration', () => {
    const sample = sampleDocument();
    const count = declarationOf(sample, 'p03').annualIndicators.length;
    expect(failure(removeIndicator(sample, P03, 'annual', count))).toBe(
      `项目“运行维护监管系统经费”年度绩效指标没有第 ${count + 1} 行（共 ${count} 行）`,
    );
    expect(failure(addIndicator(sample, P03, 'annual', -1))).toBe(
      `项目“运行维护监管系统经费”年度绩效指标：插入位置应在第 1 行到第 ${count + 1} 行之间`,
    );
    const list = 'annual' as unknown as 'indicators';
    expect(failure(addIndicator(sample, OVERALL, list, 0))).toBe(
      '部门整体支出绩效目标申报表只有一张绩效指标表（indicators），没有“annual”',
    );
    expect(
      failure(
        addIndicator(sample, P03, 'annual', 0, indicator('满意度指标', '数量指标', '培训人次', '≥200人次')),
      ),
    ).toBe(
      '项目“运行维护监管系统经费”年度绩效指标：二级指标“数量指标”不属于一级指标“满意度指标”，应为服务对象满意度指标之一',
    );
  });

  it('updates a row; a new 一级 alone brings its first 二级; a wrong pair is refused', () => {
    const sample = sampleDocument();
    const named = ok(updateIndicator(sample, P03, 'annual', 0, { name: '监管网站个数', value: '=1个' }));
    expect(declarationOf(named.doc, 'p03').annualIndicators[0]).toEqual(
      indicator('产出指标', '数量指标', '监管网站个数', '=1个'),
    );
    expectChangeRight(sample, named);

    const moved = ok(updateIndicator(sample, P03, 'annual', 0, { level1: '成本指标' }));
    expect(declarationOf(moved.doc, 'p03').annualIndicators[0]?.level2).toBe('经济成本指标');
    const kept = ok(updateIndicator(sample, P03, 'annual', 1, { level1: '产出指标' }));
    expect(kept.doc).toBe(sample);

    expect(failure(updateIndicator(sample, P03, 'annual', 0, { level2: '社会效益指标' }))).toBe(
      '项目“运行维护监管系统经费”年度绩效指标第 1 行：二级指标“社会效益指标”不属于一级指标“产出指标”，应为数量指标、质量指标、时效指标、成本指标之一',
    );
  });

  it('moves a row', () => {
    const sample = sampleDocument();
    const before = declarationOf(sample, 'p03').annualIndicators;
    const edit = ok(moveIndicator(sample, P03, 'annual', 0, 2));
    const after = declarationOf(edit.doc, 'p03').annualIndicators;
    expect(after.slice(0, 3)).toEqual([before[1], before[2], before[0]]);
    expect(after.slice(3)).toEqual(before.slice(3));
    expectChangeRight(sample, edit);
    expect(ok(moveIndicator(sample, P03, 'annual', 1, 1)).doc).toBe(sample);
    expect(failure(moveIndicator(sample, P03, 'annual', 0, 99))).toMatch(/没有第 100 行/);
  });
});

describe('copyDeclaration', () => {
  it('asks first only when the target says something copying would replace', () => {
    const sample = sampleDocument();
    expect(copyWouldReplace(null)).toBe(false);
    expect(copyWouldReplace(declarationOf(sample, 'p03'))).toBe(true);
    // A new declaration has blank texts and goals, and blank indicator rows.
    const created = declarationOf(ok(createDeclaration(sample, 'p04')).doc, 'p04');
    expect(copyWouldReplace(created)).toBe(false);
    expect(copyWouldReplace({ ...created, period: '1年' })).toBe(true);
    expect(copyWouldReplace({ ...created, annualGoals: ['保障运行'] })).toBe(true);
    // Who filled it in is kept by copying: not a reason to ask.
    expect(copyWouldReplace({ ...created, handler: '张三' })).toBe(false);
  });

  it('copies texts, goals and indicators, keeping the target’s money and people', () => {
    let sample = sampleDocument();
    sample = ok(
      setDeclarationText(sample, { kind: 'project', projectId: 'p13' }, 'filledOn', '2024年2月1日'),
    ).doc;
    const edit = ok(copyDeclaration(sample, 'p03', 'p13'));
    expect(edit.change).toEqual({ kind: 'areas', areas: ['declaration:p13'] });
    const source = declarationOf(sample, 'p03');
    const target = declarationOf(sample, 'p13');
    const copied = declarationOf(edit.doc, 'p13');
    expect(copied).toEqual({
      ...source,
      implementationFunding: target.implementationFunding,
      annualFunding: target.annualFunding,
      personInCharge: target.personInCharge,
      handler: target.handler,
      phone: target.phone,
      filledOn: '2024年2月1日',
    });
    expect(copied.annualFunding.total).toBe('40000');
    expect(copied.annualIndicators).not.toBe(source.annualIndicators);
    expectChangeRight(sample, edit);
  });

  it('creates the target’s declaration when it has none', () => {
    const sample = sampleDocument();
    const edit = ok(copyDeclaration(sample, 'p03', 'p05'));
    expect(edit.change).toEqual({ kind: 'areas', areas: ['declarations', 'narrative', 'declaration:p05'] });
    const copied = declarationOf(edit.doc, 'p05');
    expect(copied.summary).toBe(declarationOf(sample, 'p03').summary);
    expect(copied.annualFunding.total).toBe('51000');
    expect(copied.personInCharge).toBe('');
    const findings = expectChangeRight(sample, edit);
    expect(findings.filter((f) => f.rule === 'P1' && f.subject.startsWith('p05/'))).toEqual([]);
  });

  it('refuses a source without a declaration, and copying a project onto itself', () => {
    const sample = sampleDocument();
    expect(failure(copyDeclaration(sample, 'p04', 'p03'))).toBe(
      '无法复制：项目“政府律师服务费”还没有绩效目标申报表',
    );
    expect(failure(copyDeclaration(sample, 'p03', 'p03'))).toBe('无法复制：来源项目和目标项目是同一个项目');
    expect(failure(copyDeclaration(sample, 'p03', 'nope'))).toBe('无法复制：没有编号为“nope”的项目');
  });
});

describe('the indicator library', () => {
  it('has 20 to 40 valid, measurable indicators that pass the P rules', () => {
    expect(DEFAULT_INDICATOR_LIBRARY.length).toBeGreaterThanOrEqual(20);
    expect(DEFAULT_INDICATOR_LIBRARY.length).toBeLessThanOrEqual(40);
    for (const level1 of INDICATOR_LEVEL1) {
      expect(DEFAULT_INDICATOR_LIBRARY.some((t) => t.level1 === level1)).toBe(true);
    }
    expect(parseIndicatorLibrary(JSON.parse(JSON.stringify(DEFAULT_INDICATOR_LIBRARY)))).toEqual({
      ok: true,
      library: DEFAULT_INDICATOR_LIBRARY,
    });
    // Every template in both grids of one declaration: no P finding on it (P6 repeated is about texts).
    let doc = sampleDocument();
    for (const list of ['implementation', 'annual'] as const) {
      const count = declarationOf(doc, 'p03')[`${list}Indicators`].length;
      for (let i = 0; i < count; i++) doc = ok(removeIndicator(doc, P03, list, 0)).doc;
      DEFAULT_INDICATOR_LIBRARY.forEach((t, i) => {
        doc = ok(addIndicator(doc, P03, list, i, { ...t })).doc;
      });
    }
    const findings = checkDocument(doc).filter((f) => f.subject.startsWith('p03/') && f.rule !== 'C3');
    expect(findings.map((f) => `${f.rule} ${f.subject}`)).toEqual(['P6 p03/repeated']);
  });

  it('reads a library file and names each problem', () => {
    expect(
      parseIndicatorLibrary([
        { level1: '产出指标', level2: '数量指标', name: ' 培训人次 ', value: '≥200人次' },
      ]),
    ).toEqual({
      ok: true,
      library: [{ level1: '产出指标', level2: '数量指标', name: '培训人次', value: '≥200人次' }],
    });
    expect(parseIndicatorLibrary({ indicators: [] })).toEqual({
      ok: false,
      message: '指标库格式不正确：指标库应为指标的列表（JSON 数组）',
    });
    expect(parseIndicatorLibrary([])).toEqual({ ok: false, message: '指标库格式不正确：指标库中没有指标' });
    const result = parseIndicatorLibrary([
      { level1: '产出指标', level2: '数量指标', name: '培训人次', value: '≥200人次' },
      { level1: '产出', level2: '数量指标', name: '', value: 3 },
      { level1: '满意度指标', level2: '数量指标', name: '满意度', value: '≥90%' },
      'x',
    ]);
    expect(result).toEqual({
      ok: false,
      message:
        '指标库格式不正确：第 2 条 一级指标：一级指标应为产出指标、效益指标、满意度指标、成本指标之一；' +
        '第 2 条 三级指标：三级指标名称不能为空；第 2 条 指标值：指标值应为文字；' +
        '第 3 条 二级指标：二级指标“数量指标”不属于一级指标“满意度指标”，应为服务对象满意度指标之一；' +
        '第 4 条：每条指标应为 {"level1", "level2", "name", "value"} 形式的对象',
    });
  });

  it('searches by words in any column, name matches first, optionally within one 一级', () => {
    const names = (query: string, level1?: Indicator['level1']) =>
      searchLibrary(DEFAULT_INDICATOR_LIBRARY, query, level1).map((t) => t.name);
    expect(names('培训')).toEqual(['培训人次', '培训合格率', '人均培训成本']);
    expect(names('培训', '成本指标')).toEqual(['人均培训成本']);
    expect(names('满意度 参训')).toEqual(['参训人员满意度']);
    expect(names('')).toHaveLength(DEFAULT_INDICATOR_LIBRARY.length);
    expect(names('', '满意度指标')).toEqual([
      '服务对象满意度',
      '参训人员满意度',
      '群众满意度',
      '机关工作人员满意度',
    ]);
    // 时效指标 matches by its 二级 only: after the names that contain 时限.
    expect(names('时限')).toEqual(['项目完成时限', '事项办结时限']);
    expect(names('成本')[0]).toBe('行政运行成本节约率');
    expect(names('ZZZ')).toEqual([]);
  });

  it('gives new grids the default rows', () => {
    expect(defaultIndicators().every((i) => i.name === '' && i.value === '')).toBe(true);
  });
});
