import { describe, expect, it } from 'vitest';
import { computeForm, formsOf } from '../forms/engine';
import { formatPlain } from '../money';
import { sampleDocument } from '../sample/sample2024';
import { emptyDocument } from './create';
import { parseDocument, serializeDocument } from './file';
import { getInput, inputKeys, setInput } from './inputs';
import {
  addEconomicRow,
  addFunctionRow,
  addOperatingRow,
  unitsWithoutOperatingRow,
  rowName,
  addProject,
  functionCodesOf,
  updateProject,
  addUnit,
  canCopyTable,
  copyTable,
  governmentCodeOptions,
  projectHasMoney,
  removeProject,
  removeRow,
  removeUnit,
  rowHasMoney,
  tableHasMoney,
  unitHasMoney,
  type RowEditResult,
} from './rows';
import type { BudgetDocument } from './schema';

/** Frozen all the way down: an operation that changed its input would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const sample = deepFreeze(sampleDocument());

/** The document of a successful edit, checked to pass the file schema (as written and read back). */
function ok(result: RowEditResult): BudgetDocument {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  const reread = parseDocument(serializeDocument(result.document));
  expect(reread.ok ? [] : reread.problems).toEqual([]);
  return result.document;
}

function refused(result: RowEditResult): { reason: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return { reason: result.reason, message: result.message };
}

const codesOf = (rows: readonly { functionCode: string }[]) => rows.map((r) => r.functionCode);

/** A variant of the sample with some tables replaced. */
function withTables(doc: BudgetDocument, tables: Partial<BudgetDocument['tables']>): BudgetDocument {
  return deepFreeze({ ...doc, tables: { ...doc.tables, ...tables } });
}

function shown(doc: BudgetDocument, form: 'T3' | 'T5', row: string, column: string): string {
  const value = formsOf(doc).value({ form, row, column });
  return value === null ? '' : formatPlain(value);
}

