/**
 * The thirteen tables of 部门预算公开 (DOMAIN.md), as definitions the engine evaluates. What is typed:
 * the 项 rows of 2, 3, 5, 8, 9; the rows of 6, 10 (the sub-items), 11, 12, 13; 7 when it is not simply
 * 表2's 政府性基金预算 column. Everything else is computed: every 类/款/合计 row, row totals, all of 表1
 * and 表4, the 公务用车购置及运行费 line.
 */
import { getInput } from '../document/inputs';
import {
  economicRowKey,
  FISCAL_SOURCES,
  INCOME_SOURCES,
  type FiscalSource,
  type IncomeSource,
  type Project,
} from '../document/schema';
import {
  amountColumn,
  blank,
  cell,
  chineseNumeral,
  codeColumn,
  columnSums,
  compareCodes,
  functionPanel,
  listRow,
  minus,
  nameColumn,
  rowSum,
  typedAmountsRow,
  sum,
  type FunctionAmountColumn,
} from './builders';
import type { ColumnDef, FormContext, FormDefinition, FormId, PanelSpec, RowSpec } from './types';

export const SOURCE_LABELS: Record<IncomeSource, string> = {
  generalBudget: '一般公共预算',
  governmentFund: '政府性基金预算',
  stateCapital: '国有资本经营预算',
  specialAccount: '财政专户管理资金',
  unitFunds: '单位资金',
};

const YEAR_BUDGET = '{year}年预算数';

/** 合计 / 基本支出 / 项目支出 over a 功能 table's typed 基本支出 and 项目支出 (表3, 5, 8, 9). */
function expenditureColumns(group: readonly string[]): readonly FunctionAmountColumn[] {
  return [
    { ...amountColumn('total', [...group, '合计']), rowSum: ['basic', 'project'] },
    { ...amountColumn('basic', [...group, '基本支出']), field: 'basic' },
    { ...amountColumn('project', [...group, '项目支出']), field: 'project' },
  ];
}

/** A single-panel 功能 table of 基本支出 / 项目支出 (表3, 5, 8). */
function expenditureTable(form: FormId, collection: 't3' | 't5' | 't8') {
  return ({ doc, catalog }: FormContext): readonly PanelSpec[] => [
    functionPanel({
      form,
      collection,
      catalog,
      items: doc.tables[collection].rows,
      codeColumn: codeColumn(['功能分类科目']),
      nameColumn: nameColumn(['功能分类科目']),
      amounts: expenditureColumns([YEAR_BUDGET]),
    }),
  ];
}

/** 上年财政拨款结转 of one source spent under a 功能 类: the 表13 projects coded under that 类. */
function carryOverByClass({ doc }: FormContext, classCode: string, source: FiscalSource) {
  const projects = carryOverProjects(doc.projects).get(classCode) ?? [];
  return sum(projects.map((p) => cell('T13', p.id, source)));
}

/** 表13's projects by 功能 类, once per projects list (表1 asks for each 类 and source). */
const carryOverByClassCode = new WeakMap<readonly Project[], ReadonlyMap<string, readonly Project[]>>();

function carryOverProjects(projects: readonly Project[]): ReadonlyMap<string, readonly Project[]> {
  let byClass = carryOverByClassCode.get(projects);
  if (!byClass) {
    const grouped = new Map<string, Project[]>();
    for (const project of projects) {
      if (!project.carryOver) continue;
      const classCode = project.functionCode.slice(0, 3);
      const group = grouped.get(classCode);
      if (group) group.push(project);
      else grouped.set(classCode, [project]);
    }
    byClass = grouped;
    carryOverByClassCode.set(projects, byClass);
  }
  return byClass;
}

