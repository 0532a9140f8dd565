/**
 * What a budget document is called: in file names, window titles, the workbook's title and its
 * sheets' headings.
 */
import type { BudgetDocument } from './schema';

/** `新绛县教育局2025年部门预算`; a document without a department name is 未命名部门's. */
export function documentTitle(doc: BudgetDocument): string {
  const department = doc.department.name.trim();
  return `${department === '' ? '未命名部门' : department}${doc.year}年部门预算`;
}
