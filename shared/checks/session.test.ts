import { describe, expect, it } from 'vitest';
import { getInput, inputKey, setInput, type InputRef } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { computeForm, formsOf } from '../forms/engine';
import { FORM_IDS, type CellRef, type FormId } from '../forms/types';
import { Decimal } from '../money';
import { sampleDocument } from '../sample/sample2024';
import { BETWEEN_TABLE_RULES } from './rules/betweenTables';
import { WITHIN_TABLE_RULES } from './rules/withinTables';
import { RULES } from './rules';
import { CheckSession, checkDocument } from './session';
import type { Finding, Rule } from './types';

const AB_RULES: readonly Rule[] = [...WITHIN_TABLE_RULES, ...BETWEEN_TABLE_RULES];
const AB_IDS = new Set(AB_RULES.map((r) => r.id));

interface TypedCell {
  readonly ref: CellRef;
  readonly input: InputRef;
}

/** Every typed amount of a document's forms, once each, as the grid offers them. */
function typedCells(doc: BudgetDocument): TypedCell[] {
  const cells = new Map<string, TypedCell>();
  for (const id of FORM_IDS) {
    for (const row of computeForm(doc, id).rows) {
      for (const cell of row.cells) {
        if (cell.type === 'amount' && cell.input && !cells.has(inputKey(cell.input))) {
          cells.set(inputKey(cell.input), { ref: cell.ref, input: cell.input });
        }
      }
    }
  }
  return [...cells.values()];
}

/** The value + 1, or 1 where the cell is blank. */
function plusOne(doc: BudgetDocument, input: InputRef): string {
  const stored = getInput(doc, input) ?? '';
  return stored === '' ? '1' : new Decimal(stored).plus(1).toFixed();
}

/**
 * A check of a copy of the document: its own form evaluator, sharing no cached values with a session
 * that advanced incrementally to the same document.
 */
function freshCheck(doc: BudgetDocument, rules?: readonly Rule[]): Finding[] {
  return checkDocument(structuredClone(doc), rules ? { rules } : {});
}

/**
 * Tests that compare hundreds of incremental re-checks with fresh checks of the sample: about two seconds
 * alone, more on a busy machine, where vitest's default of five may not be enough.
 */
const SLOW = 30_000;

function key(finding: Finding): string {
  return `${finding.rule} ${finding.subject} ${finding.level}`;
}

