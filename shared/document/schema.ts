/**
 * The budget document (one department's budget for one year) and its file schema. The schema is the
 * single definition: the TypeScript types are inferred from it, and every file is validated by it on load.
 *
 * Only what the accountant types is stored. Every 类/款/合计 row, every row total, all of 表1 and 表4 and
 * the narrative's figures are computed from this (shared/forms, shared/narrative), never stored.
 */
import { z } from 'zod';
import { AMOUNT_PATTERN } from '../money';

/** The marker that tells our files from any other JSON. */
export const FILE_FORMAT = 'budget-assistant/document';
/** The version this code writes. Older versions are migrated on load (migrations.ts). */
export const CURRENT_FORMAT_VERSION = 1;

const AMOUNT_EXPECTED = '金额：数字（如 123.45）或空字符串';
/** Stored as text ("123.45"): a JSON number is refused with the same words as any other wrong amount. */
const amount = z
  .string({ error: AMOUNT_EXPECTED })
  .refine((value) => value === '' || AMOUNT_PATTERN.test(value), { error: AMOUNT_EXPECTED });
const text = z.string({ error: '文字' });
const itemFunctionCode = z.string().regex(/^\d{7}$/, { error: '7 位功能分类“项”级科目编码' });
const economicCode = z.string().regex(/^\d{5}$/, { error: '5 位经济分类“款”级科目编码' });
const id = z.string().min(1, { error: '非空的编号' });
const count = z.string().regex(/^\d*$/, { error: '整数（如 44）或空字符串' });

export const UNIT_TYPES = ['行政', '参公事业', '事业'] as const;
export const PROJECT_CATEGORIES = ['其他运转类', '特定目标类'] as const;

/** The five sources of 本年收入 (表2, 表12). */
export const INCOME_SOURCES = [
  'generalBudget', // 一般公共预算
  'governmentFund', // 政府性基金预算
  'stateCapital', // 国有资本经营预算
  'specialAccount', // 财政专户管理资金
  'unitFunds', // 单位资金
] as const;
/** The three 财政拨款 sources (表4, 表10, 表11, 表13). */
export const FISCAL_SOURCES = ['generalBudget', 'governmentFund', 'stateCapital'] as const;

const fiscalAmounts = { generalBudget: amount, governmentFund: amount, stateCapital: amount };
const incomeAmounts = { ...fiscalAmounts, specialAccount: amount, unitFunds: amount };

/** 表2: one 功能 项 row of 本年收入 by source, and 上年结转. */
const incomeRow = z.strictObject({
  functionCode: itemFunctionCode,
  name: text,
  ...incomeAmounts,
  carryOver: amount,
});
/** 表3, 表5, 表8, 表9 (支出): one 功能 项 row of 基本支出 and 项目支出. */
const expenditureRow = z.strictObject({
  functionCode: itemFunctionCode,
  name: text,
  basic: amount,
  project: amount,
});
/** 表7 and 表9 (收入): one 功能 项 row with one amount. */
const singleAmountRow = z.strictObject({ functionCode: itemFunctionCode, name: text, amount });
/**
 * 表6: one 部门经济 款 with the 政府经济 款 it maps to (the mapping depends on the unit type, so one 部门
 * 款 may appear twice with different 政府 款). `note` is printed after the name, e.g. 退休费（退休人员绩效奖励）.
 */
const economicRow = z.strictObject({
  departmentCode: economicCode,
  governmentCode: economicCode,
  note: text,
  personnel: amount,
  public: amount,
});

export const THREE_PUBLIC_ITEMS = [
  'travelAbroad',
  'reception',
  'vehiclePurchase',
  'vehicleOperation',
] as const;
/** 表10: the four typed 三公 items, each by fiscal source. */
const threePublicRow = z.strictObject({ item: z.enum(THREE_PUBLIC_ITEMS), ...fiscalAmounts });
/** 表11: 机关运行经费 of one unit, by fiscal source. */
const operatingRow = z.strictObject({ unitId: id, ...fiscalAmounts });

export const EMPTY_NOTE_TABLES = [
  'T2',
  'T3',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'T13',
] as const;

const tables = z.strictObject({
  t2: z.strictObject({ rows: z.array(incomeRow) }),
  t3: z.strictObject({ rows: z.array(expenditureRow) }),
  t5: z.strictObject({ rows: z.array(expenditureRow) }),
  t6: z.strictObject({ rows: z.array(economicRow) }),
  /** 表7 is 表2's 政府性基金预算 column unless the department types its own rows. */
  t7: z.strictObject({ source: z.enum(['table2', 'typed']), rows: z.array(singleAmountRow) }),
  t8: z.strictObject({ rows: z.array(expenditureRow) }),
  t9: z.strictObject({ incomeRows: z.array(singleAmountRow), rows: z.array(expenditureRow) }),
  t10: z.strictObject({ rows: z.array(threePublicRow) }),
  t11: z.strictObject({ rows: z.array(operatingRow) }),
});

