import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BudgetDocument, Indicator, ProjectDeclaration } from '../document/schema';
import { generateDocument } from '../sample/generate';
import { sampleDocument } from '../sample/sample2024';
import { OVERALL_SHEET, PROJECTS_SHEET, addDeclarationSheets, readDeclarationSheets } from './declarations';
import { amountFormat } from './style';

const PROJECT_TITLE = '县级预算部门（单位）项目支出绩效目标申报表';

function build(doc: BudgetDocument): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  addDeclarationSheets(workbook, doc);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

/** Written, then loaded from the bytes, as a user's workbook comes back. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return load(await bytesOf(workbook));
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The first cell (a merge's own, not its shadows) from row `from` on that holds exactly `label`. */
function labelCell(sheet: ExcelJS.Worksheet, label: string, from = 1): ExcelJS.Cell {
  for (let row = from; row <= sheet.rowCount; row++) {
    for (let col = 1; col <= sheet.columnCount; col++) {
      const cell = sheet.findCell(row, col);
      if (cell && cell.master === cell && cell.value === label) return cell;
    }
  }
  throw new Error(`no label ${label} from row ${from}`);
}

/** The cell right of a label, past the label's merge. */
function rightOf(sheet: ExcelJS.Worksheet, label: ExcelJS.Cell): ExcelJS.Cell {
  let col = Number(label.col) + 1;
  while (sheet.getCell(Number(label.row), col).master === label) col++;
  return sheet.getCell(Number(label.row), col);
}

function valueAt(sheet: ExcelJS.Worksheet, label: string, from = 1): ExcelJS.CellValue {
  return rightOf(sheet, labelCell(sheet, label, from)).value;
}

/** The rows where a 项目 form's title stands. */
function titleRows(sheet: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  sheet.eachRow((row, number) => {
    if (row.getCell(1).value === PROJECT_TITLE) rows.push(number);
  });
  return rows;
}

function declared(doc: BudgetDocument): [string, ProjectDeclaration][] {
  return doc.projects.flatMap((p) =>
    p.declaration ? [[p.id, p.declaration] as [string, ProjectDeclaration]] : [],
  );
}

const indicator = (
  level1: Indicator['level1'],
  level2: Indicator['level2'],
  name: string,
  value: string,
): Indicator => ({ level1, level2, name, value });

