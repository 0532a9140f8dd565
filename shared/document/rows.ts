/**
 * Adding and removing rows: the 功能 项 rows of 表2/3/5/7/8/9, the 经济科目 rows of 表6, units (and their
 * 表11 row), projects (表12/13), and copying 表3 into 表5 for a department funded by 一般公共预算 alone.
 *
 * Every function returns a new document and leaves the one it was given as it was; arrays and objects it
 * does not change are handed on as they are (so the forms and checks see them unchanged). A request that
 * cannot be done is refused with a reason and a Chinese message for the accountant, never thrown.
 */
import { catalogFor } from '../catalogs';
import { isBlank, toDecimal, type Amount } from '../money';
import { emptyCurrent, getInput, inputKeys, isInputField, type InputCollection } from './inputs';
import {
  economicRowKey,
  INCOME_SOURCES,
  UNIT_TYPES,
  type BudgetDocument,
  type EconomicRow,
  type ExpenditureRow,
  type IncomeRow,
  type OperatingRow,
  type Project,
  type ProjectCategory,
  type SingleAmountRow,
  type Unit,
  type UnitType,
} from './schema';

/** The collections whose rows are 功能 项, keyed by their 7-digit code. */
export const FUNCTION_COLLECTIONS = ['t2', 't3', 't5', 't7', 't8', 't9Income', 't9'] as const;
export type FunctionCollection = (typeof FUNCTION_COLLECTIONS)[number];
/** The collections `removeRow` removes from: the 功能 tables, 表6 (key `economicRowKey`), 表11 (unit id). */
export type RemovableCollection = FunctionCollection | 't6' | 't11';

export type RowEditFailure =
  | 'unknown-code' // not in the year's catalog
  | 'not-item' // not a 项 (功能, 7 digits) or 款 (经济, 5 digits)
  | 'duplicate' // the table has that row already
  | 'no-such-row'
  | 'derived-table' // 表7 while it is taken from 表2
  | 'choose-government-code' // a 部门经济 款 maps to several 政府经济 款 (by unit type)
  | 'no-such-unit'
  | 'unit-in-use' // a unit that projects still belong to
  | 'empty-name'
  | 'duplicate-name'
  | 'not-single-fund' // 表5 may repeat 表3 only when all income is 一般公共预算
  | 'nothing-to-copy';

export type RowEditResult =
  | {
      readonly ok: true;
      readonly document: BudgetDocument;
      /** The key of the row added or removed (code, 表6 key, unit id, project id; '' for copyTable). */
      readonly key: string;
    }
  | { readonly ok: false; readonly reason: RowEditFailure; readonly message: string };

const LABELS: Record<RemovableCollection, string> = {
  t2: '表2',
  t3: '表3',
  t5: '表5',
  t6: '表6',
  t7: '表7',
  t8: '表8',
  t9Income: '表9（收入）',
  t9: '表9（支出）',
  t11: '表11',
};

function refuse(reason: RowEditFailure, message: string): RowEditResult {
  return { ok: false, reason, message };
}

function done(document: BudgetDocument, key: string): RowEditResult {
  return { ok: true, document, key };
}

function withTables(doc: BudgetDocument, next: Partial<BudgetDocument['tables']>): BudgetDocument {
  return { ...doc, tables: { ...doc.tables, ...next } };
}

/** A copy of `rows` with `row` before the first row that sorts after it (rows in order stay in order). */
function insertSorted<R>(rows: readonly R[], row: R, after: (existing: R) => boolean): R[] {
  const at = rows.findIndex(after);
  return at < 0 ? [...rows, row] : [...rows.slice(0, at), row, ...rows.slice(at)];
}

// ---------------------------------------------------------------------------------------------------
// 功能 项 rows (表2, 3, 5, 7, 8, 9)

/** The rows of a 功能 collection as stored. */
function functionRows(
  doc: BudgetDocument,
  collection: FunctionCollection,
): readonly { functionCode: string }[] {
  const t = doc.tables;
  switch (collection) {
    case 't9Income':
      return t.t9.incomeRows;
    case 't9':
      return t.t9.rows;
    default:
      return t[collection].rows;
  }
}

