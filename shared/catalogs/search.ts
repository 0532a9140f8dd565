/**
 * Finding a catalog entry as the accountant types: by code prefix ("2010"), by name ("行政运行"), by pinyin
 * initials ("xzyx") or by (partly) full pinyin without tones ("xingzhengyunxing", "xingzyx"). Used when a
 * row is added to a table: 功能分类 项 for 表2/3/5/7/8/9, 部门经济分类 款 for 表6.
 *
 * Each catalog's search index (names, paths and the pinyin of every name) is built once, on the first
 * search, and kept for as long as the catalog lives; a keystroke then scans plain strings only. Measured
 * on the development machine: building the 2024 功能 index (1,325 项, with pinyin-pro's dictionary) takes
 * about 130 ms once (`prepareCatalogSearch` does it ahead: the app, when a picker opens); a search
 * then takes 0.1–1 ms.
 */
import { pinyin } from 'pinyin-pro';
import { catalogFor } from './index';
import type { CatalogLine, CatalogSet } from './types';

/**
 * What to search: 支出功能分类 项 (7 digits), 部门预算支出经济分类 款 or 政府预算支出经济分类 款 (5 digits).
 */
export type CatalogSearchKind = 'function' | 'departmentEconomic' | 'governmentEconomic';

/** How an entry matched, best first. */
export const MATCH_KINDS = ['code', 'codePrefix', 'name', 'initials', 'pinyin'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface CatalogSearchEntry {
  readonly code: string;
  readonly name: string;
  /** The names of the levels above: "一般公共服务支出 / 人大事务" (功能 项), "工资福利支出" (经济 款). */
  readonly path: string;
  readonly match: MatchKind;
}

export interface CatalogSearchResult {
  /** The best `limit` entries, best first. */
  readonly entries: readonly CatalogSearchEntry[];
  /** How many entries matched in all (more than `entries.length` when the list was cut). */
  readonly total: number;
}

export interface CatalogSearchOptions {
  /** Default: 'function'. */
  readonly kind?: CatalogSearchKind;
  /** At most this many entries (default 50). */
  readonly limit?: number;
  /** Codes to leave out, e.g. the rows the table already has. */
  readonly exclude?: ReadonlySet<string>;
}

export const DEFAULT_SEARCH_LIMIT = 50;

/** One searchable entry with its precomputed pinyin. */
interface IndexedEntry {
  readonly code: string;
  readonly name: string;
  /** The name as queries are compared with it: NFKC (（室） → (室)), lower case. */
  readonly plainName: string;
  readonly path: string;
  /** Position in catalog order (the tie-break). */
  readonly order: number;
  /**
   * The toneless readings of each Chinese character (or letter/digit) of the name, punctuation left out.
   * The first reading is the one the word context gives; polyphonic characters have the others after it,
   * so 差旅费 is found by "clf" (the context reading cha) and "chailvfei" alike.
   */
  readonly readings: readonly (readonly string[])[];
  /** Each character's possible first letters, e.g. "xh" for 行. */
  readonly initials: readonly string[];
  /** Every reading of every character, concatenated: a query must be a subsequence of it to match. */
  readonly letters: string;
}

interface SearchIndex {
  readonly entries: readonly IndexedEntry[];
}

const indexes = new WeakMap<CatalogSet, Map<CatalogSearchKind, SearchIndex>>();

/**
 * Searches the year's catalog (the one `catalogFor(year)` uses). An empty query finds nothing. Queries
 * of digits match codes; queries with Chinese characters match names; queries of letters match pinyin
 * (case-insensitive; spaces and apostrophes are ignored, v or u stand for ü).
 */
export function searchCatalog(
  year: number,
  query: string,
  options: CatalogSearchOptions = {},
): CatalogSearchResult {
  const { kind = 'function', limit = DEFAULT_SEARCH_LIMIT, exclude } = options;
  const index = indexFor(catalogFor(year).set, kind);
  const q = normalizeQuery(query);
  if (q === '') return { entries: [], total: 0 };

  const found: { entry: IndexedEntry; match: Match; rank: number }[] = [];
  const matcher = matcherFor(q);
  for (const entry of index.entries) {
    if (exclude?.has(entry.code)) continue;
    const match = matcher(entry);
    if (match) found.push({ entry, match, rank: MATCH_KINDS.indexOf(match.kind) });
  }
  found.sort((a, b) => a.rank - b.rank || a.match.score - b.match.score || a.entry.order - b.entry.order);
  const entries = found.slice(0, Math.max(0, limit)).map(({ entry, match }) => ({
    code: entry.code,
    name: entry.name,
    path: entry.path,
    match: match.kind,
  }));
  return { entries, total: found.length };
}

/** Builds the index of a catalog set now rather than on the first keystroke (optional). */
export function prepareCatalogSearch(year: number, kind: CatalogSearchKind = 'function'): void {
  indexFor(catalogFor(year).set, kind);
}

interface Match {
  readonly kind: MatchKind;
  /** Lower is better within one kind. */
  readonly score: number;
}

type Matcher = (entry: IndexedEntry) => Match | null;

/** Full-width digits, letters and brackets as half-width (NFKC), lower case, no spaces or apostrophes. */
function normalizeQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’]/g, '')
    .replace(/ü/g, 'v');
}