describe('addFunctionRow', () => {
  it('inserts a blank 项 row, named from the catalog, in code order', () => {
    const result = addFunctionRow(sample, 't3', '2010308');
    const doc = ok(result);
    expect(result.ok && result.key).toBe('2010308');
    expect(codesOf(doc.tables.t3.rows)).toEqual([
      '2010301',
      '2010302',
      '2010308',
      '2010350',
      '2010399',
      '2012505',
      '2080501',
      '2080505',
      '2101101',
      '2101102',
      '2210201',
    ]);
    expect(doc.tables.t3.rows[2]).toEqual({
      functionCode: '2010308',
      name: '信访事务',
      basic: '',
      project: '',
    });
    // Nothing else changed, and the sample is as it was.
    expect(sample.tables.t3.rows).toHaveLength(10);
    expect(doc.tables.t3.rows[0]).toBe(sample.tables.t3.rows[0]);
    expect(doc.tables.t2).toBe(sample.tables.t2);
    expect(doc.tables.t5).toBe(sample.tables.t5);
    expect(doc.projects).toBe(sample.projects);
  });

  it('stores the 项 only: the form computes the 类 and 款 rows above it', () => {
    const doc = ok(addFunctionRow(sample, 't3', '2210203'));
    expect(codesOf(doc.tables.t3.rows).at(-1)).toBe('2210203');
    const keys = computeForm(doc, 'T3').rows.map((r) => r.key);
    expect(keys.slice(keys.indexOf('221'))).toEqual(['221', '22102', '2210201', '2210203', 'total']);
    const withMoney = setInput(doc, { collection: 't3', key: '2210203', field: 'basic' }, '1.5');
    expect(shown(withMoney, 'T3', '22102', 'total')).toBe('37.79');
    expect(shown(withMoney, 'T3', 'total', 'total')).toBe('622.93');
  });

  it('adds the row shape of each table', () => {
    const t2 = ok(addFunctionRow(sample, 't2', '2010308'));
    expect(t2.tables.t2.rows[2]).toEqual({
      functionCode: '2010308',
      name: '信访事务',
      generalBudget: '',
      governmentFund: '',
      stateCapital: '',
      specialAccount: '',
      unitFunds: '',
      carryOver: '',
    });
    const t5 = ok(addFunctionRow(sample, 't5', '2010101'));
    expect(t5.tables.t5.rows[0]).toEqual({
      functionCode: '2010101',
      name: '行政运行',
      basic: '',
      project: '',
    });
    const t8 = ok(addFunctionRow(sample, 't8', '2120801'));
    expect(t8.tables.t8.rows).toEqual([
      { functionCode: '2120801', name: '征地和拆迁补偿支出', basic: '', project: '' },
    ]);
    const t9 = ok(addFunctionRow(sample, 't9', '2230105'));
    expect(t9.tables.t9.rows.map((r) => [r.functionCode, r.basic, r.project])).toEqual([['2230105', '', '']]);
    expect(t9.tables.t9.incomeRows).toBe(sample.tables.t9.incomeRows);
    const t9Income = ok(addFunctionRow(sample, 't9Income', '2230105'));
    expect(t9Income.tables.t9.incomeRows).toEqual([
      { functionCode: '2230105', name: t9.tables.t9.rows[0]?.name, amount: '' },
    ]);
    expect(t9Income.tables.t9.rows).toBe(sample.tables.t9.rows);
  });

  it('adds to 表7 only when it is typed, not taken from 表2', () => {
    expect(refused(addFunctionRow(sample, 't7', '2120801'))).toEqual({
      reason: 'derived-table',
      message: '表7 取自表2 的“政府性基金预算”列，不能单独增删行：请在表2 中填写，或先把表7 改为单独填写',
    });
    const typed = withTables(sample, { t7: { source: 'typed', rows: [] } });
    const doc = ok(addFunctionRow(typed, 't7', '2120801'));
    expect(doc.tables.t7).toEqual({
      source: 'typed',
      rows: [{ functionCode: '2120801', name: '征地和拆迁补偿支出', amount: '' }],
    });
  });

  it('refuses, with a message, a code that is not a 项 of the catalog, or a row the table has', () => {
    expect(refused(addFunctionRow(sample, 't3', '2010301'))).toEqual({
      reason: 'duplicate',
      message: '表3 已有科目 2010301“行政运行”',
    });
    expect(refused(addFunctionRow(sample, 't3', '20103'))).toEqual({
      reason: 'not-item',
      message:
        '20103“政府办公厅（室）及相关机构事务”是“款”级科目：只能添加“项”级（7 位）科目，类、款的金额由其下各项自动汇总',
    });
    expect(refused(addFunctionRow(sample, 't2', '201'))).toEqual({
      reason: 'not-item',
      message:
        '201“一般公共服务支出”是“类”级科目：只能添加“项”级（7 位）科目，类、款的金额由其下各项自动汇总',
    });
    expect(refused(addFunctionRow(sample, 't3', '2010398'))).toEqual({
      reason: 'unknown-code',
      message: '2024年支出功能分类中没有科目 2010398',
    });
    expect(refused(addFunctionRow(sample, 't3', '行政运行'))).toEqual({
      reason: 'not-item',
      message: '“行政运行”不是支出功能分类“项”级科目编码（7 位数字）',
    });
    expect(refused(addFunctionRow(sample, 't9', '')).reason).toBe('not-item');
  });

  it('keeps the order of a table that is added to one row at a time', () => {
    let doc = emptyDocument('测试局', 2024);
    for (const code of ['2210201', '2010301', '2080505', '2010350', '2080501']) {
      doc = ok(addFunctionRow(doc, 't5', code));
    }
    expect(codesOf(doc.tables.t5.rows)).toEqual(['2010301', '2010350', '2080501', '2080505', '2210201']);
  });
});