describe('addDeclarationSheets: 部门（单位）整体支出绩效目标申报表', () => {
  it('lays out the form with the reference labels, the overall declaration and the tables’ amounts', async () => {
    const sheet = sheetOf(await roundTrip(build(sampleDocument())), OVERALL_SHEET);
    expect(sheet.getCell('A1').value).toBe('部门（单位）整体支出绩效目标申报表');
    expect(sheet.getCell('A2').value).toBe('（2024年度）');
    expect(sheet.getCell('A3').value).toBe('填报单位（盖章）：新绛县人民政府办公室');
    expect(labelCell(sheet, '部门基本信息').address).toBe('A4');
    expect(valueAt(sheet, '单位名称')).toBe('新绛县人民政府办公室');
    expect(valueAt(sheet, '通讯地址')).toBe('新绛县贡院巷27号');
    expect(valueAt(sheet, '单位预算绩效管理联系人')).toBe('赵俊辉');
    expect(valueAt(sheet, '联系电话')).toBe('13935996003');
    expect(valueAt(sheet, '人员编制数')).toBe(44);
    expect(valueAt(sheet, '实有人数')).toBe(44);
    expect(valueAt(sheet, '单位职能')).toBe(
      '协助县人民政府领导同志处理日常工作；负责县人民政府会议的会务工作；负责县人民政府重大活动的组织统筹。',
    );

    // 收入 (表1) and 支出 (表3), in 万元 with two decimals, blank where the tables are blank.
    expect(labelCell(sheet, '单位年度收入预算（万元）').address).toBe('B9');
    const incomeHeader = ['收入合计', '公共财政拨款', '政府性基金拨款', '国有资本经营预算拨款', '其他拨款'];
    incomeHeader.forEach((label, i) => expect(sheet.getCell(10, 2 + i).value).toBe(label));
    expect([2, 3, 4, 5, 6].map((col) => sheet.getCell(11, col).value)).toEqual([
      621.43,
      621.43,
      null,
      null,
      null,
    ]);
    expect(sheet.getCell('B11').numFmt).toBe(amountFormat);
    expect(labelCell(sheet, '单位年度支出预算（万元）').address).toBe('B12');
    expect(['B13', 'C13', 'E13'].map((a) => sheet.getCell(a).value)).toEqual([
      '支出合计',
      '基本支出',
      '项目支出',
    ]);
    expect(['B14', 'C14', 'E14'].map((a) => sheet.getCell(a).value)).toEqual([621.43, 481.68, 139.75]);

    expect(valueAt(sheet, '部门整体支出绩效目标')).toBe(
      '严格按制度完成支出进度，保障新绛县人民政府办公室部门工作正常运转。',
    );
    expect(['A16', 'B16', 'C16', 'D16', 'F16'].map((a) => sheet.getCell(a).value)).toEqual([
      '部门整体支出绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
    ]);
    const grid = [17, 18, 19, 20, 21].map((row) =>
      ['B', 'C', 'D', 'F'].map((col) => sheet.getCell(`${col}${row}`).value),
    );
    expect(grid).toEqual([
      ['产出指标', '数量指标', '根据项目实际情况细化', '14个'],
      ['产出指标', '质量指标', '按预定标准完成', '提高100%'],
      ['产出指标', '时效指标', '按预定进度完成', '提高100%'],
      ['效益指标', '社会效益指标', '公共服务能力提升', '提高100%'],
      ['满意度指标', '服务对象满意度指标', '工作人员满意度', '提高100%'],
    ]);
    // 一级 merged down its rows; the block label down the block; values across their columns.
    expect(sheet.model.merges).toEqual(
      expect.arrayContaining([
        'A1:F1',
        'A4:A14',
        'C4:F4',
        'B9:F9',
        'C13:D13',
        'A16:A21',
        'B17:B19',
        'D17:E17',
      ]),
    );
    expect(sheet.getCell('B18').isMerged).toBe(true);
  });

  it('borders every cell of the form (every cell of a merge), in 宋体, wrapping text', async () => {
    const sheet = sheetOf(await roundTrip(build(sampleDocument())), OVERALL_SHEET);
    for (let row = 4; row <= 21; row++) {
      for (let col = 1; col <= 6; col++) {
        const cell = sheet.getCell(row, col);
        expect(cell.border, cell.address).toMatchObject({
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        });
        expect(cell.font.name, cell.address).toBe('宋体');
      }
      expect(sheet.getRow(row).height).toBeGreaterThanOrEqual(20);
    }
    expect(sheet.getCell('C8').alignment.wrapText).toBe(true);
    // 单位职能 runs over two lines of its merged cell: its row is tall enough for both.
    expect(sheet.getRow(8).height).toBeGreaterThanOrEqual(2 * 14);
    expect(sheet.getCell('A1').font).toMatchObject({ name: '宋体', bold: true, size: 16 });
  });
});