describe('CheckSession: incremental re-check equals a fresh check', () => {
  it('after every typed amount of the sample changes by 1 and back', { timeout: SLOW }, () => {
    const sample = sampleDocument();
    const cells = typedCells(sample);
    expect(cells).toHaveLength(217);
    const baseline = freshCheck(sample);
    const session = new CheckSession(sample);
    expect(session.findings()).toEqual(baseline);
    let doc = sample;
    let incremental = 0;
    for (const { input } of cells) {
      const original = getInput(doc, input) ?? '';
      const evaluator = formsOf(doc);
      const changed = setInput(doc, input, plusOne(doc, input));
      session.update(changed, { kind: 'input', input });
      // The session moved its evaluator along instead of rebuilding everything.
      if (formsOf(changed) === evaluator) incremental++;
      expect(session.findings(), `${inputKey(input)} + 1`).toEqual(freshCheck(changed));
      doc = setInput(changed, input, original);
      session.update(doc, { kind: 'input', input });
      expect(session.findings(), `${inputKey(input)} back`).toEqual(baseline);
    }
    // Every change is incremental, even 表2 政府性基金预算, which lays 表7 out again in place.
    expect(incremental).toBe(cells.length);
  });

  it('after a structural change (a row added) and a text change', () => {
    const sample = sampleDocument();
    const session = new CheckSession(sample);
    const withRow: BudgetDocument = {
      ...sample,
      tables: {
        ...sample.tables,
        t3: {
          rows: [
            ...sample.tables.t3.rows,
            { functionCode: '2010308', name: '信访事务', basic: '5', project: '' },
          ],
        },
      },
    };
    session.update(withRow, { kind: 'structure' });
    const afterRow = session.findings();
    expect(afterRow).toEqual(freshCheck(withRow));
    expect(afterRow.filter((f) => AB_IDS.has(f.rule)).map(key)).toEqual([
      'A3 T1/balance 错误',
      'B2 2010308 错误',
      'B6 unit/u3 提示',
    ]);

    // 表10 运行维护费 with a 表6 款, then the vehicles go from the narrative: only B7's vehicle check reads it.
    let cars = setInput(withRow, { collection: 't10', key: 'vehicleOperation', field: 'generalBudget' }, '2');
    cars = {
      ...cars,
      tables: {
        ...cars.tables,
        t6: {
          rows: [
            ...cars.tables.t6.rows,
            { departmentCode: '30231', governmentCode: '50208', note: '', personnel: '', public: '2' },
          ],
        },
      },
    };
    session.update(cars, { kind: 'structure' });
    expect(session.findings()).toEqual(freshCheck(cars));
    const noCars: BudgetDocument = {
      ...cars,
      narrative: { ...cars.narrative, assets: { ...cars.narrative.assets, vehicleActual: '0' } },
    };
    session.update(noCars, { kind: 'areas', areas: ['narrative'] });
    const afterText = session.findings();
    expect(afterText).toEqual(freshCheck(noCars));
    expect(afterText.filter((f) => f.rule === 'B7').map(key)).toEqual(['B7 vehicles 提示']);
  });

  it('after a change of units and of names (areas that change the checks themselves)', () => {
    const sample = sampleDocument();
    const session = new CheckSession(sample);
    const parttime: BudgetDocument = {
      ...sample,
      units: sample.units.map((u) => (u.id === 'u3' ? { ...u, type: '参公事业' as const } : u)),
    };
    session.update(parttime, { kind: 'areas', areas: ['units'] });
    expect(session.findings()).toEqual(freshCheck(parttime));
    expect(session.findings().filter((f) => AB_IDS.has(f.rule))).toEqual([]);
    const renamed: BudgetDocument = {
      ...parttime,
      tables: {
        ...parttime.tables,
        t5: {
          rows: parttime.tables.t5.rows.map((r) =>
            r.functionCode === '2010301' ? { ...r, name: '行政运行费' } : r,
          ),
        },
      },
    };
    session.update(renamed, { kind: 'areas', areas: ['names'] });
    expect(session.findings()).toEqual(freshCheck(renamed));
    expect(session.findings().map(key)).toEqual(
      expect.arrayContaining(['B8 t5/2010301/other-name 提示', 'B8 2010301/names 提示']),
    );
  });

  it('with stated values (an import), re-checks from scratch after an input', () => {
    const sample = sampleDocument();
    const stated = new Map([['T3/201/basic', new Decimal('357.80')]]);
    const session = new CheckSession(sample, { rules: AB_RULES, stated });
    expect(session.findings().map(key)).toEqual(['B6 unit/u3 提示']);
    const input: InputRef = { collection: 't3', key: '2010301', field: 'basic' };
    const next = setInput(sample, input, '200.65');
    session.update(next, { kind: 'input', input });
    expect(session.findings()).toEqual(checkDocument(structuredClone(next), { rules: AB_RULES, stated }));
    expect(session.findings().map(key)).toEqual([
      'A1 T3/201/basic 错误',
      'A3 T1/balance 错误',
      'B2 2010301 错误',
      'B6 unit/u3 提示',
    ]);
  });
});

/** Runs what is left of a session's steps; how many there were. */
function finish(steps: Iterator<void>): number {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
}

