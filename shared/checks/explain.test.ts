import { describe, expect, it } from 'vitest';
import { setInput } from '../document/inputs';
import { sampleDocument } from '../sample/sample2024';
import { explainFinding, EXPLANATION_CHANGE } from './explain';
import { CheckSession } from './session';

describe('explainFinding', () => {
  it('marks a 提示 explained while its numbers are unchanged, and withdraws it when emptied', () => {
    const session = new CheckSession(sampleDocument());
    const c7 = session.findings().find((f) => f.rule === 'C7');
    expect(c7?.level).toBe('提示');
    if (!c7) return;

    const explained = explainFinding(session.doc, c7, '  实有车辆为上级调拨，已报批  ');
    expect(explained.explanations).toEqual([
      { ruleId: 'C7', subject: c7.subject, basis: c7.basis, text: '实有车辆为上级调拨，已报批' },
    ]);
    session.update(explained, EXPLANATION_CHANGE);
    expect(session.findings().find((f) => f.rule === 'C7')?.explanation).toBe('实有车辆为上级调拨，已报批');

    const withdrawn = explainFinding(session.doc, c7, ' ');
    expect(withdrawn.explanations).toEqual([]);
    session.update(withdrawn, EXPLANATION_CHANGE);
    expect(session.findings().find((f) => f.rule === 'C7')?.explanation).toBeNull();
  });

  it('leaves 错误 findings alone: they must be corrected, not explained', () => {
    const doc = setInput(sampleDocument(), { collection: 't3', key: '2010301', field: 'basic' }, '1');
    const session = new CheckSession(doc);
    const error = session.findings().find((f) => f.level === '错误');
    expect(error).toBeDefined();
    if (error) expect(explainFinding(doc, error, '说明')).toBe(doc);
  });
});
