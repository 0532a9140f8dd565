/**
 * The sheet 审核结果: the document's findings as the audit report lists them — 错误 first, each with its
 * rule, message, the cells it concerns and the 说明 given. Informational: import does not read it.
 */
import type ExcelJS from 'exceljs';
import { describeTarget, summarizeFindings } from '../checks/report';
import type { Finding } from '../checks/types';
import type { BudgetDocument } from '../document/schema';
import { rowHeightFor, wrappedLines } from './declarations';
import { A4, BORDER, mergeCells, FONT, MARGINS, footer } from './style';

export const FINDINGS_SHEET = '审核结果';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '级别', width: 7 },
  { header: '规则', width: 7 },
  { header: '问题', width: 62 },
  { header: '涉及单元格', width: 40 },
  { header: '说明', width: 26 },
] as const;

const HEADER_ROW = 3;

export function addFindingsSheet(
  workbook: ExcelJS.Workbook,
  doc: BudgetDocument,
  findings: readonly Finding[],
): void {
  const sheet = workbook.addWorksheet(FINDINGS_SHEET, {
    pageSetup: {
      // PaperSize is a const enum, which isolated modules cannot use: 9 is A4.
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: footer(), evenFooter: footer() },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
  });
  sheet.columns = COLUMNS.map(({ width }) => ({ width }));
  const last = COLUMNS.length;

  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, height: number) => {
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: row === 1 ? 'center' : 'left', vertical: 'middle' };
    mergeCells(sheet, row, 1, row, last);
    sheet.getRow(row).height = height;
  };
  line(1, `${doc.department.name}${doc.year}年部门预算审核结果`, { ...FONT, size: 16, bold: true }, 36);
  line(2, summarizeFindings(findings), FONT, 24);

  COLUMNS.forEach(({ header }, i) => {
    const cell = sheet.getCell(HEADER_ROW, i + 1);
    cell.value = header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDER;
  });
  sheet.getRow(HEADER_ROW).height = 24;

  const ordered = [
    ...findings.filter((f) => f.level === '错误'),
    ...findings.filter((f) => f.level === '提示'),
  ];
  ordered.forEach((finding, i) => {
    const where = [...new Set(finding.targets.map((target) => describeTarget(doc, target)))].join('；');
    const note = finding.level === '提示' ? (finding.explanation ?? '未说明') : '';
    const values = [i + 1, finding.level, finding.rule, finding.message, where, note];
    const row = HEADER_ROW + 1 + i;
    let lines = 1;
    values.forEach((value, c) => {
      const cell = sheet.getCell(row, c + 1);
      cell.value = value;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { horizontal: c < 3 ? 'center' : 'left', vertical: 'middle', wrapText: true };
      if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, COLUMNS[c]?.width ?? 0));
    });
    sheet.getRow(row).height = rowHeightFor(lines);
  });
}
