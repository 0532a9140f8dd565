import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../document/create';
import { setInput, type InputRef } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { Decimal, formatPlain } from '../money';
import { generateDocument } from '../sample/generate';
import { sampleDocument } from '../sample/sample2024';
import { computeForm, FormEvaluator, formsOf, layoutHeader } from './engine';
import { cellText, renderCsv } from './render';
import { FORM_IDS, type FormGrid, type FormId } from './types';

const sample = sampleDocument();

/** The printed value of a cell ('' when blank). */
function shown(doc: BudgetDocument, form: FormId, row: string, column: string): string {
  const value = formsOf(doc).value({ form, row, column });
  return value === null ? '' : formatPlain(value);
}

/** The text columns of each row, as printed. */
function labels(grid: FormGrid, columns: readonly string[]): string[][] {
  const indexes = columns.map((key) => grid.columns.findIndex((c) => c.key === key));
  return grid.rows.map((row) => indexes.map((i) => cellText(row.cells[i] ?? { type: 'text', text: '' })));
}

function edit(doc: BudgetDocument, input: InputRef, value: string): BudgetDocument {
  return setInput(doc, input, value);
}

describe('表1 预算收支总表', () => {
  const grid = computeForm(sample, 'T1');

  it('balances at the published 621.43', () => {
    expect(shown(sample, 'T1', 'income:generalBudget', 'income')).toBe('621.43');
    expect(shown(sample, 'T1', 'income:subtotal', 'income')).toBe('621.43');
    expect(shown(sample, 'T1', 'income:carryOver', 'income')).toBe('');
    expect(shown(sample, 'T1', 'income:total', 'income')).toBe('621.43');
    expect(shown(sample, 'T1', 'expenditure:subtotal', 'total')).toBe('621.43');
    expect(shown(sample, 'T1', 'expenditure:total', 'total')).toBe('621.43');
    expect(shown(sample, 'T1', 'expenditure:total', 'current')).toBe('621.43');
    expect(shown(sample, 'T1', 'expenditure:total', 'carryOver')).toBe('');
  });

  it('lists all 30 类 in order, numbered 一 … 三十, with the published amounts', () => {
    const classes = labels(grid, ['expenditureItem', 'total', 'current', 'carryOver']).slice(0, 30);
    expect(classes.map(([item]) => item)).toEqual([
      '一、一般公共服务支出',
      '二、外交支出',
      '三、国防支出',
      '四、公共安全支出',
      '五、教育支出',
      '六、科学技术支出',
      '七、文化旅游体育与传媒支出',
      '八、社会保障和就业支出',
      '九、社会保险基金支出',
      '十、卫生健康支出',
      '十一、节能环保支出',
      '十二、城乡社区支出',
      '十三、农林水支出',
      '十四、交通运输支出',
      '十五、资源勘探工业信息等支出',
      '十六、商业服务业等支出',
      '十七、金融支出',
      '十八、援助其他地区支出',
      '十九、自然资源海洋气象等支出',
      '二十、住房保障支出',
      '二十一、粮油物资储备支出',
      '二十二、国有资本经营预算支出',
      '二十三、灾害防治及应急管理支出',
      '二十四、预备费',
      '二十五、其他支出',
      '二十六、转移性支出',
      '二十七、债务还本支出',
      '二十八、债务付息支出',
      '二十九、债务发行费用支出',
      '三十、抗疫特别国债安排的支出',
    ]);
    const withMoney = classes.filter(([, total]) => total !== '');
    expect(withMoney).toEqual([
      ['一、一般公共服务支出', '497.55', '497.55', ''],
      ['八、社会保障和就业支出', '67.49', '67.49', ''],
      ['十、卫生健康支出', '20.10', '20.10', ''],
      ['二十、住房保障支出', '36.29', '36.29', ''],
    ]);
  });

  it('aligns the income lines and totals beside the expenditure lines', () => {
    const rows = labels(grid, ['incomeItem', 'income', 'expenditureItem', 'total']);
    expect(rows).toHaveLength(33);
    expect(rows[0]).toEqual(['一、一般公共预算', '621.43', '一、一般公共服务支出', '497.55']);
    expect(rows[4]).toEqual(['五、单位资金', '', '五、教育支出', '']);
    expect(rows[5]).toEqual(['', '', '六、科学技术支出', '']);
    expect(rows.slice(30)).toEqual([
      ['本年收入合计', '621.43', '本年支出合计', '621.43'],
      ['上年结转', '', '年终结转', ''],
      ['收入总计', '621.43', '支出总计', '621.43'],
    ]);
  });

  it('is computed throughout, never typed', () => {
    expect(grid.rows.flatMap((r) => r.cells).filter((c) => c.type === 'amount' && c.input !== null)).toEqual(
      [],
    );
  });

  it('splits a 类 into 当年预算安排 and 上年结转安排 from 表2’s 上年结转', () => {
    let doc = edit(sample, { collection: 't2', key: '2010301', field: 'carryOver' }, '5');
    doc = edit(doc, { collection: 't3', key: '2010301', field: 'basic' }, '204.65');
    expect(shown(doc, 'T1', 'expenditure:201', 'total')).toBe('502.55');
    expect(shown(doc, 'T1', 'expenditure:201', 'current')).toBe('497.55');
    expect(shown(doc, 'T1', 'expenditure:201', 'carryOver')).toBe('5.00');
    expect(shown(doc, 'T1', 'income:carryOver', 'income')).toBe('5.00');
    expect(shown(doc, 'T1', 'income:total', 'income')).toBe('626.43');
    expect(shown(doc, 'T1', 'expenditure:total', 'total')).toBe('626.43');
  });
});

