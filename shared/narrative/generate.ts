/**
 * 第三部分 情况说明, generated from the data: sections 一 … 十二 in the reference's order and wording.
 * Every amount, share, change rate and the word 增加/减少/持平 comes from the computed tables or the
 * typed narrative inputs (doc.narrative); what only the accountant knows (reasons, dates, notes) is a slot.
 */
import { THREE_PUBLIC_LABELS, VEHICLE_KINDS } from './labels';
import { catalogFor, type Catalog } from '../catalogs';
import {
  economicRowKey,
  FISCAL_SOURCES,
  INCOME_SOURCES,
  PROJECT_CATEGORIES,
  THREE_PUBLIC_ITEMS,
  type BudgetDocument,
  type Narrative,
  type Project,
  type ThreePublicItem,
} from '../document/schema';
import { compareCodes } from '../forms/builders';
import { SOURCE_LABELS } from '../forms/definitions';
import { formsOf, type FormEvaluator } from '../forms/engine';
import type { CellRef, FormId } from '../forms/types';
import { isBlank, sum, toDecimal, ZERO, type Decimal } from '../money';
import {
  area,
  changeWithReason,
  paragraph,
  share,
  shareList,
  slot,
  subheading,
  tally,
  typedCount,
  typedWan,
  wan,
  type LastYearInput,
  type Phrase,
  type SharePart,
} from './phrases';
import {
  NARRATIVE_SECTIONS,
  type NarrativeBlock,
  type NarrativeSection,
  type NarrativeSectionKey,
} from './types';

const HEADINGS: Record<NarrativeSectionKey, string> = {
  changes: '一、部门预算收支数据变动情况及原因',
  income: '二、收入预算情况说明',
  expenditure: '三、支出预算情况说明',
  fiscalAppropriation: '四、财政拨款收支预算总体情况说明',
  generalBudget: '五、一般公共预算支出情况说明',
  basicExpenditure: '六、一般公共预算基本支出情况说明',
  threePublic: '七、“三公”经费增减变动原因说明',
  operatingExpenses: '八、机关运行经费增减变动原因说明',
  procurement: '九、政府采购情况',
  performance: '十、绩效管理情况',
  assets: '十一、国有资产占有使用情况',
  otherNotes: '十二、其他说明',
};

/** What the sections read: the document, its computed forms and its year's catalog. */
class Sources {
  private readonly forms: FormEvaluator;
  readonly catalog: Catalog;
  readonly year: number;
  /** 2023年, as 七 and 八 name last year. */
  readonly lastYearName: string;

  constructor(readonly doc: BudgetDocument) {
    this.forms = formsOf(doc);
    this.catalog = catalogFor(doc.year);
    this.year = doc.year;
    this.lastYearName = `${doc.year - 1}年`;
  }

  /** A computed cell (blank counts as zero) with the cell as its source. */
  cell(form: FormId, row: string, column: string): { value: Decimal; source: CellRef } {
    const source = { form, row, column };
    return { value: this.forms.value(source) ?? ZERO, source };
  }

  value(form: FormId, row: string, column: string): Decimal {
    return this.cell(form, row, column).value;
  }

  /** A last-year total typed in doc.narrative.lastYear. */
  lastYear(key: Exclude<keyof Narrative['lastYear'], 'threePublic'>, label: string): LastYearInput {
    return { field: `lastYear.${key}`, stored: this.doc.narrative.lastYear[key], label };
  }

  /** Last year's 三公 items (表10's four typed items). */
  lastYearThreePublic(items: readonly ThreePublicItem[]): LastYearInput[] {
    return items.map((item) => ({
      field: `lastYear.threePublic.${item}`,
      stored: this.doc.narrative.lastYear.threePublic[item],
      label: `上年${THREE_PUBLIC_LABELS[item]}`,
    }));
  }

  /** A computed cell printed in 万元. */
  wan(form: FormId, row: string, column: string): Phrase {
    const { value, source } = this.cell(form, row, column);
    return wan(value, source);
  }
}

