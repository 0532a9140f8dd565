/**
 * Where a typed amount lives in the document. Every editable cell of every form points at exactly one
 * input; the grid writes through `setInput`, the checker and the incremental re-check read `getInput`.
 */
import { amountValue, type Amount, type Decimal } from '../money';
import {
  economicRowKey,
  FISCAL_SOURCES,
  INCOME_SOURCES,
  THREE_PUBLIC_ITEMS,
  type BudgetDocument,
  type Project,
} from './schema';
import { handOn, positionsOf } from './lookup';

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

/** A collection as stored: its rows, each row's key, and the row's amounts (null: not in this table). */
interface Collection {
  readonly rows: (doc: BudgetDocument) => readonly object[];
  readonly key: (row: object) => string;
  readonly amounts: (row: object) => AmountRecord | null;
}

/** A collection of rows that are themselves records of amounts, keyed by one of their fields. */
function rowsKeyedBy<R extends object>(
  rows: (doc: BudgetDocument) => readonly R[],
  key: (row: R) => string,
): Collection {
  return {
    rows,
    key: (row) => key(row as R),
    amounts: (row) => row as AmountRecord,
  };
}

const byCode = (row: { functionCode: string }) => row.functionCode;

const COLLECTIONS: Record<InputCollection, Collection> = {
  t2: rowsKeyedBy((doc) => doc.tables.t2.rows, byCode),
  t3: rowsKeyedBy((doc) => doc.tables.t3.rows, byCode),
  t5: rowsKeyedBy((doc) => doc.tables.t5.rows, byCode),
  t6: rowsKeyedBy((doc) => doc.tables.t6.rows, economicRowKey),
  t7: rowsKeyedBy((doc) => doc.tables.t7.rows, byCode),
  t8: rowsKeyedBy((doc) => doc.tables.t8.rows, byCode),
  t9Income: rowsKeyedBy((doc) => doc.tables.t9.incomeRows, byCode),
  t9: rowsKeyedBy((doc) => doc.tables.t9.rows, byCode),
  t10: rowsKeyedBy(
    (doc) => doc.tables.t10.rows,
    (row) => row.item,
  ),
  t11: rowsKeyedBy(
    (doc) => doc.tables.t11.rows,
    (row) => row.unitId,
  ),
  // 表12 and 表13 are the projects that have current-year amounts, or carry-over.
  t12: { rows: (doc) => doc.projects, key: (p) => (p as Project).id, amounts: (p) => (p as Project).current },
  t13: {
    rows: (doc) => doc.projects,
    key: (p) => (p as Project).id,
    amounts: (p) => (p as Project).carryOver,
  },
};

/** The amounts of a row of a collection; undefined when there is no such row. */
function recordOf(doc: BudgetDocument, collection: InputCollection, key: string): AmountRecord | undefined {
  const c = COLLECTIONS[collection];
  const rows = c.rows(doc);
  const at = positionsOf(rows, c.key).get(key);
  const row = at === undefined ? undefined : rows[at];
  return (row && c.amounts(row)) ?? undefined;
}

/**
 * The stored amounts of the row an input is in (undefined when there is no such row): for reading
 * several fields of one row with one lookup.
 */
export function inputRecord(
  doc: BudgetDocument,
  ref: Pick<InputRef, 'collection' | 'key'>,
): AmountRecord | undefined {
  return recordOf(doc, ref.collection, ref.key);
}

/** The keys of a collection's rows, in order. */
export function inputKeys(doc: BudgetDocument, collection: InputCollection): string[] {
  const c = COLLECTIONS[collection];
  return c.rows(doc).flatMap((row) => (c.amounts(row) ? [c.key(row)] : []));
}

/** The stored amount ('' for blank); undefined when the row does not exist. */
export function getInput(doc: BudgetDocument, ref: InputRef): Amount | undefined {
  const stored = recordOf(doc, ref.collection, ref.key)?.[ref.field];
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

/**
 * Reads many typed amounts of one document (a full check reads every one): each collection's rows and
 * their index (positionsOf: one per rows array, shared with every other lookup and kept by the next
 * version of the document while its keys stay the same) are found once, instead of on every read.
 * Reads as getInput does.
 */
export class InputReader {
  private readonly indexed = new Map<InputCollection, IndexedRows>();
  /**
   * Amounts read, by their text: a budget types the same amount in several tables (表2, 表3, 表5 … agree
   * by design), so most are parsed once (at 100×, 1,192 distinct of 4,888). decimal.js values are
   * immutable: cells may share one.
   */
  private readonly parsed = new Map<Amount, Decimal | null>();

  constructor(private readonly doc: BudgetDocument) {}

  /** The typed amount as a value; null when blank (or not typed). */
  amount(ref: InputRef): Decimal | null {
    return this.amountOf(ref.collection, ref.key, ref.field);
  }

  /** The same, of a field of a stored row named by its parts (no InputRef made for each read). */
  amountOf(collection: InputCollection, key: string, field: string): Decimal | null {
    const stored = this.stored(collection, key, field);
    if (stored === undefined) return null;
    let value = this.parsed.get(stored);
    if (value === undefined) {
      value = amountValue(stored);
      this.parsed.set(stored, value);
    }
    return value;
  }

  /** The stored amount ('' for blank); undefined when the row does not exist (as getInput reads it). */
  stored(collection: InputCollection, key: string, field: string): Amount | undefined {
    let found = this.indexed.get(collection);
    if (!found) {
      const c = COLLECTIONS[collection];
      const rows = c.rows(this.doc);
      found = { rows, at: positionsOf(rows, c.key), amounts: c.amounts };
      this.indexed.set(collection, found);
    }
    const at = found.at.get(key);
    const row = at === undefined ? undefined : found.rows[at];
    const stored = row && found.amounts(row)?.[field];
    return stored === undefined ? getInput(this.doc, { collection, key, field }) : stored;
  }
}

interface IndexedRows {
  readonly rows: readonly object[];
  readonly at: ReadonlyMap<string, number>;
  readonly amounts: Collection['amounts'];
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
  const replace = <R extends object>(rows: readonly R[], key: (row: R) => string): R[] => {
    const index = positionsOf(rows, key).get(ref.key);
    if (index === undefined) throw new InputError(`${ref.collection} 中没有行 ${ref.key}`);
    return handOn(
      rows,
      rows.map((row, i) => (i === index ? patch(row) : row)),
    );
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
  const index = positionsOf(doc.projects, (p) => p.id).get(id);
  if (index === undefined) throw new InputError(`没有编号为 ${id} 的项目`);
  return {
    ...doc,
    projects: handOn(
      doc.projects,
      doc.projects.map((p, i) => (i === index ? change(p) : p)),
    ),
  };
}

export function emptyCurrent(): NonNullable<Project['current']> {
  return { generalBudget: '', governmentFund: '', stateCapital: '', specialAccount: '', unitFunds: '' };
}

export function emptyCarryOver(): NonNullable<Project['carryOver']> {
  return { generalBudget: '', governmentFund: '', stateCapital: '' };
}
