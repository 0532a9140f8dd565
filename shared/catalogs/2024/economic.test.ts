import { describe, expect, it } from 'vitest';

import type { CatalogLine } from '../types';
import {
  departmentEconomic2024,
  economicMapping2024,
  governmentEconomic2024,
  personnelClasses2024,
  publicClasses2024,
} from './economic';

const classCodes = (lines: readonly CatalogLine[]): string[] =>
  lines.filter(([code]) => code.length === 3).map(([code]) => code);
const itemCodes = (lines: readonly CatalogLine[]): string[] =>
  lines.filter(([code]) => code.length === 5).map(([code]) => code);

describe.each([
  ['部门预算支出经济分类', departmentEconomic2024],
  ['政府预算支出经济分类', governmentEconomic2024],
] as const)('%s 2024', (_label, lines) => {
  it('has only 3-digit 类 and 5-digit 款 codes with a name', () => {
    for (const [code, name] of lines) {
      expect(code).toMatch(/^\d{3}(\d{2})?$/);
      expect(name.trim()).not.toBe('');
    }
  });

  it('has no duplicate codes', () => {
    const codes = lines.map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('puts every 款 after its own 类, in ascending order', () => {
    let currentClass: string | undefined;
    let previousItem = '';
    for (const [code] of lines) {
      if (code.length === 3) {
        expect(currentClass === undefined || code > currentClass).toBe(true);
        currentClass = code;
        previousItem = '';
      } else {
        expect(currentClass, `款 ${code} before any 类`).toBeDefined();
        expect(code.slice(0, 3)).toBe(currentClass);
        expect(code > previousItem).toBe(true);
        previousItem = code;
      }
    }
  });

  it('gives every 类 at least one 款', () => {
    const items = itemCodes(lines);
    for (const code of classCodes(lines)) {
      expect(items.some((item) => item.startsWith(code))).toBe(true);
    }
  });

  it('uses full-width parentheses, as the official catalog does', () => {
    for (const [, name] of lines) {
      expect(name).not.toMatch(/[()]/);
    }
  });
});

describe('部门预算支出经济分类 2024', () => {
  it('has exactly the official 类', () => {
    expect(classCodes(departmentEconomic2024)).toEqual([
      '301',
      '302',
      '303',
      '307',
      '309',
      '310',
      '311',
      '312',
      '313',
      '399',
    ]);
  });

  it('has the well-known 款 with their official names', () => {
    const names = new Map(departmentEconomic2024);
    expect(names.get('30107')).toBe('绩效工资');
    expect(names.get('30108')).toBe('机关事业单位基本养老保险缴费');
    expect(names.get('30212')).toBe('因公出国（境）费用');
    expect(names.get('30217')).toBe('公务接待费');
    expect(names.get('30231')).toBe('公务用车运行维护费');
    expect(names.get('30302')).toBe('退休费');
    expect(names.get('309')).toBe('资本性支出（基本建设）');
    expect(names.get('31002')).toBe('办公设备购置');
    expect(names.get('31013')).toBe('公务用车购置');
  });
});

describe('政府预算支出经济分类 2024', () => {
  it('has exactly the official 类', () => {
    expect(classCodes(governmentEconomic2024)).toEqual([
      '501',
      '502',
      '503',
      '504',
      '505',
      '506',
      '507',
      '508',
      '509',
      '510',
      '511',
      '512',
      '513',
      '514',
      '599',
    ]);
  });
});

describe('部门 → 政府 经济分类对应关系 2024', () => {
  const departmentItems = itemCodes(departmentEconomic2024);
  const governmentItems = new Set(itemCodes(governmentEconomic2024));
  const byDepartment = new Map(economicMapping2024.map((line) => [line[0], line]));

  it('maps every 部门 款 exactly once, and nothing else', () => {
    const mapped = economicMapping2024.map(([department]) => department);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort()).toEqual([...departmentItems].sort());
  });

  it('lists the mapping in catalog order', () => {
    expect(economicMapping2024.map(([department]) => department)).toEqual(departmentItems);
  });

  it('names only 政府 款 that exist in the 政府 catalog', () => {
    for (const [department, administrative, institution] of economicMapping2024) {
      expect(governmentItems.has(administrative), `${department} → ${administrative}`).toBe(true);
      expect(governmentItems.has(institution), `${department} → ${institution}`).toBe(true);
    }
  });

  it('keeps 行政 and 事业 columns on their own side of the 政府 classification', () => {
    // 行政单位 and 参公事业单位 spend through the 机关 类 (501–504); only other 事业单位 are reached
    // through 505 对事业单位经常性补助 / 506 对事业单位资本性补助. Conversely the 事业 column maps to those
    // 对事业单位… 类, so it never names a 机关 类 (501 工资福利, 502 商品和服务, 503/504 资本性支出).
    for (const [department, administrative, institution] of economicMapping2024) {
      expect(['505', '506'], `${department} 行政 → ${administrative}`).not.toContain(
        administrative.slice(0, 3),
      );
      expect(['501', '502', '503', '504'], `${department} 事业 → ${institution}`).not.toContain(
        institution.slice(0, 3),
      );
    }
  });

  it('sends 301/302/309/310 to the matching 政府 类 for each unit type', () => {
    const expected: Record<string, readonly [string, string]> = {
      '301': ['501', '50501'],
      '302': ['502', '50502'],
      '309': ['504', '50602'],
      '310': ['503', '50601'],
    };
    for (const [department, administrative, institution] of economicMapping2024) {
      const rule = expected[department.slice(0, 3)];
      if (rule === undefined) {
        expect(institution, `${department} is the same for both unit types`).toBe(administrative);
        continue;
      }
      expect(administrative.slice(0, 3)).toBe(rule[0]);
      expect(institution).toBe(rule[1]);
    }
  });

  it('has the official lines for well-known 款', () => {
    expect(byDepartment.get('30101')).toEqual(['30101', '50101', '50501']);
    expect(byDepartment.get('30107')).toEqual(['30107', '50101', '50501']);
    expect(byDepartment.get('30108')).toEqual(['30108', '50102', '50501']);
    expect(byDepartment.get('30113')).toEqual(['30113', '50103', '50501']);
    expect(byDepartment.get('30201')).toEqual(['30201', '50201', '50502']);
    expect(byDepartment.get('30215')).toEqual(['30215', '50202', '50502']);
    expect(byDepartment.get('30217')).toEqual(['30217', '50206', '50502']);
    expect(byDepartment.get('30231')).toEqual(['30231', '50208', '50502']);
    expect(byDepartment.get('30302')).toEqual(['30302', '50905', '50905']);
    expect(byDepartment.get('30305')).toEqual(['30305', '50901', '50901']);
    expect(byDepartment.get('31002')).toEqual(['31002', '50306', '50601']);
    expect(byDepartment.get('31013')).toEqual(['31013', '50303', '50601']);
  });
});

describe('人员经费 and 公用经费 类 2024', () => {
  it('are 301 + 303 and 302 + 310, all 部门 类', () => {
    const classes = classCodes(departmentEconomic2024);
    expect(personnelClasses2024).toEqual(['301', '303']);
    expect(publicClasses2024).toEqual(['302', '310']);
    for (const code of [...personnelClasses2024, ...publicClasses2024]) {
      expect(classes).toContain(code);
    }
  });
});
