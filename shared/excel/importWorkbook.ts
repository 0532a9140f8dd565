/**
 * Reading a workbook back into a document: the units, projects and texts from the information sheets,
 * the amounts from the thirteen table sheets, the declarations from theirs. Everything the export wrote
 * comes back; what cannot be read is reported, never guessed. The totals the workbook states are checked
 * against what its rows add up to (the checks with stated values), as hand-filled workbooks go wrong.
 */
import { checkDocument } from '../checks/session';
import type { Finding } from '../checks/types';
import { emptyDocument } from '../document/create';
import { loadDocument } from '../document/file';
import { emptyCarryOver, emptyCurrent } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { readDeclarationSheets } from './declarations';
import { readTableSheets } from './importTables';
import { readInfoSheets, type InfoSheets } from './info';
import { ImportError, type ImportProblem } from './problems';
import { openWorkbook } from './safeOpen';

export interface ImportResult {
  readonly document: BudgetDocument;
  /** What could not be read (or was read but needs a look: a number stored as text). */
  readonly problems: readonly ImportProblem[];
  /** The checks on the document read, the workbook's stated totals included. */
  readonly findings: readonly Finding[];
}

/** Imports .xlsx bytes. Throws ImportError when the file cannot be read at all. */
export async function importWorkbook(bytes: Uint8Array): Promise<ImportResult> {
  const workbook = await openWorkbook(bytes);
  const info = readInfoSheets(workbook);
  if (!info.info) {
    throw new ImportError(
      `无法读入：${info.problems.map((p) => [p.sheet, p.cell, p.reason].filter((s) => s !== '').join(' ')).join('；')}`,
    );
  }
  const base = baseDocument(info.info);
  const tables = readTableSheets(workbook, base);
  const declarations = readDeclarationSheets(workbook, tables.document);
  const read: BudgetDocument = {
    ...tables.document,
    projects: tables.document.projects.map((p) => ({
      ...p,
      declaration: declarations.projects.get(p.id) ?? null,
    })),
    performance: { overall: declarations.overall ?? tables.document.performance.overall },
  };
  // The result must be a valid document: the same schema every file is loaded with.
  const loaded = loadDocument(read);
  if (!loaded.ok) {
    throw new ImportError(
      `读入的内容不是有效的预算文件：${loaded.problems.map((p) => `${p.where}：${p.expected}`).join('；')}`,
    );
  }
  const findings = checkDocument(loaded.document, { stated: tables.stated });
  return {
    document: loaded.document,
    problems: [...info.problems, ...tables.problems, ...declarations.problems],
    findings,
  };
}

/** The document the information sheets describe, before the tables' amounts are read into it. */
function baseDocument(info: InfoSheets): BudgetDocument {
  const empty = emptyDocument(info.department.name, info.year);
  return {
    ...empty,
    department: info.department,
    coverDate: info.coverDate,
    units: info.units,
    overview: info.overview,
    tables: { ...empty.tables, t7: { source: info.t7Source, rows: [] } },
    projects: info.projects.map((p) => ({
      id: p.id,
      name: p.name,
      unitId: p.unitId,
      category: p.category,
      functionCode: p.functionCode,
      current: p.inCurrent ? emptyCurrent() : null,
      carryOver: p.inCarryOver ? emptyCarryOver() : null,
      declaration: null,
    })),
    emptyTableNotes: info.emptyTableNotes,
    narrative: info.narrative,
    glossary: info.glossary,
    explanations: info.explanations,
  };
}