describe('addDeclarationSheets: 项目支出绩效目标申报表', () => {
  it('writes one form per declared project, each starting a printed page', async () => {
    const doc = sampleDocument();
    const workbook = build(doc);
    const sheet = sheetOf(workbook, PROJECTS_SHEET);
    const titles = titleRows(sheet);
    expect(titles).toHaveLength(declared(doc).length);
    expect(titles).toHaveLength(5);
    expect(sheet.model.rowBreaks.map((brk) => brk.id)).toEqual(titles.slice(1).map((row) => row - 1));

    // The breaks are in the file (exceljs does not read them back).
    const files = unzipSync(await bytesOf(workbook));
    const xml = strFromU8(files['xl/worksheets/sheet2.xml'] ?? new Uint8Array());
    expect(xml).toContain('<rowBreaks count="4" manualBreakCount="4">');
    for (const row of titles.slice(1)) expect(xml).toContain(`<brk id="${row - 1}"`);
  });

  it('lays out each form as the reference: names, funding in 元, texts, goals, the side-by-side grid', async () => {
    const sheet = sheetOf(await roundTrip(build(sampleDocument())), PROJECTS_SHEET);
    expect(sheet.getCell('A1').value).toBe(PROJECT_TITLE);
    expect(sheet.getCell('A2').value).toBe('（2024年度）');
    expect(valueAt(sheet, '项目名称')).toBe('政府机关运行经费');
    expect(valueAt(sheet, '主管部门及代码')).toBe('003-新绛县人民政府办公室');
    expect(valueAt(sheet, '实施单位')).toBe('新绛县人民政府办公室');
    expect(valueAt(sheet, '项目属性')).toBe('一次性项目（1年结束）');
    expect(valueAt(sheet, '项目期')).toBe('1年');

    expect(labelCell(sheet, '项目资金（元）').address).toBe('A6');
    const total = rightOf(sheet, labelCell(sheet, '实施期资金总额：'));
    expect(total.address).toBe('D6');
    expect(total.value).toBe(383000);
    expect(total.numFmt).toBe('#,##0');
    expect(valueAt(sheet, '年度资金总额：')).toBe(383000);
    const left = ['其中：中央财政资金', '省级财政资金', '市县（区）财政资金', '单位自筹', '其他资金'];
    expect(left.map((_, i) => [sheet.getCell(7 + i, 2).value, sheet.getCell(7 + i, 4).value])).toEqual([
      ['其中：中央财政资金', null],
      ['省级财政资金', null],
      ['市县（区）财政资金', 383000],
      ['单位自筹', null],
      ['其他资金', null],
    ]);
    expect(left.map((_, i) => [sheet.getCell(7 + i, 6).value, sheet.getCell(7 + i, 8).value])).toEqual(
      left.map((label, i) => [label, i === 2 ? 383000 : null]),
    );

    expect(valueAt(sheet, '项目概况')).toBe('2024机关运行经费');
    expect(valueAt(sheet, '立项依据')).toBe('政策依据：新办发〔2019〕24号');
    for (const label of ['项目设立必要性', '保证项目实施的制度、措施', '项目实施计划']) {
      expect(valueAt(sheet, label)).toBe('保障政府机关工作正常有序运行');
    }
    const goals = labelCell(sheet, '实施期目标');
    expect(sheet.getCell(Number(goals.row) + 1, Number(goals.col)).value).toBe(
      '目标1：保障政府机关工作正常有序运行',
    );
    const annualGoals = labelCell(sheet, '年度目标');
    expect(annualGoals.address).toBe(`F${goals.row}`);

    const header = Number(labelCell(sheet, '绩效指标').row);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((col) => sheet.getCell(header, col).value)).toEqual([
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '二级指标',
      '三级指标',
      '指标值',
    ]);
    const row = (n: number) => [2, 3, 4, 5, 6, 7, 8].map((col) => sheet.getCell(header + n, col).value);
    expect(row(1)).toEqual([
      '产出指标',
      '数量指标',
      '2024机关运行经费',
      '383000',
      '数量指标',
      '2024机关运行经费',
      '383000',
    ]);
    expect(row(5)).toEqual([
      '效益指标',
      '经济效益指标',
      '2024机关运行经费',
      '提高100%',
      '经济效益指标',
      '2024机关运行经费',
      '提高100%',
    ]);
    expect(row(6)[0]).toBe('满意度指标');
    expect(sheet.model.merges).toEqual(
      expect.arrayContaining([
        'B3:H3',
        'A6:A11',
        'D6:E6',
        `A${header}:A${header + 6}`,
        `B${header + 1}:B${header + 4}`,
        `B${goals.row}:E${goals.row}`,
      ]),
    );

    const signatures = Number(labelCell(sheet, '负责人：').row);
    expect(signatures).toBe(header + 7);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((col) => sheet.getCell(signatures, col).value)).toEqual([
      '负责人：',
      null,
      '经办人：',
      '赵俊辉',
      '联系电话：',
      '13935996003',
      '填报日期：',
      null,
    ]);
    // Every cell of the form is bordered, the signature line below it is not.
    for (let r = 3; r < signatures; r++) {
      for (let col = 1; col <= 8; col++) {
        expect(sheet.getCell(r, col).border, sheet.getCell(r, col).address).toMatchObject({
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        });
      }
    }
    expect(sheet.getCell(signatures, 1).border).toEqual({});
  });

  it('prints on A4 portrait, one page wide, with page numbers in the footer', async () => {
    const workbook = await roundTrip(build(sampleDocument()));
    for (const name of [OVERALL_SHEET, PROJECTS_SHEET]) {
      const sheet = sheetOf(workbook, name);
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(sheet.pageSetup.margins).toMatchObject({ left: 0.6, right: 0.6 });
      expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
      expect(sheet.columns.map((column) => column.width ?? 0).every((width) => width >= 10)).toBe(true);
    }
  });
});