/** The 功能 项 codes a table has (not offered again when adding a row). */
export function functionCodesOf(doc: BudgetDocument, collection: FunctionCollection): ReadonlySet<string> {
  return new Set(functionRows(doc, collection).map((row) => row.functionCode));
}

/** 表7 is 表2's 政府性基金预算 column unless the department types it (schema: t7.source). */
function derivedTable7(doc: BudgetDocument, collection: FunctionCollection): RowEditResult | null {
  return collection === 't7' && doc.tables.t7.source === 'table2'
    ? refuse(
        'derived-table',
        '表7 取自表2 的“政府性基金预算”列，不能单独增删行：请在表2 中填写，或先把表7 改为单独填写',
      )
    : null;
}

/**
 * Checks that a code is a 功能 项 of the document's year; the catalog name, or the refusal. Rows added
 * here come from the catalog: only 项 are stored, since every 类 and 款 row of a 功能 table is summed from
 * the 项 under it by the form (shared/forms/builders.ts functionPanel groups the stored 项 by their 3- and
 * 5-digit prefixes). A file may still hold a code the catalog lacks (accepted with a warning on load);
 * that is for importing published data, not for picking a new row.
 */
function functionItem(doc: BudgetDocument, code: string): { name: string } | RowEditResult {
  const catalog = catalogFor(doc.year);
  const name = catalog.functionName(code);
  const level = code.length === 3 ? '类' : code.length === 5 ? '款' : null;
  if (name !== undefined && level) {
    return refuse(
      'not-item',
      `${code}“${name}”是“${level}”级科目：只能添加“项”级（7 位）科目，类、款的金额由其下各项自动汇总`,
    );
  }
  if (!/^\d{7}$/.test(code)) {
    return refuse('not-item', `“${code}”不是支出功能分类“项”级科目编码（7 位数字）`);
  }
  if (name === undefined) {
    return refuse('unknown-code', `${catalog.year}年支出功能分类中没有科目 ${code}`);
  }
  return { name };
}

/**
 * Adds a blank 功能 项 row (name from the catalog, every amount '') to a 功能 table, in code order.
 * Refused: a code that is not a 项 of the year's catalog, a row the table has, 表7 taken from 表2.
 */
export function addFunctionRow(
  doc: BudgetDocument,
  collection: FunctionCollection,
  functionCode: string,
): RowEditResult {
  const code = functionCode.trim();
  const derived = derivedTable7(doc, collection);
  if (derived) return derived;
  const item = functionItem(doc, code);
  if ('ok' in item) return item;
  if (functionRows(doc, collection).some((row) => row.functionCode === code)) {
    return refuse('duplicate', `${LABELS[collection]} 已有科目 ${code}“${item.name}”`);
  }
  const after = (row: { functionCode: string }) => row.functionCode > code;
  const t = doc.tables;
  const base = { functionCode: code, name: item.name };
  const expenditure: ExpenditureRow = { ...base, basic: '', project: '' };
  const single: SingleAmountRow = { ...base, amount: '' };
  switch (collection) {
    case 't2': {
      const row: IncomeRow = { ...base, ...emptyCurrent(), carryOver: '' };
      return done(withTables(doc, { t2: { rows: insertSorted(t.t2.rows, row, after) } }), code);
    }
    case 't3':
    case 't5':
    case 't8':
      return done(
        withTables(doc, { [collection]: { rows: insertSorted(t[collection].rows, expenditure, after) } }),
        code,
      );
    case 't7':
      return done(withTables(doc, { t7: { ...t.t7, rows: insertSorted(t.t7.rows, single, after) } }), code);
    case 't9Income':
      return done(
        withTables(doc, { t9: { ...t.t9, incomeRows: insertSorted(t.t9.incomeRows, single, after) } }),
        code,
      );
    case 't9':
      return done(
        withTables(doc, { t9: { ...t.t9, rows: insertSorted(t.t9.rows, expenditure, after) } }),
        code,
      );
  }
}

