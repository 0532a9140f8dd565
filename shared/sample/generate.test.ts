import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalogs';
import { catalogWarnings } from '../catalogs/usage';
import {
  budgetDocumentSchema,
  EMPTY_NOTE_TABLES,
  INCOME_SOURCES,
  UNIT_TYPES,
  type BudgetDocument,
} from '../document/schema';
import { formsOf } from '../forms/engine';
import type { FormId } from '../forms/types';
import { Decimal, formatPlain, sum, toDecimal, wanToYuan, ZERO } from '../money';
import { generateDocument } from './generate';

const SEED = 2025;
const INCOME_FIELDS = [...INCOME_SOURCES, 'carryOver'] as const;

/** The number of 功能 项 rows (表2 = 表3) each scale must have. */
const ROW_RANGES: Record<number, readonly [number, number]> = {
  1: [10, 16],
  10: [90, 110],
  100: [950, 1050],
};

/** A computed cell as printed (two decimals; blank as 0.00). Every amount has at most two decimals. */
function cells(doc: BudgetDocument) {
  const forms = formsOf(doc);
  return (form: FormId, row: string, column: string) =>
    formatPlain(forms.value({ form, row, column }) ?? ZERO);
}

const plain = (values: readonly string[]) => formatPlain(sum(values.map(toDecimal)));