const T1: FormDefinition = {
  id: 'T1',
  number: 1,
  titleSuffix: '预算收支总表',
  unit: '万元',
  remark: '该表反映经财政部门批复的各部门年度预算收支情况（含上年结转），支出功能科目按“类”级科目反映。',
  emptyFund: null,
  panels: ({ catalog }) => {
    const income: ColumnDef[] = [
      { key: 'incomeItem', header: ['收入', '项目'], kind: 'text', width: 24 },
      amountColumn('income', ['收入', '{year}年']),
    ];
    const expenditure: ColumnDef[] = [
      { key: 'expenditureItem', header: ['支出', '项目'], kind: 'text', width: 30 },
      amountColumn('total', ['支出', '{year}年合计']),
      amountColumn('current', ['支出', '当年预算安排']),
      amountColumn('carryOver', ['支出', '上年结转安排']),
    ];
    const incomeLines = INCOME_SOURCES.map((source, i) =>
      listRow(
        `income:${source}`,
        'line',
        { incomeItem: `${chineseNumeral(i + 1)}、${SOURCE_LABELS[source]}` },
        { income: cell('T2', 'total', source) },
      ),
    );
    // Each 类: 合计 from 表3, 上年结转安排 from 表2's 上年结转, 当年预算安排 the rest.
    const classLines = catalog.functionClasses.map(([code, name], i) => {
      const key = `expenditure:${code}`;
      return listRow(
        key,
        'line',
        { expenditureItem: `${chineseNumeral(i + 1)}、${name}` },
        {
          total: cell('T3', code, 'total'),
          current: minus(cell('T1', key, 'total'), cell('T1', key, 'carryOver')),
          carryOver: cell('T2', code, 'carryOver'),
        },
      );
    });
    const expenditureColumnsKeys = ['total', 'current', 'carryOver'];
    return [
      {
        columns: income,
        body: incomeLines,
        footer: [
          listRow(
            'income:subtotal',
            'total',
            { incomeItem: '本年收入合计' },
            columnSums('T1', keys(incomeLines), ['income']),
          ),
          listRow(
            'income:carryOver',
            'line',
            { incomeItem: '上年结转' },
            { income: cell('T2', 'total', 'carryOver') },
          ),
          listRow(
            'income:total',
            'total',
            { incomeItem: '收入总计' },
            columnSums('T1', ['income:subtotal', 'income:carryOver'], ['income']),
          ),
        ],
      },
      {
        columns: expenditure,
        body: classLines,
        footer: [
          listRow(
            'expenditure:subtotal',
            'total',
            { expenditureItem: '本年支出合计' },
            columnSums('T1', keys(classLines), expenditureColumnsKeys),
          ),
          listRow(
            'expenditure:yearEnd',
            'line',
            { expenditureItem: '年终结转' },
            { total: blank, current: blank, carryOver: blank },
          ),
          listRow(
            'expenditure:total',
            'total',
            { expenditureItem: '支出总计' },
            columnSums('T1', ['expenditure:subtotal', 'expenditure:yearEnd'], expenditureColumnsKeys),
          ),
        ],
      },
    ];
  },
};

const T2: FormDefinition = {
  id: 'T2',
  number: 2,
  titleSuffix: '预算收入总表',
  unit: '万元',
  remark:
    '该表反映部门的一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金等全口径收入的年度预算安排情况（含上年结转），本表支出功能科目按“项”级科目反映。',
  emptyFund: '预算收入',
  panels: ({ doc, catalog }) => [
    functionPanel({
      form: 'T2',
      collection: 't2',
      catalog,
      items: doc.tables.t2.rows,
      codeColumn: codeColumn(['功能分类科目']),
      nameColumn: nameColumn(['功能分类科目']),
      amounts: [
        { ...amountColumn('currentTotal', ['本年收入', '合计']), rowSum: INCOME_SOURCES },
        ...INCOME_SOURCES.map((source) => ({
          ...amountColumn(source, ['本年收入', SOURCE_LABELS[source]]),
          field: source,
        })),
        { ...amountColumn('carryOver', ['上年结转']), field: 'carryOver' },
      ],
    }),
  ],
};

const T3: FormDefinition = {
  id: 'T3',
  number: 3,
  titleSuffix: '预算支出总表',
  unit: '万元',
  remark:
    '该表反映各部门用一般公共预算、政府性基金预算、国有资本经营预算、财政专户管理资金、单位资金等收入安排的支出（含上年结转）以及基本支出和项目支出安排情况，按支出功能科目“项”级科目反映。',
  emptyFund: '预算支出',
  panels: expenditureTable('T3', 't3'),
};