describe('removeRow and rowHasMoney', () => {
  it('removes a 功能 项 row; the 款 it was the only 项 of disappears from the form', () => {
    expect(rowHasMoney(sample, 't3', '2012505')).toBe(true);
    const doc = ok(removeRow(sample, 't3', '2012505'));
    expect(codesOf(doc.tables.t3.rows)).not.toContain('2012505');
    expect(doc.tables.t3.rows).toHaveLength(9);
    expect(doc.tables.t5).toBe(sample.tables.t5);
    const keys = computeForm(doc, 'T3').rows.map((r) => r.key);
    expect(keys).not.toContain('20125');
    expect(keys).toContain('20103');
    expect(shown(doc, 'T3', 'total', 'total')).toBe('619.43');
  });

  it('removes from each 功能 table, 表6 (by 部门-政府 code) and 表11 (by unit)', () => {
    expect(ok(removeRow(sample, 't2', '2210201')).tables.t2.rows).toHaveLength(9);
    expect(ok(removeRow(sample, 't5', '2210201')).tables.t5.rows).toHaveLength(9);
    const t6 = ok(removeRow(sample, 't6', '30239-50201'));
    expect(t6.tables.t6.rows.map((r) => `${r.departmentCode}-${r.governmentCode}`)).not.toContain(
      '30239-50201',
    );
    expect(t6.tables.t6.rows).toHaveLength(12);
    const t11 = ok(removeRow(sample, 't11', 'u3'));
    expect(t11.tables.t11.rows.map((r) => r.unitId)).toEqual(['u1', 'u2']);
    const typed = withTables(sample, {
      t7: { source: 'typed', rows: [{ functionCode: '2120801', name: '征地和拆迁补偿支出', amount: '3' }] },
      t9: {
        incomeRows: [{ functionCode: '2230105', name: '', amount: '' }],
        rows: [{ functionCode: '2230105', name: '', basic: '', project: '' }],
      },
    });
    expect(ok(removeRow(typed, 't7', '2120801')).tables.t7).toEqual({ source: 'typed', rows: [] });
    const noIncome = ok(removeRow(typed, 't9Income', '2230105'));
    expect(noIncome.tables.t9.incomeRows).toEqual([]);
    expect(noIncome.tables.t9.rows).toBe(typed.tables.t9.rows);
    expect(ok(removeRow(typed, 't9', '2230105')).tables.t9.rows).toEqual([]);
  });

  it('refuses a row that is not there, and 表7 rows while 表7 is 表2’s column', () => {
    expect(refused(removeRow(sample, 't3', '2999999'))).toEqual({
      reason: 'no-such-row',
      message: '表3 中没有行 2999999',
    });
    expect(refused(removeRow(sample, 't6', '30101-50501'))).toEqual({
      reason: 'no-such-row',
      message: '表6 中没有行 30101-50501',
    });
    expect(refused(removeRow(sample, 't7', '2010301')).reason).toBe('derived-table');
  });

  it('tells whether a row has money: non-blank and non-zero', () => {
    expect(rowHasMoney(sample, 't3', '2010301')).toBe(true); // 基本支出 199.65
    expect(rowHasMoney(sample, 't3', '2010302')).toBe(true); // 项目支出 102.75
    expect(rowHasMoney(sample, 't6', '30239-50201')).toBe(true);
    expect(rowHasMoney(sample, 't11', 'u2')).toBe(true);
    expect(rowHasMoney(sample, 't12', 'p01')).toBe(true);
    expect(rowHasMoney(sample, 't13', 'p01')).toBe(false); // no 上年结转
    expect(rowHasMoney(sample, 't10', 'reception')).toBe(false);
    expect(rowHasMoney(sample, 't3', '2999999')).toBe(false);

    const added = ok(addFunctionRow(sample, 't3', '2010308'));
    expect(rowHasMoney(added, 't3', '2010308')).toBe(false);
    const zero = setInput(
      setInput(added, { collection: 't3', key: '2010308', field: 'basic' }, '0'),
      { collection: 't3', key: '2010308', field: 'project' },
      '0.00',
    );
    expect(rowHasMoney(zero, 't3', '2010308')).toBe(false);
    const cents = setInput(zero, { collection: 't3', key: '2010308', field: 'project' }, '-0.01');
    expect(rowHasMoney(cents, 't3', '2010308')).toBe(true);
  });

  it('tells whether a table has money', () => {
    expect(tableHasMoney(sample, 't5')).toBe(true);
    expect(tableHasMoney(sample, 't8')).toBe(false);
    expect(tableHasMoney(ok(addFunctionRow(sample, 't8', '2120801')), 't8')).toBe(false);
  });
});