describe('表2 预算收入总表', () => {
  const grid = computeForm(sample, 'T2');

  it('prints 类/款/项 codes per level with the published amounts', () => {
    expect(labels(grid, ['code', 'name', 'currentTotal', 'generalBudget', 'carryOver'])).toEqual([
      ['201', '一般公共服务支出', '497.55', '497.55', ''],
      ['03', '政府办公厅（室）及相关机构事务', '495.55', '495.55', ''],
      ['01', '行政运行', '199.65', '199.65', ''],
      ['02', '一般行政管理事务', '102.75', '102.75', ''],
      ['50', '事业运行', '158.15', '158.15', ''],
      ['99', '其他政府办公厅（室）及相关机构事务支出', '35.00', '35.00', ''],
      ['25', '港澳台事务', '2.00', '2.00', ''],
      ['05', '台湾事务', '2.00', '2.00', ''],
      ['208', '社会保障和就业支出', '67.49', '67.49', ''],
      ['05', '行政事业单位养老支出', '67.49', '67.49', ''],
      ['01', '行政单位离退休', '9.49', '9.49', ''],
      ['05', '机关事业单位基本养老保险缴费支出', '58.00', '58.00', ''],
      ['210', '卫生健康支出', '20.10', '20.10', ''],
      ['11', '行政事业单位医疗', '20.10', '20.10', ''],
      ['01', '行政单位医疗', '10.96', '10.96', ''],
      ['02', '事业单位医疗', '9.14', '9.14', ''],
      ['221', '住房保障支出', '36.29', '36.29', ''],
      ['02', '住房改革支出', '36.29', '36.29', ''],
      ['01', '住房公积金', '36.29', '36.29', ''],
      ['合计', '', '621.43', '621.43', ''],
    ]);
  });

  it('has the published header with its merges', () => {
    expect(grid.headerRowCount).toBe(2);
    expect(grid.header).toEqual([
      { label: '功能分类科目', row: 0, column: 0, rowSpan: 1, colSpan: 2 },
      { label: '本年收入', row: 0, column: 2, rowSpan: 1, colSpan: 6 },
      { label: '上年结转', row: 0, column: 8, rowSpan: 2, colSpan: 1 },
      { label: '科目编码', row: 1, column: 0, rowSpan: 1, colSpan: 1 },
      { label: '科目名称', row: 1, column: 1, rowSpan: 1, colSpan: 1 },
      { label: '合计', row: 1, column: 2, rowSpan: 1, colSpan: 1 },
      { label: '一般公共预算', row: 1, column: 3, rowSpan: 1, colSpan: 1 },
      { label: '政府性基金预算', row: 1, column: 4, rowSpan: 1, colSpan: 1 },
      { label: '国有资本经营预算', row: 1, column: 5, rowSpan: 1, colSpan: 1 },
      { label: '财政专户管理资金', row: 1, column: 6, rowSpan: 1, colSpan: 1 },
      { label: '单位资金', row: 1, column: 7, rowSpan: 1, colSpan: 1 },
    ]);
    expect(grid.title).toBe('新绛县人民政府办公室2024年预算收入总表');
    expect(grid.unit).toBe('单位：万元');
    expect(grid.orientation).toBe('landscape');
  });

  it('types only the 项 rows’ sources; 类, 款, 合计 and the 合计 column are computed', () => {
    for (const row of grid.rows) {
      for (const cell of row.cells) {
        if (cell.type !== 'amount') continue;
        const typed = row.kinds[0] === 'item' && cell.ref.column !== 'currentTotal';
        expect(cell.input !== null, `${cell.ref.row} ${cell.ref.column}`).toBe(typed);
      }
    }
  });
});