describe('CheckSession: checking and preparing in steps', () => {
  it('checks a rule a step, with a fresh check’s findings; the findings asked for finish it at once', () => {
    const sample = sampleDocument();
    const session = new CheckSession(sample);
    expect(session.isChecked).toBe(false);
    const steps = session.preparation();
    for (let rule = 1; rule < RULES.length; rule++) steps.next();
    expect(session.isChecked).toBe(false);
    steps.next();
    expect(session.isChecked).toBe(true);
    expect(session.findings()).toEqual(freshCheck(sample));
    // Then the sample's 484 checks indexed in one part each (amounts read, areas), and the forms' graph a
    // step at a time (a form entered brings in the forms it names).
    const rest = finish(steps);
    expect(rest).toBeGreaterThan(2);
    expect(rest).toBeLessThanOrEqual(2 + FORM_IDS.length + 2);
    expect(session.isPrepared).toBe(true);

    // Asked for before the steps, the findings finish the check; the steps then make the checks kept by
    // none (a rule a step), and go on as before (on a document of its own: a document's forms are
    // computed once, whoever asks).
    const asked = new CheckSession(sampleDocument());
    expect(asked.findings()).toEqual(freshCheck(sample));
    expect(asked.isChecked).toBe(true);
    expect(finish(asked.preparation())).toBe(RULES.length + rest);
    expect(asked.isPrepared).toBe(true);
  });

  it('gives a fresh check’s findings when edits come before, between and after the steps', () => {
    const sample = sampleDocument();
    const first: InputRef = { collection: 't3', key: '2010301', field: 'basic' };
    const second: InputRef = { collection: 't2', key: '2010301', field: 'generalBudget' };
    const project: InputRef = { collection: 't12', key: 'p03', field: 'generalBudget' };
    // An edit before any step: the session checks and makes its checks itself, from the document it
    // checked.
    const early = new CheckSession(sample);
    let doc = setInput(sample, first, '200.65');
    early.update(doc, { kind: 'input', input: first });
    expect(early.findings()).toEqual(freshCheck(doc));
    finish(early.preparation());
    expect(early.findings()).toEqual(freshCheck(doc));

    // Edits between the steps: an amount (in the middle of the check), a text, an amount, a row added,
    // an amount.
    const session = new CheckSession(sample);
    const total = finish(new CheckSession(sampleDocument()).preparation());
    const steps = session.preparation();
    doc = sample;
    const edits: ((d: BudgetDocument) => [BudgetDocument, Parameters<CheckSession['update']>[1]])[] = [
      (d) => [setInput(d, first, '200.65'), { kind: 'input', input: first }],
      (d) => [
        { ...d, narrative: { ...d.narrative, otherNotes: '2023年预算含一次性项目' } },
        { kind: 'areas', areas: ['narrative'] },
      ],
      (d) => [setInput(d, project, '20'), { kind: 'input', input: project }],
      (d) => [
        {
          ...d,
          tables: {
            ...d.tables,
            t3: {
              rows: [
                ...d.tables.t3.rows,
                { functionCode: '2010308', name: '信访事务', basic: '5', project: '' },
              ],
            },
          },
        },
        { kind: 'structure' },
      ],
      (d) => [setInput(d, second, '1'), { kind: 'input', input: second }],
    ];
    // The first edit lands among the rules' runs, the others at the indexes and among the forms' steps.
    const at = [
      RULES.length >> 1,
      ...edits.slice(1).map(() => Math.ceil((total - RULES.length) / edits.length)),
    ];
    for (const [i, edit] of edits.entries()) {
      for (let step = 0; step < (at[i] ?? 0); step++) steps.next();
      const [next, change] = edit(doc);
      session.update(next, change);
      doc = next;
      expect(session.findings()).toEqual(freshCheck(doc));
    }
    // The row added (a full check) ended the steps, and left it to prepare again.
    expect(steps.next().done).toBe(true);
    expect(session.isPrepared).toBe(false);
    finish(session.preparation());
    expect(session.isPrepared).toBe(true);
    const last: InputRef = { collection: 't3', key: '2010308', field: 'basic' };
    doc = setInput(doc, last, '7');
    session.update(doc, { kind: 'input', input: last });
    expect(session.findings()).toEqual(freshCheck(doc));
  });

  it('starts the check again when rows change during it: the old steps end, the new ones finish it', () => {
    const sample = sampleDocument();
    const session = new CheckSession(sample);
    const steps = session.preparation();
    for (let rule = 0; rule < RULES.length >> 1; rule++) steps.next();
    const t3 = {
      rows: [
        ...sample.tables.t3.rows,
        { functionCode: '2010308', name: '信访事务', basic: '5', project: '' },
      ],
    };
    const doc = { ...sample, tables: { ...sample.tables, t3 } };
    session.update(doc, { kind: 'structure' });
    expect(steps.next().done).toBe(true);
    expect(session.isChecked).toBe(false);
    finish(session.preparation());
    expect(session.isChecked).toBe(true);
    expect(session.isPrepared).toBe(true);
    expect(session.findings()).toEqual(freshCheck(doc));
  });

  it('says whether it is prepared: not after a full check (opening, rows added), yes after the steps', () => {
    const sample = sampleDocument();
    const session = new CheckSession(sample);
    const steps = session.preparation();
    let ran = 0;
    while (!session.isPrepared && !steps.next().done) ran++;
    expect(session.isPrepared).toBe(true);
    // Not before the forms' graph had steps of its own (a form entered brings in the forms it names).
    expect(ran).toBeGreaterThan(RULES.length + 3);
    // A typed amount and a text keep what was built …
    const input: InputRef = { collection: 't3', key: '2010301', field: 'basic' };
    let doc = setInput(sample, input, '200.65');
    session.update(doc, { kind: 'input', input });
    doc = { ...doc, narrative: { ...doc.narrative, otherNotes: '2023年预算含一次性项目' } };
    session.update(doc, { kind: 'areas', areas: ['narrative'] });
    expect(session.isPrepared).toBe(true);
    // … a row added checks everything again, and drops it.
    const t3 = {
      rows: [...doc.tables.t3.rows, { functionCode: '2010308', name: '信访事务', basic: '5', project: '' }],
    };
    session.update({ ...doc, tables: { ...doc.tables, t3 } }, { kind: 'structure' });
    expect(session.isChecked).toBe(false);
    expect(session.isPrepared).toBe(false);
    session.prepare();
    expect(session.isChecked).toBe(true);
    expect(session.isPrepared).toBe(true);
  });
});

