/**
 * Where a typed amount lives in the document. Every editable cell of every form points at exactly one
 * input; the grid writes through `setInput`, the checker and the incremental re-check read `getInput`.
 */
import type { Amount } from '../money';
import {
  economicRowKey,
  FISCAL_SOURCES,
  INCOME_SOURCES,
  THREE_PUBLIC_ITEMS,
  type BudgetDocument,
  type Project,
} from './schema';

/** The typed collections: one per table whose rows hold typed amounts. */
export const INPUT_COLLECTIONS = [
  't2',
  't3',
  't5',
  't6',
  't7',
  't8',
  't9Income',
  't9',
  't10',
  't11',
  't12',
  't13',
] as const;
export type InputCollection = (typeof INPUT_COLLECTIONS)[number];

/** One typed amount: the collection, the row's key there, and the field. */
export interface InputRef {
  readonly collection: InputCollection;
  readonly key: string;
  readonly field: string;
}

export function inputKey(ref: InputRef): string {
  return `${ref.collection}/${ref.key}/${ref.field}`;
}

const FIELDS: Record<InputCollection, readonly string[]> = {
  t2: [...INCOME_SOURCES, 'carryOver'],
  t3: ['basic', 'project'],
  t5: ['basic', 'project'],
  t6: ['personnel', 'public'],
  t7: ['amount'],
  t8: ['basic', 'project'],
  t9Income: ['amount'],
  t9: ['basic', 'project'],
  t10: FISCAL_SOURCES,
  t11: FISCAL_SOURCES,
  t12: INCOME_SOURCES,
  t13: FISCAL_SOURCES,
};

export function isInputField(collection: InputCollection, field: string): boolean {
  return FIELDS[collection].includes(field);
}

type AmountRecord = Readonly<Record<string, Amount>>;

/** The rows of a collection as key → record of amounts. */
function rowsOf(doc: BudgetDocument, collection: InputCollection): ReadonlyMap<string, AmountRecord> {
  const t = doc.tables;
  switch (collection) {
    case 't2':
    case 't3':
    case 't5':
    case 't8':
      return new Map(t[collection].rows.map((r) => [r.functionCode, r]));
    case 't7':
      return new Map(t.t7.rows.map((r) => [r.functionCode, r]));
    case 't9Income':
      return new Map(t.t9.incomeRows.map((r) => [r.functionCode, r]));
    case 't9':
      return new Map(t.t9.rows.map((r) => [r.functionCode, r]));
    case 't6':
      return new Map(t.t6.rows.map((r) => [economicRowKey(r), r]));
    case 't10':
      return new Map(t.t10.rows.map((r) => [r.item, r]));
    case 't11':
      return new Map(t.t11.rows.map((r) => [r.unitId, r]));
    case 't12':
      return new Map(doc.projects.flatMap((p) => (p.current ? [[p.id, p.current] as const] : [])));
    case 't13':
      return new Map(doc.projects.flatMap((p) => (p.carryOver ? [[p.id, p.carryOver] as const] : [])));
  }
}

/** Row indexes per document (documents are immutable, so an index stays valid for its document). */
const indexes = new WeakMap<BudgetDocument, Map<InputCollection, ReadonlyMap<string, AmountRecord>>>();

/** The rows of a collection, indexed once per document. */
export function inputRows(
  doc: BudgetDocument,
  collection: InputCollection,
): ReadonlyMap<string, AmountRecord> {
  let byCollection = indexes.get(doc);
  if (!byCollection) {
    byCollection = new Map();
    indexes.set(doc, byCollection);
  }
  let rows = byCollection.get(collection);
  if (!rows) {
    rows = rowsOf(doc, collection);
    byCollection.set(collection, rows);
  }
  return rows;
}