const T4: FormDefinition = {
  id: 'T4',
  number: 4,
  titleSuffix: '财政拨款收支总表',
  unit: '万元',
  remark:
    '本表反映部门本年度一般公共预算、政府性基金预算、国有资本经营预算财政拨款的收支和上年财政拨款结转情况。',
  emptyFund: null,
  panels: (ctx) => {
    const income: ColumnDef[] = [
      { key: 'incomeItem', header: ['收入', '项目'], kind: 'text', width: 22 },
      amountColumn('income', ['收入', '金额']),
    ];
    const expenditure: ColumnDef[] = [
      { key: 'expenditureItem', header: ['支出', '项目'], kind: 'text', width: 30 },
      amountColumn('subtotal', ['支出', '金额', '小计']),
      ...FISCAL_SOURCES.map((source) => amountColumn(source, ['支出', '金额', SOURCE_LABELS[source]])),
    ];
    const numbered = (source: FiscalSource, i: number) =>
      `${chineseNumeral(i + 1)}、${SOURCE_LABELS[source]}`;
    const incomeLines = FISCAL_SOURCES.map((source, i) =>
      listRow(
        `income:${source}`,
        'line',
        { incomeItem: numbered(source, i) },
        { income: cell('T2', 'total', source) },
      ),
    );
    // 上年财政拨款结转 by source: the 表13 totals.
    const carryOverLines = FISCAL_SOURCES.map((source, i) =>
      listRow(
        `income:carryOver:${source}`,
        'line',
        { incomeItem: numbered(source, i) },
        { income: cell('T13', 'total', source) },
      ),
    );
    // Each 类 by source: 表5 / 表8 / 表9 (which exclude carry-over) plus the carry-over spent under it.
    const classTables: Record<FiscalSource, (code: string) => ReturnType<typeof cell>> = {
      generalBudget: (code) => cell('T5', code, 'total'),
      governmentFund: (code) => cell('T8', code, 'total'),
      stateCapital: (code) => cell('T9', `expenditure:${code}`, 'total'),
    };
    const classLines = ctx.catalog.functionClasses.map(([code, name], i) => {
      const key = `expenditure:${code}`;
      const bySource = Object.fromEntries(
        FISCAL_SOURCES.map((source) => [
          source,
          sum([classTables[source](code), carryOverByClass(ctx, code, source)]),
        ]),
      );
      return listRow(
        key,
        'line',
        { expenditureItem: `${chineseNumeral(i + 1)}、${name}` },
        { subtotal: rowSum('T4', key, FISCAL_SOURCES), ...bySource },
      );
    });
    const expenditureKeys = ['subtotal', ...FISCAL_SOURCES];
    return [
      {
        columns: income,
        body: incomeLines,
        footer: [
          listRow(
            'income:subtotal',
            'total',
            { incomeItem: '本年收入合计' },
            columnSums('T4', keys(incomeLines), ['income']),
          ),
          listRow(
            'income:carryOver',
            'line',
            { incomeItem: '上年财政拨款结转' },
            columnSums('T4', keys(carryOverLines), ['income']),
          ),
          ...carryOverLines,
          listRow(
            'income:total',
            'total',
            { incomeItem: '收入总计' },
            columnSums('T4', ['income:subtotal', 'income:carryOver'], ['income']),
          ),
        ],
      },
      {
        columns: expenditure,
        body: classLines,
        footer: [
          listRow(
            'expenditure:subtotal',
            'total',
            { expenditureItem: '本年支出合计' },
            columnSums('T4', keys(classLines), expenditureKeys),
          ),
          listRow(
            'expenditure:yearEnd',
            'line',
            { expenditureItem: '年终结转' },
            Object.fromEntries(expenditureKeys.map((k) => [k, blank])),
          ),
          null,
          null,
          null,
          listRow(
            'expenditure:total',
            'total',
            { expenditureItem: '支出总计' },
            columnSums('T4', ['expenditure:subtotal', 'expenditure:yearEnd'], expenditureKeys),
          ),
        ],
      },
    ];
  },
};

const T5: FormDefinition = {
  id: 'T5',
  number: 5,
  titleSuffix: '一般公共预算支出预算表（不含上年结转）',
  unit: '万元',
  remark:
    '该表反映各部门年度预算（不含上年结转）中按支出功能科目反映的一般公共预算支出总体情况，以及基本支出和项目支出安排情况，支出功能科目细化至“项”级。',
  emptyFund: '一般公共预算支出',
  panels: expenditureTable('T5', 't5'),
};

