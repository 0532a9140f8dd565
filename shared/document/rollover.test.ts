import { describe, expect, it } from 'vitest';
import { computeForm } from '../forms/engine';
import { FORM_IDS } from '../forms/types';
import { generateNarrative, renderNarrativeText, unfilledSlots } from '../narrative';
import { sampleDocument } from '../sample/sample2024';
import { rolloverDocument } from './rollover';
import { budgetDocumentSchema, type BudgetDocument } from './schema';

const last = sampleDocument();
const next = rolloverDocument(last, 2025);

describe('rolloverDocument', () => {
  it('makes a valid document of the next year', () => {
    const parsed = budgetDocumentSchema.safeParse(next);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(next.year).toBe(2025);
    expect(next.department).toEqual(last.department);
    expect(next.units).toEqual(last.units);
    expect(next.coverDate).toBe('');
  });

  it('fills last year’s figures from last year’s computed tables', () => {
    expect(next.narrative.lastYear).toEqual({
      totalIncome: '621.43', // 表1 收入总计
      totalExpenditure: '621.43', // 表1 支出总计
      generalBudgetExpenditure: '621.43', // 表5 合计
      threePublic: { travelAbroad: '0', reception: '0', vehiclePurchase: '0', vehicleOperation: '0' }, // 表10
      operatingExpenses: '30.41', // 表11 部门合计
    });
  });

  it('keeps exact values, unrounded', () => {
    const doc = sampleDocument();
    doc.tables.t10.rows = [
      { item: 'reception', generalBudget: '1.005', governmentFund: '0.5', stateCapital: '' },
    ];
    expect(rolloverDocument(doc, 2025).narrative.lastYear.threePublic.reception).toBe('1.505');
  });

  it('keeps every table row with every amount blank', () => {
    expect(next.tables.t2.rows.map((r) => r.functionCode)).toEqual(
      last.tables.t2.rows.map((r) => r.functionCode),
    );
    expect(next.tables.t6.rows.map((r) => [r.departmentCode, r.governmentCode, r.note])).toEqual(
      last.tables.t6.rows.map((r) => [r.departmentCode, r.governmentCode, r.note]),
    );
    expect(next.tables.t11.rows.map((r) => r.unitId)).toEqual(['u1', 'u2', 'u3']);
    expect(next.tables.t2.rows[0]).toEqual({
      functionCode: '2010301',
      name: '行政运行',
      generalBudget: '',
      governmentFund: '',
      stateCapital: '',
      specialAccount: '',
      unitFunds: '',
      carryOver: '',
    });
    for (const id of FORM_IDS) {
      const grid = computeForm(next, id);
      expect(grid.empty, grid.title).toBe(true);
    }
  });

  it('keeps the projects with their units, categories and 功能科目, their amounts blank', () => {
    expect(next.projects.map((p) => [p.id, p.name, p.unitId, p.category, p.functionCode])).toEqual(
      last.projects.map((p) => [p.id, p.name, p.unitId, p.category, p.functionCode]),
    );
    for (const project of next.projects) {
      expect(project.current).toEqual({
        generalBudget: '',
        governmentFund: '',
        stateCapital: '',
        specialAccount: '',
        unitFunds: '',
      });
      expect(project.carryOver).toBeNull();
    }
  });

  it('keeps the declarations’ texts and indicators, clearing their funding', () => {
    const before = last.projects[0]?.declaration;
    const after = next.projects[0]?.declaration;
    expect(after?.summary).toBe(before?.summary);
    expect(after?.annualIndicators).toEqual(before?.annualIndicators);
    expect(after?.annualFunding).toEqual({
      total: '',
      central: '',
      provincial: '',
      cityCounty: '',
      selfRaised: '',
      other: '',
    });
    expect(after?.implementationFunding.total).toBe('');
    expect(next.projects.filter((p) => p.declaration).length).toBe(5);
  });

  it('keeps the texts, clears reasons, procurement and explanations', () => {
    expect(next.overview).toEqual(last.overview);
    expect(next.glossary).toEqual(last.glossary);
    expect(next.performance).toEqual(last.performance);
    expect(Object.values(next.narrative.reasons).every((reason) => reason === '')).toBe(true);
    expect(next.narrative.procurement).toEqual({ goods: '', works: '', services: '' });
    expect(next.narrative.otherNotes).toBe(last.narrative.otherNotes);
    expect(next.narrative.assets).toEqual({ ...last.narrative.assets, asOf: '' });
    expect(next.explanations).toEqual([]);
  });

  it('moves the empty-table notes to the new year, dropping any that name another year', () => {
    expect(next.emptyTableNotes).toEqual({
      T7: '本部门2025年无政府性基金预算收入，故本表为空表。',
      T8: '本部门2025年无政府性基金预算支出，故本表为空表。',
      T9: '本部门2025年无国有资本经营预算收支，故本表为空表。',
      T10: '本部门2025年无财政拨款安排的“三公”经费，故本表为空表。',
      T13: '本部门2025年无上年结转项目支出，故本表为空表。',
    });
    const doc = sampleDocument();
    doc.emptyTableNotes = { T7: '本部门2023年无政府性基金预算收入，故本表为空表。', T8: '本表无数据。' };
    expect(rolloverDocument(doc, 2025).emptyTableNotes).toEqual({ T8: '本表无数据。' });
  });

  it('does not share objects with last year’s document', () => {
    const copy: BudgetDocument = rolloverDocument(last, 2025);
    copy.units.forEach((unit) => (unit.name = '改名'));
    copy.overview.responsibilities.push('新增');
    copy.narrative.assets.vehicles.leader = '9';
    expect(last.units[0]?.name).toBe('新绛县人民政府办公室');
    expect(last.overview.responsibilities).toHaveLength(13);
    expect(last.narrative.assets.vehicles.leader).toBe('0');
  });

  it('refuses a year that does not follow last year’s', () => {
    expect(() => rolloverDocument(last, 2024)).toThrow(RangeError);
    expect(() => rolloverDocument(last, 2026)).toThrow('2024年的文档只能结转为2025年的文档');
  });

  it('gives a narrative that compares with last year and asks for what is new', () => {
    const text = renderNarrativeText(generateNarrative(next));
    expect(text).toContain(
      '2025年度本部门预算收入总计0.00万元，其中：本年收入0.00万元，上年结转0.00万元，比上年减少621.43万元，下降100%，主要原因是【待填写：收支增减变动的主要原因】',
    );
    expect(unfilledSlots(generateNarrative(next)).map((slot) => slot.field)).toEqual([
      'reasons.total',
      'reasons.generalBudget',
      'reasons.operatingExpenses',
      'assets.asOf',
    ]);
  });
});
