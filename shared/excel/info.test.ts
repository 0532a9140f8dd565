import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../document/schema';
import { generateDocument } from '../sample/generate';
import { sampleDocument } from '../sample/sample2024';
import { INFO_SHEET, infoOf, readInfoSheets, UNITS_SHEET } from './info';
import { buildWorkbook } from './workbook';

/** The workbook as exported (its information sheets included), written to bytes and loaded back. */
async function exported(doc: BudgetDocument): Promise<ExcelJS.Workbook> {
  const workbook = buildWorkbook(doc, []);
  const buffer = await workbook.xlsx.writeBuffer();
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(buffer);
  return loaded;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The row whose first cell reads `label` (the n-th such row, from 0). */
function rowOf(sheet: ExcelJS.Worksheet, label: string, nth = 0): number {
  const rows: number[] = [];
  sheet.eachRow((row, number) => {
    if (row.getCell(1).value === label) rows.push(number);
  });
  const row = rows[nth];
  if (row === undefined) throw new Error(`no row ${label}`);
  return row;
}

/** The sample with every value that a careless round trip would change. */
function trickyDocument(): BudgetDocument {
  const doc = sampleDocument();
  const [first, second] = doc.projects;
  if (!first || !second) throw new Error('sample without projects');
  return {
    ...doc,
    year: 2025,
    department: { name: ' 新绛县人民政府办公室 ', code: '003' },
    tables: { ...doc.tables, t7: { source: 'typed', rows: [] } },
    overview: { responsibilities: ['（一）第一段。', '', '  缩进的一段\n第二行'], organization: '=SUM(A1)' },
    projects: [
      { ...first, functionCode: '', current: null },
      { ...second, carryOver: { generalBudget: '1', governmentFund: '', stateCapital: '' } },
    ],
    emptyTableNotes: { T2: '', T13: '本部门无上年结转项目支出，故本表为空表。' },
    narrative: {
      ...doc.narrative,
      lastYear: {
        ...doc.narrative.lastYear,
        totalIncome: '58.00',
        totalExpenditure: '0.10',
        generalBudgetExpenditure: '123456789012345.67',
        operatingExpenses: '-0',
        threePublic: { travelAbroad: '', reception: '0', vehiclePurchase: '-3.5', vehicleOperation: '0.125' },
      },
      procurement: { goods: '9.2', works: '35', services: '' },
      assets: { ...doc.narrative.assets, vehicleQuota: '007', vehicleActual: '', officeArea: '911.960' },
      otherNotes: '0012',
    },
    glossary: [
      { term: '基本支出', definition: '  前后有空格  ' },
      { term: '', definition: '只有解释' },
    ],
    explanations: [
      { ruleId: 'B6', subject: 'unit/u3', basis: '30.41|31.41', text: '综合保障中心按原表列示' },
      { ruleId: 'C2', subject: 'reasons.total', basis: '', text: '第一行\n第二行' },
    ],
  };
}

describe('info sheets', () => {
  it('come after the tables and read back exactly: the sample', async () => {
    const doc = sampleDocument();
    const workbook = await exported(doc);
    expect(workbook.worksheets.slice(-2).map((s) => s.name)).toEqual([UNITS_SHEET, INFO_SHEET]);
    // 13 tables, 2 declaration sheets, 审核结果, then these two.
    expect(workbook.worksheets).toHaveLength(18);
    expect(readInfoSheets(workbook)).toEqual({ info: infoOf(doc), problems: [] });
  });

  it('read back exactly: a generated document', async () => {
    const doc = generateDocument({ scale: 1, seed: 5 });
    expect(readInfoSheets(await exported(doc))).toEqual({ info: infoOf(doc), problems: [] });
  });

  it('keep every stored string: trailing zeros, spaces, empty paragraphs, formulas as text', async () => {
    const doc = trickyDocument();
    const workbook = await exported(doc);
    expect(readInfoSheets(workbook)).toEqual({ info: infoOf(doc), problems: [] });

    // Amounts that a double keeps are numbers; the others are the stored text.
    const sheet = sheetOf(workbook, INFO_SHEET);
    const value = (label: string) => sheet.getCell(rowOf(sheet, label), 2).value;
    expect(value('政府采购货物')).toBe(9.2);
    expect(value('政府采购工程')).toBe(35);
    expect(value('上年公务接待费')).toBe(0);
    expect(value('上年预算收入总计')).toBe('58.00');
    expect(value('上年一般公共预算当年支出')).toBe('123456789012345.67');
    expect(value('车辆编制数（辆）')).toBe('007');
    expect(value('预算年度')).toBe(2025);
    expect(value('表7 来源')).toBe('单独填列');
  });

  it('are read by their labels: blank rows, moved rows and extra columns do no harm', async () => {
    const doc = generateDocument({ scale: 1, seed: 5 });
    const workbook = await exported(doc);
    const info = sheetOf(workbook, INFO_SHEET);
    const units = sheetOf(workbook, UNITS_SHEET);

    info.spliceRows(rowOf(info, '主要职能', 2), 0, []);
    info.spliceRows(rowOf(info, '名词') + 3, 0, []);
    units.insertRow(rowOf(units, 'p0003'), []);
    units.insertRow(rowOf(units, 'u2'), []);
    // 部门名称 and 封面日期 change places.
    const name = info.getRow(rowOf(info, '部门名称'));
    const cover = info.getRow(rowOf(info, '封面日期'));
    const [nameValues, coverValues] = [name.values, cover.values];
    name.values = coverValues;
    cover.values = nameValues;
    // A column of remarks on either sheet.
    info.getCell(rowOf(info, '机构设置'), 5).value = '备注：已核对';
    info.getCell(rowOf(info, '规则'), 5).value = '备注';
    units.getCell(rowOf(units, '编号', 1), 9).value = '备注';
    units.getCell(rowOf(units, 'p0001'), 9).value = '新增项目';

    expect(readInfoSheets(workbook)).toEqual({ info: infoOf(doc), problems: [] });
  });

  it('take numbers stored as text and full-width digits, and report them', async () => {
    const workbook = await exported(sampleDocument());
    const sheet = sheetOf(workbook, INFO_SHEET);
    const cell = (label: string) => sheet.getCell(rowOf(sheet, label), 2);
    cell('上年预算收入总计').value = '1,234.50';
    cell('政府采购货物').value = '１２３．４';
    cell('预算年度').value = '２０２４';
    cell('车辆实有数（辆）').value = ' 3 ';

    const { info, problems } = readInfoSheets(workbook);
    expect(info?.narrative.lastYear.totalIncome).toBe('1234.5');
    expect(info?.narrative.procurement.goods).toBe('123.4');
    expect(info?.year).toBe(2024);
    expect(info?.narrative.assets.vehicleActual).toBe('3');
    const converted = (at: ExcelJS.Cell, value: string) => ({
      sheet: INFO_SHEET,
      cell: at.address,
      value,
      reason: '数字以文本形式存储，已按数字读取，请核对',
      taken: true,
    });
    expect(problems).toEqual([
      converted(cell('预算年度'), '２０２４'),
      converted(cell('上年预算收入总计'), '1,234.50'),
      converted(cell('政府采购货物'), '１２３．４'),
    ]);
  });

  it('report what they cannot take, with sheet, cell and value', async () => {
    const workbook = await exported(sampleDocument());
    const units = sheetOf(workbook, UNITS_SHEET);
    const info = sheetOf(workbook, INFO_SHEET);
    const typeCell = units.getCell(rowOf(units, 'u2'), 3);
    typeCell.value = '事业单位';
    const unitCell = units.getCell(rowOf(units, 'p05'), 3);
    unitCell.value = '新绛县档案馆';
    const yearCell = info.getCell(rowOf(info, '预算年度'), 2);
    yearCell.value = '二〇二四';

    const { info: read, problems } = readInfoSheets(workbook);
    expect(read).toBeNull();
    expect(problems).toEqual([
      {
        sheet: UNITS_SHEET,
        cell: typeCell.address,
        value: '事业单位',
        reason: '单位类型应为 行政、参公事业、事业 之一',
      },
      { sheet: UNITS_SHEET, cell: unitCell.address, value: '新绛县档案馆', reason: '单位表中没有这个单位' },
      {
        sheet: INFO_SHEET,
        cell: yearCell.address,
        value: '二〇二四',
        reason: '不是预算年度，应为 2000–2100 之间的年份，如 2024',
      },
    ]);
  });

  it('report a missing row, an unknown label and an unknown 项目类别', async () => {
    const workbook = await exported(sampleDocument());
    const units = sheetOf(workbook, UNITS_SHEET);
    const info = sheetOf(workbook, INFO_SHEET);
    const categoryCell = units.getCell(rowOf(units, 'p01'), 4);
    categoryCell.value = '运转类';
    info.spliceRows(rowOf(info, '车辆说明'), 1);
    const labelCell = info.getCell(rowOf(info, '其他说明'), 1);
    labelCell.value = '其它说明';

    const { info: read, problems } = readInfoSheets(workbook);
    expect(read).toBeNull();
    expect(problems).toEqual([
      {
        sheet: UNITS_SHEET,
        cell: categoryCell.address,
        value: '运转类',
        reason: '项目类别应为 其他运转类、特定目标类 之一',
      },
      {
        sheet: INFO_SHEET,
        cell: labelCell.address,
        value: '其它说明',
        reason: '不是可识别的项目名称（A 列的项目名称请勿修改）',
      },
      { sheet: INFO_SHEET, cell: '', value: '', reason: '缺少“车辆说明”一行' },
      { sheet: INFO_SHEET, cell: '', value: '', reason: '缺少“其他说明”一行' },
    ]);
  });

  it('say which sheet is missing', async () => {
    const workbook = await exported(sampleDocument());
    workbook.removeWorksheet(sheetOf(workbook, UNITS_SHEET).id);
    expect(readInfoSheets(workbook)).toEqual({
      info: null,
      problems: [{ sheet: UNITS_SHEET, cell: '', value: '', reason: '缺少工作表“单位与项目”' }],
    });
  });
});
