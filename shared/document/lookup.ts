/**
 * Lookups by id that checks and views make many times over: indexed once per list (documents are
 * immutable, so an index stays valid for as long as its list lives).
 */
import type { BudgetDocument, Project, Unit } from './schema';

const projectIndexes = new WeakMap<readonly Project[], ReadonlyMap<string, Project>>();
const unitIndexes = new WeakMap<readonly Unit[], ReadonlyMap<string, Unit>>();

function indexed<T extends { id: string }>(
  cache: WeakMap<readonly T[], ReadonlyMap<string, T>>,
  list: readonly T[],
) {
  let index = cache.get(list);
  if (!index) {
    index = new Map(list.map((item) => [item.id, item]));
    cache.set(list, index);
  }
  return index;
}

export function projectById(doc: BudgetDocument, id: string): Project | undefined {
  return indexed(projectIndexes, doc.projects).get(id);
}

export function unitById(doc: BudgetDocument, id: string): Unit | undefined {
  return indexed(unitIndexes, doc.units).get(id);
}
