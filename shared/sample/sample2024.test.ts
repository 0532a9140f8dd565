import { describe, expect, it } from 'vitest';
import { catalogWarnings } from '../catalogs/usage';
import { budgetDocumentSchema } from '../document/schema';
import { formsOf } from '../forms/engine';
import { Decimal, formatPlain, sum, toDecimal, wanToYuan } from '../money';
import { sampleDocument } from './sample2024';

const doc = sampleDocument();
const forms = formsOf(doc);
const value = (form: Parameters<typeof forms.value>[0]['form'], row: string, column: string) =>
  formatPlain(forms.value({ form, row, column }) ?? new Decimal(0));

describe('the built-in sample', () => {
  it('is a valid document', () => {
    expect(budgetDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('uses only catalog codes and the catalog’s names', () => {
    expect(catalogWarnings(doc)).toEqual([]);
  });

  it('has the same 功能 rows in 表2 and 表3, each 本年收入 + 上年结转 = 表3 合计', () => {
    expect(doc.tables.t2.rows.map((r) => r.functionCode)).toEqual(
      doc.tables.t3.rows.map((r) => r.functionCode),
    );
    for (const row of doc.tables.t2.rows) {
      expect(value('T2', row.functionCode, 'currentTotal'), row.functionCode).toBe(
        value('T3', row.functionCode, 'total'),
      );
    }
  });

  it('has 表5 equal to 表2’s 一般公共预算 column row by row (no carry-over, one fund)', () => {
    for (const row of doc.tables.t2.rows) {
      expect(value('T5', row.functionCode, 'total'), row.functionCode).toBe(
        formatPlain(toDecimal(row.generalBudget)),
      );
    }
  });

  it('ties the tables together as the published totals do', () => {
    expect(value('T5', 'total', 'basic')).toBe(value('T6', 'total', 'total')); // 481.68
    expect(value('T11', 'total', 'total')).toBe(value('T6', 'total', 'public')); // 30.41
    expect(value('T12', 'total', 'total')).toBe(value('T3', 'total', 'project')); // 139.75
    expect(value('T12', 'total', 'generalBudget')).toBe(value('T5', 'total', 'project'));
    expect(value('T1', 'income:total', 'income')).toBe(value('T1', 'expenditure:total', 'total'));
    expect(value('T4', 'income:total', 'income')).toBe(value('T4', 'expenditure:total', 'subtotal'));
  });

  it('codes every project, and the projects add up to 表3’s 项目支出 per 功能 code', () => {
    for (const row of doc.tables.t3.rows) {
      const projects = doc.projects.filter((p) => p.functionCode === row.functionCode);
      const total = sum(projects.map((p) => toDecimal(p.current?.generalBudget)));
      expect(formatPlain(total), row.functionCode).toBe(formatPlain(toDecimal(row.project)));
    }
  });

  it('splits the projects as 第三部分 十 does: 3 其他运转类 65.30, 11 特定目标类 74.45', () => {
    const byCategory = (category: string) => doc.projects.filter((p) => p.category === category);
    const amount = (category: string) =>
      formatPlain(sum(byCategory(category).map((p) => toDecimal(p.current?.generalBudget))));
    expect([byCategory('其他运转类').length, amount('其他运转类')]).toEqual([3, '65.30']);
    expect([byCategory('特定目标类').length, amount('特定目标类')]).toEqual([11, '74.45']);
  });

  it('has the five published project declarations, each 年度资金 = 表12 × 10,000 元', () => {
    const declared = doc.projects.filter((p) => p.declaration);
    expect(declared.map((p) => p.name)).toEqual([
      '政府机关运行经费',
      '“12345”运行经费',
      '运行维护监管系统经费',
      '金融中心运转经费',
      '处置非法集资领导小组办公室专项工作经费',
    ]);
    for (const p of declared) {
      const yuan = wanToYuan(toDecimal(p.current?.generalBudget)).toFixed();
      expect(p.declaration?.annualFunding.total, p.name).toBe(yuan);
      expect(p.declaration?.annualFunding.cityCounty, p.name).toBe(yuan);
      expect(p.declaration?.implementationFunding.total, p.name).toBe(yuan);
    }
    expect(doc.performance.overall.staffQuota).toBe('44');
  });

  it('has last year’s figures that give the published changes', () => {
    const { lastYear, procurement } = doc.narrative;
    expect(
      toDecimal(lastYear.totalIncome)
        .minus(value('T1', 'income:total', 'income'))
        .toFixed(2),
    ).toBe('59.12');
    expect(
      toDecimal(lastYear.operatingExpenses)
        .minus(value('T11', 'total', 'total'))
        .toFixed(2),
    ).toBe('3.96');
    expect(
      formatPlain(sum([procurement.goods, procurement.works, procurement.services].map(toDecimal))),
    ).toBe('21.04');
  });

  it('counts its vehicles: 实有 1 = the kinds listed', () => {
    const { assets } = doc.narrative;
    const listed = sum(Object.values(assets.vehicles).map(toDecimal));
    expect(listed.toFixed()).toBe(assets.vehicleActual);
  });

  it('notes each empty table (7, 8, 9, 10, 13) and no table with data', () => {
    const empty = (['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'T13'] as const).filter(
      (id) => forms.grid(id).empty,
    );
    expect(empty).toEqual(['T7', 'T8', 'T9', 'T10', 'T13']);
    expect(Object.keys(doc.emptyTableNotes).sort()).toEqual([...empty].sort());
  });

  it('returns a fresh copy each time', () => {
    const a = sampleDocument();
    a.projects.pop();
    expect(sampleDocument().projects).toHaveLength(14);
  });
});