describe('generateDocument: determinism and options', () => {
  it('gives deep-equal documents for the same seed', () => {
    expect(generateDocument({ scale: 1, seed: 7 })).toEqual(generateDocument({ scale: 1, seed: 7 }));
    expect(generateDocument({ scale: 10, seed: 7 })).toEqual(generateDocument({ scale: 10, seed: 7 }));
  });

  it('gives different documents for different seeds', () => {
    const a = generateDocument({ scale: 1, seed: 1 });
    const b = generateDocument({ scale: 1, seed: 2 });
    expect(a).not.toEqual(b);
    expect(a.tables.t6.rows).not.toEqual(b.tables.t6.rows);
    expect(a.projects.map((p) => p.current)).not.toEqual(b.projects.map((p) => p.current));
  });

  it('refuses a scale that is not a positive integer, and a non-integer seed', () => {
    expect(() => generateDocument({ scale: 0, seed: 1 })).toThrow(RangeError);
    expect(() => generateDocument({ scale: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateDocument({ scale: 1, seed: 0.5 })).toThrow(RangeError);
  });
});

describe.each([1, 10])('generateDocument at scale %i', (scale) => {
  const doc = generateDocument({ scale, seed: SEED });
  const value = cells(doc);
  const catalog = catalogFor(doc.year);
  const codes = doc.tables.t2.rows.map((r) => r.functionCode);
  const withCarryOver = doc.projects.filter((p) => p.carryOver);

  it('is a valid document with catalog codes and names only', () => {
    expect(budgetDocumentSchema.safeParse(doc).success).toBe(true);
    expect(catalogWarnings(doc)).toEqual([]);
  });

  it('grows with the scale: 14n projects, 3n units, about 10n 功能 项 rows', () => {
    const [min, max] = ROW_RANGES[scale] ?? [0, 0];
    expect(doc.projects).toHaveLength(14 * scale);
    expect(doc.units).toHaveLength(3 * scale);
    expect(doc.tables.t3.rows.length).toBeGreaterThanOrEqual(min);
    expect(doc.tables.t3.rows.length).toBeLessThanOrEqual(max);
    expect(withCarryOver).toHaveLength(Math.max(1, Math.floor((14 * scale) / 10)));
  });

  it('has unique, Chinese unit and project names, and units of all three types', () => {
    const unitNames = doc.units.map((u) => u.name);
    const projectNames = doc.projects.map((p) => p.name);
    expect(new Set(unitNames).size).toBe(unitNames.length);
    expect(new Set(projectNames).size).toBe(projectNames.length);
    for (const name of [...unitNames, ...projectNames]) expect(name).toMatch(/^[\p{Script=Han}（）]{4,}$/u);
    expect(unitNames[0]).toBe('新绛县教育局');
    expect(new Set(doc.units.map((u) => u.type))).toEqual(new Set(UNIT_TYPES));
    const count = (type: string) => doc.units.filter((u) => u.type === type).length;
    expect(doc.overview.organization).toContain(
      `共${doc.units.length}个，其中行政单位${count('行政')}个、参照公务员法管理的事业单位${count('参公事业')}个、其他事业单位${count('事业')}个`,
    );
  });

  it('stores amounts with at most two decimals, blank for zero, never negative', () => {
    const { t2, t3, t5, t6, t8, t10, t11 } = doc.tables;
    const amounts = [
      ...t2.rows.flatMap((r) => INCOME_FIELDS.map((field) => r[field])),
      ...[...t3.rows, ...t5.rows, ...t8.rows].flatMap((r) => [r.basic, r.project]),
      ...t6.rows.flatMap((r) => [r.personnel, r.public]),
      ...[...t10.rows, ...t11.rows].flatMap((r) => [r.generalBudget, r.governmentFund, r.stateCapital]),
      ...doc.projects.flatMap((p) => [
        ...Object.values(p.current ?? {}),
        ...Object.values(p.carryOver ?? {}),
      ]),
    ];
    for (const amount of amounts) expect(amount).toMatch(/^(\d+(\.\d{1,2})?)?$/);
    expect(amounts.filter((a) => a === '0')).toEqual([]);
  });

  it('B2: 表2 and 表3 list the same 项, and 本年收入合计 + 上年结转 = 表3 合计 for each', () => {
    expect(doc.tables.t3.rows.map((r) => r.functionCode)).toEqual(codes);
    for (const code of codes) {
      const income = plain([value('T2', code, 'currentTotal'), value('T2', code, 'carryOver')]);
      expect(income, code).toBe(value('T3', code, 'total'));
    }
  });

  it('A3: 表1 and 表4 balance', () => {
    expect(value('T1', 'income:total', 'income')).toBe(value('T1', 'expenditure:total', 'total'));
    expect(value('T4', 'income:total', 'income')).toBe(value('T4', 'expenditure:total', 'subtotal'));
    expect(value('T1', 'income:carryOver', 'income')).toBe(value('T13', 'total', 'total'));
  });

  it('B3: 表5, 表8 and 表9 are 表2’s 一般公共预算, 基金 and 国资 parts, 项 by 项', () => {
    for (const code of codes) {
      expect(value('T5', code, 'total'), code).toBe(value('T2', code, 'generalBudget'));
      expect(value('T8', code, 'total'), code).toBe(value('T2', code, 'governmentFund'));
      expect(value('T2', code, 'stateCapital'), code).toBe('0.00');
    }
    expect(value('T8', 'total', 'total')).not.toBe('0.00');
    expect(formsOf(doc).grid('T7').empty).toBe(false);
  });

  it('B4: 表5 基本支出 合计 = 表6 合计, and all 基本支出 is 一般公共预算', () => {
    expect(value('T5', 'total', 'basic')).toBe(value('T6', 'total', 'total'));
    for (const code of codes) expect(value('T3', code, 'basic'), code).toBe(value('T5', code, 'basic'));
  });

  it('B5: 项目支出 = 表12 + 表13 in total and per 功能 code, by fund', () => {
    expect(value('T3', 'total', 'project')).toBe(
      plain([value('T12', 'total', 'total'), value('T13', 'total', 'total')]),
    );
    expect(value('T5', 'total', 'project')).toBe(value('T12', 'total', 'generalBudget'));
    expect(value('T8', 'total', 'project')).toBe(value('T12', 'total', 'governmentFund'));
    expect(value('T12', 'total', 'stateCapital')).toBe('0.00');
    for (const code of codes) {
      const projects = doc.projects.filter((p) => p.functionCode === code);
      const column = (form: 'T12' | 'T13', field: string) => projects.map((p) => value(form, p.id, field));
      expect(value('T3', code, 'project'), code).toBe(
        plain([...column('T12', 'total'), ...column('T13', 'total')]),
      );
      expect(value('T5', code, 'project'), code).toBe(plain(column('T12', 'generalBudget')));
      expect(value('T8', code, 'project'), code).toBe(plain(column('T12', 'governmentFund')));
      expect(value('T2', code, 'carryOver'), code).toBe(plain(column('T13', 'total')));
    }
    expect(doc.projects.every((p) => p.current && catalog.functionName(p.functionCode))).toBe(true);
  });

  it('A6: 表6 has 人员经费 only on 301/303 and 公用经费 only on 302/310, mapped by unit type', () => {
    const types = [...new Set(doc.units.map((u) => u.type))];
    for (const row of doc.tables.t6.rows) {
      const key = `${row.departmentCode}-${row.governmentCode}`;
      if (row.personnel !== '') expect(catalog.isPersonnelClass(row.departmentCode), key).toBe(true);
      if (row.public !== '') expect(catalog.isPublicClass(row.departmentCode), key).toBe(true);
      expect(row.personnel !== '' || row.public !== '', key).toBe(true);
      const mapped = types.map((type) => catalog.governmentCodeFor(row.departmentCode, type));
      expect(mapped, key).toContain(row.governmentCode);
    }
  });

  it('B6: 表11 部门合计 = 表6 公用经费, with a row for each 行政 and 参公 unit only', () => {
    expect(value('T11', 'total', 'total')).toBe(value('T6', 'total', 'public'));
    const offices = doc.units.filter((u) => u.type !== '事业').map((u) => u.id);
    expect(doc.tables.t11.rows.map((r) => r.unitId)).toEqual(offices);
  });

  it('B7: 表10 is the 三公 of 表6, and vehicles exist where they cost money', () => {
    const t6 = (departmentCode: string) =>
      plain(doc.tables.t6.rows.filter((r) => r.departmentCode === departmentCode).map((r) => r.public));
    expect(value('T10', 'reception', 'total')).toBe(t6('30217'));
    expect(value('T10', 'vehicleOperation', 'total')).toBe(t6('30231'));
    expect(value('T10', 'reception', 'total')).not.toBe('0.00');
    expect(value('T10', 'vehicleOperation', 'total')).not.toBe('0.00');
    for (const [item, code] of [
      ['travelAbroad', '30212'],
      ['vehiclePurchase', '31013'],
    ] as const) {
      expect(value('T10', item, 'total')).toBe('0.00');
      expect(t6(code)).toBe('0.00');
    }
    const { assets } = doc.narrative;
    expect(sum(Object.values(assets.vehicles).map(toDecimal)).toFixed()).toBe(assets.vehicleActual);
    expect(Number(assets.vehicleActual)).toBeGreaterThan(0);
    expect(Number(assets.vehicleQuota)).toBeGreaterThanOrEqual(Number(assets.vehicleActual));
  });

  it('C4: notes exactly the empty tables (表9), naming the fund', () => {
    const empty = EMPTY_NOTE_TABLES.filter((id) => formsOf(doc).grid(id).empty);
    expect(empty).toEqual(['T9']);
    expect(doc.emptyTableNotes).toEqual({ T9: '本部门2025年无国有资本经营预算收支，故本表为空表。' });
  });

  it('P1: every project declares 年度资金 = 表12 × 10,000 元, in whole 元 that add up', () => {
    for (const p of doc.projects) {
      const d = p.declaration;
      expect(d, p.name).not.toBeNull();
      if (!d) continue;
      const annual = wanToYuan(toDecimal(value('T12', p.id, 'total')));
      const carried = wanToYuan(toDecimal(p.carryOver ? value('T13', p.id, 'total') : ''));
      expect(d.annualFunding.total, p.name).toBe(annual.toFixed());
      expect(d.implementationFunding.total, p.name).toBe(annual.plus(carried).toFixed());
      for (const funding of [d.annualFunding, d.implementationFunding]) {
        const { total, ...sources } = funding;
        for (const yuan of Object.values(funding)) expect(yuan, p.name).toMatch(/^\d*$/);
        expect(sum(Object.values(sources).map(toDecimal)).toFixed(), p.name).toBe(total);
      }
    }
  });

  it('P3–P6: 3–8 indicators per declaration, with 产出, 效益 and 满意度, and measurable values', () => {
    for (const p of doc.projects) {
      const list = p.declaration?.annualIndicators ?? [];
      expect(list.length, p.name).toBeGreaterThanOrEqual(3);
      expect(list.length, p.name).toBeLessThanOrEqual(8);
      expect(new Set(list.map((i) => i.level1)), p.name).toEqual(
        new Set(['产出指标', '效益指标', '满意度指标']),
      );
      for (const i of list) {
        const match = /^[≥≤=](\d+(?:\.\d+)?)(\S+)$/.exec(i.value);
        expect(match, `${p.name} ${i.name} ${i.value}`).not.toBeNull();
        expect(i.name).not.toBe(p.name);
        const [, number = '', unit = ''] = match ?? [];
        if (unit === '%') expect(new Decimal(number).lte(100), i.value).toBe(true);
        if (i.level2 === '成本指标') {
          expect(unit).toBe('万元');
          expect(new Decimal(number).lte(toDecimal(value('T12', p.id, 'total'))), p.name).toBe(true);
        }
      }
      const d = p.declaration;
      const texts = [d?.summary, d?.necessity, d?.measures, d?.plan];
      expect(new Set(texts).size, p.name).toBe(4);
    }
  });

  it('C2, C5: last year’s figures and a reason that matches each change; 政府采购 within 项目支出', () => {
    const { lastYear, reasons, procurement } = doc.narrative;
    const changes = [
      [value('T1', 'income:total', 'income'), lastYear.totalIncome, reasons.total],
      [value('T5', 'total', 'total'), lastYear.generalBudgetExpenditure, reasons.generalBudget],
      [value('T10', 'reception', 'total'), lastYear.threePublic.reception, reasons.reception],
      [
        value('T10', 'vehicleOperation', 'total'),
        lastYear.threePublic.vehicleOperation,
        reasons.vehicleOperation,
      ],
      [value('T11', 'total', 'total'), lastYear.operatingExpenses, reasons.operatingExpenses],
    ] as const;
    for (const [current, last, reason] of changes) {
      const change = new Decimal(current).comparedTo(toDecimal(last));
      expect(reason, `${current} / ${last}`).toContain(change > 0 ? '增加' : change < 0 ? '减少' : '一致');
    }
    expect(lastYear.totalExpenditure).toBe(lastYear.totalIncome);
    expect(Object.values(reasons).every((reason) => reason.length >= 10)).toBe(true);
    const purchases = sum([procurement.goods, procurement.works, procurement.services].map(toDecimal));
    expect(purchases.gt(0)).toBe(true);
    expect(purchases.lte(toDecimal(value('T3', 'total', 'project')))).toBe(true);
  });

  it('C3: leaves no template text anywhere', () => {
    const text = JSON.stringify(doc);
    for (const template of [
      '增加（减少）',
      'XX',
      '××',
      '……',
      '.....',
      '待填写',
      '指标1：',
      '指标2：',
      '提高100%',
    ]) {
      expect(text).not.toContain(template);
    }
  });
});

describe('generateDocument at scale 100', () => {
  // How long this takes is measured by `npm run bench`, not asserted here.
  const doc = generateDocument({ scale: 100, seed: SEED });
  const value = cells(doc);

  it('has 1,400 projects, 300 units and about 1,000 功能 项 rows (within the catalog)', () => {
    const [min, max] = ROW_RANGES[100] ?? [0, 0];
    expect(doc.projects).toHaveLength(1400);
    expect(doc.units).toHaveLength(300);
    expect(doc.tables.t2.rows.length).toBeGreaterThanOrEqual(min);
    expect(doc.tables.t2.rows.length).toBeLessThanOrEqual(
      Math.min(max, catalogFor(2025).functionItems().length),
    );
    expect(new Set(doc.projects.map((p) => p.name)).size).toBe(1400);
    expect(new Set(doc.units.map((u) => u.name)).size).toBe(300);
  });

  it('keeps the main identities', () => {
    expect(value('T1', 'income:total', 'income')).toBe(value('T1', 'expenditure:total', 'total'));
    expect(value('T4', 'income:total', 'income')).toBe(value('T4', 'expenditure:total', 'subtotal'));
    expect(value('T5', 'total', 'basic')).toBe(value('T6', 'total', 'total'));
    expect(value('T11', 'total', 'total')).toBe(value('T6', 'total', 'public'));
    expect(value('T3', 'total', 'project')).toBe(
      plain([value('T12', 'total', 'total'), value('T13', 'total', 'total')]),
    );
  });
});