describe('CheckSession: explanations (说明)', () => {
  // 表6 公用经费 one more than 表11: B6 asks (提示), and 表5 no longer matches 表6 (B4, 错误).
  const publicInput: InputRef = { collection: 't6', key: '30201-50201', field: 'public' };
  const explained = (doc: BudgetDocument): BudgetDocument => ({
    ...doc,
    explanations: [
      {
        ruleId: 'B6',
        subject: 'T11/T6',
        basis: '30.41|31.41',
        text: '差额 1.00 为综合保障中心（事业单位）的公用经费',
      },
      { ruleId: 'B6', subject: 'unit/u3', basis: '事业', text: '综合保障中心按原表列示' },
      { ruleId: 'B4', subject: 'T5/T6', basis: '481.68|482.68', text: '错误不能以说明了结' },
    ],
  });

  it('carries the text of a matching explanation on a 提示, never on an 错误', () => {
    const doc = explained(setInput(sampleDocument(), publicInput, '8.84'));
    const findings = checkDocument(doc, { rules: AB_RULES });
    expect(findings.map((f) => [f.rule, f.level, f.subject, f.basis, f.explanation])).toEqual([
      ['B4', '错误', 'T5/T6', '481.68|482.68', null],
      ['B6', '提示', 'T11/T6', '30.41|31.41', '差额 1.00 为综合保障中心（事业单位）的公用经费'],
      ['B6', '提示', 'unit/u3', '事业', '综合保障中心按原表列示'],
    ]);
  });

  it('drops the explanation when the numbers behind the finding change, and restores it when they return', () => {
    const doc = explained(setInput(sampleDocument(), publicInput, '8.84'));
    const session = new CheckSession(doc, { rules: AB_RULES });
    const b6 = () => session.findings().find((f) => f.rule === 'B6' && f.subject === 'T11/T6');
    expect(b6()?.explanation).toBe('差额 1.00 为综合保障中心（事业单位）的公用经费');

    const more = setInput(doc, publicInput, '9.84');
    session.update(more, { kind: 'input', input: publicInput });
    expect(b6()?.message).toBe(
      '表11 部门合计 合计 30.41 ≠ 表6 合计 公用经费 32.41，相差 2.00：请确认差额是否为事业单位的公用经费',
    );
    expect(b6()?.basis).toBe('30.41|32.41');
    expect(b6()?.explanation).toBeNull();
    // The unit's 提示 is about the unit, not the numbers: still explained.
    expect(session.findings().find((f) => f.subject === 'unit/u3')?.explanation).toBe(
      '综合保障中心按原表列示',
    );
    expect(session.findings()).toEqual(checkDocument(structuredClone(more), { rules: AB_RULES }));

    session.update(doc, { kind: 'input', input: publicInput });
    expect(b6()?.explanation).toBe('差额 1.00 为综合保障中心（事业单位）的公用经费');
  });

  it('does not explain a finding of another rule or subject with the same basis', () => {
    const doc: BudgetDocument = {
      ...sampleDocument(),
      explanations: [
        { ruleId: 'B7', subject: 'unit/u3', basis: '事业', text: '规则不符' },
        { ruleId: 'B6', subject: 'unit/u2', basis: '事业', text: '主体不符' },
      ],
    };
    expect(checkDocument(doc, { rules: AB_RULES }).map((f) => f.explanation)).toEqual([null]);
  });
});

