import { describe, expect, it } from 'vitest';
import { CheckSession, checkDocument } from '../checks/session';
import type { Finding } from '../checks/types';
import { parseDocument, serializeDocument } from '../document/file';
import type { BudgetDocument } from '../document/schema';
import { sampleDocument } from '../sample/sample2024';
import {
  narrativeFieldText,
  setNarrativeField,
  narrativeText,
  narrativeValue,
  parseCountInput,
  setNarrativeText,
  setNarrativeValue,
  type NarrativeEdit,
} from './edit';
import type { NarrativeTextField, NarrativeValueField } from './types';

function ok(result: NarrativeEdit): BudgetDocument {
  if (!result.ok) throw new Error(`edit failed: ${result.message}`);
  expect(result.change).toEqual({ kind: 'areas', areas: ['narrative'] });
  const reloaded = parseDocument(serializeDocument(result.doc));
  if (!reloaded.ok) throw new Error(`invalid document: ${JSON.stringify(reloaded.problems)}`);
  return result.doc;
}

function failure(result: NarrativeEdit): string {
  if (result.ok) throw new Error('edit succeeded');
  return result.message;
}

/** The session told 'narrative' changed ends where a fresh check of the new document does. */
function expectSameAsFresh(before: BudgetDocument, next: BudgetDocument): Finding[] {
  const session = new CheckSession(before);
  session.findings();
  session.update(next, { kind: 'areas', areas: ['narrative'] });
  const fresh = checkDocument(structuredClone(next));
  expect(session.findings()).toEqual(fresh);
  return fresh;
}

describe('setNarrativeText', () => {
  it('sets a reason, and the checks see it', () => {
    const sample = sampleDocument();
    const doc = ok(setNarrativeText(sample, 'reasons.total', ''));
    expect(doc.narrative.reasons.total).toBe('');
    expect(doc.narrative.reasons.generalBudget).toBe(sample.narrative.reasons.generalBudget);
    expect(sample.narrative.reasons.total).toBe('大力压减项目支出，有人员退休调出基本支出减少');
    expect(doc.tables).toBe(sample.tables);
    expect(doc.narrative.lastYear).toBe(sample.narrative.lastYear);
    const findings = expectSameAsFresh(sample, doc);
    const c2 = findings.find((f) => f.rule === 'C2' && f.subject === 'reasons.total');
    expect(c2?.level).toBe('提示');
    expect(c2?.message).toBe(
      '情况说明一 预算收入总计比上年减少59.12万元，下降9%，预算支出总计比上年减少59.12万元，下降9%，未填写收支增减变动的主要原因',
    );
    expect(checkDocument(sample).filter((f) => f.rule === 'C2' && f.subject === 'reasons.total')).toEqual([]);
  });

  it('sets the other texts: 截止日期, 车辆说明, 其他说明', () => {
    const sample = sampleDocument();
    let doc = ok(setNarrativeText(sample, 'assets.asOf', '2024年3月18日'));
    doc = ok(setNarrativeText(doc, 'assets.vehicleNote', '车辆已报废待处置'));
    doc = ok(setNarrativeText(doc, 'otherNotes', '无'));
    expect(doc.narrative.assets.asOf).toBe('2024年3月18日');
    expect(doc.narrative.assets.vehicleNote).toBe('车辆已报废待处置');
    expect(doc.narrative.assets.vehicles).toBe(sample.narrative.assets.vehicles);
    expect(doc.narrative.otherNotes).toBe('无');
    expect(narrativeText(doc, 'otherNotes')).toBe('无');
    const blank = ok(setNarrativeText(sample, 'assets.asOf', ''));
    const findings = expectSameAsFresh(sample, blank);
    expect(findings.find((f) => f.rule === 'D1' && f.subject === 'narrative.assets.asOf')?.message).toBe(
      '国有资产占有使用情况 截止日期未填写：公开的部门预算必须包含此项',
    );
  });

  it('returns the same document for the same text, and refuses an unknown field', () => {
    const sample = sampleDocument();
    const same = setNarrativeText(sample, 'reasons.total', sample.narrative.reasons.total);
    expect(same.ok && same.doc).toBe(sample);
    expect(failure(setNarrativeText(sample, 'reasons.nothing' as NarrativeTextField, 'x'))).toBe(
      '情况说明没有文字栏目“reasons.nothing”',
    );
    // A value field is not a text field.
    expect(failure(setNarrativeText(sample, 'procurement.goods' as NarrativeTextField, '1'))).toBe(
      '情况说明没有文字栏目“procurement.goods”',
    );
  });
});

