import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeTarget, summarizeFindings } from '../checks/report';
import { checkDocument } from '../checks/session';
import { cellTarget, fieldTarget, type Finding } from '../checks/types';
import { sampleDocument } from '../sample/sample2024';
import { FINDINGS_SHEET, addFindingsSheet } from './findings';

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(await workbook.xlsx.writeBuffer());
  const sheet = loaded.getWorksheet(FINDINGS_SHEET);
  if (!sheet) throw new Error('no sheet 审核结果');
  return sheet;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): ExcelJS.CellValue[] {
  return [1, 2, 3, 4, 5, 6].map((col) => sheet.getCell(row, col).value);
}

const finding = (
  level: Finding['level'],
  rule: string,
  message: string,
  explanation: string | null,
): Finding => ({
  rule,
  level,
  subject: rule,
  message,
  targets: [
    cellTarget({ form: 'T1', row: 'income:total', column: 'income' }),
    fieldTarget('narrative.reasons.total', '情况说明 一 收支增减原因'),
    fieldTarget('narrative.reasons.total', '情况说明 一 收支增减原因'),
  ],
  basis: '',
  explanation,
});

describe('addFindingsSheet', () => {
  it('lists the sample’s findings with their rule, text, cells and 说明', async () => {
    const doc = sampleDocument();
    const findings = checkDocument(doc);
    expect(findings.length).toBeGreaterThan(5);
    const workbook = new ExcelJS.Workbook();
    addFindingsSheet(workbook, doc, findings);
    const sheet = await roundTrip(workbook);

    expect(sheet.getCell('A1').value).toBe('新绛县人民政府办公室2024年部门预算审核结果');
    expect(sheet.getCell('A2').value).toBe(summarizeFindings(findings));
    expect(sheet.getCell('A2').value).toBe(`错误 0 项，提示 ${findings.length} 项（已说明 0 项）`);
    expect(rowValues(sheet, 3)).toEqual(['序号', '级别', '规则', '问题', '涉及单元格', '说明']);
    findings.forEach((f, i) => {
      const where = [...new Set(f.targets.map((t) => describeTarget(doc, t)))].join('；');
      expect(rowValues(sheet, 4 + i)).toEqual([i + 1, '提示', f.rule, f.message, where, '未说明']);
    });
    expect(sheet.getCell(4 + findings.length, 1).value).toBeNull();

    const b6 = rowValues(sheet, 4);
    expect(b6[2]).toBe('B6');
    expect(b6[3]).toContain('表11 列有“新绛县人民政府办公室综合保障中心”');
    expect(b6[4]).toBe('表11 新绛县人民政府办公室综合保障中心 合计');
  });

  it('puts 错误 first; 说明 is the explanation, 未说明, or blank for an 错误', async () => {
    const doc = sampleDocument();
    const findings = [
      finding('提示', 'C7', '车辆超编', '待处置车辆'),
      finding('错误', 'B1', '表1 与表2 不符', null),
      finding('提示', 'P4', '指标值不可衡量', null),
    ];
    const workbook = new ExcelJS.Workbook();
    addFindingsSheet(workbook, doc, findings);
    const sheet = await roundTrip(workbook);
    expect(sheet.getCell('A2').value).toBe('错误 1 项，提示 2 项（已说明 1 项）');
    const where = '表1 收入总计 2024年；情况说明 一 收支增减原因';
    expect([4, 5, 6].map((row) => rowValues(sheet, row))).toEqual([
      [1, '错误', 'B1', '表1 与表2 不符', where, ''],
      [2, '提示', 'C7', '车辆超编', where, '待处置车辆'],
      [3, '提示', 'P4', '指标值不可衡量', where, '未说明'],
    ]);
  });

  it('borders and wraps the table, repeats its header on every printed page, landscape A4 one page wide', async () => {
    const doc = sampleDocument();
    const findings = checkDocument(doc);
    const workbook = new ExcelJS.Workbook();
    addFindingsSheet(workbook, doc, findings);
    expect(workbook.getWorksheet(FINDINGS_SHEET)?.pageSetup.printTitlesRow).toBe('3:3');
    const sheet = await roundTrip(workbook);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2']));
    for (let row = 3; row < 4 + findings.length; row++) {
      for (let col = 1; col <= 6; col++) {
        const cell = sheet.getCell(row, col);
        expect(cell.border, cell.address).toMatchObject({
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        });
        expect(cell.font.name).toBe('宋体');
        if (row > 3) expect(cell.alignment.wrapText, cell.address).toBe(true);
      }
    }
    // A long message gets the lines it needs.
    const longest = findings.reduce((a, b) => (b.message.length > a.message.length ? b : a));
    const row = 4 + findings.indexOf(longest);
    expect(sheet.getRow(row).height).toBeGreaterThan(5 * 14);
  });
});