describe('表3 预算支出总表 and 表5 一般公共预算支出预算表', () => {
  it.each(['T3', 'T5'] as const)(
    '%s: 款 20103 495.55 = 357.80 + 137.75 and 类 201 497.55 = 357.80 + 139.75',
    (form) => {
      const row = (key: string) => ['total', 'basic', 'project'].map((c) => shown(sample, form, key, c));
      // The published 表3 prints 139.75 as 20103's 项目支出, but its 项 add up to 102.75 + 35 = 137.75; the
      // remaining 2.00 is 2012505 台湾事务 under 款 20125.
      expect(row('20103')).toEqual(['495.55', '357.80', '137.75']);
      expect(row('201')).toEqual(['497.55', '357.80', '139.75']);
      expect(row('2101101')).toEqual(['10.96', '10.96', '']);
      expect(row('2101102')).toEqual(['9.14', '9.14', '']);
      expect(row('total')).toEqual(['621.43', '481.68', '139.75']);
    },
  );

  it('recomputes every total above an edited 项', () => {
    const doc = edit(sample, { collection: 't3', key: '2010301', field: 'basic' }, '200.65');
    expect(shown(doc, 'T3', '2010301', 'total')).toBe('200.65');
    expect(shown(doc, 'T3', '20103', 'basic')).toBe('358.80');
    expect(shown(doc, 'T3', '201', 'total')).toBe('498.55');
    expect(shown(doc, 'T3', 'total', 'total')).toBe('622.43');
    expect(shown(doc, 'T1', 'expenditure:total', 'total')).toBe('622.43');
    expect(shown(doc, 'T1', 'income:total', 'income')).toBe('621.43');
    // The old document is untouched.
    expect(shown(sample, 'T3', 'total', 'total')).toBe('621.43');
  });
});

describe('表4 财政拨款收支总表', () => {
  it('balances, with 上年财政拨款结转 blank (表13 is empty)', () => {
    expect(shown(sample, 'T4', 'income:generalBudget', 'income')).toBe('621.43');
    expect(shown(sample, 'T4', 'income:carryOver', 'income')).toBe('');
    expect(shown(sample, 'T4', 'income:carryOver:generalBudget', 'income')).toBe('');
    expect(shown(sample, 'T4', 'income:total', 'income')).toBe('621.43');
    expect(shown(sample, 'T4', 'expenditure:201', 'generalBudget')).toBe('497.55');
    expect(shown(sample, 'T4', 'expenditure:201', 'subtotal')).toBe('497.55');
    expect(shown(sample, 'T4', 'expenditure:total', 'subtotal')).toBe('621.43');
    expect(computeForm(sample, 'T4').rows).toHaveLength(36);
  });

  it('adds the 上年财政拨款结转 spent under each 类 (from 表13) to 表5’s amounts', () => {
    const base = sampleDocument();
    const withCarryOver: BudgetDocument = {
      ...base,
      projects: base.projects.map((p) =>
        p.id === 'p08'
          ? { ...p, carryOver: { generalBudget: '1.5', governmentFund: '', stateCapital: '' } }
          : p,
      ),
    };
    expect(shown(withCarryOver, 'T13', 'p08', 'total')).toBe('1.50');
    expect(shown(withCarryOver, 'T4', 'income:carryOver:generalBudget', 'income')).toBe('1.50');
    expect(shown(withCarryOver, 'T4', 'income:carryOver', 'income')).toBe('1.50');
    expect(shown(withCarryOver, 'T4', 'income:total', 'income')).toBe('622.93');
    expect(shown(withCarryOver, 'T4', 'expenditure:201', 'generalBudget')).toBe('499.05');
    expect(shown(withCarryOver, 'T4', 'expenditure:total', 'subtotal')).toBe('622.93');
  });

  it('has a three-row header: 收入 / 支出 over 项目 and 金额, 金额 over the sources', () => {
    const { header, headerRowCount } = computeForm(sample, 'T4');
    expect(headerRowCount).toBe(3);
    expect(header.filter((h) => h.row === 0).map((h) => [h.label, h.colSpan])).toEqual([
      ['收入', 2],
      ['支出', 5],
    ]);
    expect(header.find((h) => h.row === 1 && h.column === 0)).toMatchObject({ label: '项目', rowSpan: 2 });
    expect(header.find((h) => h.row === 1 && h.column === 3)).toMatchObject({ label: '金额', colSpan: 4 });
  });
});