function section(key: NarrativeSectionKey, blocks: readonly NarrativeBlock[]): NarrativeSection {
  return { key, heading: HEADINGS[key], blocks };
}

/** Pieces joined by a separator (、 or ；). */
function joined(separator: string, phrases: readonly Phrase[]): Phrase {
  return phrases.map((phrase, index) => (index === 0 ? phrase : [separator, phrase]));
}

/** 一: 收入总计 and 支出总计 (表1) with their parts, and the change from last year's typed totals. */
function changes(s: Sources): NarrativeSection {
  const { reasons } = s.doc.narrative;
  const why = {
    field: 'reasons.total',
    typed: reasons.total,
    placeholder: '收支增减变动的主要原因',
  } as const;
  const income = s.value('T1', 'income:total', 'income');
  const expenditure = s.value('T1', 'expenditure:total', 'total');
  return section('changes', [
    paragraph(
      `${s.year}年度本部门预算收入总计`,
      s.wan('T1', 'income:total', 'income'),
      '，其中：本年收入',
      s.wan('T1', 'income:subtotal', 'income'),
      '，上年结转',
      s.wan('T1', 'income:carryOver', 'income'),
      '，',
      changeWithReason(income, [s.lastYear('totalIncome', '上年预算收入总计')], '上年', why),
      `；本年预算支出总计`,
      s.wan('T1', 'expenditure:total', 'total'),
      '，其中：本年预算安排',
      s.wan('T1', 'expenditure:total', 'current'),
      '，上年结转',
      s.wan('T1', 'expenditure:total', 'carryOver'),
      '，',
      changeWithReason(expenditure, [s.lastYear('totalExpenditure', '上年预算支出总计')], '上年', why),
      '。',
    ),
  ]);
}

/** 二: the five sources of 本年收入 and 上年结转 (表1), each with its share of 收入总计. */
function income(s: Sources): NarrativeSection {
  const parts: SharePart[] = [
    ...INCOME_SOURCES.map((source) => ({
      label: SOURCE_LABELS[source],
      ...s.cell('T1', `income:${source}`, 'income'),
    })),
    { label: '上年结转', ...s.cell('T1', 'income:carryOver', 'income') },
  ];
  return section('income', [
    paragraph(
      `${s.year}年度本部门预算收入`,
      s.wan('T1', 'income:total', 'income'),
      '，其中：',
      shareList(parts),
      '。',
    ),
  ]);
}

/** 三: 基本支出 and 项目支出 (表3 合计, 含上年结转) with their shares. */
function expenditure(s: Sources): NarrativeSection {
  const parts: SharePart[] = [
    { label: '基本支出', ...s.cell('T3', 'total', 'basic') },
    { label: '项目支出', ...s.cell('T3', 'total', 'project') },
  ];
  return section('expenditure', [
    paragraph(
      `${s.year}年度本部门支出预算`,
      s.wan('T3', 'total', 'total'),
      '，其中：',
      shareList(parts),
      '。',
    ),
  ]);
}

/** The 功能 类 of the year's catalog that have money in a column of a form. */
function classesWithMoney(s: Sources, form: FormId, rowPrefix: string, column: string) {
  return s.catalog.functionClasses.filter(([code]) => !s.value(form, rowPrefix + code, column).isZero());
}

/** 四: 表4 — 财政拨款 income by fund and carry-over, expenditure by the 类 that have money. */
function fiscalAppropriation(s: Sources): NarrativeSection {
  const classes = classesWithMoney(s, 'T4', 'expenditure:', 'subtotal');
  const funds = FISCAL_SOURCES.map((source) => [
    SOURCE_LABELS[source],
    s.wan('T4', `income:${source}`, 'income'),
  ]);
  const spending = classes.map(([code, name]) => [name, s.wan('T4', `expenditure:${code}`, 'subtotal')]);
  return section('fiscalAppropriation', [
    paragraph(
      `${s.year}年度本部门财政拨款收支总预算`,
      s.wan('T4', 'income:total', 'income'),
      '。收入包括：本年财政拨款收入',
      s.wan('T4', 'income:subtotal', 'income'),
      '（',
      joined('、', funds),
      '），上年财政拨款结转',
      s.wan('T4', 'income:carryOver', 'income'),
      spending.length > 0 ? ['；支出包括：', joined('、', spending)] : '',
      '。',
    ),
  ]);
}

