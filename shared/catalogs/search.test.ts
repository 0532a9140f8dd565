import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { catalogFor } from './index';
import { DEFAULT_SEARCH_LIMIT, MATCH_KINDS, prepareCatalogSearch, searchCatalog } from './search';

const codes = (query: string, options?: Parameters<typeof searchCatalog>[2]) =>
  searchCatalog(2024, query, options).entries.map((e) => e.code);
const kinds = (query: string, options?: Parameters<typeof searchCatalog>[2]) =>
  searchCatalog(2024, query, options).entries.map((e) => e.match);
const all = { limit: Infinity };

describe('searchCatalog: 功能分类 项', () => {
  it('finds by code prefix, every 项 under it in code order', () => {
    const result = searchCatalog(2024, '2010', all);
    const expected = catalogFor(2024)
      .functionItems('2010')
      .map(([code]) => code);
    expect(result.entries.map((e) => e.code)).toEqual(expected);
    expect(result.total).toBe(expected.length);
    expect(new Set(result.entries.map((e) => e.match))).toEqual(new Set(['codePrefix']));
    expect(result.entries[0]).toEqual({
      code: '2010101',
      name: '行政运行',
      path: '一般公共服务支出 / 人大事务',
      match: 'codePrefix',
    });
  });

  it('finds a 项 by its exact code, and only 项 (no 类 or 款 entries)', () => {
    expect(searchCatalog(2024, '2010301').entries).toEqual([
      {
        code: '2010301',
        name: '行政运行',
        path: '一般公共服务支出 / 政府办公厅（室）及相关机构事务',
        match: 'code',
      },
    ]);
    expect(codes('20103', all).every((code) => code.length === 7 && code.startsWith('20103'))).toBe(true);
    expect(codes('20103', all)).not.toContain('20103');
  });

  it('reads full-width digits and ignores spaces', () => {
    expect(codes('２０１０ ３０１')).toEqual(['2010301']);
  });

  it('finds by name substring: the name itself first, then names starting with it, then the rest', () => {
    const result = searchCatalog(2024, '行政运行', all);
    expect(result.total).toBe(78);
    expect(result.entries.every((e) => e.name === '行政运行' && e.match === 'name')).toBe(true);
    expect(result.entries.map((e) => e.code)).toContain('2010301');

    const medical = searchCatalog(2024, '医疗救助', all).entries.map((e) => e.name);
    expect(medical).toEqual(['城乡医疗救助', '其他医疗救助支出', '用于城乡医疗救助的彩票公益金支出']);

    const byPosition = searchCatalog(2024, '医疗', all).entries.map((e) => e.name);
    const startsAt = byPosition.map((name) => name.indexOf('医疗'));
    expect(startsAt.indexOf(0)).toBe(0); // 医疗器械事务 … before 行政单位医疗
    expect(byPosition.indexOf('医疗补助金')).toBeLessThan(byPosition.indexOf('行政单位医疗'));
  });

  it('matches names whatever the width of their brackets', () => {
    expect(codes('（室）及', all)).toEqual(codes('(室)及', all));
    expect(codes('(室)及', all)).toContain('2010399');
  });

  it('finds by pinyin initials, case-insensitive', () => {
    for (const query of ['xzyx', 'XZYX', 'XzYx']) {
      const result = searchCatalog(2024, query, all);
      expect(result.entries.map((e) => e.code)).toContain('2010301');
      expect(result.entries.every((e) => e.match === 'initials')).toBe(true);
      expect(result.total).toBe(78);
    }
    expect(codes('rdsw')).toEqual(['2010199']); // 其他人大事务支出
  });

  it('finds by full pinyin without tones, mixed with initials, and while the last syllable is typed', () => {
    for (const query of [
      'xingzhengyunxing',
      'xing zheng yun xing',
      "xing'zheng",
      'xingzyx',
      'xingzhengyunx',
    ]) {
      const result = searchCatalog(2024, query, all);
      expect(
        result.entries.map((e) => e.code),
        query,
      ).toContain('2010301');
      expect(result.entries.find((e) => e.code === '2010301')?.match, query).toBe('pinyin');
    }
    // 其他社会保障和就业支出 (the match over fewest characters, earliest in the name, comes first).
    expect(codes('shehuibaozhang', all)).toEqual(['2089901', '2296001', '2080199']);
  });

  it('accepts v and u for ü', () => {
    expect(codes('lvyou', all)).toEqual(codes('luyou', all));
    expect(codes('lvyou', all)).toContain('2070113'); // 旅游宣传
    expect(codes('lüyou', all)).toEqual(codes('lvyou', all));
  });

  it('ranks exact code, code prefix, name, initials, pinyin in that order', () => {
    const rank = (kind: string) => MATCH_KINDS.indexOf(kind as (typeof MATCH_KINDS)[number]);
    for (const query of ['sh', 'xz', 'zh', 'xing', 'yl']) {
      const ranks = kinds(query, all).map(rank);
      expect(ranks, query).toEqual([...ranks].sort((a, b) => a - b));
    }
    // 'sh': 社会… by initials (s, h), 事务… by the initial sh of 事; initials first.
    const sh = kinds('sh', all);
    expect(sh).toContain('initials');
    expect(sh).toContain('pinyin');
    expect(sh.indexOf('pinyin')).toBeGreaterThan(sh.lastIndexOf('initials'));
    // Within initials, a match at the start of the name first.
    const xz = searchCatalog(2024, 'xz', { limit: 3 }).entries;
    expect(xz.map((e) => e.name.startsWith('行政'))).toEqual([true, true, true]);
  });

  it('caps the list at 50 by default, or at the limit given, and tells how many matched', () => {
    const many = searchCatalog(2024, 'x');
    expect(many.entries).toHaveLength(DEFAULT_SEARCH_LIMIT);
    expect(many.total).toBeGreaterThan(DEFAULT_SEARCH_LIMIT);
    const three = searchCatalog(2024, '2010', { limit: 3 });
    expect(three.entries.map((e) => e.code)).toEqual(['2010101', '2010102', '2010103']);
    expect(three.total).toBe(catalogFor(2024).functionItems('2010').length);
  });

  it('leaves out the codes asked to (the rows a table already has)', () => {
    expect(codes('20103', { exclude: new Set(['2010301', '2010302']) })).not.toContain('2010301');
    expect(codes('20103', { exclude: new Set(['2010301', '2010302']) })[0]).toBe('2010303');
  });

  it('finds nothing for an empty query or one that matches nothing', () => {
    expect(searchCatalog(2024, '')).toEqual({ entries: [], total: 0 });
    expect(searchCatalog(2024, '   ')).toEqual({ entries: [], total: 0 });
    expect(searchCatalog(2024, 'qqqqqq')).toEqual({ entries: [], total: 0 });
    expect(searchCatalog(2024, '9999')).toEqual({ entries: [], total: 0 });
    expect(searchCatalog(2024, '火星')).toEqual({ entries: [], total: 0 });
  });

  it('uses the catalog of the year (a later year without its own catalog uses 2024)', () => {
    prepareCatalogSearch(2025);
    expect(searchCatalog(2025, 'xzyx', all)).toEqual(searchCatalog(2024, 'xzyx', all));
  });

  it('finds every 项 of the catalog by its name and by its initials', () => {
    const items = catalogFor(2024).functionItems();
    const missed: string[] = [];
    for (const [code, name] of items) {
      if (!codes(name, all).includes(code)) missed.push(`${code} ${name} (name)`);
      const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
        .filter((letter) => /^[a-z]$/.test(letter))
        .join('');
      if (!codes(initials, all).includes(code)) missed.push(`${code} ${name} (${initials})`);
    }
    expect(missed).toEqual([]);
  });
});

