/**
 * The sheet 审核结果: the document's findings as the audit report lists them — 错误 first, each with its
 * rule, message, the cells it concerns and the 说明 given. Informational: import does not read it.
 */
import type ExcelJS from 'exceljs';
import { describeTarget, summarizeFindings } from '../checks/report';
import type { Finding } from '../checks/types';
import type { BudgetDocument } from '../document/schema';
import {
  addPrintedSheet,
  BORDER,
  FONT,
  ROW_HEIGHT,
  rowHeightFor,
  wrappedLines,
  writeHeaderRow,
  writeLine,
} from './style';

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
  const sheet = addPrintedSheet(workbook, FINDINGS_SHEET, {
    orientation: 'landscape',
    widths: COLUMNS.map(({ width }) => width),
    header: { first: HEADER_ROW, last: HEADER_ROW },
  });
  const last = COLUMNS.length;
  writeLine(sheet, 1, `${doc.department.name}${doc.year}年部门预算审核结果`, last, {
    title: true,
    height: 36,
  });
  writeLine(sheet, 2, summarizeFindings(findings), last, { horizontal: 'left', height: ROW_HEIGHT });
  writeHeaderRow(
    sheet,
    HEADER_ROW,
    COLUMNS.map(({ header }) => header),
  );
  sheet.getRow(HEADER_ROW).height = ROW_HEIGHT;

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