const unit = z.strictObject({
  id,
  name: text,
  type: z.enum(UNIT_TYPES, { error: '行政、参公事业 或 事业' }),
});

export const INDICATOR_LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'] as const;
export const INDICATOR_LEVEL2 = [
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
] as const;

/** One row of an indicator grid: 一级 / 二级 / 三级 (the indicator's own name) / 指标值 (e.g. ≥95%). */
const indicator = z.strictObject({
  level1: z.enum(INDICATOR_LEVEL1),
  level2: z.enum(INDICATOR_LEVEL2),
  name: text,
  value: text,
});

/** A funding split in 元 (integers): 中央 / 省级 / 市县 / 单位自筹 / 其他, and the stated total. */
const yuanFunding = z.strictObject({
  total: amount,
  central: amount,
  provincial: amount,
  cityCounty: amount,
  selfRaised: amount,
  other: amount,
});

/** 项目支出绩效目标申报表 (amounts in 元). */
const projectDeclaration = z.strictObject({
  attribute: text, // 项目属性, e.g. 一次性项目（1年结束）
  period: text, // 项目期, e.g. 1年
  implementationFunding: yuanFunding, // 实施期资金
  annualFunding: yuanFunding, // 年度资金
  summary: text, // 项目概况
  basis: text, // 立项依据
  necessity: text, // 项目设立必要性
  measures: text, // 保证项目实施的制度、措施
  plan: text, // 项目实施计划
  implementationGoals: z.array(text), // 实施期目标
  annualGoals: z.array(text), // 年度目标
  implementationIndicators: z.array(indicator),
  annualIndicators: z.array(indicator),
  personInCharge: text, // 负责人
  handler: text, // 经办人
  phone: text,
  filledOn: text, // 填报日期
});

const project = z.strictObject({
  id,
  name: text,
  unitId: id,
  category: z.enum(PROJECT_CATEGORIES, { error: '其他运转类 或 特定目标类' }),
  functionCode: z.union([itemFunctionCode, z.literal('')]),
  /** 表12 (本年预算) by source; null when the project is not in this year's budget. */
  current: z.strictObject(incomeAmounts).nullable(),
  /** 表13 (上年结转) by fiscal source; null when the project has no carry-over. */
  carryOver: z.strictObject(fiscalAmounts).nullable(),
  declaration: projectDeclaration.nullable(),
});

/** 部门（单位）整体支出绩效目标申报表. Its income and expenditure figures come from the tables. */
const overallDeclaration = z.strictObject({
  unitName: text,
  address: text,
  contact: text,
  phone: text,
  staffQuota: count, // 人员编制数
  staffActual: count, // 实有人数
  functions: text, // 单位职能
  target: text, // 部门整体支出绩效目标
  indicators: z.array(indicator),
});

const threePublicAmounts = z.strictObject({
  travelAbroad: amount,
  reception: amount,
  vehiclePurchase: amount,
  vehicleOperation: amount,
});

/** What the narrative (第三部分) needs that the tables cannot know. */
const narrative = z.strictObject({
  /** Last year's figures (typed, or filled from last year's file). */
  lastYear: z.strictObject({
    totalIncome: amount, // 上年收入总计
    totalExpenditure: amount, // 上年支出总计
    generalBudgetExpenditure: amount, // 上年一般公共预算当年支出
    threePublic: threePublicAmounts, // 上年财政拨款“三公”经费
    operatingExpenses: amount, // 上年机关运行经费
  }),
  /** The reason for each change, in the accountant's words. */
  reasons: z.strictObject({
    total: text,
    generalBudget: text,
    threePublic: text,
    travelAbroad: text,
    reception: text,
    vehiclePurchase: text,
    vehicleOperation: text,
    operatingExpenses: text,
  }),
  /** 政府采购预算: 货物, 工程, 服务. */
  procurement: z.strictObject({ goods: amount, works: amount, services: amount }),
  /** 国有资产占有使用情况, as of a date. */
  assets: z.strictObject({
    asOf: text,
    vehicleQuota: count, // 编制
    vehicleActual: count, // 实有
    vehicles: z.strictObject({
      leader: count, // 领导用车
      confidential: count, // 机要通信用车
      emergency: count, // 应急保障用车
      lawEnforcement: count, // 执法执勤用车
      specialTechnical: count, // 特种专业技术用车
      institutionBusiness: count, // 事业单位业务用车
      institutionOther: count, // 事业单位其他公务用车
    }),
    vehicleNote: text,
    officeArea: amount, // 办公用房建筑面积，平方米
    equipmentOver50: count, // 单价 50 万元以上通用设备，台（套）
    equipmentOver100: count, // 单价 100 万元以上专用设备，台（套）
  }),
  /** 十二、其他说明. */
  otherNotes: text,
});

