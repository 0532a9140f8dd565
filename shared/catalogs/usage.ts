/**
 * Codes and names the document uses that the year's catalog does not know, or names differently. They
 * are accepted (a department may use a code the catalog lacks), and reported: the checks (B8) turn them
 * into findings, `validate` prints them.
 */
import type { BudgetDocument } from '../document/schema';
import { catalogFor } from './index';

export interface CatalogWarning {
  readonly kind: 'unknown-code' | 'other-name';
  /** The table's collection ('t2', 't6', 'projects', …). */
  readonly collection: string;
  readonly code: string;
  readonly message: string;
}

const FUNCTION_TABLES = [
  ['t2', '表2'],
  ['t3', '表3'],
  ['t5', '表5'],
  ['t7', '表7'],
  ['t8', '表8'],
  ['t9', '表9（支出）'],
  ['t9Income', '表9（收入）'],
] as const;

export function catalogWarnings(doc: BudgetDocument): CatalogWarning[] {
  const catalog = catalogFor(doc.year);
  const warnings: CatalogWarning[] = [];
  const year = `${catalog.year}年支出功能分类`;
  for (const [collection, label] of FUNCTION_TABLES) {
    const rows =
      collection === 't9Income'
        ? doc.tables.t9.incomeRows
        : collection === 't7'
          ? doc.tables.t7.rows
          : doc.tables[collection].rows;
    for (const row of rows) {
      const official = catalog.functionName(row.functionCode);
      if (official === undefined) {
        warnings.push({
          kind: 'unknown-code',
          collection,
          code: row.functionCode,
          message: `${label} 科目 ${row.functionCode}“${row.name}”不在${year}中`,
        });
      } else if (row.name !== '' && row.name !== official) {
        warnings.push({
          kind: 'other-name',
          collection,
          code: row.functionCode,
          message: `${label} 科目 ${row.functionCode} 名为“${row.name}”，${year}中为“${official}”`,
        });
      }
    }
  }
  for (const project of doc.projects) {
    if (project.functionCode !== '' && catalog.functionName(project.functionCode) === undefined) {
      warnings.push({
        kind: 'unknown-code',
        collection: 'projects',
        code: project.functionCode,
        message: `项目“${project.name}”的功能科目 ${project.functionCode} 不在${year}中`,
      });
    }
  }
  for (const row of doc.tables.t6.rows) {
    if (catalog.departmentEconomicName(row.departmentCode) === undefined) {
      warnings.push({
        kind: 'unknown-code',
        collection: 't6',
        code: row.departmentCode,
        message: `表6 部门预算支出经济科目 ${row.departmentCode} 不在${catalog.year}年经济分类中`,
      });
    }
    if (catalog.governmentEconomicName(row.governmentCode) === undefined) {
      warnings.push({
        kind: 'unknown-code',
        collection: 't6',
        code: row.governmentCode,
        message: `表6 政府预算支出经济科目 ${row.governmentCode} 不在${catalog.year}年经济分类中`,
      });
    }
  }
  return warnings;
}