describe('readDeclarationSheets', () => {
  it('reads back the sample’s declarations deep-equal', async () => {
    const doc = sampleDocument();
    const result = readDeclarationSheets(await roundTrip(build(doc)), doc);
    expect(result.problems).toEqual([]);
    expect(result.overall).toEqual(doc.performance.overall);
    expect([...result.projects]).toEqual(declared(doc));
  });

  it('reads back a generated document’s declarations deep-equal', async () => {
    const doc = generateDocument({ scale: 1, seed: 3 });
    const result = readDeclarationSheets(await roundTrip(build(doc)), doc);
    expect(result.problems).toEqual([]);
    expect(result.overall).toEqual(doc.performance.overall);
    expect(declared(doc).length).toBeGreaterThan(5);
    expect([...result.projects]).toEqual(declared(doc));
  });

  it('keeps each side’s indicators in order when 实施期 and 年度 differ, and blank fields blank', async () => {
    const doc = sampleDocument();
    const base = doc.projects[0]?.declaration;
    if (!base) throw new Error('sample project p01 has a declaration');
    const odd: ProjectDeclaration = {
      ...base,
      implementationFunding: { ...base.implementationFunding, central: '0', other: '1500.5' },
      implementationGoals: ['甲', '', '乙'],
      annualGoals: [],
      implementationIndicators: [
        indicator('产出指标', '数量指标', '培训人次', '≥300人次'),
        indicator('产出指标', '数量指标', '', ''),
        indicator('产出指标', '数量指标', '课程数', '=12门'),
        indicator('效益指标', '社会效益指标', '知晓率', '≥90%'),
        indicator('满意度指标', '服务对象满意度指标', '学员满意度', '≥95%'),
      ],
      annualIndicators: [
        indicator('效益指标', '可持续影响指标', '长效机制', '≥3年'),
        indicator('产出指标', '时效指标', '完成时间', '≤12月'),
        indicator('产出指标', '时效指标', '', '按期'),
        indicator('成本指标', '经济成本指标', '单位成本', '≤500元'),
        indicator('产出指标', '质量指标', '合格率', '=100%'),
      ],
      personInCharge: '',
      filledOn: '2024年1月5日',
    };
    const empty: ProjectDeclaration = { ...base, implementationIndicators: [], annualIndicators: [] };
    doc.projects = doc.projects.map((p, i) =>
      i === 0 ? { ...p, declaration: odd } : i === 1 ? { ...p, declaration: empty } : p,
    );
    doc.performance.overall.indicators = [];
    const result = readDeclarationSheets(await roundTrip(build(doc)), doc);
    expect(result.problems).toEqual([]);
    expect(result.overall).toEqual(doc.performance.overall);
    expect(result.projects.get('p01')).toEqual(odd);
    expect(result.projects.get('p02')).toEqual(empty);
  });

  it('finds the forms by their labels after rows are inserted', async () => {
    const doc = sampleDocument();
    const workbook = await roundTrip(build(doc));
    const overall = sheetOf(workbook, OVERALL_SHEET);
    overall.spliceRows(Number(labelCell(overall, '部门整体支出绩效目标').row), 0, [], []);
    overall.spliceRows(1, 0, []);
    const projects = sheetOf(workbook, PROJECTS_SHEET);
    const second = titleRows(projects)[1] ?? 0;
    projects.spliceRows(second, 0, [], [], []);
    projects.spliceRows(Number(labelCell(projects, '项目概况').row), 0, []);
    const result = readDeclarationSheets(await roundTrip(workbook), doc);
    expect(result.problems).toEqual([]);
    expect(result.overall).toEqual(doc.performance.overall);
    expect([...result.projects]).toEqual(declared(doc));
  });

  it('reads amounts typed as text, with thousands separators or full-width digits', async () => {
    const doc = sampleDocument();
    const workbook = await roundTrip(build(doc));
    const sheet = sheetOf(workbook, PROJECTS_SHEET);
    rightOf(sheet, labelCell(sheet, '实施期资金总额：')).value = '383,000';
    rightOf(sheet, labelCell(sheet, '年度资金总额：')).value = '３８３０００';
    sheet.getCell('D9').value = ' 383000 ';
    sheet.getCell('H9').value = { formula: '383000', result: 383000 };
    const result = readDeclarationSheets(workbook, doc);
    expect(result.problems).toEqual([]);
    expect(result.projects.get('p01')).toEqual(doc.projects[0]?.declaration);
  });

  it('reports an amount it cannot read with sheet, cell and value, and leaves it blank', async () => {
    const doc = sampleDocument();
    const workbook = await roundTrip(build(doc));
    const sheet = sheetOf(workbook, PROJECTS_SHEET);
    const second = titleRows(sheet)[1] ?? 0;
    const cell = rightOf(sheet, labelCell(sheet, '年度资金总额：', second));
    cell.value = '31万';
    const result = readDeclarationSheets(workbook, doc);
    expect(result.problems).toEqual([
      {
        sheet: '项目绩效目标',
        cell: cell.address,
        value: '31万',
        reason: expect.stringContaining('不是金额') as string,
      },
    ]);
    expect(cell.address).toBe(`H${second + 5}`);
    expect(result.projects.get('p02')?.annualFunding.total).toBe('');
    expect(result.projects.get('p02')?.implementationFunding.total).toBe('310000');
  });

  it('reports a formula whose value was not saved with the file rather than reading it as blank', async () => {
    const doc = sampleDocument();
    const workbook = await roundTrip(build(doc));
    const sheet = sheetOf(workbook, PROJECTS_SHEET);
    sheet.getCell('D9').value = { formula: 'D6' };
    const result = readDeclarationSheets(workbook, doc);
    expect(result.problems).toEqual([
      { sheet: '项目绩效目标', cell: 'D9', value: '', reason: expect.stringContaining('没有保存') as string },
    ]);
  });

  it('reports a 项目名称 that matches no project or two, and reads neither', async () => {
    const doc = sampleDocument();
    const workbook = await roundTrip(build(doc));
    const sheet = sheetOf(workbook, PROJECTS_SHEET);
    const name = rightOf(sheet, labelCell(sheet, '项目名称'));
    name.value = '不存在的项目';
    const twins = structuredClone(doc);
    const twin = twins.projects[4];
    if (!twin) throw new Error('the sample has p05');
    twin.name = ' “12345”运行经费 ';
    const result = readDeclarationSheets(workbook, twins);
    expect(result.problems).toEqual([
      {
        sheet: '项目绩效目标',
        cell: 'B3',
        value: '不存在的项目',
        reason: '与文档中任何项目的名称都不相符，此申报表未读取',
      },
      {
        sheet: '项目绩效目标',
        cell: rightOf(sheet, labelCell(sheet, '项目名称', 4)).address,
        value: '“12345”运行经费',
        reason: '文档中有 2 个项目叫这个名称，无法确定是哪一个，此申报表未读取',
      },
    ]);
    expect([...result.projects.keys()]).toEqual(['p03', 'p13', 'p14']);
  });

  it('reads a 二级 typed without 指标, and reports one it does not know and a count that is not a number', async () => {
    const doc = sampleDocument();
    const workbook = await roundTrip(build(doc));
    const overall = sheetOf(workbook, OVERALL_SHEET);
    overall.getCell('C18').value = '质量';
    overall.getCell('C20').value = '产量指标';
    rightOf(overall, labelCell(overall, '人员编制数')).value = '44人';
    const result = readDeclarationSheets(workbook, doc);
    expect(result.problems).toEqual([
      { sheet: '整体绩效目标', cell: 'C7', value: '44人', reason: '不是整数：请填写人数，如 44' },
      {
        sheet: '整体绩效目标',
        cell: 'C20',
        value: '产量指标',
        reason: expect.stringMatching(/^不是二级指标：应为数量指标、质量指标、/) as string,
      },
    ]);
    expect(result.overall?.staffQuota).toBe('');
    expect(result.overall?.indicators).toEqual(
      doc.performance.overall.indicators.filter((i) => i.name !== '公共服务能力提升'),
    );
  });

  it('returns nothing, without problems, for a workbook without the sheets', () => {
    const result = readDeclarationSheets(new ExcelJS.Workbook(), sampleDocument());
    expect(result).toEqual({ overall: null, projects: new Map(), problems: [] });
  });
});