describe('表6 基本支出分经济科目表', () => {
  it('totals 481.68 = 人员经费 451.27 + 公用经费 30.41, by 类 and 款', () => {
    const rows = labels(computeForm(sample, 'T6'), [
      'departmentCode',
      'departmentName',
      'governmentCode',
      'total',
      'personnel',
      'public',
    ]);
    expect(rows.filter((r) => r[0]?.length === 3 || r[0] === '合计')).toEqual([
      ['301', '工资福利支出', '', '437.42', '437.42', ''],
      ['302', '商品和服务支出', '', '30.41', '', '30.41'],
      ['303', '对个人和家庭的补助', '', '13.85', '13.85', ''],
      ['合计', '', '', '481.68', '451.27', '30.41'],
    ]);
    expect(rows).toContainEqual(['30107', '绩效工资', '50501', '66.87', '66.87', '']);
    expect(rows).toContainEqual(['30239', '其他交通费用（公务员车补）', '50201', '13.50', '', '13.50']);
  });
});

describe('表7 政府性基金预算收入表', () => {
  it('is empty for the sample, with its note', () => {
    const grid = computeForm(sample, 'T7');
    expect(grid.empty).toBe(true);
    expect(grid.emptyNote).toBe('本部门2024年无政府性基金预算收入，故本表为空表。');
    expect(labels(grid, ['code', 'amount'])).toEqual([['合计', '']]);
  });

  it('follows 表2’s 政府性基金预算 column (computed, not typed) unless typed rows are chosen', () => {
    const doc = edit(sample, { collection: 't2', key: '2210201', field: 'governmentFund' }, '3');
    const grid = computeForm(doc, 'T7');
    expect(grid.empty).toBe(false);
    expect(labels(grid, ['code', 'name', 'amount'])).toEqual([
      ['221', '住房保障支出', '3.00'],
      ['02', '住房改革支出', '3.00'],
      ['01', '住房公积金', '3.00'],
      ['合计', '', '3.00'],
    ]);
    const item = grid.rows[2]?.cells[2];
    expect(item?.type === 'amount' && item.input).toBe(null);

    const typed: BudgetDocument = {
      ...doc,
      tables: {
        ...doc.tables,
        t7: { source: 'typed', rows: [{ functionCode: '2120801', name: '征地和拆迁补偿支出', amount: '8' }] },
      },
    };
    expect(shown(typed, 'T7', 'total', 'amount')).toBe('8.00');
    const typedCell = computeForm(typed, 'T7').rows[2]?.cells[2];
    expect(typedCell?.type === 'amount' && typedCell.input).toEqual({
      collection: 't7',
      key: '2120801',
      field: 'amount',
    });
  });
});