const T6: FormDefinition = {
  id: 'T6',
  number: 6,
  titleSuffix: '一般公共预算安排基本支出分经济科目表（不含上年结转）',
  unit: '万元',
  remark:
    '该表反映各部门年度预算（不含上年结转）中按部门预算经济科目和政府经济科目反映的一般公共预算基本支出的安排情况，科目细化至“款”级。',
  emptyFund: '一般公共预算基本支出',
  panels: ({ doc, catalog }) => {
    const department = ['部门预算支出经济分类科目'];
    const government = ['政府预算支出经济分类科目'];
    const columns: ColumnDef[] = [
      codeColumn(department, 'departmentCode'),
      { ...nameColumn(department, 'departmentName'), width: 26 },
      codeColumn(government, 'governmentCode'),
      { ...nameColumn(government, 'governmentName'), width: 22 },
      amountColumn('total', [YEAR_BUDGET, '合计']),
      amountColumn('personnel', [YEAR_BUDGET, '人员经费']),
      amountColumn('public', [YEAR_BUDGET, '公用经费']),
    ];
    const amounts = ['personnel', 'public'] as const;
    const rows = [...doc.tables.t6.rows].sort(
      (a, b) =>
        compareCodes(a.departmentCode, b.departmentCode) || compareCodes(a.governmentCode, b.governmentCode),
    );
    const body: RowSpec[] = [];
    const classKeys: string[] = [];
    for (const classCode of [...new Set(rows.map((r) => r.departmentCode.slice(0, 3)))]) {
      const items = rows.filter((r) => r.departmentCode.startsWith(classCode));
      const itemRows = items.map((r) => {
        const key = economicRowKey(r);
        const name = catalog.departmentEconomicName(r.departmentCode) ?? '';
        return typedAmountsRow(
          'T6',
          't6',
          key,
          {
            departmentCode: r.departmentCode,
            departmentName: r.note ? `${name}（${r.note}）` : name,
            governmentCode: r.governmentCode,
            governmentName: catalog.governmentEconomicName(r.governmentCode) ?? '',
          },
          amounts,
        );
      });
      body.push(
        listRow(
          classCode,
          'class',
          {
            departmentCode: classCode,
            departmentName: catalog.departmentEconomicName(classCode) ?? '',
            governmentCode: '',
            governmentName: '',
          },
          { total: rowSum('T6', classCode, amounts), ...columnSums('T6', keys(itemRows), amounts) },
        ),
        ...itemRows,
      );
      classKeys.push(classCode);
    }
    const total = listRow(
      'total',
      'total',
      { departmentCode: '合计', departmentName: '', governmentCode: '', governmentName: '' },
      { total: rowSum('T6', 'total', amounts), ...columnSums('T6', classKeys, amounts) },
    );
    return [{ columns, body, footer: [total] }];
  },
};

const T7: FormDefinition = {
  id: 'T7',
  number: 7,
  titleSuffix: '政府性基金预算收入表（不含上年结转）',
  unit: '万元',
  remark: '该表反映各部门纳入预算管理的政府性基金预算收入情况（不含上年结转），按功能科目“项”级填列。',
  emptyFund: '政府性基金预算收入',
  // A 表2 row enters or leaves 表7 when its 政府性基金预算 becomes filled or blank.
  changesRows: (current, next, input) =>
    current.tables.t7.source === 'table2' &&
    input.collection === 't2' &&
    input.field === 'governmentFund' &&
    (getInput(current, input) === '') !== (getInput(next, input) === ''),
  panels: ({ doc, catalog }) => {
    // By default 表7 is 表2's 政府性基金预算 column; a department may type its own rows instead.
    const fromTable2 = doc.tables.t7.source === 'table2';
    const items = fromTable2 ? doc.tables.t2.rows.filter((r) => r.governmentFund !== '') : doc.tables.t7.rows;
    return [
      functionPanel({
        form: 'T7',
        collection: 't7',
        catalog,
        items,
        codeColumn: codeColumn(['功能分类科目']),
        nameColumn: nameColumn(['功能分类科目']),
        amounts: [
          {
            ...amountColumn('amount', ['政府性基金收入预算']),
            ...(fromTable2
              ? { item: (key: string) => cell('T2', key, 'governmentFund') }
              : { field: 'amount' }),
          },
        ],
      }),
    ];
  },
};

