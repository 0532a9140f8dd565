import { useEffect } from 'react';
import { prepareCatalogSearch, type CatalogSearchKind } from '../../../shared/catalogs/search';

/**
 * Builds a catalog's search index in the task after a picker opens, while the accountant starts to
 * type: built on the first keystroke instead, it held that keystroke 130–220 ms (the 功能 index, with
 * the pinyin of every name). Built once per catalog; a picker opened later finds it ready.
 */
export function usePreparedCatalogSearch(year: number, kind: CatalogSearchKind = 'function'): void {
  useEffect(() => {
    const timer = setTimeout(() => prepareCatalogSearch(year, kind), 0);
    return () => clearTimeout(timer);
  }, [year, kind]);
}