describe('表6 经济科目 rows', () => {
  it('lists the 政府 款 a 部门 款 maps to for the units the department has', () => {
    expect(governmentCodeOptions(sample, '30201')).toEqual([
      { governmentCode: '50201', name: '办公经费', unitTypes: ['行政', '参公事业'] },
      { governmentCode: '50502', name: '商品和服务支出', unitTypes: ['事业'] },
    ]);
    const office = emptyDocument('测试局', 2024); // one 行政 unit
    expect(governmentCodeOptions(office, '30201')).toEqual([
      { governmentCode: '50201', name: '办公经费', unitTypes: ['行政'] },
    ]);
  });

  it('asks which 政府 款 when the units map it to several, and adds the row chosen in code order', () => {
    expect(refused(addEconomicRow(sample, '30201'))).toEqual({
      reason: 'choose-government-code',
      message:
        '30201“办公费”对应的政府预算支出经济科目因单位类型而不同：50201“办公经费”（行政、参公事业单位）、50502“商品和服务支出”（事业单位），请选择其一',
    });
    const result = addEconomicRow(sample, '30201', { governmentCode: '50502' });
    const doc = ok(result);
    expect(result.ok && result.key).toBe('30201-50502');
    const keys = doc.tables.t6.rows.map((r) => `${r.departmentCode}-${r.governmentCode}`);
    expect(keys.slice(6, 10)).toEqual(['30113-50103', '30201-50201', '30201-50502', '30228-50201']);
    expect(doc.tables.t6.rows[8]).toEqual({
      departmentCode: '30201',
      governmentCode: '50502',
      note: '',
      personnel: '',
      public: '',
    });
    expect(doc.tables.t5).toBe(sample.tables.t5);
  });

  it('takes the only 政府 款 the units map it to, and keeps a note', () => {
    const office = emptyDocument('测试局', 2024);
    const doc = ok(addEconomicRow(office, '30302', { note: '退休人员取暖费' }));
    expect(doc.tables.t6.rows).toEqual([
      { departmentCode: '30302', governmentCode: '50905', note: '退休人员取暖费', personnel: '', public: '' },
    ]);
    const two = ok(addEconomicRow(doc, '30101'));
    expect(two.tables.t6.rows.map((r) => `${r.departmentCode}-${r.governmentCode}`)).toEqual([
      '30101-50101',
      '30302-50905',
    ]);
  });

  it('refuses a 类, an unknown code or 政府 款, and a row 表6 has', () => {
    expect(refused(addEconomicRow(sample, '301'))).toEqual({
      reason: 'not-item',
      message: '301“工资福利支出”是“类”级科目：表6 按“款”级（5 位）经济科目填列',
    });
    expect(refused(addEconomicRow(sample, '30198', { governmentCode: '50101' }))).toEqual({
      reason: 'unknown-code',
      message: '2024年部门预算支出经济分类中没有科目 30198',
    });
    expect(refused(addEconomicRow(sample, '30101', { governmentCode: '59998' }))).toEqual({
      reason: 'unknown-code',
      message: '“59998”不是2024年政府预算支出经济分类的“款”级科目（5 位）',
    });
    expect(refused(addEconomicRow(sample, '30101', { governmentCode: '50101' }))).toEqual({
      reason: 'duplicate',
      message: '表6 已有 30101“基本工资”对应 50101 的行',
    });
    expect(refused(addEconomicRow(sample, 'abc')).reason).toBe('not-item');
  });
});

