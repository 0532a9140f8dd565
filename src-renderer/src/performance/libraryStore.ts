/**
 * The accountant's own indicators (指标库), kept in this computer's localStorage next to the built-in
 * DEFAULT_INDICATOR_LIBRARY: stored as the JSON array parseIndicatorLibrary reads, checked on load. A bad
 * stored value is not used (the built-in library alone is), and is left as it is until the user saves.
 *
 * The only place that touches the storage; components read it through useIndicatorLibrary().
 */
import { useSyncExternalStore } from 'react';
import {
  DEFAULT_INDICATOR_LIBRARY,
  parseIndicatorLibrary,
  type IndicatorTemplate,
} from '../../../shared/declarations/edit';

export const LIBRARY_KEY = 'budget-assistant:indicator-library';

export interface IndicatorLibrary {
  /** The built-in templates, then the user's. */
  readonly all: readonly IndicatorTemplate[];
  /** The user's own templates (those that can be removed). */
  readonly own: ReadonlySet<IndicatorTemplate>;
  /** Why the stored library could not be used, when it could not. */
  readonly problem: string | null;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function load(): IndicatorLibrary {
  let own: readonly IndicatorTemplate[] = [];
  let problem: string | null = null;
  try {
    const text = localStorage.getItem(LIBRARY_KEY);
    if (text !== null) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
        problem = '本机指标库不是有效的 JSON';
      }
      if (problem === null) {
        const parsed = parseIndicatorLibrary(json);
        if (parsed.ok) own = parsed.library;
        else problem = parsed.message;
      }
    }
  } catch (error) {
    problem = `无法读取本机指标库（${describe(error)}）`;
  }
  if (problem !== null) problem = `${problem}。已改用内置指标库；再存入指标时将重写本机指标库。`;
  return make(own, problem);
}

function make(own: readonly IndicatorTemplate[], problem: string | null): IndicatorLibrary {
  return { all: [...DEFAULT_INDICATOR_LIBRARY, ...own], own: new Set(own), problem };
}

let current: IndicatorLibrary | null = null;
const listeners = new Set<() => void>();

function snapshot(): IndicatorLibrary {
  return (current ??= load());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Saves the user's templates (none: the key is removed). Returns why it failed, or null. */
function save(own: readonly IndicatorTemplate[]): string | null {
  const parsed = own.length === 0 ? null : parseIndicatorLibrary(own);
  if (parsed && !parsed.ok) return parsed.message;
  try {
    if (own.length === 0) localStorage.removeItem(LIBRARY_KEY);
    else localStorage.setItem(LIBRARY_KEY, JSON.stringify(own));
  } catch (error) {
    return `无法保存指标库（${describe(error)}）`;
  }
  current = make(own, null);
  for (const listener of listeners) listener();
  return null;
}

const same = (a: IndicatorTemplate, b: IndicatorTemplate) =>
  a.level1 === b.level1 && a.level2 === b.level2 && a.name === b.name && a.value === b.value;

/** What came of a change to the library, as a message for the status bar. */
export interface LibraryChange {
  readonly ok: boolean;
  readonly text: string;
}

/** Adds a template to the user's library (a row of a grid: its four columns, trimmed). */
export function addToLibrary(template: IndicatorTemplate): LibraryChange {
  const entry: IndicatorTemplate = {
    level1: template.level1,
    level2: template.level2,
    name: template.name.trim(),
    value: template.value.trim(),
  };
  if (entry.name === '') return { ok: false, text: '三级指标名称为空，不能存入指标库' };
  const library = snapshot();
  if (library.all.some((t) => same(t, entry))) {
    return { ok: true, text: `指标库中已有“${entry.name}”（${entry.value || '无指标值'}）` };
  }
  const failure = save([...library.own, entry]);
  return failure ? { ok: false, text: failure } : { ok: true, text: `已存入指标库：${entry.name}` };
}

/** Removes one of the user's templates (built-in ones stay). */
export function removeFromLibrary(template: IndicatorTemplate): LibraryChange {
  const library = snapshot();
  if (!library.own.has(template)) return { ok: false, text: '内置指标不能删除' };
  const failure = save([...library.own].filter((t) => t !== template));
  return failure ? { ok: false, text: failure } : { ok: true, text: `已从指标库删除：${template.name}` };
}

export function useIndicatorLibrary(): IndicatorLibrary {
  return useSyncExternalStore(subscribe, snapshot);
}