const T8: FormDefinition = {
  id: 'T8',
  number: 8,
  titleSuffix: '政府性基金预算支出表（不含上年结转）',
  unit: '万元',
  remark:
    '该表反映各部门纳入预算管理的政府性基金预算支出情况（不含上年结转），以及基本支出、项目支出安排情况，按支出功能科目细化至“项”级。',
  emptyFund: '政府性基金预算支出',
  panels: expenditureTable('T8', 't8'),
};

const T9: FormDefinition = {
  id: 'T9',
  number: 9,
  titleSuffix: '国有资本经营预算收支预算表（不含上年结转）',
  unit: '万元',
  remark:
    '该表反映各部门国有资本经营预算收支情况（不含上年结转）以及基本支出、项目支出安排情况，按功能科目细化至“项”级。',
  emptyFund: '国有资本经营预算收支',
  panels: ({ doc, catalog }) => {
    const income = ['国有资本经营预算收入', '功能分类科目'];
    const expenditure = ['国有资本经营预算支出', '功能分类科目'];
    return [
      functionPanel({
        form: 'T9',
        collection: 't9Income',
        catalog,
        items: doc.tables.t9.incomeRows,
        keyPrefix: 'income:',
        codeColumn: codeColumn(income, 'incomeCode'),
        nameColumn: { ...nameColumn(income, 'incomeName'), width: 26 },
        amounts: [
          {
            ...amountColumn('income', ['国有资本经营预算收入', '国有资本经营收入预算']),
            field: 'amount',
          },
        ],
      }),
      functionPanel({
        form: 'T9',
        collection: 't9',
        catalog,
        items: doc.tables.t9.rows,
        keyPrefix: 'expenditure:',
        codeColumn: codeColumn(expenditure),
        nameColumn: { ...nameColumn(expenditure), width: 26 },
        amounts: expenditureColumns(['国有资本经营预算支出']),
      }),
    ];
  },
};

const THREE_PUBLIC_LINES = [
  ['travelAbroad', '因公出国（境）费用'],
  ['reception', '公务接待费'],
  ['vehiclePurchase', '①公务用车购置费'],
  ['vehicleOperation', '②公务用车运行维护费'],
] as const;

/** 合计 / 一般公共预算 / 政府性基金预算 / 国有资本经营预算 columns (表10, 11). */
function fiscalColumns(group: readonly string[]): ColumnDef[] {
  return [
    amountColumn('total', [...group, '合计']),
    ...FISCAL_SOURCES.map((source) => amountColumn(source, [...group, SOURCE_LABELS[source]])),
  ];
}

/** A row of typed 一般公共预算 / 政府性基金预算 / 国有资本经营预算 amounts and their 合计 (表10, 11, 13). */
function fiscalRow(
  form: FormId,
  collection: 't10' | 't11' | 't13',
  key: string,
  labels: Readonly<Record<string, string>>,
) {
  return typedAmountsRow(form, collection, key, labels, FISCAL_SOURCES);
}

function fiscalSums(form: FormId, key: string, rows: readonly string[]) {
  return { total: rowSum(form, key, FISCAL_SOURCES), ...columnSums(form, rows, FISCAL_SOURCES) };
}

const T10: FormDefinition = {
  id: 'T10',
  number: 10,
  titleSuffix: '财政拨款安排“三公”经费支出预算表',
  unit: '万元',
  remark:
    '本表数据反映部门使用当年财政拨款安排的因公出国（境）费用、公务接待费、公务用车购置和运行维护费预算情况，不包括科学教研人员因公出国（境）费用。',
  emptyFund: '财政拨款安排的“三公”经费',
  panels: () => {
    const columns: ColumnDef[] = [
      { key: 'item', header: ['项目'], kind: 'text', width: 28 },
      ...fiscalColumns([YEAR_BUDGET]),
    ];
    const line = ([key, label]: (typeof THREE_PUBLIC_LINES)[number]) =>
      fiscalRow('T10', 't10', key, { item: label });
    const [travelAbroad, reception, purchase, operation] = THREE_PUBLIC_LINES;
    // 公务用车购置及运行费 = ① 购置费 + ② 运行维护费; 合计 = the three items.
    const vehicle = listRow(
      'vehicle',
      'section',
      { item: '公务用车购置及运行费' },
      fiscalSums('T10', 'vehicle', ['vehiclePurchase', 'vehicleOperation']),
    );
    const body = [line(travelAbroad), line(reception), vehicle, line(purchase), line(operation)];
    const total = listRow(
      'total',
      'total',
      { item: '合计' },
      fiscalSums('T10', 'total', ['travelAbroad', 'reception', 'vehicle']),
    );
    return [{ columns, body, footer: [total] }];
  },
};

