/**
 * Finding a row by its key without scanning: each rows array is indexed once (key → position). Rows
 * arrays are immutable, so an index stays valid for as long as its array lives, and an edit that makes a
 * new array with the same keys in the same order (one amount changed) hands the index on to it — so a
 * keystroke does not re-index a table of 2,000 projects.
 *
 * One rows array always has one kind of key (a 功能 code, a project id, …).
 */
import type { BudgetDocument, Project } from './schema';

const positions = new WeakMap<readonly object[], ReadonlyMap<string, number>>();

/** key → position in `rows`, built on first use. */
export function positionsOf<R extends object>(
  rows: readonly R[],
  key: (row: R) => string,
): ReadonlyMap<string, number> {
  let index = positions.get(rows);
  if (!index) {
    index = new Map(rows.map((row, i) => [key(row), i]));
    positions.set(rows, index);
  }
  return index;
}

/** `next` has the rows of `old` with the same keys in the same order: it takes over its index. */
export function handOn<R extends object>(old: readonly R[], next: R[]): R[] {
  const index = positions.get(old);
  if (index) positions.set(next, index);
  return next;
}

export function projectById(doc: BudgetDocument, id: string): Project | undefined {
  const at = positionsOf(doc.projects, (p) => p.id).get(id);
  return at === undefined ? undefined : doc.projects[at];
}
