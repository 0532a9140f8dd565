/**
 * Editing the performance-target declarations (绩效目标申报表): creating a project's declaration, its texts,
 * goals and funding, the indicator grids of either declaration, copying one project's declaration to
 * another, and a library of common indicators to pick from.
 *
 * Every function is pure: it returns a new document (unchanged parts shared) together with the
 * `DocumentChange` the check session needs, or a failure with a Chinese message for input that can be
 * wrong. A value that does not change returns the same document, so the editor records no step.
 */
import { FUNDING_LABELS, needsDeclaration } from './form';
import { z } from 'zod';
import type { DocumentChange } from '../checks/session';
import type { Area } from '../checks/types';
import { handOn, positionsOf, projectById } from '../document/lookup';
import {
  INDICATOR_LEVEL1,
  INDICATOR_LEVEL2,
  type BudgetDocument,
  type Indicator,
  type OverallDeclaration,
  type Project,
  type ProjectDeclaration,
  type YuanFunding,
} from '../document/schema';
import { Decimal, parseAmountInput, sum, toAmount, toDecimal, wanToYuan } from '../money';
import { parseCountInput } from '../narrative/edit';

// ---------------------------------------------------------------------------------------------------
// Owners, fields and results

/** Whose declaration: one project's (项目支出), or the department's (部门整体支出). */
export type DeclarationOwner =
  { readonly kind: 'project'; readonly projectId: string } | { readonly kind: 'overall' };

/** A project declaration has two grids (实施期, 年度); the 整体 declaration one. */
export type ProjectIndicatorList = 'implementation' | 'annual';
export type IndicatorListName = ProjectIndicatorList | 'indicators';
export type IndicatorListOf<O extends DeclarationOwner> = O extends { readonly kind: 'project' }
  ? ProjectIndicatorList
  : 'indicators';

const PROJECT_TEXT_FIELDS = [
  'attribute', // 项目属性
  'period', // 项目期
  'summary', // 项目概况
  'basis', // 立项依据
  'necessity', // 项目设立必要性
  'measures', // 保证项目实施的制度、措施
  'plan', // 项目实施计划
  'personInCharge', // 负责人
  'handler', // 经办人
  'phone',
  'filledOn', // 填报日期
] as const satisfies readonly (keyof ProjectDeclaration)[];
export type ProjectTextField = (typeof PROJECT_TEXT_FIELDS)[number];

const OVERALL_TEXT_FIELDS = [
  'unitName',
  'address',
  'contact',
  'phone',
  'functions', // 单位职能
  'target', // 部门整体支出绩效目标
] as const satisfies readonly (keyof OverallDeclaration)[];
export type OverallTextField = (typeof OVERALL_TEXT_FIELDS)[number];

export type TextFieldOf<O extends DeclarationOwner> = O extends { readonly kind: 'project' }
  ? ProjectTextField
  : OverallTextField;

/** 人员编制数, 实有人数 of the 整体 declaration. */
export type OverallCountField = 'staffQuota' | 'staffActual';
export type FundingPeriod = 'implementationFunding' | 'annualFunding';
export type FundingField = keyof YuanFunding;

export type DeclarationEdit =
  | { readonly ok: true; readonly doc: BudgetDocument; readonly change: DocumentChange }
  | { readonly ok: false; readonly message: string };

const fail = (message: string): DeclarationEdit => ({ ok: false, message });
const done = (doc: BudgetDocument, areas: readonly Area[]): DeclarationEdit => ({
  ok: true,
  doc,
  change: { kind: 'areas', areas },
});

const OVERALL = '部门整体支出绩效目标申报表';

/** Which 二级 belong to which 一级 (成本指标 under 产出 is the older forms' place for cost). */
export const LEVEL2_BY_LEVEL1: Readonly<Record<Indicator['level1'], readonly Indicator['level2'][]>> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