describe('CheckSession: order', () => {
  it('lists 错误 first, then 提示, each in catalog order', () => {
    // 公用经费 typed on a 301 row: A6 and B6 ask, B4 fails; plus the sample's B6 about the 事业 unit.
    const doc = setInput(sampleDocument(), { collection: 't6', key: '30101-50101', field: 'public' }, '1');
    const findings = checkDocument(doc, { rules: AB_RULES });
    expect(findings.map(key)).toEqual([
      'B4 T5/T6 错误',
      'A6 30101-50101/public 提示',
      'B6 T11/T6 提示',
      'B6 unit/u3 提示',
    ]);
  });

  it('keeps that order with many findings, after incremental updates too', () => {
    const sample = sampleDocument();
    const session = new CheckSession(sample, { rules: AB_RULES });
    let doc = sample;
    for (const input of [
      { collection: 't10', key: 'reception', field: 'generalBudget' },
      { collection: 't6', key: '30201-50201', field: 'personnel' },
      { collection: 't2', key: '2010301', field: 'generalBudget' },
      { collection: 't11', key: 'u1', field: 'generalBudget' },
    ] as const) {
      doc = setInput(doc, input, plusOne(doc, input));
      session.update(doc, { kind: 'input', input });
    }
    const levels = session.findings().map((f) => f.level);
    expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === '错误' ? -1 : 1)));
    expect(levels.filter((l) => l === '错误').length).toBeGreaterThanOrEqual(4);
    expect(levels.filter((l) => l === '提示').length).toBeGreaterThanOrEqual(3);
    const ruleOrder = AB_RULES.map((r) => r.id);
    for (const level of ['错误', '提示'] as const) {
      const ids = session
        .findings()
        .filter((f) => f.level === level)
        .map((f) => ruleOrder.indexOf(f.rule));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });
});