const glossaryEntry = z.strictObject({ term: text, definition: text });

/** A written 说明 for an advisory (提示) finding; valid while the numbers behind it are unchanged. */
const explanation = z.strictObject({ ruleId: text, subject: text, basis: text, text });

const documentShape = z.strictObject({
  format: z.literal(FILE_FORMAT),
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  year: z.number().int().min(2000).max(2100),
  department: z.strictObject({ name: text, code: text }),
  coverDate: text,
  units: z.array(unit),
  overview: z.strictObject({ responsibilities: z.array(text), organization: text }),
  tables,
  projects: z.array(project),
  emptyTableNotes: z.partialRecord(z.enum(EMPTY_NOTE_TABLES), text),
  narrative,
  performance: z.strictObject({ overall: overallDeclaration }),
  glossary: z.array(glossaryEntry),
  explanations: z.array(explanation),
});

/** Keys that must be unique within their list, and references that must resolve. */
export const budgetDocumentSchema = documentShape.superRefine((doc, ctx) => {
  const unique = <T>(
    rows: readonly T[],
    key: (row: T) => string,
    path: (string | number)[],
    what: string,
  ) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const value = key(row);
      if (seen.has(value))
        ctx.addIssue({
          code: 'custom',
          path: [...path, index],
          input: value,
          message: `${what}“${value}”重复`,
        });
      seen.add(value);
    });
  };
  unique(doc.units, (u) => u.id, ['units'], '单位编号');
  unique(doc.projects, (p) => p.id, ['projects'], '项目编号');
  for (const table of ['t2', 't3', 't5', 't8'] as const) {
    const rows: readonly { functionCode: string }[] = doc.tables[table].rows;
    unique(rows, (r) => r.functionCode, ['tables', table, 'rows'], '科目编码');
  }
  unique(doc.tables.t7.rows, (r) => r.functionCode, ['tables', 't7', 'rows'], '科目编码');
  unique(doc.tables.t9.rows, (r) => r.functionCode, ['tables', 't9', 'rows'], '科目编码');
  unique(doc.tables.t9.incomeRows, (r) => r.functionCode, ['tables', 't9', 'incomeRows'], '科目编码');
  unique(doc.tables.t6.rows, economicRowKey, ['tables', 't6', 'rows'], '经济科目');
  unique(doc.tables.t10.rows, (r) => r.item, ['tables', 't10', 'rows'], '“三公”经费项目');
  unique(doc.tables.t11.rows, (r) => r.unitId, ['tables', 't11', 'rows'], '单位');
  const unitIds = new Set(doc.units.map((u) => u.id));
  doc.tables.t11.rows.forEach((row, index) => {
    if (!unitIds.has(row.unitId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tables', 't11', 'rows', index, 'unitId'],
        input: row.unitId,
        message: '不是单位列表中的单位编号',
      });
    }
  });
  doc.projects.forEach((p, index) => {
    if (!unitIds.has(p.unitId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['projects', index, 'unitId'],
        input: p.unitId,
        message: '不是单位列表中的单位编号',
      });
    }
  });
});

/** The key of a 表6 row: its 部门 款 and the 政府 款 it maps to. */
export function economicRowKey(row: { departmentCode: string; governmentCode: string }): string {
  return `${row.departmentCode}-${row.governmentCode}`;
}

export type BudgetDocument = z.infer<typeof budgetDocumentSchema>;
export type Unit = z.infer<typeof unit>;
export type UnitType = Unit['type'];
export type Project = z.infer<typeof project>;
export type ProjectCategory = Project['category'];
export type ProjectDeclaration = z.infer<typeof projectDeclaration>;
export type OverallDeclaration = z.infer<typeof overallDeclaration>;
export type Indicator = z.infer<typeof indicator>;
export type YuanFunding = z.infer<typeof yuanFunding>;
export type IncomeRow = z.infer<typeof incomeRow>;
export type ExpenditureRow = z.infer<typeof expenditureRow>;
export type SingleAmountRow = z.infer<typeof singleAmountRow>;
export type EconomicRow = z.infer<typeof economicRow>;
export type ThreePublicRow = z.infer<typeof threePublicRow>;
export type ThreePublicItem = ThreePublicRow['item'];
export type OperatingRow = z.infer<typeof operatingRow>;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export type FiscalSource = (typeof FISCAL_SOURCES)[number];
export type EmptyNoteTable = (typeof EMPTY_NOTE_TABLES)[number];
export type Narrative = z.infer<typeof narrative>;
export type Explanation = z.infer<typeof explanation>;