function isLevel1(value: string): value is Indicator['level1'] {
  return (INDICATOR_LEVEL1 as readonly string[]).includes(value);
}

function isLevel2(value: string): value is Indicator['level2'] {
  return (INDICATOR_LEVEL2 as readonly string[]).includes(value);
}

/** Why an indicator cannot be stored (an unknown level, or a 二级 of another 一级); null when it can. */
function indicatorProblem(indicator: { readonly level1: string; readonly level2: string }): string | null {
  const { level1, level2 } = indicator;
  if (!isLevel1(level1)) return `一级指标“${level1}”不是${INDICATOR_LEVEL1.join('、')}之一`;
  if (!isLevel2(level2) || !LEVEL2_BY_LEVEL1[level1].includes(level2)) {
    return `二级指标“${level2}”不属于一级指标“${level1}”，应为${LEVEL2_BY_LEVEL1[level1].join('、')}之一`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Projects

function findProject(doc: BudgetDocument, projectId: string): Project | string {
  return projectById(doc, projectId) ?? `没有编号为“${projectId}”的项目`;
}

function replaceProject(doc: BudgetDocument, next: Project): BudgetDocument {
  const index = positionsOf(doc.projects, (p) => p.id).get(next.id);
  return {
    ...doc,
    projects: handOn(
      doc.projects,
      doc.projects.map((p, i) => (i === index ? next : p)),
    ),
  };
}

/** A project's declaration, or why there is none. */
function declarationOf(
  doc: BudgetDocument,
  projectId: string,
): { project: Project; declaration: ProjectDeclaration } | string {
  const project = findProject(doc, projectId);
  if (typeof project === 'string') return project;
  if (!project.declaration) return `项目“${project.name}”还没有绩效目标申报表`;
  return { project, declaration: project.declaration };
}

function withDeclaration(
  doc: BudgetDocument,
  project: Project,
  declaration: ProjectDeclaration,
): BudgetDocument {
  return replaceProject(doc, { ...project, declaration });
}

// ---------------------------------------------------------------------------------------------------
// Creating a declaration

/** 元 amounts are integers (A5); a 万元 amount with more than two decimals is rounded half up. */
function yuanOf(wan: Decimal): string {
  const yuan = wanToYuan(wan).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return yuan.isZero() ? '' : toAmount(yuan);
}

/**
 * The 元 funding of a project's 表12 amounts. P1 wants 年度资金总额 = 表12 合计 × 10000 and the sources to
 * add up to it. 表12 cannot tell 中央 and 省级 transfers from the county's own money, so all 财政拨款
 * (一般公共预算, 政府性基金, 国有资本经营) is 市县（区）财政资金, as the published county declarations state it;
 * 财政专户管理资金 is 其他资金 and 单位资金 is 单位自筹. The total is the sum of the parts as stored.
 */
export function fundingFromTable12(project: Project): YuanFunding {
  const current = project.current;
  if (!current) return { total: '', central: '', provincial: '', cityCounty: '', selfRaised: '', other: '' };
  const cityCounty = yuanOf(
    sum([current.generalBudget, current.governmentFund, current.stateCapital].map(toDecimal)),
  );
  const other = yuanOf(toDecimal(current.specialAccount));
  const selfRaised = yuanOf(toDecimal(current.unitFunds));
  const total = sum([cityCounty, other, selfRaised].map(toDecimal));
  return {
    total: total.isZero() ? '' : toAmount(total),
    central: '',
    provincial: '',
    cityCounty,
    selfRaised,
    other,
  };
}

const blankIndicator = (level1: Indicator['level1'], level2: Indicator['level2']): Indicator => ({
  level1,
  level2,
  name: '',
  value: '',
});

/**
 * The rows a new grid starts with: what P3 requires (产出, 效益, 满意度) and the 成本 it asks for, one row
 * each, with the usual three 产出 二级. Names and values are left for the accountant (P6 flags them
 * until they are typed).
 */
export function defaultIndicators(): Indicator[] {
  return [
    blankIndicator('产出指标', '数量指标'),
    blankIndicator('产出指标', '质量指标'),
    blankIndicator('产出指标', '时效指标'),
    blankIndicator('效益指标', '社会效益指标'),
    blankIndicator('满意度指标', '服务对象满意度指标'),
    blankIndicator('成本指标', '经济成本指标'),
  ];
}

/**
 * A new declaration for a project: empty texts, the default indicator rows, and the funding from 表12.
 * Most county projects are one-year projects, so 实施期资金 starts as the 年度资金 (edit it for others).
 */
function newDeclaration(project: Project): ProjectDeclaration {
  const funding = fundingFromTable12(project);
  return {
    attribute: '',
    period: '',
    implementationFunding: { ...funding },
    annualFunding: funding,
    summary: '',
    basis: '',
    necessity: '',
    measures: '',
    plan: '',
    implementationGoals: [],
    annualGoals: [],
    implementationIndicators: defaultIndicators(),
    annualIndicators: defaultIndicators(),
    personInCharge: '',
    handler: '',
    phone: '',
    filledOn: '',
  };
}

/**
 * Whether a declaration appeared or went away: P1 lists the projects without one (area 'declarations')
 * and the narrative's 十 counts the projects with one ('narrative').
 */
function declaredAreas(projectId: string): Area[] {
  return ['declarations', 'narrative', `declaration:${projectId}`];
}

/** The projects of 表12 and 表13 without a declaration (the ones P1 lists), in their order. */
export function declarationsToCreate(doc: BudgetDocument): Project[] {
  return doc.projects.filter((p) => needsDeclaration(p) && !p.declaration);
}

/**
 * The projects the declarations' list shows, in their order: those that need one (表12, 表13) and any
 * other that has one (a project no longer in the tables keeps its declaration until it is removed).
 */
export function declarationList(doc: BudgetDocument): Project[] {
  return doc.projects.filter((p) => needsDeclaration(p) || p.declaration !== null);
}

/** The declarations that differ between two versions (by object identity: edits share what they keep). */
export function changedDeclarations(before: BudgetDocument, after: BudgetDocument): DeclarationOwner[] {
  const changed: DeclarationOwner[] = [];
  if (before.performance.overall !== after.performance.overall) changed.push({ kind: 'overall' });
  if (before.projects === after.projects) return changed;
  const earlier = new Map(before.projects.map((p) => [p.id, p.declaration]));
  for (const p of after.projects) {
    if ((earlier.get(p.id) ?? null) !== p.declaration) changed.push({ kind: 'project', projectId: p.id });
  }
  return changed;
}

/** Gives every project of 表12 and 表13 without a declaration its own, as one step (createDeclaration). */
export function createAllDeclarations(doc: BudgetDocument): DeclarationEdit {
  let next = doc;
  const areas = new Set<Area>();
  let structural = false;
  for (const project of declarationsToCreate(doc)) {
    const result = createDeclaration(next, project.id);
    if (!result.ok) return result;
    next = result.doc;
    if (result.change.kind === 'areas') for (const area of result.change.areas) areas.add(area);
    else structural = true;
  }
  const change: DocumentChange = structural ? { kind: 'structure' } : { kind: 'areas', areas: [...areas] };
  return { ok: true, doc: next, change };
}

/** Gives a project of 表12 (or 表13) its declaration (see newDeclaration). */
export function createDeclaration(doc: BudgetDocument, projectId: string): DeclarationEdit {
  const project = findProject(doc, projectId);
  if (typeof project === 'string') return fail(project);
  if (project.declaration) return fail(`项目“${project.name}”已有绩效目标申报表`);
  if (!needsDeclaration(project)) {
    return fail(`项目“${project.name}”不在表12、表13 中，不需要编报绩效目标申报表`);
  }
  return done(withDeclaration(doc, project, newDeclaration(project)), declaredAreas(project.id));
}

// ---------------------------------------------------------------------------------------------------
// Texts, goals, counts and funding

function isProjectTextField(field: string): field is ProjectTextField {
  return (PROJECT_TEXT_FIELDS as readonly string[]).includes(field);
}

function isOverallTextField(field: string): field is OverallTextField {
  return (OVERALL_TEXT_FIELDS as readonly string[]).includes(field);
}

function setOverall(doc: BudgetDocument, overall: OverallDeclaration): DeclarationEdit {
  return done({ ...doc, performance: { ...doc.performance, overall } }, ['performance']);
}

/** Sets one text of a declaration (项目概况, 绩效目标, 负责人 …). */
export function setDeclarationText<O extends DeclarationOwner>(
  doc: BudgetDocument,
  owner: O,
  field: TextFieldOf<O>,
  text: string,
): DeclarationEdit {
  const who: DeclarationOwner = owner;
  const name: string = field;
  if (who.kind === 'overall') {
    if (!isOverallTextField(name)) return fail(`${OVERALL}没有文字栏目“${name}”`);
    const overall = doc.performance.overall;
    if (overall[name] === text) return setUnchanged(doc, ['performance']);
    return setOverall(doc, { ...overall, [name]: text });
  }
  const found = declarationOf(doc, who.projectId);
  if (typeof found === 'string') return fail(found);
  if (!isProjectTextField(name)) return fail(`项目支出绩效目标申报表没有文字栏目“${name}”`);
  const { project, declaration } = found;
  const areas: Area[] = [`declaration:${project.id}`];
  if (declaration[name] === text) return setUnchanged(doc, areas);
  return done(withDeclaration(doc, project, { ...declaration, [name]: text }), areas);
}

function setUnchanged(doc: BudgetDocument, areas: readonly Area[]): DeclarationEdit {
  return done(doc, areas);
}

/** Sets a project's 实施期目标 or 年度目标 (one text per line of the form). */
export function setGoals(
  doc: BudgetDocument,
  projectId: string,
  list: ProjectIndicatorList,
  goals: readonly string[],
): DeclarationEdit {
  const found = declarationOf(doc, projectId);
  if (typeof found === 'string') return fail(found);
  const { project, declaration } = found;
  const key = list === 'implementation' ? 'implementationGoals' : 'annualGoals';
  const areas: Area[] = [`declaration:${project.id}`];
  const before = declaration[key];
  if (before.length === goals.length && before.every((goal, i) => goal === goals[i])) {
    return setUnchanged(doc, areas);
  }
  return done(withDeclaration(doc, project, { ...declaration, [key]: [...goals] }), areas);
}

/** Sets 人员编制数 or 实有人数 of the 整体 declaration: a non-negative integer, or blank. */
export function setOverallCount(
  doc: BudgetDocument,
  field: OverallCountField,
  input: string,
): DeclarationEdit {
  const parsed = parseCountInput(input);
  if (!parsed.ok) return fail(`${field === 'staffQuota' ? '人员编制数' : '实有人数'}：${parsed.message}`);
  const overall = doc.performance.overall;
  if (overall[field] === parsed.count) return setUnchanged(doc, ['performance']);
  return setOverall(doc, { ...overall, [field]: parsed.count });
}

/** Sets one 元 amount of a project declaration's funding: a non-negative whole number of 元, or blank. */
export function setDeclarationFunding(
  doc: BudgetDocument,
  projectId: string,
  period: FundingPeriod,
  field: FundingField,
  input: string,
): DeclarationEdit {
  const found = declarationOf(doc, projectId);
  if (typeof found === 'string') return fail(found);
  const { project, declaration } = found;
  const label = `${period === 'annualFunding' ? '年度' : '实施期'}${FUNDING_LABELS[field]}`;
  const parsed = parseAmountInput(input);
  if (!parsed.ok) return fail(`${label}：${parsed.message}`);
  const amount = parsed.amount;
  if (amount.startsWith('-')) return fail(`${label}：金额不能为负数`);
  // 绩效目标申报表 amounts are whole 元 (A5).
  if (amount.includes('.')) return fail(`${label}：申报表金额以元为单位，应为整数（如 383000）`);
  const areas: Area[] = [`declaration:${project.id}`];
  if (declaration[period][field] === amount) return setUnchanged(doc, areas);
  const funding = { ...declaration[period], [field]: amount };
  return done(withDeclaration(doc, project, { ...declaration, [period]: funding }), areas);
}

// ---------------------------------------------------------------------------------------------------
// Indicator grids

interface Grid {
  readonly indicators: readonly Indicator[];
  readonly write: (next: Indicator[]) => BudgetDocument;
  readonly areas: readonly Area[];
  /** 项目“X”年度绩效指标, for messages. */
  readonly label: string;
}

function gridOf(doc: BudgetDocument, owner: DeclarationOwner, list: string): Grid | string {
  if (owner.kind === 'overall') {
    if (list !== 'indicators') return `${OVERALL}只有一张绩效指标表（indicators），没有“${list}”`;
    const overall = doc.performance.overall;
    return {
      indicators: overall.indicators,
      write: (indicators) => ({
        ...doc,
        performance: { ...doc.performance, overall: { ...overall, indicators } },
      }),
      areas: ['performance'],
      label: `${OVERALL}绩效指标`,
    };
  }
  const found = declarationOf(doc, owner.projectId);
  if (typeof found === 'string') return found;
  const { project, declaration } = found;
  if (list !== 'implementation' && list !== 'annual') {
    return `项目支出绩效目标申报表的指标表是实施期（implementation）或年度（annual），没有“${list}”`;
  }
  const key = list === 'implementation' ? 'implementationIndicators' : 'annualIndicators';
  return {
    indicators: declaration[key],
    write: (indicators) => withDeclaration(doc, project, { ...declaration, [key]: indicators }),
    areas: [`declaration:${project.id}`],
    label: `项目“${project.name}”${list === 'implementation' ? '实施期' : '年度'}绩效指标`,
  };
}

function rowProblem(grid: Grid, index: number): string | null {
  const count = grid.indicators.length;
  if (Number.isInteger(index) && index >= 0 && index < count) return null;
  return count === 0
    ? `${grid.label}没有指标行`
    : `${grid.label}没有第 ${Number.isInteger(index) ? index + 1 : index} 行（共 ${count} 行）`;
}

/**
 * Inserts an indicator before row `at` (0 … the row count; the count appends). Without one given, the
 * new row takes the 一级 and 二级 of the row above it (or below, at the top), with an empty name and value.
 */
export function addIndicator<O extends DeclarationOwner>(
  doc: BudgetDocument,
  owner: O,
  list: IndicatorListOf<O>,
  at: number,
  indicator?: Indicator,
): DeclarationEdit {
  const grid = gridOf(doc, owner, list);
  if (typeof grid === 'string') return fail(grid);
  const rows = grid.indicators;
  if (!Number.isInteger(at) || at < 0 || at > rows.length) {
    return fail(`${grid.label}：插入位置应在第 1 行到第 ${rows.length + 1} 行之间`);
  }
  const neighbour = rows[at - 1] ?? rows[at];
  const added: Indicator = indicator
    ? { level1: indicator.level1, level2: indicator.level2, name: indicator.name, value: indicator.value }
    : blankIndicator(neighbour?.level1 ?? '产出指标', neighbour?.level2 ?? '数量指标');
  const problem = indicatorProblem(added);
  if (problem) return fail(`${grid.label}：${problem}`);
  return done(grid.write([...rows.slice(0, at), added, ...rows.slice(at)]), grid.areas);
}

export function removeIndicator<O extends DeclarationOwner>(
  doc: BudgetDocument,
  owner: O,
  list: IndicatorListOf<O>,
  index: number,
): DeclarationEdit {
  const grid = gridOf(doc, owner, list);
  if (typeof grid === 'string') return fail(grid);
  const problem = rowProblem(grid, index);
  if (problem) return fail(problem);
  return done(grid.write(grid.indicators.filter((_, i) => i !== index)), grid.areas);
}

/**
 * Changes fields of one indicator. A 一级 changed without a 二级 takes the new 一级's first 二级 when the
 * row's 二级 does not belong to it (the form offers the 二级 of the chosen 一级 only); a 二级 given that
 * does not belong to the 一级 is refused.
 */
export function updateIndicator<O extends DeclarationOwner>(
  doc: BudgetDocument,
  owner: O,
  list: IndicatorListOf<O>,
  index: number,
  patch: Partial<Indicator>,
): DeclarationEdit {
  const grid = gridOf(doc, owner, list);
  if (typeof grid === 'string') return fail(grid);
  const problem = rowProblem(grid, index);
  if (problem) return fail(problem);
  const before = grid.indicators[index];
  if (!before) return fail(`${grid.label}没有第 ${index + 1} 行`);
  const level1 = patch.level1 ?? before.level1;
  let level2 = patch.level2 ?? before.level2;
  if (patch.level2 === undefined && isLevel1(level1) && !LEVEL2_BY_LEVEL1[level1].includes(level2)) {
    level2 = LEVEL2_BY_LEVEL1[level1][0] ?? level2;
  }
  const after: Indicator = {
    level1,
    level2,
    name: patch.name ?? before.name,
    value: patch.value ?? before.value,
  };
  const invalid = indicatorProblem(after);
  if (invalid) return fail(`${grid.label}第 ${index + 1} 行：${invalid}`);
  if (
    after.level1 === before.level1 &&
    after.level2 === before.level2 &&
    after.name === before.name &&
    after.value === before.value
  ) {
    return setUnchanged(doc, grid.areas);
  }
  return done(grid.write(grid.indicators.map((row, i) => (i === index ? after : row))), grid.areas);
}

/** Moves row `from` so that it ends up at row `to` (both 0-based, within the grid). */
export function moveIndicator<O extends DeclarationOwner>(
  doc: BudgetDocument,
  owner: O,
  list: IndicatorListOf<O>,
  from: number,
  to: number,
): DeclarationEdit {
  const grid = gridOf(doc, owner, list);
  if (typeof grid === 'string') return fail(grid);
  const problem = rowProblem(grid, from) ?? rowProblem(grid, to);
  if (problem) return fail(problem);
  if (from === to) return setUnchanged(doc, grid.areas);
  const rows = [...grid.indicators];
  const [moved] = rows.splice(from, 1);
  if (!moved) return fail(`${grid.label}没有第 ${from + 1} 行`);
  rows.splice(to, 0, moved);
  return done(grid.write(rows), grid.areas);
}

// ---------------------------------------------------------------------------------------------------
// Copying a declaration

/** What copying takes from the source: the describing texts (not who filled it in, or when). */
const COPIED_TEXTS = ['attribute', 'period', 'summary', 'basis', 'necessity', 'measures', 'plan'] as const;

/** Whether copying into a declaration would replace something: a text, a goal or an indicator it has. */
export function copyWouldReplace(d: ProjectDeclaration | null): boolean {
  if (!d) return false;
  const goals = [...d.implementationGoals, ...d.annualGoals];
  const indicators = [...d.implementationIndicators, ...d.annualIndicators];
  return (
    COPIED_TEXTS.some((field) => d[field].trim() !== '') ||
    goals.some((g) => g.trim() !== '') ||
    indicators.some((i) => i.name.trim() !== '' || i.value.trim() !== '')
  );
}

/**
 * Copies another project's texts, goals and indicators to a project. The target keeps its own funding
 * (its 元 amounts follow its own 表12 amounts) and its 负责人, 经办人, 电话 and 填报日期; a target without a
 * declaration gets one as createDeclaration would make it, then the copy.
 */
export function copyDeclaration(
  doc: BudgetDocument,
  fromProjectId: string,
  toProjectId: string,
): DeclarationEdit {
  const source = declarationOf(doc, fromProjectId);
  if (typeof source === 'string') return fail(`无法复制：${source}`);
  const target = findProject(doc, toProjectId);
  if (typeof target === 'string') return fail(`无法复制：${target}`);
  if (target.id === source.project.id) return fail('无法复制：来源项目和目标项目是同一个项目');
  if (!target.declaration && !needsDeclaration(target)) {
    return fail(`无法复制：项目“${target.name}”不在表12、表13 中，不需要编报绩效目标申报表`);
  }
  const from = source.declaration;
  const base = target.declaration ?? newDeclaration(target);
  const copied: ProjectDeclaration = { ...base };
  for (const key of COPIED_TEXTS) copied[key] = from[key];
  copied.implementationGoals = [...from.implementationGoals];
  copied.annualGoals = [...from.annualGoals];
  // Indicators are immutable values: the copy may share them.
  copied.implementationIndicators = [...from.implementationIndicators];
  copied.annualIndicators = [...from.annualIndicators];
  const areas: Area[] = target.declaration ? [`declaration:${target.id}`] : declaredAreas(target.id);
  return done(withDeclaration(doc, target, copied), areas);
}

// ---------------------------------------------------------------------------------------------------
// The indicator library

/** An indicator to pick from a library: the same four columns as a grid row. */
export interface IndicatorTemplate {
  readonly level1: Indicator['level1'];
  readonly level2: Indicator['level2'];
  readonly name: string;
  readonly value: string;
}

const template = (
  level1: Indicator['level1'],
  level2: Indicator['level2'],
  name: string,
  value: string,
): IndicatorTemplate => ({ level1, level2, name, value });

/**
 * Common indicators of county government departments. Every value is measurable as P4 wants it (a sign,
 * a number and a unit); 质量 and 满意度 rates are at most 100%, and 成本 values are rates or small unit
 * costs, so that none exceeds a project's money (P5).
 */
export const DEFAULT_INDICATOR_LIBRARY: readonly IndicatorTemplate[] = [
  template('产出指标', '数量指标', '培训人次', '≥200人次'),
  template('产出指标', '数量指标', '开展宣传活动次数', '≥4次'),
  template('产出指标', '数量指标', '召开会议次数', '≥12次'),
  template('产出指标', '数量指标', '政务信息报送篇数', '≥100篇'),
  template('产出指标', '数量指标', '督查督办事项数', '≥50件'),
  template('产出指标', '数量指标', '办理建议提案件数', '≥30件'),
  template('产出指标', '数量指标', '购置设备数量', '=10台'),
  template('产出指标', '数量指标', '服务覆盖乡镇（街道）数', '≥10个'),
  template('产出指标', '质量指标', '资金支付合规率', '=100%'),
  template('产出指标', '质量指标', '培训合格率', '≥95%'),
  template('产出指标', '质量指标', '设备验收合格率', '=100%'),
  template('产出指标', '质量指标', '系统正常运行率', '≥99%'),
  template('产出指标', '质量指标', '督办事项办结率', '≥95%'),
  template('产出指标', '时效指标', '资金拨付及时率', '≥95%'),
  template('产出指标', '时效指标', '项目完成时限', '≤12个月'),
  template('产出指标', '时效指标', '事项办结时限', '≤15个工作日'),
  template('产出指标', '时效指标', '问题整改及时率', '≥95%'),
  template('效益指标', '经济效益指标', '带动社会投资', '≥100万元'),
  template('效益指标', '经济效益指标', '行政运行成本节约率', '≥5%'),
  template('效益指标', '社会效益指标', '机关正常运转保障率', '=100%'),
  template('效益指标', '社会效益指标', '政府信息公开率', '=100%'),
  template('效益指标', '社会效益指标', '政策知晓率', '≥90%'),
  template('效益指标', '社会效益指标', '安全责任事故发生次数', '=0次'),
  template('效益指标', '生态效益指标', '环境问题整改率', '≥95%'),
  template('效益指标', '可持续影响指标', '设备使用年限', '≥5年'),
  template('效益指标', '可持续影响指标', '长效管理制度建立数', '≥1项'),
  template('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'),
  template('满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'),
  template('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'),
  template('满意度指标', '服务对象满意度指标', '机关工作人员满意度', '≥95%'),
  template('成本指标', '经济成本指标', '项目成本控制率', '≤100%'),
  template('成本指标', '经济成本指标', '人均培训成本', '≤500元'),
  template('成本指标', '社会成本指标', '负面舆情发生次数', '=0次'),
  template('成本指标', '生态环境成本指标', '生态环境负面影响事件数', '=0起'),
];

const templateSchema = z
  .object(
    {
      level1: z.enum(INDICATOR_LEVEL1, { error: `一级指标应为${INDICATOR_LEVEL1.join('、')}之一` }),
      level2: z.enum(INDICATOR_LEVEL2, { error: `二级指标应为${INDICATOR_LEVEL2.join('、')}之一` }),
      name: z.string({ error: '三级指标名称应为文字' }).trim().min(1, { error: '三级指标名称不能为空' }),
      value: z.string({ error: '指标值应为文字' }).trim(),
    },
    { error: '每条指标应为 {"level1", "level2", "name", "value"} 形式的对象' },
  )
  .superRefine((item, ctx) => {
    const problem = indicatorProblem(item);
    if (problem) ctx.addIssue({ code: 'custom', path: ['level2'], input: item.level2, message: problem });
  });

const librarySchema = z
  .array(templateSchema, { error: '指标库应为指标的列表（JSON 数组）' })
  .min(1, { error: '指标库中没有指标' });

const FIELD_NAMES: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  value: '指标值',
};

export type LibraryParse =
  | { readonly ok: true; readonly library: IndicatorTemplate[] }
  | { readonly ok: false; readonly message: string };

/** Reads an indicator library (a JSON array of {level1, level2, name, value}); every problem is named. */
export function parseIndicatorLibrary(json: unknown): LibraryParse {
  const parsed = librarySchema.safeParse(json);
  if (parsed.success) return { ok: true, library: parsed.data };
  const shown = 5;
  const problems = parsed.error.issues.map((issue) => {
    const [index, field] = issue.path;
    if (typeof index !== 'number') return issue.message;
    const fieldName = typeof field === 'string' ? (FIELD_NAMES[field] ?? field) : '';
    return `第 ${index + 1} 条${fieldName ? ` ${fieldName}` : ''}：${issue.message}`;
  });
  const more = problems.length > shown ? `（另有 ${problems.length - shown} 处问题）` : '';
  return { ok: false, message: `指标库格式不正确：${problems.slice(0, shown).join('；')}${more}` };
}

/**
 * The templates matching a query (every word of it, in any column, case-insensitive), optionally of one
 * 一级; those whose name matches come first, otherwise in library order.
 */
export function searchLibrary(
  library: readonly IndicatorTemplate[],
  query: string,
  level1?: Indicator['level1'],
): IndicatorTemplate[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const inName = (t: IndicatorTemplate) => words.every((w) => t.name.toLowerCase().includes(w));
  return library
    .filter(
      (t) =>
        (level1 === undefined || t.level1 === level1) &&
        words.every((w) => `${t.level1} ${t.level2} ${t.name} ${t.value}`.toLowerCase().includes(w)),
    )
    .map((t, order) => ({ t, order, rank: inName(t) ? 0 : 1 }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ t }) => t);
}