function matcherFor(q: string): Matcher {
  if (/^\d+$/.test(q)) {
    return (entry) =>
      entry.code === q
        ? { kind: 'code', score: 0 }
        : entry.code.startsWith(q)
          ? { kind: 'codePrefix', score: 0 }
          : null;
  }
  if (/^[a-z0-9]+$/.test(q)) return pinyinMatcher(q);
  return (entry) => {
    const at = entry.plainName.indexOf(q);
    if (at < 0) return null;
    // The name itself first, then names that start with the query, then the rest.
    return { kind: 'name', score: entry.plainName.length === q.length ? 0 : at === 0 ? 1 : 2 + at };
  };
}

/**
 * Initials ("xzyx": consecutive characters, each by one of its first letters) rank before full or mixed
 * pinyin ("xingzhengyunxing", "xingzyx": each character by its full reading or its initial, the last one
 * typed may be unfinished). Within a kind, a match over fewer characters, nearer the start, ranks first.
 */
function pinyinMatcher(q: string): Matcher {
  const spanOf = fullPinyinSpanner(q);
  return (entry) => {
    if (!isSubsequence(q, entry.letters)) return null;
    const initialsAt = initialsMatch(q, entry.initials);
    if (initialsAt >= 0) return { kind: 'initials', score: initialsAt };
    const span = spanOf(entry.readings);
    return span === null ? null : { kind: 'pinyin', score: span };
  };
}