describe('searchCatalog: 经济分类 款', () => {
  it('finds 部门经济 款 by code, with the 类 as path', () => {
    expect(searchCatalog(2024, '30101', { kind: 'departmentEconomic' }).entries).toEqual([
      { code: '30101', name: '基本工资', path: '工资福利支出', match: 'code' },
    ]);
    const prefix = searchCatalog(2024, '301', { kind: 'departmentEconomic', limit: 2 });
    expect(prefix.entries.map((e) => [e.code, e.match])).toEqual([
      ['30101', 'codePrefix'],
      ['30102', 'codePrefix'],
    ]);
  });

  it('reads a polyphonic character by its context reading and by its others (差旅费: cha, chai)', () => {
    for (const query of ['clf', 'chailvfei', 'chailufei', 'chalvfei', '差旅']) {
      expect(codes(query, { kind: 'departmentEconomic' }), query).toContain('30211');
    }
  });

  it('finds 政府经济 款 too', () => {
    expect(searchCatalog(2024, '工资奖金', { kind: 'governmentEconomic' }).entries).toEqual([
      { code: '50101', name: '工资奖金津补贴', path: '机关工资福利支出', match: 'name' },
    ]);
    expect(codes('gzjj', { kind: 'governmentEconomic' })).toContain('50101');
  });
});