describe('setNarrativeValue', () => {
  it('reads amounts as typed and stores them plain', () => {
    const sample = sampleDocument();
    const doc = ok(setNarrativeValue(sample, 'lastYear.totalIncome', ' 1,234.50 '));
    expect(doc.narrative.lastYear.totalIncome).toBe('1234.5');
    expect(doc.narrative.lastYear.threePublic).toBe(sample.narrative.lastYear.threePublic);
    const threePublic = ok(setNarrativeValue(doc, 'lastYear.threePublic.reception', '１．５'));
    expect(threePublic.narrative.lastYear.threePublic.reception).toBe('1.5');
    expect(threePublic.narrative.lastYear.totalIncome).toBe('1234.5');
    const area = ok(setNarrativeValue(sample, 'assets.officeArea', '856.32'));
    expect(area.narrative.assets.officeArea).toBe('856.32');
    const cleared = ok(setNarrativeValue(sample, 'procurement.goods', ''));
    expect(narrativeValue(cleared, 'procurement.goods')).toBe('');
  });

  it('re-checks the narrative: last year’s figure changes the stated change', () => {
    const sample = sampleDocument();
    const doc = ok(setNarrativeValue(sample, 'lastYear.totalIncome', '600'));
    expectSameAsFresh(sample, doc);
    const services = ok(setNarrativeValue(sample, 'procurement.services', '12.5'));
    expectSameAsFresh(sample, services);
  });

  it('reads counts as whole numbers', () => {
    const sample = sampleDocument();
    const doc = ok(setNarrativeValue(sample, 'assets.vehicles.leader', '２'));
    expect(doc.narrative.assets.vehicles.leader).toBe('2');
    expect(doc.narrative.assets.vehicles.confidential).toBe(sample.narrative.assets.vehicles.confidential);
    const quota = ok(setNarrativeValue(sample, 'assets.vehicleActual', '003'));
    expect(quota.narrative.assets.vehicleActual).toBe('3');
    // 实有 3 but one vehicle listed by kind: C7 says so, and the session agrees.
    const findings = expectSameAsFresh(sample, quota);
    expect(findings.some((f) => f.rule === 'C7')).toBe(true);
    expect(failure(setNarrativeValue(sample, 'assets.equipmentOver50', '1.5'))).toBe(
      '单价50万元以上通用设备：“1.5”不是个数，请输入不带单位的整数，如 12',
    );
    // Each kind of vehicle by its name.
    expect(failure(setNarrativeValue(sample, 'assets.vehicles.emergency', '2辆'))).toBe(
      '应急保障用车：“2辆”不是个数，请输入不带单位的整数，如 12',
    );
    // As section 十一 and a file problem name it.
    expect(failure(setNarrativeValue(sample, 'assets.vehicleQuota', '一辆'))).toBe(
      '公务用车编制数：“一辆”不是个数，请输入不带单位的整数，如 12',
    );
  });

  it('refuses what is not an amount, and negative amounts', () => {
    const sample = sampleDocument();
    expect(failure(setNarrativeValue(sample, 'lastYear.operatingExpenses', '三十四'))).toBe(
      '上年机关运行经费：“三十四”不是金额，请输入数字，如 1234.56 或 1,234.56',
    );
    expect(failure(setNarrativeValue(sample, 'procurement.works', '-3'))).toBe('政府采购工程：不能为负数');
    // The item's name as 表10 and section 七 print it.
    expect(failure(setNarrativeValue(sample, 'lastYear.threePublic.travelAbroad', 'x'))).toBe(
      '上年因公出国（境）费用：“x”不是金额，请输入数字，如 1234.56 或 1,234.56',
    );
    expect(failure(setNarrativeValue(sample, 'assets.asOf' as NarrativeValueField, '1'))).toBe(
      '情况说明没有数值栏目“assets.asOf”',
    );
    expect(failure(setNarrativeValue(sample, 'lastYear.threePublic' as NarrativeValueField, '1'))).toBe(
      '情况说明没有数值栏目“lastYear.threePublic”',
    );
  });
});

describe('parseCountInput', () => {
  it('reads whole numbers and blank', () => {
    expect(parseCountInput('')).toEqual({ ok: true, count: '' });
    expect(parseCountInput(' 0 ')).toEqual({ ok: true, count: '0' });
    expect(parseCountInput('０４４')).toEqual({ ok: true, count: '44' });
    expect(parseCountInput('-1')).toEqual({
      ok: false,
      message: '“-1”不是个数，请输入不带单位的整数，如 12',
    });
  });
});

describe('setNarrativeField', () => {
  it('sets a text as typed and a figure parsed, by the field alone', () => {
    const doc = sampleDocument();
    const reason = setNarrativeField(doc, 'reasons.total', '人员经费增加');
    expect(reason.ok && narrativeFieldText(reason.doc, 'reasons.total')).toBe('人员经费增加');
    const figure = setNarrativeField(doc, 'lastYear.totalIncome', '１,２３４.５');
    expect(figure.ok && narrativeFieldText(figure.doc, 'lastYear.totalIncome')).toBe('1234.5');
    const wrong = setNarrativeField(doc, 'assets.vehicleActual', '两辆');
    expect(wrong.ok ? '' : wrong.message).toContain('两辆');
  });
});