/** The stored amount ('' for blank); undefined when the row does not exist. */
export function getInput(doc: BudgetDocument, ref: InputRef): Amount | undefined {
  const stored = inputRows(doc, ref.collection).get(ref.key)?.[ref.field];
  // 表10's four items are always there, stored or not.
  if (
    stored === undefined &&
    ref.collection === 't10' &&
    isThreePublicItem(ref.key) &&
    isInputField('t10', ref.field)
  ) {
    return '';
  }
  return stored;
}

function isThreePublicItem(key: string): boolean {
  return (THREE_PUBLIC_ITEMS as readonly string[]).includes(key);
}

export class InputError extends Error {}

/**
 * Returns a new document with one typed amount changed. The row must exist, except in 表10 (four fixed
 * items) and 表12/13 (an existing project enters the table), where it is created.
 */
export function setInput(doc: BudgetDocument, ref: InputRef, value: Amount): BudgetDocument {
  if (!isInputField(ref.collection, ref.field)) {
    throw new InputError(`${ref.collection} 没有可填写的字段 ${ref.field}`);
  }
  const patch = <T extends object>(row: T): T => ({ ...row, [ref.field]: value });
  const t = doc.tables;
  const replace = <R>(rows: readonly R[], key: (row: R) => string): R[] => {
    const index = rows.findIndex((row) => key(row) === ref.key);
    if (index < 0) throw new InputError(`${ref.collection} 中没有行 ${ref.key}`);
    return rows.map((row, i) => (i === index ? patch(row as R & object) : row));
  };
  const tables = (next: Partial<BudgetDocument['tables']>): BudgetDocument => ({
    ...doc,
    tables: { ...t, ...next },
  });
  switch (ref.collection) {
    case 't2':
      return tables({ t2: { rows: replace(t.t2.rows, (r) => r.functionCode) } });
    case 't3':
    case 't5':
    case 't8':
      return tables({ [ref.collection]: { rows: replace(t[ref.collection].rows, (r) => r.functionCode) } });
    case 't7':
      return tables({ t7: { ...t.t7, rows: replace(t.t7.rows, (r) => r.functionCode) } });
    case 't9Income':
      return tables({ t9: { ...t.t9, incomeRows: replace(t.t9.incomeRows, (r) => r.functionCode) } });
    case 't9':
      return tables({ t9: { ...t.t9, rows: replace(t.t9.rows, (r) => r.functionCode) } });
    case 't6':
      return tables({ t6: { rows: replace(t.t6.rows, economicRowKey) } });
    case 't11':
      return tables({ t11: { rows: replace(t.t11.rows, (r) => r.unitId) } });
    case 't10': {
      const item = THREE_PUBLIC_ITEMS.find((i) => i === ref.key);
      if (!item) throw new InputError(`表10 没有项目 ${ref.key}`);
      const exists = t.t10.rows.some((r) => r.item === item);
      const rows = exists
        ? replace(t.t10.rows, (r) => r.item)
        : [...t.t10.rows, patch({ item, generalBudget: '', governmentFund: '', stateCapital: '' })];
      return tables({ t10: { rows } });
    }
    case 't12':
      return patchProject(doc, ref.key, (p) => ({ ...p, current: patch(p.current ?? emptyCurrent()) }));
    case 't13':
      return patchProject(doc, ref.key, (p) => ({ ...p, carryOver: patch(p.carryOver ?? emptyCarryOver()) }));
  }
}

function patchProject(doc: BudgetDocument, id: string, change: (p: Project) => Project): BudgetDocument {
  if (!doc.projects.some((p) => p.id === id)) throw new InputError(`没有编号为 ${id} 的项目`);
  return { ...doc, projects: doc.projects.map((p) => (p.id === id ? change(p) : p)) };
}

export function emptyCurrent(): NonNullable<Project['current']> {
  return { generalBudget: '', governmentFund: '', stateCapital: '', specialAccount: '', unitFunds: '' };
}

export function emptyCarryOver(): NonNullable<Project['carryOver']> {
  return { generalBudget: '', governmentFund: '', stateCapital: '' };
}