describe('表9 国有资本经营预算收支表', () => {
  it('zips income and expenditure side by side with both 合计 on the last line', () => {
    const doc: BudgetDocument = {
      ...sample,
      tables: {
        ...sample.tables,
        t9: {
          incomeRows: [{ functionCode: '2230105', name: '国有企业退休人员社会化管理补助支出', amount: '4' }],
          rows: [
            { functionCode: '2230105', name: '国有企业退休人员社会化管理补助支出', basic: '', project: '4' },
            { functionCode: '2080501', name: '行政单位离退休', basic: '1', project: '' },
          ],
        },
      },
    };
    const grid = computeForm(doc, 'T9');
    expect(labels(grid, ['incomeCode', 'income', 'code', 'total'])).toEqual([
      ['223', '4.00', '208', '1.00'],
      ['01', '4.00', '05', '1.00'],
      ['05', '4.00', '01', '1.00'],
      ['', '', '223', '4.00'],
      ['', '', '01', '4.00'],
      ['', '', '05', '4.00'],
      ['合计', '4.00', '合计', '5.00'],
    ]);
    expect(shown(doc, 'T4', 'expenditure:223', 'stateCapital')).toBe('4.00');
    expect(grid.rows[3]?.kinds).toEqual(['filler', 'class']);
  });
});

describe('表10 “三公”经费', () => {
  it('computes 公务用车购置及运行费 = ① + ② and 合计 = the three items', () => {
    let doc = edit(sample, { collection: 't10', key: 'vehiclePurchase', field: 'generalBudget' }, '20');
    doc = edit(doc, { collection: 't10', key: 'vehicleOperation', field: 'generalBudget' }, '1.5');
    doc = edit(doc, { collection: 't10', key: 'reception', field: 'governmentFund' }, '0.3');
    expect(shown(doc, 'T10', 'vehicle', 'generalBudget')).toBe('21.50');
    expect(shown(doc, 'T10', 'total', 'generalBudget')).toBe('21.50');
    expect(shown(doc, 'T10', 'total', 'governmentFund')).toBe('0.30');
    expect(shown(doc, 'T10', 'total', 'total')).toBe('21.80');
    expect(labels(computeForm(doc, 'T10'), ['item'])).toEqual([
      ['因公出国（境）费用'],
      ['公务接待费'],
      ['公务用车购置及运行费'],
      ['①公务用车购置费'],
      ['②公务用车运行维护费'],
      ['合计'],
    ]);
  });

  it('is empty for the sample', () => {
    expect(computeForm(sample, 'T10').empty).toBe(true);
  });
});

describe('表11, 表12, 表13', () => {
  it('表11 机关运行经费 adds up to 30.41 over the three units', () => {
    expect(labels(computeForm(sample, 'T11'), ['unit', 'total'])).toEqual([
      ['新绛县人民政府办公室', '22.59'],
      ['新绛县金融服务中心', '4.76'],
      ['新绛县人民政府办公室综合保障中心', '3.06'],
      ['部门合计', '30.41'],
    ]);
  });

  it('表12 lists the fourteen projects, 139.75 in all', () => {
    const rows = labels(computeForm(sample, 'T12'), ['project', 'total', 'generalBudget']);
    expect(rows).toHaveLength(15);
    expect(rows[0]).toEqual(['政府机关运行经费', '38.30', '38.30']);
    expect(rows[14]).toEqual(['合计', '139.75', '139.75']);
  });

  it('表13 is empty for the sample, with its note', () => {
    const grid = computeForm(sample, 'T13');
    expect(grid.empty).toBe(true);
    expect(grid.emptyNote).toBe('本部门2024年无上年结转项目支出，故本表为空表。');
  });
});

