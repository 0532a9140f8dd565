/**
 * Editing the texts of the document outside the tables: the department and cover (封面), the overview
 * (第一部分 部门概况: 职责, 机构设置), units' names and types, and the glossary (名词解释). Pure
 * functions returning the new document and the change to give the check session.
 */
import type { DocumentChange } from '../checks/session';
import type { BudgetDocument, Unit } from './schema';

export interface TextEdit {
  readonly doc: BudgetDocument;
  readonly change: DocumentChange;
}

/** Form titles carry the department's name: everything is laid out and checked again. */
const STRUCTURE: DocumentChange = { kind: 'structure' };
const OVERVIEW: DocumentChange = { kind: 'areas', areas: ['overview'] };
const GLOSSARY: DocumentChange = { kind: 'areas', areas: ['glossary'] };

export function setDepartmentName(doc: BudgetDocument, name: string): TextEdit {
  return { doc: { ...doc, department: { ...doc.department, name: name.trim() } }, change: STRUCTURE };
}

export function setDepartmentCode(doc: BudgetDocument, code: string): TextEdit {
  return { doc: { ...doc, department: { ...doc.department, code: code.trim() } }, change: STRUCTURE };
}

/** 封面日期, e.g. 2024年2月. The checks compare its year with the budget year. */
export function setCoverDate(doc: BudgetDocument, coverDate: string): TextEdit {
  return {
    doc: { ...doc, coverDate: coverDate.trim() },
    change: { kind: 'areas', areas: ['department', 'overview'] },
  };
}

/** A list typed one item a line (部门职责, a declaration's goals): each line trimmed, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** 部门职责: one responsibility per line; blank lines are dropped. */
export function setResponsibilities(doc: BudgetDocument, text: string): TextEdit {
  const responsibilities = linesOf(text);
  return { doc: { ...doc, overview: { ...doc.overview, responsibilities } }, change: OVERVIEW };
}

/** 机构设置. */
export function setOrganization(doc: BudgetDocument, organization: string): TextEdit {
  return { doc: { ...doc, overview: { ...doc.overview, organization } }, change: OVERVIEW };
}

/** A unit's name or type: both appear in tables (表11) and declarations, so everything is redone. */
export function setUnit(
  doc: BudgetDocument,
  id: string,
  patch: Partial<Pick<Unit, 'name' | 'type'>>,
): TextEdit {
  const units = doc.units.map((unit) =>
    unit.id === id
      ? {
          ...unit,
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.type ? { type: patch.type } : {}),
        }
      : unit,
  );
  return { doc: { ...doc, units }, change: STRUCTURE };
}

export function setGlossaryEntry(
  doc: BudgetDocument,
  index: number,
  patch: Partial<BudgetDocument['glossary'][number]>,
): TextEdit {
  const glossary = doc.glossary.map((entry, i) => (i === index ? { ...entry, ...patch } : entry));
  return { doc: { ...doc, glossary }, change: GLOSSARY };
}

/** A blank entry at `at` (the end when omitted). */
export function addGlossaryEntry(doc: BudgetDocument, at = doc.glossary.length): TextEdit {
  const glossary = [...doc.glossary];
  glossary.splice(at, 0, { term: '', definition: '' });
  return { doc: { ...doc, glossary }, change: GLOSSARY };
}

export function removeGlossaryEntry(doc: BudgetDocument, index: number): TextEdit {
  return { doc: { ...doc, glossary: doc.glossary.filter((_, i) => i !== index) }, change: GLOSSARY };
}
