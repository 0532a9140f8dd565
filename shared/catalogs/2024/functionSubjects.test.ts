import { describe, expect, it } from 'vitest';

import { functionSubjects2024 } from './functionSubjects';

const codes = functionSubjects2024.map(([code]) => code);
const byLength = (length: number): string[] => codes.filter((code) => code.length === length);
const nameOf = new Map(functionSubjects2024);
const childrenOf = (parent: string): string[] =>
  codes.filter((code) => code.length === parent.length + 2 && code.startsWith(parent));

describe('支出功能分类 2024', () => {
  it('has exactly the 30 类 of 2024, in official order and with their official names', () => {
    const classes = functionSubjects2024.filter(([code]) => code.length === 3);
    expect(classes).toEqual([
      ['201', '一般公共服务支出'],
      ['202', '外交支出'],
      ['203', '国防支出'],
      ['204', '公共安全支出'],
      ['205', '教育支出'],
      ['206', '科学技术支出'],
      ['207', '文化旅游体育与传媒支出'],
      ['208', '社会保障和就业支出'],
      ['209', '社会保险基金支出'],
      ['210', '卫生健康支出'],
      ['211', '节能环保支出'],
      ['212', '城乡社区支出'],
      ['213', '农林水支出'],
      ['214', '交通运输支出'],
      ['215', '资源勘探工业信息等支出'],
      ['216', '商业服务业等支出'],
      ['217', '金融支出'],
      ['219', '援助其他地区支出'],
      ['220', '自然资源海洋气象等支出'],
      ['221', '住房保障支出'],
      ['222', '粮油物资储备支出'],
      ['223', '国有资本经营预算支出'],
      ['224', '灾害防治及应急管理支出'],
      ['227', '预备费'],
      ['229', '其他支出'],
      ['230', '转移性支出'],
      ['231', '债务还本支出'],
      ['232', '债务付息支出'],
      ['233', '债务发行费用支出'],
      ['234', '抗疫特别国债安排的支出'],
    ]);
  });

  it('has only 3-, 5- or 7-digit codes, each with a trimmed, non-empty name', () => {
    for (const [code, name] of functionSubjects2024) {
      expect(code).toMatch(/^\d{3}(\d{2}){0,2}$/);
      expect(name).not.toBe('');
      expect(name).toBe(name.trim());
    }
  });

  it('has no duplicate codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists each 款 right after its 类 and each 项 right after its 款, in ascending code order', () => {
    let currentClass: string | undefined;
    let currentItem: string | undefined;
    let previous = '';
    for (const code of codes) {
      expect(code > previous, `${code} after ${previous}`).toBe(true);
      previous = code;
      if (code.length === 3) {
        currentClass = code;
        currentItem = undefined;
      } else if (code.length === 5) {
        expect(code.slice(0, 3), `款 ${code} outside its 类`).toBe(currentClass);
        currentItem = code;
      } else {
        expect(code.slice(0, 5), `项 ${code} outside its 款`).toBe(currentItem);
      }
    }
  });

  it('gives every 类 except 预备费 at least one 款', () => {
    for (const code of byLength(3)) {
      if (code !== '227') expect(childrenOf(code).length, code).toBeGreaterThan(0);
    }
    expect(childrenOf('227')).toEqual([]);
  });

  it('gives every 款 of the 类 a county department commonly uses at least one 项', () => {
    const common = [
      '201',
      '204',
      '205',
      '206',
      '207',
      '208',
      '210',
      '211',
      '212',
      '213',
      '214',
      '215',
      '216',
      '220',
      '221',
      '222',
      '224',
      '229',
    ];
    // 款 that have no 项 of their own in the catalog.
    const withoutItems = new Set(['21211', '21472', '22006']);
    for (const classCode of common) {
      for (const item of childrenOf(classCode)) {
        if (!withoutItems.has(item)) expect(childrenOf(item).length, item).toBeGreaterThan(0);
      }
    }
  });

  it('uses full-width parentheses, as the official catalog does', () => {
    for (const [, name] of functionSubjects2024) {
      expect(name).not.toMatch(/[()]/);
    }
    expect(nameOf.get('20103')).toBe('政府办公厅（室）及相关机构事务');
    expect(nameOf.get('2010399')).toBe('其他政府办公厅（室）及相关机构事务支出');
    expect(nameOf.get('2100202')).toBe('中医（民族）医院');
  });

  it.each([
    ['20101', '人大事务'],
    ['2010101', '行政运行'],
    ['2010301', '行政运行'],
    ['2010302', '一般行政管理事务'],
    ['2010303', '机关服务'],
    ['2010350', '事业运行'],
    ['20125', '港澳台事务'],
    ['2012505', '台湾事务'],
    ['20805', '行政事业单位养老支出'],
    ['2080501', '行政单位离退休'],
    ['2080502', '事业单位离退休'],
    ['2080503', '离退休人员管理机构'],
    ['2080505', '机关事业单位基本养老保险缴费支出'],
    ['2080506', '机关事业单位职业年金缴费支出'],
    ['2080507', '对机关事业单位基本养老保险基金的补助'],
    ['2080508', '对机关事业单位职业年金的补助'],
    ['2080599', '其他行政事业单位养老支出'],
    ['21011', '行政事业单位医疗'],
    ['2101101', '行政单位医疗'],
    ['2101102', '事业单位医疗'],
    ['2101103', '公务员医疗补助'],
    ['2101199', '其他行政事业单位医疗支出'],
    ['22102', '住房改革支出'],
    ['2210201', '住房公积金'],
    ['2210202', '提租补贴'],
    ['2210203', '购房补贴'],
    ['2130104', '事业运行'],
    ['21305', '巩固脱贫攻坚成果衔接乡村振兴'],
    ['22401', '应急管理事务'],
  ])('contains [%s, %s]', (code, name) => {
    expect(functionSubjects2024).toContainEqual([code, name]);
  });

  it('has the 行政运行 / 一般行政管理事务 / 机关服务 / 事业运行 items under the usual administrative 款', () => {
    for (const item of [
      '20101',
      '20106',
      '20132',
      '20402',
      '20406',
      '20706',
      '20801',
      '21114',
      '22001',
      '22401',
    ]) {
      expect(nameOf.get(`${item}01`), item).toBe('行政运行');
      expect(nameOf.get(`${item}02`), item).toBe('一般行政管理事务');
      expect(nameOf.get(`${item}03`), item).toBe('机关服务');
      expect(nameOf.get(`${item}50`), item).toBe('事业运行');
    }
  });

  it('is a substantial catalog (at least 260 款 and 1,300 项)', () => {
    expect(byLength(5).length).toBeGreaterThanOrEqual(260);
    expect(byLength(7).length).toBeGreaterThanOrEqual(1300);
  });
});