/** 五: 表5 (一般公共预算, 不含上年结转) — (一) the change from last year, (二) the 类 with their shares. */
function generalBudget(s: Sources): NarrativeSection {
  const { reasons } = s.doc.narrative;
  const total = s.value('T5', 'total', 'total');
  const classes: SharePart[] = classesWithMoney(s, 'T5', '', 'total').map(([code, name]) => ({
    label: name,
    ...s.cell('T5', code, 'total'),
  }));
  const opening = [`${s.year}年度本部门一般公共预算当年支出`, s.wan('T5', 'total', 'total')];
  return section('generalBudget', [
    subheading('（一）一般公共预算当年支出规模变化情况'),
    paragraph(
      opening,
      '，',
      changeWithReason(total, [s.lastYear('generalBudgetExpenditure', '上年一般公共预算当年支出')], '上年', {
        field: 'reasons.generalBudget',
        typed: reasons.generalBudget,
        placeholder: '一般公共预算支出增减变动的主要原因',
      }),
      '。',
    ),
    subheading('（二）一般公共预算当年支出结构情况'),
    paragraph(opening, classes.length > 0 ? ['，主要用于以下方面：', shareList(classes)] : '', '。'),
  ]);
}

/**
 * 六: 表6 — 人员经费 and 公用经费, each followed by the 部门经济 款 that have money in that column
 * (a 款 listed once even when it maps to two 政府 款).
 */
function basicExpenditure(s: Sources): NarrativeSection {
  const rows = [...s.doc.tables.t6.rows].sort((a, b) => compareCodes(a.departmentCode, b.departmentCode));
  const composition = (label: string, column: 'personnel' | 'public'): Phrase => {
    const codes = rows
      .filter((row) => !s.value('T6', economicRowKey(row), column).isZero())
      .map((row) => row.departmentCode);
    const names = [...new Set(codes)].map((code) => s.catalog.departmentEconomicName(code) ?? code);
    return [label, s.wan('T6', 'total', column), names.length > 0 ? `，主要包括：${names.join('、')}` : ''];
  };
  return section('basicExpenditure', [
    paragraph(
      `${s.year}年度本部门一般公共预算安排基本支出`,
      s.wan('T6', 'total', 'total'),
      '，其中：',
      composition('人员经费', 'personnel'),
      '；',
      composition('公用经费', 'public'),
      '。',
    ),
  ]);
}

/** 七: 表10 (合计 column) — the total and each item against last year's typed figures, with reasons. */
function threePublic(s: Sources): NarrativeSection {
  const { reasons } = s.doc.narrative;
  const total = s.value('T10', 'total', 'total');
  const lastYear = s.lastYearThreePublic(THREE_PUBLIC_ITEMS);
  const lastYearTyped = lastYear.every((input) => !isBlank(input.stored));
  // While an item of last year's is blank, the item sentences below ask for it; the total waits for them.
  const totalChange = lastYearTyped
    ? [
        '，',
        changeWithReason(total, lastYear, s.lastYearName, {
          field: 'reasons.threePublic',
          typed: reasons.threePublic,
          placeholder: '“三公”经费增减变动的主要原因',
        }),
      ]
    : '';
  if (lastYearTyped && total.isZero() && lastYear.every((input) => toDecimal(input.stored).isZero())) {
    return section('threePublic', [paragraph(`本部门${s.year}年无“三公”经费预算`, totalChange, '。')]);
  }
  const items = THREE_PUBLIC_ITEMS.map((item) => [
    THREE_PUBLIC_LABELS[item],
    s.wan('T10', item, 'total'),
    '，',
    changeWithReason(s.value('T10', item, 'total'), s.lastYearThreePublic([item]), '上年', {
      field: `reasons.${item}`,
      typed: reasons[item],
      placeholder: `${THREE_PUBLIC_LABELS[item]}增减变动的原因`,
    }),
  ]);
  return section('threePublic', [
    paragraph(
      `${s.year}年本部门财政拨款安排的“三公”经费预算`,
      s.wan('T10', 'total', 'total'),
      totalChange,
      '。其中：',
      joined('；', items),
      '。',
    ),
  ]);
}

