/**
 * The exported workbook: the thirteen tables, the declarations, the current findings, and the
 * document's other contents (units, projects, texts), so that the workbook imports back into the same
 * document.
 */
import { documentTitle } from '../document/naming';
import ExcelJS from 'exceljs';
import type { Finding } from '../checks/types';
import type { BudgetDocument } from '../document/schema';
import { FORM_IDS } from '../forms/types';
import { addDeclarationSheets } from './declarations';
import { addFindingsSheet } from './findings';
import { addInfoSheets } from './info';
import { addTableSheet, tablePlaces } from './tables';

export function buildWorkbook(doc: BudgetDocument, findings: readonly Finding[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '部门预算编制助手';
  workbook.title = documentTitle(doc);
  // Excel and WPS compute the formulas again on opening.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const places = tablePlaces(doc);
  for (const id of FORM_IDS) addTableSheet(workbook, doc, id, places);
  addDeclarationSheets(workbook, doc);
  addFindingsSheet(workbook, doc, findings);
  addInfoSheets(workbook, doc);
  return workbook;
}

/** The workbook as .xlsx bytes. */
export async function exportWorkbook(doc: BudgetDocument, findings: readonly Finding[]): Promise<Uint8Array> {
  const buffer = await buildWorkbook(doc, findings).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