describe('every form', () => {
  it('computes for the sample and for an empty document, with a title and a 备注', () => {
    const empty = emptyDocument('测试局', 2025);
    for (const id of FORM_IDS) {
      for (const doc of [sample, empty]) {
        const grid = computeForm(doc, id);
        expect(grid.title).toBe(
          `${doc.department.name}${doc.year}年${grid.title.split(`${doc.year}年`)[1] ?? ''}`,
        );
        expect(grid.remark).toMatch(/^备注：/);
        expect(grid.rows.length).toBeGreaterThan(0);
        for (const row of grid.rows) expect(row.cells).toHaveLength(grid.columns.length);
      }
    }
    expect(computeForm(empty, 'T12').remark).toContain('部门2025年本年财政拨款');
  });

  it('covers every header position exactly once', () => {
    for (const id of FORM_IDS) {
      const grid = computeForm(sample, id);
      const covered = new Map<string, number>();
      for (const h of grid.header) {
        for (let r = h.row; r < h.row + h.rowSpan; r++) {
          for (let c = h.column; c < h.column + h.colSpan; c++)
            covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
        }
      }
      expect(covered.size, id).toBe(grid.headerRowCount * grid.columns.length);
      expect(
        [...covered.values()].every((n) => n === 1),
        id,
      ).toBe(true);
    }
  });

  it('gives each typed amount of the sample exactly one editable cell', () => {
    const inputs = FORM_IDS.flatMap((id) =>
      computeForm(sample, id).rows.flatMap((r) =>
        r.cells.flatMap((c) =>
          c.type === 'amount' && c.input ? [`${c.input.collection}/${c.input.key}/${c.input.field}`] : [],
        ),
      ),
    );
    expect(new Set(inputs).size).toBe(inputs.length);
    // 表2 10 rows × 6, 表3/表5 10 × 2 each, 表6 13 × 2, 表10 4 × 3, 表11 3 × 3, 表12 14 × 5.
    expect(inputs).toHaveLength(60 + 20 + 20 + 26 + 12 + 9 + 70);
  });

  it('keeps blank computed cells blank and a typed zero as 0.00', () => {
    expect(shown(sample, 'T3', 'total', 'project')).toBe('139.75');
    expect(shown(sample, 'T8', 'total', 'total')).toBe('');
    const doc = edit(sample, { collection: 't11', key: 'u1', field: 'governmentFund' }, '0');
    expect(shown(doc, 'T11', 'u1', 'governmentFund')).toBe('0.00');
    expect(shown(doc, 'T11', 'total', 'governmentFund')).toBe('0.00');
    expect(shown(doc, 'T11', 'u2', 'governmentFund')).toBe('');
  });

  it('accepts a code that is not in the catalog (named by the row) without failing', () => {
    const doc: BudgetDocument = {
      ...sample,
      tables: {
        ...sample.tables,
        t3: {
          rows: [
            ...sample.tables.t3.rows,
            { functionCode: '2999999', name: '自定义科目', basic: '1', project: '' },
          ],
        },
      },
    };
    const rows = labels(computeForm(doc, 'T3'), ['code', 'name', 'total']);
    expect(rows.slice(-4)).toEqual([
      ['299', '', '1.00'],
      ['99', '', '1.00'],
      ['99', '自定义科目', '1.00'],
      ['合计', '', '622.43'],
    ]);
  });

  it('renders CSV with quoting where a field needs it', () => {
    const csv = renderCsv(computeForm(sample, 'T1'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('新绛县人民政府办公室2024年预算收支总表');
    expect(lines[2]).toBe('收入,,支出,,,');
    expect(lines[4]).toBe('一、一般公共预算,621.43,一、一般公共服务支出,497.55,497.55,');
    expect(lines).toContain('收入总计,621.43,支出总计,621.43,621.43,');
  });

  it('lays out a header from label paths', () => {
    const column = (key: string, header: string[]) => ({ key, header, kind: 'amount' as const, width: 10 });
    const { cells, rowCount } = layoutHeader([
      column('a', ['甲', '子']),
      column('b', ['甲', '丑']),
      column('c', ['乙']),
      column('d', ['丙', '子', '一']),
    ]);
    expect(rowCount).toBe(3);
    expect(cells.map((c) => `${c.label}@${c.row},${c.column} ${c.rowSpan}x${c.colSpan}`)).toEqual([
      '甲@0,0 1x2',
      '乙@0,2 3x1',
      '丙@0,3 1x1',
      '子@1,0 2x1',
      '丑@1,1 2x1',
      '子@1,3 1x1',
      '一@2,3 1x1',
    ]);
  });
});

describe('pattern rows (功能 rows, rows of typed amounts)', () => {
  const documents = [
    ['the sample', sample],
    ['a generated 10× document', generateDocument({ scale: 10, seed: 3 })],
    ['an empty document', emptyDocument('新绛县教育局', 2025)],
  ] as const;

  it.each(documents)('compute each cell to the value of the expression they spell out: %s', (_, doc) => {
    const evaluator = new FormEvaluator(doc);
    let compared = 0;
    for (const id of FORM_IDS) {
      for (const row of evaluator.form(id).rows.values()) {
        for (const [column, spec] of Object.entries(row.cells)) {
          if (!('expr' in spec)) continue;
          const ref = { form: id, row: row.key, column };
          const value = evaluator.value(ref);
          expect(value?.toFixed() ?? null, `${id}/${row.key}/${column}`).toBe(
            evaluator.evaluate(spec.expr)?.toFixed() ?? null,
          );
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it.each(documents)('name the typed cells their cells spell out: %s', (_, doc) => {
    const evaluator = new FormEvaluator(doc);
    let typedRows = 0;
    for (const id of FORM_IDS) {
      for (const row of evaluator.form(id).rows.values()) {
        const spelled = Object.entries(row.cells).flatMap(([column, spec]) =>
          'expr' in spec && spec.expr.op === 'input' ? [{ column, input: spec.expr.input }] : [],
        );
        const typed = row.typedFields;
        const named = typed
          ? typed.columns.map((column, i) => ({
              column,
              input: { collection: typed.collection, key: typed.key, field: typed.fields[i] },
            }))
          : [];
        expect(named, `${id}/${row.key}`).toEqual(spelled);
        if (typed) typedRows++;
      }
    }
    expect(typedRows).toBeGreaterThan(0);
  });

  it('type 表7 only when its rows are its own, not 表2’s', () => {
    const own: BudgetDocument = {
      ...sample,
      tables: {
        ...sample.tables,
        t7: { source: 'typed', rows: [{ functionCode: '2120816', name: '', amount: '3' }] },
      },
    };
    const typed = (doc: BudgetDocument) =>
      [...new FormEvaluator(doc).form('T7').rows.values()].flatMap((row) => row.typedFields ?? []);
    expect(typed(own)).toEqual([
      { collection: 't7', key: '2120816', columns: ['amount'], fields: ['amount'] },
    ]);
    expect(typed(sample)).toEqual([]);
  });
});

describe('advance: re-computing after one typed amount changed', () => {
  /** Every cell of every form, as printed. */
  function everything(evaluator: FormEvaluator): string[] {
    return FORM_IDS.flatMap((id) => evaluator.grid(id).rows.flatMap((row) => row.cells.map(cellText)));
  }

  it('gives the same values as computing the new document from scratch, for every typed cell', () => {
    const inputs = FORM_IDS.flatMap((id) =>
      computeForm(sample, id).rows.flatMap((r) =>
        r.cells.flatMap((c) => (c.type === 'amount' && c.input ? [c.input] : [])),
      ),
    );
    let live = formsOf(sampleDocument());
    everything(live);
    for (const [i, input] of inputs.entries()) {
      const next = setInput(live.doc, input, String(i + 0.25));
      const stale = live.advance(next, input);
      const where = `${input.collection}/${input.key}/${input.field}`;
      if (stale === null) {
        // Only 表2's 政府性基金预算 column changes rows (those of 表7).
        expect([input.collection, input.field], where).toEqual(['t2', 'governmentFund']);
        live = formsOf(next);
      }
      expect(everything(live), where).toEqual(everything(new FormEvaluator(next)));
      expect(formsOf(next)).toBe(live);
    }
  });

  it('keeps long 合计 rows right when it updates them by the change of one term (generated 10× document)', () => {
    const big = generateDocument({ scale: 10, seed: 7 });
    const inputs = FORM_IDS.flatMap((id) =>
      computeForm(big, id).rows.flatMap((r) =>
        r.cells.flatMap((c) => (c.type === 'amount' && c.input ? [c.input] : [])),
      ),
    );
    const live = formsOf(big);
    everything(live);
    // Amounts, blanks and zeros, in cells picked across the whole document (表12 has 140 rows).
    const values = ['0.01', '', '12345.67', '0', '3'];
    for (let i = 0; i < 40; i++) {
      const input = inputs[(i * 7919) % inputs.length];
      if (!input) continue;
      const next = setInput(live.doc, input, values[i % values.length] ?? '');
      expect(live.advance(next, input)).not.toBe(null);
      expect(everything(live), `${input.collection}/${input.key}/${input.field}`).toEqual(
        everything(new FormEvaluator(next)),
      );
    }
  });

  it('names the cells that changed: the input’s own cell and every total above it', () => {
    const live = formsOf(sampleDocument());
    const input = { collection: 't3', key: '2101101', field: 'basic' } as const;
    const stale = live.advance(setInput(live.doc, input, '11'), input);
    expect([...(stale ?? [])].sort()).toEqual(
      [
        'T1/expenditure:210/current',
        'T1/expenditure:210/total',
        'T1/expenditure:subtotal/current',
        'T1/expenditure:subtotal/total',
        'T1/expenditure:total/current',
        'T1/expenditure:total/total',
        'T3/2101101/basic',
        'T3/2101101/total',
        'T3/21011/basic',
        'T3/21011/total',
        'T3/210/basic',
        'T3/210/total',
        'T3/total/basic',
        'T3/total/total',
      ].sort(),
    );
    expect(shown(live.doc, 'T1', 'expenditure:total', 'total')).toBe('621.47');
  });

  it('redraws only the rows that show a changed cell: every grid is the one a fresh evaluator draws', () => {
    const live = formsOf(sampleDocument());
    const before = new Map(FORM_IDS.map((id) => [id, live.grid(id)]));
    const input = { collection: 't3', key: '2101101', field: 'basic' } as const;
    const next = setInput(live.doc, input, '11');
    live.advance(next, input);
    const fresh = new FormEvaluator(next);
    // Values as text: the graph and a fresh evaluator may hold one number in differently shaped Decimals.
    const drawn = (grid: FormGrid) =>
      JSON.stringify(grid, (_key, value: unknown) => (value instanceof Decimal ? value.toFixed() : value));
    const redrawn = FORM_IDS.flatMap((id) => {
      const grid = live.grid(id);
      expect(drawn(grid), id).toBe(drawn(fresh.grid(id)));
      const old = before.get(id)?.rows ?? [];
      return grid.rows.flatMap((row, r) => (row === old[r] ? [] : [`${id} ${row.key}`]));
    });
    // The rows of the cells named above (表1's lines are two panels' rows side by side).
    expect(redrawn).toEqual([
      'T1 |expenditure:210',
      'T1 income:subtotal|expenditure:subtotal',
      'T1 income:total|expenditure:total',
      'T3 210',
      'T3 21011',
      'T3 2101101',
      'T3 total',
    ]);
  });

  it('refuses a change that needs a new row: a project entering 表13', () => {
    const live = formsOf(sampleDocument());
    const carry = { collection: 't13', key: 'p01', field: 'generalBudget' } as const;
    expect(live.advance(setInput(live.doc, carry, '1'), carry)).toBe(null);
    expect(formsOf(live.doc)).toBe(live);
  });

  it('lays 表7 out again in place when a 表2 row enters or leaves it', () => {
    const live = formsOf(sampleDocument());
    everything(live);
    const fund = { collection: 't2', key: '2010301', field: 'governmentFund' } as const;
    const filled = setInput(live.doc, fund, '1');
    const stale = live.advance(filled, fund);
    expect([...(stale ?? [])].filter((key) => key.startsWith('T7/')).sort()).toEqual([
      'T7/201/amount',
      'T7/20103/amount',
      'T7/2010301/amount',
      'T7/total/amount',
    ]);
    expect(everything(live)).toEqual(everything(new FormEvaluator(filled)));
    const emptied = setInput(filled, fund, '');
    expect(live.advance(emptied, fund)).not.toBe(null);
    expect(everything(live)).toEqual(everything(new FormEvaluator(emptied)));
    // Typing more digits into a filled cell is an ordinary edit.
    const more = setInput(filled, fund, '12');
    const next = formsOf(filled);
    everything(next);
    expect([...(next.advance(more, fund) ?? [])].filter((key) => key.startsWith('T7/')).sort()).toEqual([
      'T7/201/amount',
      'T7/20103/amount',
      'T7/2010301/amount',
      'T7/total/amount',
    ]);
  });
});