/**
 * 八: the units 表11 covers, counted as 行政 or 事业 (参公事业 and 事业 both count as 事业), and 表11's
 * 部门合计 against last year's typed figure.
 */
function operatingExpenses(s: Sources): NarrativeSection {
  const { reasons } = s.doc.narrative;
  const units = new Map(s.doc.units.map((unit) => [unit.id, unit]));
  const covered = s.doc.tables.t11.rows.flatMap((row) => units.get(row.unitId) ?? []);
  const groups = [
    ['行政单位', covered.filter((unit) => unit.type === '行政')],
    ['事业单位', covered.filter((unit) => unit.type !== '行政')],
  ] as const;
  const counted = groups
    .filter(([, members]) => members.length > 0)
    .map(([label, members]) => [
      tally(members),
      `家${label}（${members.map((unit) => unit.name).join('、')}）`,
    ]);
  const total = s.value('T11', 'total', 'total');
  return section('operatingExpenses', [
    paragraph(
      counted.length > 0 ? [`本部门${s.year}年机关运行经费预算涉及`, joined('、', counted), '。'] : '',
      `本部门${s.year}年机关运行经费财政拨款预算`,
      s.wan('T11', 'total', 'total'),
      '，',
      changeWithReason(total, [s.lastYear('operatingExpenses', '上年机关运行经费')], s.lastYearName, {
        field: 'reasons.operatingExpenses',
        typed: reasons.operatingExpenses,
        placeholder: '机关运行经费增减变动的主要原因',
      }),
      '。',
    ),
  ]);
}

/** 九: 政府采购预算总额 = 货物 + 工程 + 服务 (typed). */
function procurement(s: Sources): NarrativeSection {
  const { goods, works, services } = s.doc.narrative.procurement;
  const total = sum([goods, works, services].map(toDecimal));
  if (total.isZero()) return section('procurement', [paragraph(`本部门${s.year}年无政府采购预算。`)]);
  return section('procurement', [
    paragraph(
      `${s.year}年本部门政府采购预算总额`,
      wan(total, null, 'sum'),
      '，其中：政府采购货物预算',
      typedWan('procurement.goods', goods),
      '、政府采购工程预算',
      typedWan('procurement.works', works),
      '、政府采购服务预算',
      typedWan('procurement.services', services),
      '。',
    ),
  ]);
}

/**
 * 十: (一) the 整体 target's money (表3 合计); (二) the projects of 表12 by category, and those with a
 * declaration (published with this document) with their share of 表12's 合计.
 */
