/**
 * The catalogs by budget year, and lookups over them. A year without its own catalog uses the latest
 * earlier one (or the earliest, for years before it), so a document of any year opens.
 */
import { functionSubjects2024 } from './2024/functionSubjects';
import {
  departmentEconomic2024,
  economicMapping2024,
  governmentEconomic2024,
  personnelClasses2024,
  publicClasses2024,
} from './2024/economic';
import type { CatalogLine, CatalogSet } from './types';
import type { UnitType } from '../document/schema';

export type { CatalogLine, CatalogSet } from './types';

const CATALOG_2024: CatalogSet = {
  year: 2024,
  functionSubjects: functionSubjects2024,
  departmentEconomic: departmentEconomic2024,
  governmentEconomic: governmentEconomic2024,
  economicMapping: economicMapping2024,
  personnelClasses: personnelClasses2024,
  publicClasses: publicClasses2024,
};

/** Every catalog set, newest first. */
const CATALOG_SETS: readonly CatalogSet[] = [CATALOG_2024];
const EARLIEST = CATALOG_2024;

/** A catalog set with indexes for lookups. */
export interface Catalog {
  readonly set: CatalogSet;
  /** The budget year this catalog was published for (may differ from the document's year). */
  readonly year: number;
  functionName(code: string): string | undefined;
  departmentEconomicName(code: string): string | undefined;
  governmentEconomicName(code: string): string | undefined;
  /** The 政府经济 款 a 部门经济 款 maps to for a unit of this type. */
  governmentCodeFor(departmentCode: string, unitType: UnitType): string | undefined;
  /** The 30 (in 2024) 功能 类, in order, as 表1 and 表4 list them. */
  readonly functionClasses: readonly CatalogLine[];
  /** The 项 under a 类 or 款 code (or all 项 when no code is given), in order. */
  functionItems(prefix?: string): readonly CatalogLine[];
  isPersonnelClass(economicCode: string): boolean;
  isPublicClass(economicCode: string): boolean;
}

const built = new Map<number, Catalog>();

export function catalogFor(year: number): Catalog {
  const set = CATALOG_SETS.find((candidate) => candidate.year <= year) ?? EARLIEST;
  let catalog = built.get(set.year);
  if (!catalog) {
    catalog = buildCatalog(set);
    built.set(set.year, catalog);
  }
  return catalog;
}

function buildCatalog(set: CatalogSet): Catalog {
  const functionNames = new Map(set.functionSubjects);
  const departmentNames = new Map(set.departmentEconomic);
  const governmentNames = new Map(set.governmentEconomic);
  const mapping = new Map(set.economicMapping.map(([dept, admin, inst]) => [dept, { admin, inst }]));
  const items = set.functionSubjects.filter(([code]) => code.length === 7);
  const classOf = (code: string) => code.slice(0, 3);
  return {
    set,
    year: set.year,
    functionName: (code) => functionNames.get(code),
    departmentEconomicName: (code) => departmentNames.get(code),
    governmentEconomicName: (code) => governmentNames.get(code),
    governmentCodeFor: (code, unitType) => {
      const line = mapping.get(code);
      return unitType === '事业' ? line?.inst : line?.admin;
    },
    functionClasses: set.functionSubjects.filter(([code]) => code.length === 3),
    functionItems: (prefix = '') => items.filter(([code]) => code.startsWith(prefix)),
    isPersonnelClass: (code) => set.personnelClasses.includes(classOf(code)),
    isPublicClass: (code) => set.publicClasses.includes(classOf(code)),
  };
}