function isSubsequence(q: string, text: string): boolean {
  let at = 0;
  for (const ch of q) {
    at = text.indexOf(ch, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/** The first character position from which the query's letters are the initials of consecutive characters. */
function initialsMatch(q: string, initials: readonly string[]): number {
  const last = initials.length - q.length;
  for (let start = 0; start <= last; start++) {
    let k = 0;
    while (k < q.length && (initials[start + k] ?? '').includes(q.charAt(k))) k++;
    if (k === q.length) return start;
  }
  return -1;
}

/**
 * For one query: the fewest characters (then the earliest start) over which it spells a name's pinyin,
 * each character by its full reading or its initial (z or zh, …), the last one possibly unfinished;
 * scored as span * 1000 + start, null when it does not. One memo buffer serves every name.
 */
function fullPinyinSpanner(q: string): (readings: readonly (readonly string[])[]) => number | null {
  const width = q.length + 1;
  const rests = Array.from({ length: width }, (_, pos) => q.slice(pos));
  let memo = new Int16Array(0);
  return (readings) => {
    const n = readings.length;
    if (memo.length < n * width) memo = new Int16Array(n * width * 2);
    else memo.fill(0, 0, n * width);
    // memo[char * width + pos]: how many characters from `char` on spell q[pos..];
    // 0 = not yet known, -1 = none, else count + 1.
    const need = (char: number, pos: number): number => {
      if (char === n) return -1;
      const slot = char * width + pos;
      const known = memo[slot] ?? 0;
      if (known !== 0) return known < 0 ? -1 : known - 1;
      let best = -1;
      const consider = (length: number) => {
        const rest = pos + length === q.length ? 0 : need(char + 1, pos + length);
        if (rest >= 0 && (best < 0 || rest + 1 < best)) best = rest + 1;
      };
      for (const reading of readings[char] ?? []) {
        if (q.charCodeAt(pos) !== reading.charCodeAt(0)) continue;
        if (q.startsWith(reading, pos)) consider(reading.length);
        else if ((rests[pos] ?? '').length < reading.length && reading.startsWith(rests[pos] ?? '')) {
          consider(q.length - pos); // the last syllable, still being typed
        }
        // zh, ch, sh may stand for the character as z, c, s do.
        if (reading.length > 2 && reading.charAt(1) === 'h' && 'zcs'.includes(reading.charAt(0))) {
          if (q.startsWith(reading.slice(0, 2), pos)) consider(2);
        }
        if (reading.length > 1) consider(1);
      }
      memo[slot] = best < 0 ? -1 : best + 1;
      return best;
    };
    let bestScore: number | null = null;
    for (let start = 0; start < n; start++) {
      const span = need(start, 0);
      if (span > 0 && (bestScore === null || span * 1000 + start < bestScore)) {
        bestScore = span * 1000 + start;
      }
    }
    return bestScore;
  };
}

function indexFor(set: CatalogSet, kind: CatalogSearchKind): SearchIndex {
  let byKind = indexes.get(set);
  if (!byKind) {
    byKind = new Map();
    indexes.set(set, byKind);
  }
  let index = byKind.get(kind);
  if (!index) {
    index =
      kind === 'function'
        ? buildIndex(set.functionSubjects, 7)
        : buildIndex(kind === 'departmentEconomic' ? set.departmentEconomic : set.governmentEconomic, 5);
    byKind.set(kind, index);
  }
  return index;
}

/** Entries of the given code length, each with the names of its ancestors (codes 3, 5 digits long). */
function buildIndex(lines: readonly CatalogLine[], length: number): SearchIndex {
  const names = new Map(lines);
  const items = lines.filter(([code]) => code.length === length);
  const readings = readingsOf(items.map(([, name]) => name));
  const entries = items.map(([code, name], order): IndexedEntry => {
    const path = [3, 5]
      .filter((prefix) => prefix < length)
      .map((prefix) => names.get(code.slice(0, prefix)) ?? '')
      .filter((part) => part !== '')
      .join(' / ');
    const nameReadings = readings[order] ?? [];
    return {
      code,
      name,
      plainName: normalizeQuery(name),
      path,
      order,
      readings: nameReadings,
      initials: nameReadings.map((options) => [...new Set(options.map((r) => r.charAt(0)))].join('')),
      letters: nameReadings.map((options) => options.join('')).join(''),
    };
  });
  return { entries };
}

const HAN = /^\p{Script=Han}$/u;

/**
 * For each name, per character: its toneless readings, the one its context gives first (pinyin-pro reads
 * words, so 行 in 行政 is xing and in 银行 hang), then the character's other readings; punctuation is left
 * out. All names go to pinyin-pro in one call, a line each (several times faster than a call per name);
 * a line break ends a word, so no word spans two names.
 */
function readingsOf(names: readonly string[]): string[][][] {
  const lines = names.map((name) => Array.from(name)); // by code point, as pinyin-pro reads them
  const joined = pinyin(names.join('\n'), { type: 'array', toneType: 'none' });
  const aligned = joined.length === lines.reduce((n, chars) => n + chars.length + 1, -1);
  const polyphonic = new Map<string, readonly string[]>();
  const others = (char: string): readonly string[] => {
    let readings = polyphonic.get(char);
    if (!readings) {
      readings = pinyin(char, { type: 'array', toneType: 'none', multiple: true }).map(toneless);
      polyphonic.set(char, readings);
    }
    return readings;
  };
  let at = 0;
  return lines.map((chars) => {
    // pinyin-pro gives one string per character; should it ever not, each name is read on its own.
    const context = aligned
      ? joined.slice(at, at + chars.length)
      : pinyin(chars.join(''), { type: 'array', toneType: 'none' });
    at += chars.length + 1;
    const contextFits = context.length === chars.length;
    return chars.flatMap((char, i) => {
      if (!HAN.test(char)) {
        const plain = char.normalize('NFKC').toLowerCase();
        return /^[a-z0-9]$/.test(plain) ? [[plain]] : [];
      }
      const first = contextFits ? toneless(context[i] ?? '') : '';
      const all = [first, ...others(char)].filter((r) => /^[a-z]+$/.test(r));
      // ü is typed v by most input methods, u by some.
      const spelled = all.flatMap((r) => (r.includes('v') ? [r, r.replace(/v/g, 'u')] : [r]));
      return [[...new Set(spelled)]];
    });
  });
}

/** lǜ → lv, xíng → xing. */
function toneless(reading: string): string {
  return reading
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