function performance(s: Sources): NarrativeSection {
  const budgeted = s.doc.projects.filter((project) => project.current);
  const amount = (projects: readonly Project[]) =>
    sum(projects.map((project) => s.value('T12', project.id, 'total')));
  const byCategory = (projects: readonly Project[], amountLabel: string): Phrase =>
    joined(
      '；',
      PROJECT_CATEGORIES.map((category) => ({
        category,
        members: projects.filter((project) => project.category === category),
      }))
        .filter(({ members }) => members.length > 0)
        .map(({ category, members }) => [
          `${category}项目`,
          tally(members),
          `个，${amountLabel}`,
          wan(amount(members), null, 'sum'),
        ]),
    );
  const overall = paragraph(
    `${s.year}年本部门编报部门整体支出绩效目标，涉及部门预算资金`,
    s.wan('T3', 'total', 'total'),
    '，其中：基本支出',
    s.wan('T3', 'total', 'basic'),
    '，项目支出',
    s.wan('T3', 'total', 'project'),
    '。',
  );
  const declared = budgeted.filter((project) => project.declaration);
  const declaredShare = share(amount(declared), s.value('T12', 'total', 'total'));
  const projects =
    budgeted.length === 0
      ? paragraph(`本部门${s.year}年无纳入绩效目标管理的项目。`)
      : paragraph(
          `${s.year}年本部门纳入绩效目标管理的项目`,
          tally(budgeted),
          '个，共计金额',
          s.wan('T12', 'total', 'total'),
          '，其中：',
          byCategory(budgeted, '涉及金额'),
          '。公开项目绩效目标',
          tally(declared),
          '个，涉及项目金额',
          wan(amount(declared), null, 'sum'),
          declaredShare ? ['，占本年项目支出预算总额的', declaredShare] : '',
          declared.length > 0 ? ['，其中：', byCategory(declared, '涉及项目金额')] : '',
          '。',
        );
  return section('performance', [
    subheading('（一）整体绩效目标'),
    overall,
    subheading('（二）项目绩效目标'),
    projects,
  ]);
}

/** 十一: vehicles by kind (编制 / 实有), office area and large equipment, as of the typed date. */
function assets(s: Sources): NarrativeSection {
  const a = s.doc.narrative.assets;
  // The example in the budget's own year (the reference: 截至 2024 年 3 月 18 日 in the 2024 budget).
  const example = `资产统计截止日期，如${s.doc.year}年3月18日`;
  const asOf = ['截至', slot('assets.asOf', a.asOf, example, true), '，'];
  const note = slot('assets.vehicleNote', a.vehicleNote, '车辆情况的补充说明', false);
  const vehicles = VEHICLE_KINDS.map(([kind, label]) => [
    label,
    typedCount(`assets.vehicles.${kind}`, a.vehicles[kind]),
    '辆',
  ]);
  return section('assets', [
    subheading('1、车辆情况'),
    paragraph(
      asOf,
      '本部门共有公务用车编制',
      typedCount('assets.vehicleQuota', a.vehicleQuota),
      '辆，实有',
      typedCount('assets.vehicleActual', a.vehicleActual),
      '辆，其中：',
      joined('，', vehicles),
      note.text === '' ? note : ['（', note, '）'],
      '。',
    ),
    subheading('2、房屋情况'),
    paragraph(asOf, '本部门使用的办公用房建筑总面积', area('assets.officeArea', a.officeArea), '平方米。'),
    subheading('3、其他国有资产占有使用情况'),
    paragraph(
      asOf,
      '本部门占有使用单价50万元（原值）以上的通用设备',
      typedCount('assets.equipmentOver50', a.equipmentOver50),
      '台（套），单价100万元（原值）以上的专用设备',
      typedCount('assets.equipmentOver100', a.equipmentOver100),
      '台（套）。',
    ),
  ]);
}

/** 十二: the typed 其他说明, or 无其他说明. */
function otherNotes(s: Sources): NarrativeSection {
  const notes = slot('otherNotes', s.doc.narrative.otherNotes, '其他需要说明的事项', false);
  return section('otherNotes', [paragraph(notes.text === '' ? [notes, '本部门无其他说明。'] : notes)]);
}

/** The twelve sections of 第三部分 情况说明 for a document. */
const SECTION_WRITERS: Record<NarrativeSectionKey, (s: Sources) => NarrativeSection> = {
  changes,
  income,
  expenditure,
  fiscalAppropriation,
  generalBudget,
  basicExpenditure,
  threePublic,
  operatingExpenses,
  procurement,
  performance,
  assets,
  otherNotes,
};

export function generateNarrative(doc: BudgetDocument): NarrativeSection[] {
  const s = new Sources(doc);
  return NARRATIVE_SECTIONS.map((key) => SECTION_WRITERS[key](s));
}

/** One section alone (a check that needs one section need not write the other eleven). */
export function generateSection(doc: BudgetDocument, key: NarrativeSectionKey): NarrativeSection {
  return SECTION_WRITERS[key](new Sources(doc));
}