describe('units', () => {
  it('adds a unit with a fresh id and, for a 行政 or 参公事业 unit, a blank 表11 row', () => {
    const result = addUnit(sample, '  新绛县政务服务中心 ', '参公事业');
    const doc = ok(result);
    expect(result.ok && result.key).toBe('u4');
    expect(doc.units.at(-1)).toEqual({ id: 'u4', name: '新绛县政务服务中心', type: '参公事业' });
    expect(doc.tables.t11.rows.at(-1)).toEqual({
      unitId: 'u4',
      generalBudget: '',
      governmentFund: '',
      stateCapital: '',
    });
    expect(computeForm(doc, 'T11').rows.map((r) => r.key)).toEqual(['u1', 'u2', 'u3', 'u4', 'total']);
    expect(unitHasMoney(doc, 'u4')).toBe(false);
    expect(doc.tables.t3).toBe(sample.tables.t3);
  });

  it('gives a 事业 unit no 表11 row unless asked, and adds one later in unit order', () => {
    const plain = ok(addUnit(sample, '新绛县档案馆', '事业'));
    expect(plain.tables.t11).toBe(sample.tables.t11);
    expect(ok(addUnit(sample, '新绛县档案馆', '事业', { operatingRow: true })).tables.t11.rows).toHaveLength(
      4,
    );
    expect(ok(addOperatingRow(plain, 'u4')).tables.t11.rows.map((r) => r.unitId)).toEqual([
      'u1',
      'u2',
      'u3',
      'u4',
    ]);
    expect(unitsWithoutOperatingRow(plain).map((u) => u.name)).toEqual(['新绛县档案馆']);
    expect(rowName(sample, 't11', 'u2')).toBe('新绛县金融服务中心');
    expect(rowName(sample, 't3', '2010301')).toBe('2010301');
    const withoutU2 = ok(removeRow(sample, 't11', 'u2'));
    expect(unitsWithoutOperatingRow(sample)).toEqual([]);
    expect(unitsWithoutOperatingRow(ok(removeRow(plain, 't11', 'u2'))).map((u) => u.id)).toEqual([
      'u2',
      'u4',
    ]);
    // The 参公 and 行政 units first (表11 should list them), then the 事业 ones.
    const withoutU3 = ok(removeRow(sample, 't11', 'u3'));
    const neither = ok(removeRow(ok(removeRow(withoutU3, 't11', 'u1')), 't11', 'u2'));
    expect(unitsWithoutOperatingRow(withoutU3).map((u) => u.id)).toEqual(['u3']);
    expect(unitsWithoutOperatingRow(neither).map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    const reversedUnits = { ...neither, units: [...neither.units].reverse() };
    expect(unitsWithoutOperatingRow(reversedUnits).map((u) => u.id)).toEqual(['u2', 'u1', 'u3']);
    expect(ok(addOperatingRow(withoutU2, 'u2')).tables.t11.rows.map((r) => r.unitId)).toEqual([
      'u1',
      'u2',
      'u3',
    ]);
    expect(refused(addOperatingRow(sample, 'u2'))).toEqual({
      reason: 'duplicate',
      message: '表11 已有单位“新绛县金融服务中心”',
    });
    expect(refused(addOperatingRow(sample, 'u9')).reason).toBe('no-such-unit');
  });

  it('refuses a unit without a name or with one the department has', () => {
    expect(refused(addUnit(sample, '  ', '行政'))).toEqual({
      reason: 'empty-name',
      message: '请填写单位名称',
    });
    expect(refused(addUnit(sample, '新绛县金融服务中心', '事业'))).toEqual({
      reason: 'duplicate-name',
      message: '已有单位“新绛县金融服务中心”',
    });
  });

  it('removes a unit with its 表11 row only when no project belongs to it', () => {
    expect(unitHasMoney(sample, 'u2')).toBe(true);
    expect(refused(removeUnit(sample, 'u2'))).toEqual({
      reason: 'unit-in-use',
      message:
        '单位“新绛县金融服务中心”还有 2 个项目（“金融中心运转经费”、“处置非法集资领导小组办公室专项工作经费”），请先删除这些项目或改由其他单位实施',
    });
    expect(refused(removeUnit(sample, 'u1')).message).toContain('还有 10 个项目（“政府机关运行经费”、');
    expect(refused(removeUnit(sample, 'u1')).message).toContain('等），');
    const withoutProjects = ok(removeProject(ok(removeProject(sample, 'p13')), 'p14'));
    const doc = ok(removeUnit(withoutProjects, 'u2'));
    expect(doc.units.map((u) => u.id)).toEqual(['u1', 'u3']);
    expect(doc.tables.t11.rows.map((r) => r.unitId)).toEqual(['u1', 'u3']);
    expect(refused(removeUnit(sample, 'u9'))).toEqual({
      reason: 'no-such-unit',
      message: '没有编号为 u9 的单位',
    });
  });
});

describe('projects', () => {
  it('renames a project and changes its 功能 项, refusing another project’s name or a 款 code', () => {
    const first = sample.projects[0];
    const second = sample.projects[1];
    if (!first || !second) throw new Error('the sample has projects');
    const doc = ok(updateProject(sample, first.id, { name: ' 机关运行经费 ', functionCode: '2010399' }));
    expect(doc.projects[0]).toMatchObject({ id: first.id, name: '机关运行经费', functionCode: '2010399' });
    expect(doc.projects[0]?.current).toBe(first.current);
    expect(doc.projects[1]).toBe(second);
    expect(refused(updateProject(sample, first.id, { name: second.name }))).toEqual({
      reason: 'duplicate-name',
      message: `已有项目“${second.name}”`,
    });
    expect(refused(updateProject(sample, first.id, { functionCode: '20103' })).reason).toBe('not-item');
    expect(refused(updateProject(sample, 'p99', { name: 'x' })).reason).toBe('no-such-row');
  });

  it('adds a project with a fresh id, blank 表12 amounts, no 上年结转 and no declaration', () => {
    const result = addProject(sample, { name: '档案数字化经费', unitId: 'u1', category: '特定目标类' });
    const doc = ok(result);
    expect(result.ok && result.key).toBe('p15');
    expect(doc.projects.at(-1)).toEqual({
      id: 'p15',
      name: '档案数字化经费',
      unitId: 'u1',
      category: '特定目标类',
      functionCode: '',
      current: { generalBudget: '', governmentFund: '', stateCapital: '', specialAccount: '', unitFunds: '' },
      carryOver: null,
      declaration: null,
    });
    expect(doc.projects[0]).toBe(sample.projects[0]);
    expect(inputKeys(doc, 't12').at(-1)).toBe('p15');
    expect(inputKeys(doc, 't13')).toEqual([]);
    expect(projectHasMoney(doc, 'p15')).toBe(false);
    expect(
      computeForm(doc, 'T12')
        .rows.map((r) => r.key)
        .slice(-2),
    ).toEqual(['p15', 'total']);
    // The grid can type into it at once.
    const typed = setInput(doc, { collection: 't12', key: 'p15', field: 'generalBudget' }, '3');
    expect(getInput(typed, { collection: 't12', key: 'p15', field: 'generalBudget' })).toBe('3');
  });

  it('takes a 功能 项 for the project, and refuses anything else', () => {
    const doc = ok(
      addProject(sample, {
        name: '档案数字化经费',
        unitId: 'u3',
        category: '其他运转类',
        functionCode: '2010302',
      }),
    );
    expect(doc.projects.at(-1)?.functionCode).toBe('2010302');
    expect(
      refused(
        addProject(sample, {
          name: '档案数字化经费',
          unitId: 'u1',
          category: '特定目标类',
          functionCode: '20103',
        }),
      ).reason,
    ).toBe('not-item');
  });

  it('makes ids that are new, as wide as those in use', () => {
    const [first] = sample.projects;
    if (!first) throw new Error('the sample has projects');
    const ids = (existing: string[]) => {
      const doc = deepFreeze({
        ...sample,
        projects: existing.map((id, i) => ({ ...first, id, name: `项目${i}` })),
      });
      const result = addProject(doc, { name: '新项目', unitId: 'u1', category: '特定目标类' });
      return result.ok ? result.key : result.message;
    };
    expect(ids([])).toBe('p01');
    expect(ids(['p01', 'p03', 'p9'])).toBe('p10');
    expect(ids(['p0001', 'p0002'])).toBe('p0003');
    expect(ids(['项目甲', 'x7'])).toBe('p01');
    expect(ids(['p99', 'p100'])).toBe('p101');
  });

  it('refuses a project without a name, with a name in use, or for a unit that does not exist', () => {
    expect(refused(addProject(sample, { name: ' ', unitId: 'u1', category: '特定目标类' }))).toEqual({
      reason: 'empty-name',
      message: '请填写项目名称',
    });
    expect(
      refused(addProject(sample, { name: '对台工作经费', unitId: 'u1', category: '特定目标类' })),
    ).toEqual({
      reason: 'duplicate-name',
      message: '已有项目“对台工作经费”',
    });
    expect(refused(addProject(sample, { name: '新项目', unitId: 'u9', category: '特定目标类' }))).toEqual({
      reason: 'no-such-unit',
      message: '没有编号为 u9 的单位，请先添加实施单位',
    });
  });

  it('removes a project; tells whether it has money in 表12 or 表13', () => {
    expect(projectHasMoney(sample, 'p14')).toBe(true);
    const doc = ok(removeProject(sample, 'p14'));
    expect(doc.projects.map((p) => p.id)).toEqual(sample.projects.slice(0, 13).map((p) => p.id));
    expect(refused(removeProject(sample, 'p99'))).toEqual({
      reason: 'no-such-row',
      message: '没有编号为 p99 的项目',
    });
    const added = ok(addProject(sample, { name: '新项目', unitId: 'u1', category: '特定目标类' }));
    const carried = setInput(added, { collection: 't13', key: 'p15', field: 'generalBudget' }, '2');
    expect(projectHasMoney(added, 'p15')).toBe(false);
    expect(projectHasMoney(carried, 'p15')).toBe(true);
  });
});

describe('copyTable 表3 → 表5', () => {
  it('may be used when all income is this year’s 一般公共预算 (the sample)', () => {
    expect(canCopyTable(sample, 't3', 't5')).toBe(true);
    // 表5 already repeats 表3: nothing to do, the same document.
    const result = copyTable(sample, 't3', 't5');
    expect(result.ok && result.document).toBe(sample);
  });

  it('fills 表5 with 表3’s rows, codes and amounts', () => {
    const blank = withTables(sample, { t5: { rows: [] } });
    expect(tableHasMoney(blank, 't5')).toBe(false);
    const doc = ok(copyTable(blank, 't3', 't5'));
    expect(doc.tables.t5.rows).toEqual(sample.tables.t3.rows);
    expect(doc.tables.t5.rows[0]).not.toBe(sample.tables.t3.rows[0]);
    expect(doc.tables.t3).toBe(sample.tables.t3);
    expect(shown(doc, 'T5', 'total', 'total')).toBe('621.43');

    // Rows 表5 had that 表3 has not are replaced, and changed amounts follow 表3.
    let changed = setInput(sample, { collection: 't3', key: '2010301', field: 'basic' }, '200');
    changed = ok(removeRow(changed, 't3', '2012505'));
    changed = ok(addFunctionRow(changed, 't3', '2010308'));
    changed = setInput(changed, { collection: 't3', key: '2010308', field: 'project' }, '2');
    const copied = ok(copyTable(changed, 't3', 't5'));
    expect(copied.tables.t5.rows.map((r) => [r.functionCode, r.basic, r.project]).slice(0, 5)).toEqual([
      ['2010301', '200', ''],
      ['2010302', '', '102.75'],
      ['2010308', '', '2'],
      ['2010350', '158.15', ''],
      ['2010399', '', '35'],
    ]);
    expect(codesOf(copied.tables.t5.rows)).not.toContain('2012505');
    expect(shown(copied, 'T5', 'total', 'total')).toBe(shown(copied, 'T3', 'total', 'total'));
  });

  it('is refused when any income is not this year’s 一般公共预算', () => {
    const fund = setInput(sample, { collection: 't2', key: '2010301', field: 'governmentFund' }, '5');
    expect(canCopyTable(fund, 't3', 't5')).toBe(false);
    expect(refused(copyTable(fund, 't3', 't5'))).toEqual({
      reason: 'not-single-fund',
      message: '只有全部收入都是本年一般公共预算时，表5 才与表3 相同：表2 有政府性基金预算收入',
    });
    const carryOver = setInput(sample, { collection: 't2', key: '2010302', field: 'carryOver' }, '1');
    expect(refused(copyTable(carryOver, 't3', 't5')).message).toContain('表2 有上年结转收入');
    const unitFunds = setInput(sample, { collection: 't2', key: '2010302', field: 'unitFunds' }, '1');
    expect(refused(copyTable(unitFunds, 't3', 't5')).message).toContain('表2 有单位资金收入');
    const project = setInput(sample, { collection: 't13', key: 'p01', field: 'generalBudget' }, '1');
    expect(refused(copyTable(project, 't3', 't5')).message).toContain('表13 有上年财政拨款结转项目');
    const fundSpending = setInput(
      ok(addFunctionRow(sample, 't8', '2120801')),
      { collection: 't8', key: '2120801', field: 'project' },
      '4',
    );
    expect(refused(copyTable(fundSpending, 't3', 't5')).message).toContain('表8 有政府性基金预算支出');
    // A zero is no money.
    const zero = setInput(sample, { collection: 't2', key: '2010301', field: 'stateCapital' }, '0');
    expect(canCopyTable(zero, 't3', 't5')).toBe(true);
  });

  it('is refused before there is income, or when 表3 is empty', () => {
    const empty = emptyDocument('测试局', 2024);
    expect(canCopyTable(empty, 't3', 't5')).toBe(false);
    expect(refused(copyTable(empty, 't3', 't5')).message).toBe(
      '只有全部收入都是本年一般公共预算时，表5 才与表3 相同：表2 还没有一般公共预算收入',
    );
    const noRows = withTables(sample, { t3: { rows: [] } });
    expect(canCopyTable(noRows, 't3', 't5')).toBe(false);
    expect(refused(copyTable(noRows, 't3', 't5'))).toEqual({
      reason: 'nothing-to-copy',
      message: '表3 还没有数据，没有可复制的行',
    });
  });
});

describe('functionCodesOf', () => {
  it('lists the 项 codes a table has', () => {
    expect([...functionCodesOf(sample, 't3')]).toEqual(codesOf(sample.tables.t3.rows));
    expect(functionCodesOf(sample, 't3').has('2010301')).toBe(true);
    expect(functionCodesOf(sample, 't9').size).toBe(sample.tables.t9.rows.length);
  });
});
