/**
 * The declarations in 第三部分 十 (placeholder until the grid layout lands).
 */
import type { Content } from 'pdfmake/interfaces';
import type { BudgetDocument } from '../document/schema';

export function declarationsContent(doc: BudgetDocument): Content[] {
  return doc.projects.flatMap((p) => (p.declaration ? [{ text: p.name }] : []));
}