/**
 * What one typed amount of the sample breaks when it changes (CHECKS.md), as `rule subject level`:
 * {code} is the row's 功能科目 (表12: the project's), {row} the row key. Levels default to 错误.
 */
const EXPECTED: readonly {
  readonly kind: string;
  readonly form: FormId;
  readonly columns?: readonly string[];
  readonly rows?: RegExp;
  readonly breaks: readonly string[];
}[] = [
  {
    kind: '表2 一般公共预算',
    form: 'T2',
    columns: ['generalBudget'],
    breaks: ['A3 T1/balance', 'A3 T4/balance', 'B2 {code}', 'B3 T5/{code}'],
  },
  {
    kind: '表2 政府性基金预算',
    form: 'T2',
    columns: ['governmentFund'],
    breaks: ['A3 T1/balance', 'A3 T4/balance', 'B2 {code}', 'B3 T8/{code}'],
  },
  {
    kind: '表2 国有资本经营预算',
    form: 'T2',
    columns: ['stateCapital'],
    breaks: ['A3 T1/balance', 'A3 T4/balance', 'B2 {code}', 'B3 T9/{code}'],
  },
  {
    kind: '表2 财政专户管理资金、单位资金、上年结转 (not 财政拨款: 表4 unaffected)',
    form: 'T2',
    columns: ['specialAccount', 'unitFunds', 'carryOver'],
    breaks: ['A3 T1/balance', 'B2 {code}'],
  },
  // 表1's 类 lines are 表3's, so B1 holds; 表1 no longer balances (A3).
  { kind: '表3 基本支出', form: 'T3', columns: ['basic'], breaks: ['A3 T1/balance', 'B2 {code}'] },
  {
    kind: '表3 项目支出',
    form: 'T3',
    columns: ['project'],
    breaks: ['A3 T1/balance', 'B2 {code}', 'B5 T3', 'B5 code/{code}'],
  },
  {
    kind: '表5 基本支出',
    form: 'T5',
    columns: ['basic'],
    breaks: ['A3 T4/balance', 'B3 T5/{code}', 'B4 T5/T6'],
  },
  {
    kind: '表5 项目支出',
    form: 'T5',
    columns: ['project'],
    breaks: ['A3 T4/balance', 'B3 T5/{code}', 'B5 T5'],
  },
  {
    kind: '表6 人员经费 on 301/303',
    form: 'T6',
    columns: ['personnel'],
    rows: /^30[13]/,
    breaks: ['B4 T5/T6'],
  },
  {
    kind: '表6 人员经费 on 302/310',
    form: 'T6',
    columns: ['personnel'],
    rows: /^3(02|10)/,
    breaks: ['A6 {row}/personnel 提示', 'B4 T5/T6'],
  },
  // 表6 公用经费 rises above 表11 (提示: may be a 事业 unit's), and B4.
  {
    kind: '表6 公用经费 on 302/310',
    form: 'T6',
    columns: ['public'],
    rows: /^3(02|10)/,
    breaks: ['B4 T5/T6', 'B6 T11/T6 提示'],
  },
  {
    kind: '表6 公用经费 on 301/303',
    form: 'T6',
    columns: ['public'],
    rows: /^30[13]/,
    breaks: ['A6 {row}/public 提示', 'B4 T5/T6', 'B6 T11/T6 提示'],
  },
  // The sample's 表6 has none of 30212/30217/30231/31013: any 三公 amount asks.
  { kind: '表10 any item and source', form: 'T10', breaks: ['B7 {row} 提示'] },
  // 表11 rises above 表6 公用经费.
  { kind: '表11 any unit and source', form: 'T11', breaks: ['B6 T11/T6'] },
  {
    kind: '表12 一般公共预算',
    form: 'T12',
    columns: ['generalBudget'],
    breaks: ['B5 T3', 'B5 T5', 'B5 code/{code}'],
  },
  {
    kind: '表12 政府性基金预算',
    form: 'T12',
    columns: ['governmentFund'],
    breaks: ['B5 T3', 'B5 T8', 'B5 code/{code}'],
  },
  {
    kind: '表12 国有资本经营预算',
    form: 'T12',
    columns: ['stateCapital'],
    breaks: ['B5 T3', 'B5 T9', 'B5 code/{code}'],
  },
  {
    kind: '表12 财政专户管理资金、单位资金',
    form: 'T12',
    columns: ['specialAccount', 'unitFunds'],
    breaks: ['B5 T3', 'B5 code/{code}'],
  },
];

