/**
 * The 绩效目标申报表 forms as data: their titles and what each field is called on them. The PDF, the
 * Excel workbook (written and read back), the app's declaration view and the checks' messages all read
 * these, so a label is written once.
 */
import type {
  BudgetDocument,
  OverallDeclaration,
  Project,
  ProjectDeclaration,
  YuanFunding,
} from '../document/schema';
import { formsOf } from '../forms/engine';
import { sum, type Decimal } from '../money';

export const DECLARATION_TITLES = {
  overall: '部门（单位）整体支出绩效目标申报表',
  project: '县级预算部门（单位）项目支出绩效目标申报表',
} as const;

/** Whether a project is listed in 表12 or 表13, and so needs a declaration (P1). */
export function needsDeclaration(project: Project): boolean {
  return project.current !== null || project.carryOver !== null;
}

/** The line under a title: （2024年度）. */
export function declarationYearLine(year: number): string {
  return `（${year}年度）`;
}

/** Labels of the 整体 form. */
export const OVERALL_LABELS = {
  block: '部门基本信息',
  filler: '填报单位（盖章）：',
  unitName: '单位名称',
  address: '通讯地址',
  contact: '单位预算绩效管理联系人',
  phone: '联系电话',
  staffQuota: '人员编制数',
  staffActual: '实有人数',
  functions: '单位职能',
  income: '单位年度收入预算（万元）',
  expenditure: '单位年度支出预算（万元）',
  target: '部门整体支出绩效目标',
  indicators: '部门整体支出绩效指标',
} as const satisfies Partial<
  Record<keyof OverallDeclaration | 'block' | 'filler' | 'income' | 'expenditure', string>
>;

/**
 * The 整体 form's income columns. 收入合计 is 表1's 收入总计; 其他拨款 is what the three 财政拨款 sources
 * leave: 财政专户管理资金, 单位资金 and 上年结转.
 */
export const INCOME_COLUMNS = [
  '收入合计',
  '公共财政拨款',
  '政府性基金拨款',
  '国有资本经营预算拨款',
  '其他拨款',
] as const;

/** The 整体 form's expenditure columns: 表3's 合计, 基本支出 and 项目支出. */
export const EXPENDITURE_COLUMNS = ['支出合计', '基本支出', '项目支出'] as const;

/** The 整体 form's budget figures (万元), in INCOME_COLUMNS and EXPENDITURE_COLUMNS order; null: blank. */
export interface OverallBudget {
  readonly income: readonly (Decimal | null)[];
  readonly expenditure: readonly (Decimal | null)[];
}

/** The 整体 form's budget figures, computed from 表1 and 表3 (never typed). */
export function overallBudget(doc: BudgetDocument): OverallBudget {
  const forms = formsOf(doc);
  const t1 = (row: string) => forms.value({ form: 'T1', row, column: 'income' });
  const others = [t1('income:specialAccount'), t1('income:unitFunds'), t1('income:carryOver')].filter(
    (value): value is Decimal => value !== null,
  );
  const t3 = (column: string) => forms.value({ form: 'T3', row: 'total', column });
  return {
    income: [
      t1('income:total'),
      t1('income:generalBudget'),
      t1('income:governmentFund'),
      t1('income:stateCapital'),
      others.length === 0 ? null : sum(others),
    ],
    expenditure: [t3('total'), t3('basic'), t3('project')],
  };
}

/** Labels of the 项目 form's heading rows and blocks. */
export const PROJECT_LABELS = {
  name: '项目名称',
  department: '主管部门及代码',
  unit: '实施单位',
  attribute: '项目属性',
  period: '项目期',
  funding: '项目资金（元）',
  goals: '总体目标',
  implementationGoals: '实施期目标',
  annualGoals: '年度目标',
  indicators: '绩效指标',
} as const;

/** The texts of a project's form, a row each, in this order. */
export const PROJECT_TEXTS = [
  ['summary', '项目概况'],
  ['basis', '立项依据'],
  ['necessity', '项目设立必要性'],
  ['measures', '保证项目实施的制度、措施'],
  ['plan', '项目实施计划'],
] as const satisfies readonly (readonly [keyof ProjectDeclaration, string])[];

/** The line under a project's form, outside its borders, in this order (each printed with a colon). */
export const SIGNATURES = [
  ['personInCharge', '负责人'],
  ['handler', '经办人'],
  ['phone', '联系电话'],
  ['filledOn', '填报日期'],
] as const satisfies readonly (readonly [keyof ProjectDeclaration, string])[];

/** A signature label as printed: 负责人：. */
export function signatureLabel(label: string): string {
  return `${label}：`;
}

/** What each amount of a funding split (元) is called. */
export const FUNDING_LABELS: Readonly<Record<keyof YuanFunding, string>> = {
  total: '资金总额',
  central: '中央财政资金',
  provincial: '省级财政资金',
  cityCounty: '市县（区）财政资金',
  selfRaised: '单位自筹',
  other: '其他资金',
};

/** The parts of a funding total, in the form's order. */
export const FUNDING_PART_KEYS = ['central', 'provincial', 'cityCounty', 'selfRaised', 'other'] as const;

/** The parts as the form prints them: the first as a breakdown of the total, 其中：中央财政资金. */
export const FUNDING_PARTS = FUNDING_PART_KEYS.map(
  (key, i) => [key, `${i === 0 ? '其中：' : ''}${FUNDING_LABELS[key]}`] as const,
);

/** The two funding columns: 实施期 on the left, 年度 on the right, each headed by its 总额. */
export const FUNDING_SIDES = [
  { field: 'implementationFunding', period: '实施期', total: '实施期资金总额：' },
  { field: 'annualFunding', period: '年度', total: '年度资金总额：' },
] as const;

/** The indicator grid's column headings. */
export const INDICATOR_HEADERS = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  value: '指标值',
} as const;