/**
 * Removes a row by its key from a 功能 table (the code), 表6 (`economicRowKey`) or 表11 (the unit id).
 * It does not ask: call `rowHasMoney` first and let the accountant confirm.
 */
export function removeRow(doc: BudgetDocument, collection: RemovableCollection, key: string): RowEditResult {
  const t = doc.tables;
  const without = <R>(rows: readonly R[], keyOf: (row: R) => string): R[] | null => {
    const next = rows.filter((row) => keyOf(row) !== key);
    return next.length === rows.length ? null : next;
  };
  const missing = refuse('no-such-row', `${LABELS[collection]} 中没有行 ${key}`);
  const byCode = (row: { functionCode: string }) => row.functionCode;
  switch (collection) {
    case 't6': {
      const rows = without(t.t6.rows, economicRowKey);
      return rows ? done(withTables(doc, { t6: { rows } }), key) : missing;
    }
    case 't11': {
      const rows = without(t.t11.rows, (row) => row.unitId);
      return rows ? done(withTables(doc, { t11: { rows } }), key) : missing;
    }
    case 't2': {
      const rows = without(t.t2.rows, byCode);
      return rows ? done(withTables(doc, { t2: { rows } }), key) : missing;
    }
    case 't3':
    case 't5':
    case 't8': {
      const rows = without(t[collection].rows, byCode);
      return rows ? done(withTables(doc, { [collection]: { rows } }), key) : missing;
    }
    case 't7': {
      const derived = derivedTable7(doc, collection);
      if (derived) return derived;
      const rows = without(t.t7.rows, byCode);
      return rows ? done(withTables(doc, { t7: { ...t.t7, rows } }), key) : missing;
    }
    case 't9Income': {
      const incomeRows = without(t.t9.incomeRows, byCode);
      return incomeRows ? done(withTables(doc, { t9: { ...t.t9, incomeRows } }), key) : missing;
    }
    case 't9': {
      const rows = without(t.t9.rows, byCode);
      return rows ? done(withTables(doc, { t9: { ...t.t9, rows } }), key) : missing;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Money in a row

/** Every field name that holds a typed amount in some collection (inputs.ts says which in which). */
const AMOUNT_FIELDS = [...INCOME_SOURCES, 'carryOver', 'basic', 'project', 'personnel', 'public', 'amount'];

function hasMoney(amount: Amount | undefined): boolean {
  return !isBlank(amount) && !toDecimal(amount).isZero();
}

/**
 * Whether any typed amount of the row is neither blank nor zero (the grid asks before removing such a
 * row). Any typed collection: 't12' / 't13' with a project id look at its 本年 / 上年结转 amounts.
 * False for a row that does not exist.
 */
export function rowHasMoney(doc: BudgetDocument, collection: InputCollection, key: string): boolean {
  return AMOUNT_FIELDS.some(
    (field) => isInputField(collection, field) && hasMoney(getInput(doc, { collection, key, field })),
  );
}

/** Whether any row of the collection has money (e.g. before `copyTable` overwrites 表5). */
export function tableHasMoney(doc: BudgetDocument, collection: InputCollection): boolean {
  return inputKeys(doc, collection).some((key) => rowHasMoney(doc, collection, key));
}

// ---------------------------------------------------------------------------------------------------
// 表6: 部门经济 款 with the 政府经济 款 it maps to

export interface GovernmentCodeOption {
  readonly governmentCode: string;
  readonly name: string;
  /** The unit types (of this department's units) whose 部门 款 maps to this 政府 款. */
  readonly unitTypes: readonly UnitType[];
}

/**
 * The 政府经济 款 a 部门经济 款 maps to for the department's units. The mapping depends on the unit type
 * (行政 and 参公事业 → 501/502…, 事业 → 505/506…), so a department with both kinds may need the 部门 款 in
 * 表6 twice, once per 政府 款. A department without units is taken to have every type.
 */
export function governmentCodeOptions(doc: BudgetDocument, departmentCode: string): GovernmentCodeOption[] {
  const catalog = catalogFor(doc.year);
  const types =
    doc.units.length === 0 ? UNIT_TYPES : UNIT_TYPES.filter((type) => doc.units.some((u) => u.type === type));
  const options = new Map<string, UnitType[]>();
  for (const type of types) {
    const code = catalog.governmentCodeFor(departmentCode, type);
    if (code === undefined) continue;
    const list = options.get(code);
    if (list) list.push(type);
    else options.set(code, [type]);
  }
  return [...options].map(([governmentCode, unitTypes]) => ({
    governmentCode,
    name: catalog.governmentEconomicName(governmentCode) ?? '',
    unitTypes,
  }));
}

/**
 * Adds a blank 表6 row for a 部门经济 款 of the year's catalog, in code order. Without `governmentCode`,
 * the 政府 款 is the one the catalog maps it to for the department's units; when they map it to several
 * (units of different types), the caller must choose (refused with the options in the message, and
 * `governmentCodeOptions` lists them).
 */
export function addEconomicRow(
  doc: BudgetDocument,
  departmentCode: string,
  options: { readonly governmentCode?: string; readonly note?: string } = {},
): RowEditResult {
  const catalog = catalogFor(doc.year);
  const code = departmentCode.trim();
  const name = catalog.departmentEconomicName(code);
  if (name !== undefined && code.length === 3) {
    return refuse('not-item', `${code}“${name}”是“类”级科目：表6 按“款”级（5 位）经济科目填列`);
  }
  if (!/^\d{5}$/.test(code)) {
    return refuse('not-item', `“${code}”不是部门预算支出经济分类“款”级科目编码（5 位数字）`);
  }
  if (name === undefined) {
    return refuse('unknown-code', `${catalog.year}年部门预算支出经济分类中没有科目 ${code}`);
  }
  let governmentCode = options.governmentCode?.trim();
  if (governmentCode === undefined) {
    const choices = governmentCodeOptions(doc, code);
    const [only] = choices;
    if (choices.length !== 1 || !only) {
      const listed = choices
        .map((c) => `${c.governmentCode}“${c.name}”（${c.unitTypes.join('、')}单位）`)
        .join('、');
      return refuse(
        'choose-government-code',
        choices.length === 0
          ? `经济分类对照关系中没有 ${code}“${name}”对应的政府预算支出经济科目，请指定`
          : `${code}“${name}”对应的政府预算支出经济科目因单位类型而不同：${listed}，请选择其一`,
      );
    }
    governmentCode = only.governmentCode;
  } else if (catalog.governmentEconomicName(governmentCode) === undefined || governmentCode.length !== 5) {
    return refuse(
      'unknown-code',
      `“${governmentCode}”不是${catalog.year}年政府预算支出经济分类的“款”级科目（5 位）`,
    );
  }
  const row: EconomicRow = {
    departmentCode: code,
    governmentCode,
    note: options.note ?? '',
    personnel: '',
    public: '',
  };
  const key = economicRowKey(row);
  const rows = doc.tables.t6.rows;
  if (rows.some((r) => economicRowKey(r) === key)) {
    return refuse('duplicate', `表6 已有 ${code}“${name}”对应 ${governmentCode} 的行`);
  }
  const after = (r: EconomicRow) =>
    r.departmentCode > code || (r.departmentCode === code && r.governmentCode > governmentCode);
  return done(withTables(doc, { t6: { rows: insertSorted(rows, row, after) } }), key);
}

// ---------------------------------------------------------------------------------------------------
// Units and 表11

/** A fresh id: the prefix and one more than the largest number used with it, zero-padded as they are. */
function freshId(existing: readonly string[], prefix: string, minWidth: number): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  let width = minWidth;
  for (const id of existing) {
    const digits = pattern.exec(id)?.[1];
    if (digits === undefined) continue;
    max = Math.max(max, Number(digits));
    width = Math.max(width, digits.length);
  }
  const taken = new Set(existing);
  let n = max + 1;
  let id = `${prefix}${String(n).padStart(width, '0')}`;
  while (taken.has(id)) {
    n += 1;
    id = `${prefix}${String(n).padStart(width, '0')}`;
  }
  return id;
}

function unitById(doc: BudgetDocument, id: string): Unit | undefined {
  return doc.units.find((u) => u.id === id);
}

function operatingRow(unitId: string): OperatingRow {
  return { unitId, generalBudget: '', governmentFund: '', stateCapital: '' };
}

/**
 * Adds a unit (a fresh id u1, u2, …). 表11 机关运行经费 covers 行政单位 and 参照公务员法管理的事业单位
 * (its 备注), so a 行政 or 参公事业 unit gets a blank 表11 row to type into, a 事业 unit none unless
 * asked (`operatingRow`; a department may list every unit, as the sample's published 表11 does).
 */
export function addUnit(
  doc: BudgetDocument,
  name: string,
  type: UnitType,
  options: { readonly operatingRow?: boolean } = {},
): RowEditResult {
  const trimmed = name.trim();
  if (trimmed === '') return refuse('empty-name', '请填写单位名称');
  if (doc.units.some((u) => u.name === trimmed)) {
    return refuse('duplicate-name', `已有单位“${trimmed}”`);
  }
  const id = freshId(
    doc.units.map((u) => u.id),
    'u',
    1,
  );
  const units = [...doc.units, { id, name: trimmed, type }];
  const withRow = options.operatingRow ?? type !== '事业';
  const next = { ...doc, units };
  return done(
    withRow ? withTables(next, { t11: { rows: [...doc.tables.t11.rows, operatingRow(id)] } }) : next,
    id,
  );
}

/** A row as messages name it: 表11's (keyed by unit id) by its unit's name, the others by their code. */
export function rowName(doc: BudgetDocument, collection: RemovableCollection, key: string): string {
  return collection === 't11' ? (unitById(doc, key)?.name ?? key) : key;
}

/**
 * The units 表11 has no row for (one can be added: addOperatingRow): first those it should list — 行政
 * and 参公事业 units (C9) — then the 事业 ones, each in the unit list's order.
 */
export function unitsWithoutOperatingRow(doc: BudgetDocument): readonly Unit[] {
  const listed = new Set(doc.tables.t11.rows.map((r) => r.unitId));
  const missing = doc.units.filter((u) => !listed.has(u.id));
  return [...missing.filter((u) => u.type !== '事业'), ...missing.filter((u) => u.type === '事业')];
}

/** Adds a blank 表11 row for a unit that has none (in the order of the unit list). */
export function addOperatingRow(doc: BudgetDocument, unitId: string): RowEditResult {
  const unit = unitById(doc, unitId);
  if (!unit) return refuse('no-such-unit', `没有编号为 ${unitId} 的单位`);
  const rows = doc.tables.t11.rows;
  if (rows.some((r) => r.unitId === unitId)) return refuse('duplicate', `表11 已有单位“${unit.name}”`);
  const order = new Map(doc.units.map((u, i) => [u.id, i]));
  const position = order.get(unitId) ?? 0;
  const after = (r: OperatingRow) => (order.get(r.unitId) ?? Infinity) > position;
  return done(withTables(doc, { t11: { rows: insertSorted(rows, operatingRow(unitId), after) } }), unitId);
}

/**
 * Removes a unit and its 表11 row. Refused while projects belong to it (each project names its
 * implementing unit). Ask first when `unitHasMoney`.
 */
export function removeUnit(doc: BudgetDocument, unitId: string): RowEditResult {
  const unit = unitById(doc, unitId);
  if (!unit) return refuse('no-such-unit', `没有编号为 ${unitId} 的单位`);
  const projects = doc.projects.filter((p) => p.unitId === unitId);
  if (projects.length > 0) {
    const names = projects.slice(0, 3).map((p) => `“${p.name}”`);
    const more = projects.length > 3 ? '等' : '';
    return refuse(
      'unit-in-use',
      `单位“${unit.name}”还有 ${projects.length} 个项目（${names.join('、')}${more}），请先删除这些项目或改由其他单位实施`,
    );
  }
  const units = doc.units.filter((u) => u.id !== unitId);
  const t11 = doc.tables.t11.rows;
  const next = { ...doc, units };
  return done(
    t11.some((r) => r.unitId === unitId)
      ? withTables(next, { t11: { rows: t11.filter((r) => r.unitId !== unitId) } })
      : next,
    unitId,
  );
}

/** Whether the unit's 表11 机关运行经费 has money (removing the unit removes it). */
export function unitHasMoney(doc: BudgetDocument, unitId: string): boolean {
  return rowHasMoney(doc, 't11', unitId);
}

// ---------------------------------------------------------------------------------------------------
// Projects (表12, 表13)

export interface NewProject {
  readonly name: string;
  readonly unitId: string;
  readonly category: ProjectCategory;
  /** The 功能 项 it is spent under ('' or left out: not yet known). */
  readonly functionCode?: string;
}

/**
 * Adds a project at the end of the list (表12's order) with a fresh id (p01, p02, …, or as wide as the
 * ids in use), in 表12 with blank amounts, not in 表13 (no 上年结转), and without a declaration yet.
 */
export function addProject(doc: BudgetDocument, project: NewProject): RowEditResult {
  const name = project.name.trim();
  if (name === '') return refuse('empty-name', '请填写项目名称');
  if (doc.projects.some((p) => p.name === name)) return refuse('duplicate-name', `已有项目“${name}”`);
  if (!unitById(doc, project.unitId)) {
    return refuse('no-such-unit', `没有编号为 ${project.unitId} 的单位，请先添加实施单位`);
  }
  const functionCode = (project.functionCode ?? '').trim();
  if (functionCode !== '') {
    const item = functionItem(doc, functionCode);
    if ('ok' in item) return item;
  }
  const id = freshId(
    doc.projects.map((p) => p.id),
    'p',
    2,
  );
  const added: Project = {
    id,
    name,
    unitId: project.unitId,
    category: project.category,
    functionCode,
    current: emptyCurrent(),
    carryOver: null,
    declaration: null,
  };
  return done({ ...doc, projects: [...doc.projects, added] }, id);
}

/**
 * Changes a project's name, unit, category or 功能 项 (表12's row and its declaration follow). The same
 * checks as adding: a name not empty and not another project's, a unit of the department, a 项 code.
 */
export function updateProject(doc: BudgetDocument, id: string, patch: Partial<NewProject>): RowEditResult {
  const project = doc.projects.find((p) => p.id === id);
  if (!project) return refuse('no-such-row', `没有编号为 ${id} 的项目`);
  const name = (patch.name ?? project.name).trim();
  if (name === '') return refuse('empty-name', '请填写项目名称');
  if (doc.projects.some((p) => p.id !== id && p.name === name)) {
    return refuse('duplicate-name', `已有项目“${name}”`);
  }
  const unitId = patch.unitId ?? project.unitId;
  if (!unitById(doc, unitId)) return refuse('no-such-unit', `没有编号为 ${unitId} 的单位`);
  const functionCode = (patch.functionCode ?? project.functionCode).trim();
  if (functionCode !== '' && functionCode !== project.functionCode) {
    const item = functionItem(doc, functionCode);
    if ('ok' in item) return item;
  }
  const updated: Project = {
    ...project,
    name,
    unitId,
    category: patch.category ?? project.category,
    functionCode,
  };
  return done({ ...doc, projects: doc.projects.map((p) => (p.id === id ? updated : p)) }, id);
}

/** Removes a project (from 表12, 表13 and the declarations). Ask first when `projectHasMoney`. */
export function removeProject(doc: BudgetDocument, id: string): RowEditResult {
  const projects = doc.projects.filter((p) => p.id !== id);
  if (projects.length === doc.projects.length) return refuse('no-such-row', `没有编号为 ${id} 的项目`);
  return done({ ...doc, projects }, id);
}

/** Whether the project has money in 表12 (本年) or 表13 (上年结转). */
export function projectHasMoney(doc: BudgetDocument, id: string): boolean {
  return rowHasMoney(doc, 't12', id) || rowHasMoney(doc, 't13', id);
}

// ---------------------------------------------------------------------------------------------------
// 表3 → 表5

/**
 * Why 表5 cannot simply repeat 表3 ([] when it can). 表3 is all expenditure (全口径, 含上年结转); 表5 is
 * the 一般公共预算 part of this year's (不含上年结转). They are the same table exactly when every yuan of
 * income is this year's 一般公共预算:
 *  - 表2 has 一般公共预算 income, and nothing in 政府性基金预算, 国有资本经营预算, 财政专户管理资金, 单位资金
 *    or 上年结转 (表1's income lines and its 上年结转 are 表2's column totals, so 表1 says the same);
 *  - no project has 上年财政拨款结转 (表13, which 表4's 上年结转 lines total);
 *  - 表7, 表8 and 表9 (政府性基金, 国有资本经营) have no money.
 */
function singleFundProblems(doc: BudgetDocument): string[] {
  const t = doc.tables;
  const problems: string[] = [];
  if (!t.t2.rows.some((row) => hasMoney(row.generalBudget))) problems.push('表2 还没有一般公共预算收入');
  const otherSources = [
    ['governmentFund', '政府性基金预算'],
    ['stateCapital', '国有资本经营预算'],
    ['specialAccount', '财政专户管理资金'],
    ['unitFunds', '单位资金'],
    ['carryOver', '上年结转'],
  ] as const;
  for (const [field, label] of otherSources) {
    if (t.t2.rows.some((row) => hasMoney(row[field]))) problems.push(`表2 有${label}收入`);
  }
  if (doc.projects.some((p) => projectCarriesOver(p))) problems.push('表13 有上年财政拨款结转项目');
  if (t.t7.source === 'typed' && tableHasMoney(doc, 't7')) problems.push('表7 有政府性基金预算收入');
  if (tableHasMoney(doc, 't8')) problems.push('表8 有政府性基金预算支出');
  if (tableHasMoney(doc, 't9') || tableHasMoney(doc, 't9Income')) {
    problems.push('表9 有国有资本经营预算收支');
  }
  return problems;
}

function projectCarriesOver(project: Project): boolean {
  const carryOver = project.carryOver;
  return carryOver !== null && Object.values(carryOver).some((amount) => hasMoney(amount));
}

/** Why `copyTable(doc, from, to)` would be refused; null when it may be used. */
function copyRefusal(doc: BudgetDocument, from: 't3', to: 't5'): RowEditResult | null {
  const problems = singleFundProblems(doc);
  if (problems.length > 0) {
    return refuse(
      'not-single-fund',
      `只有全部收入都是本年一般公共预算时，${LABELS[to]} 才与${LABELS[from]} 相同：${problems.join('；')}`,
    );
  }
  if (doc.tables[from].rows.length === 0) {
    return refuse('nothing-to-copy', `${LABELS[from]} 还没有数据，没有可复制的行`);
  }
  return null;
}

/**
 * Whether `copyTable(doc, from, to)` may be used: 表3 has rows, and the department's income is all this
 * year's 一般公共预算 (see singleFundProblems).
 */
export function canCopyTable(doc: BudgetDocument, from: 't3', to: 't5'): boolean {
  return copyRefusal(doc, from, to) === null;
}

/**
 * Fills 表5 from 表3: the same 项 rows (codes, names, 基本支出, 项目支出), replacing what 表5 had (ask
 * first when `tableHasMoney(doc, 't5')`). Refused unless `canCopyTable`; the document is returned as it
 * was when 表5 already repeats 表3. 表5's empty-table note, if any, is left for the checks to report.
 */
export function copyTable(doc: BudgetDocument, from: 't3', to: 't5'): RowEditResult {
  const refusal = copyRefusal(doc, from, to);
  if (refusal) return refusal;
  const source = doc.tables[from].rows;
  const target = doc.tables[to].rows;
  const same =
    source.length === target.length &&
    source.every((row, i) => {
      const other = target[i];
      return (
        other !== undefined &&
        other.functionCode === row.functionCode &&
        other.name === row.name &&
        other.basic === row.basic &&
        other.project === row.project
      );
    });
  if (same) return done(doc, '');
  return done(withTables(doc, { [to]: { rows: source.map((row) => ({ ...row })) } }), '');
}