/**
 * A side that has no cell to point at is named in the message instead: a 科目 the other table does
 * not list, no project under a code, no 表6 款 for a “三公” item.
 */
const NO_CELL_ON_OTHER_SIDE = /表\d+ 未列科目 |的 0 个项目|，表6 无 /;

/** Rules that judge one typed cell on its own. */
const SINGLE_CELL_RULES = new Set(['A5', 'A6']);

describe('acceptance: one typed amount changed, check reports exactly what it breaks', () => {
  it('over every typed cell of the sample, naming the cells on both sides', { timeout: SLOW }, () => {
    const sample = sampleDocument();
    const own = new Set(freshCheck(sample).map((f) => `${f.rule}|${f.subject}|${f.message}`));
    const codeOf = new Map(sample.projects.map((p) => [p.id, p.functionCode]));
    const used = new Set<string>();
    const cells = typedCells(sample);
    expect(cells).toHaveLength(217);

    for (const { ref, input } of cells) {
      const where = `${ref.form}/${ref.row}/${ref.column}`;
      const kinds = EXPECTED.filter(
        (e) =>
          e.form === ref.form &&
          (!e.columns || e.columns.includes(ref.column)) &&
          (!e.rows || e.rows.test(ref.row)),
      );
      expect(
        kinds.map((k) => k.kind),
        `${where}: one kind of input`,
      ).toHaveLength(1);
      const [kind] = kinds;
      if (!kind) continue;
      used.add(kind.kind);
      const code = ref.form === 'T12' ? (codeOf.get(ref.row) ?? '') : ref.row;
      const expected = kind.breaks
        .map((b) => b.replace('{code}', code).replace('{row}', ref.row))
        .map((b) => (/ (错误|提示)$/.test(b) ? b : `${b} 错误`));

      const next = setInput(sample, input, plusOne(sample, input));
      const fresh = freshCheck(next).filter((f) => !own.has(`${f.rule}|${f.subject}|${f.message}`));
      const added = fresh.filter((f) => AB_IDS.has(f.rule));

      // (1) and (2): exactly the expected rules, subjects and levels.
      expect(added.map(key).sort(), where).toEqual([...expected].sort());
      expect(new Set(added.map((f) => f.rule)), where).toEqual(new Set(expected.map((e) => e.split(' ')[0])));
      for (const finding of added) {
        const context = `${where}: ${finding.message}`;
        // The message shows the change of 1.00 (as a difference, or as the amount itself).
        expect(finding.message, context).toMatch(/(相差|超出) 1\.00| 1\.00[：，]/);
        // (3): a cell of the edited table, and a cell of the other side (or the side's absence named).
        const forms = finding.targets.flatMap((t) => (t.kind === 'cell' ? [t.form] : []));
        expect(forms, context).toContain(ref.form);
        if (SINGLE_CELL_RULES.has(finding.rule)) {
          expect(finding.targets, context).toEqual([{ kind: 'cell', ...ref }]);
        } else if (!NO_CELL_ON_OTHER_SIDE.test(finding.message)) {
          expect(
            forms.some((form) => form !== ref.form),
            context,
          ).toBe(true);
        }
      }
    }
    expect([...used].sort()).toEqual(EXPECTED.map((e) => e.kind).sort());
  });
});
