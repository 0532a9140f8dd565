/**
 * The exported workbook: the thirteen tables, then the declarations, the current findings and the
 * document's other contents (so that a workbook imports back into the same document).
 */
import ExcelJS from 'exceljs';
import type { BudgetDocument } from '../document/schema';
import { FORM_IDS } from '../forms/types';
import { addTableSheet, tablePlaces } from './tables';

export function buildWorkbook(doc: BudgetDocument): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '部门预算编制助手';
  workbook.title = `${doc.department.name}${doc.year}年部门预算`;
  // Open on the first sheet, and have Excel compute formulas on opening.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const places = tablePlaces(doc);
  for (const id of FORM_IDS) addTableSheet(workbook, doc, id, places);
  return workbook;
}

/** The workbook as .xlsx bytes. */
export async function exportWorkbook(doc: BudgetDocument): Promise<Uint8Array> {
  const buffer = await buildWorkbook(doc).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