const T11: FormDefinition = {
  id: 'T11',
  number: 11,
  titleSuffix: '财政拨款安排机关运行经费预算表',
  unit: '万元',
  remark:
    '本表数据反映部门所属行政单位和参照公务员法管理的事业单位使用当年财政拨款安排的基本支出中的公用经费支出。',
  emptyFund: '机关运行经费',
  panels: ({ doc }) => {
    const columns: ColumnDef[] = [
      { key: 'unit', header: ['单位名称'], kind: 'text', width: 36 },
      ...fiscalColumns([YEAR_BUDGET]),
    ];
    const names = new Map(doc.units.map((u) => [u.id, u.name]));
    const body = doc.tables.t11.rows.map((r) =>
      fiscalRow('T11', 't11', r.unitId, { unit: names.get(r.unitId) ?? r.unitId }),
    );
    const total = listRow('total', 'total', { unit: '部门合计' }, fiscalSums('T11', 'total', keys(body)));
    return [{ columns, body, footer: [total] }];
  },
};

const T12: FormDefinition = {
  id: 'T12',
  number: 12,
  titleSuffix: '项目支出预算表（本年预算）',
  unit: '万元',
  remark:
    '本表数据反映部门{year}年本年财政拨款、专户资金、单位资金安排的其他运转类和特定目标类项目支出（已分配项目）。',
  emptyFund: '本年项目支出',
  panels: ({ doc }) => {
    const fiscal = '{year}年财政拨款';
    const columns: ColumnDef[] = [
      { key: 'project', header: ['项目名称'], kind: 'text', width: 40 },
      amountColumn('total', ['合计']),
      ...FISCAL_SOURCES.map((source) => amountColumn(source, [fiscal, SOURCE_LABELS[source]])),
      amountColumn('specialAccount', ['财政专户管理资金']),
      amountColumn('unitFunds', ['单位资金']),
    ];
    const body = doc.projects
      .filter((p) => p.current)
      .map((p) => typedAmountsRow('T12', 't12', p.id, { project: p.name }, INCOME_SOURCES));
    const total = listRow(
      'total',
      'total',
      { project: '合计' },
      { total: rowSum('T12', 'total', INCOME_SOURCES), ...columnSums('T12', keys(body), INCOME_SOURCES) },
    );
    return [{ columns, body, footer: [total] }];
  },
};

const T13: FormDefinition = {
  id: 'T13',
  number: 13,
  titleSuffix: '项目支出预算表（上年结转）',
  unit: '万元',
  remark: '本表数据反映部门上年财政拨款结转安排的其他运转类和特定目标类项目支出（二级项目）。',
  emptyFund: '上年结转项目支出',
  panels: ({ doc }) => {
    const columns: ColumnDef[] = [
      { key: 'project', header: ['项目名称'], kind: 'text', width: 40 },
      amountColumn('total', ['合计']),
      ...FISCAL_SOURCES.map((source) => amountColumn(source, ['上年财政拨款结转', SOURCE_LABELS[source]])),
    ];
    const body = doc.projects
      .filter((p) => p.carryOver)
      .map((p) => fiscalRow('T13', 't13', p.id, { project: p.name }));
    const total = listRow('total', 'total', { project: '合计' }, fiscalSums('T13', 'total', keys(body)));
    return [{ columns, body, footer: [total] }];
  },
};

function keys(rows: readonly RowSpec[]): string[] {
  return rows.map((r) => r.key);
}

export const FORM_DEFINITIONS: Readonly<Record<FormId, FormDefinition>> = {
  T1,
  T2,
  T3,
  T4,
  T5,
  T6,
  T7,
  T8,
  T9,
  T10,
  T11,
  T12,
  T13,
};
