import { describe, expect, it } from 'vitest';
import { computeForm } from '../forms/engine';
import { sampleDocument } from '../sample/sample2024';
import {
  copyRange,
  parseTabular,
  planClear,
  planPaste,
  positionOf,
  positionOfRow,
  storedRowsAt,
} from './grid';

// 表3 of the sample: columns code, name, total, basic, project; rows 201, 20103, 2010301, 2010302, …
const t3 = computeForm(sampleDocument(), 'T3');
const at = (row: number, column: number) => ({ row, column });
const range = (r1: number, c1: number, r2 = r1, c2 = c1) => ({ anchor: at(r1, c1), focus: at(r2, c2) });

describe('parseTabular', () => {
  it('reads Excel and WPS clipboard text: tabs, CRLF, a final line break, quoted cells', () => {
    expect(parseTabular('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTabular('a\n"b\nc"\t"say ""hi"""')).toEqual([['a'], ['b\nc', 'say "hi"']]);
    expect(parseTabular('\t5')).toEqual([['', '5']]);
    expect(parseTabular('')).toEqual([]);
  });
});

describe('copyRange', () => {
  it('copies amounts without separators and texts as shown, a line per row', () => {
    expect(copyRange(t3, range(2, 1, 3, 4))).toBe(
      '行政运行\t199.65\t199.65\t\r\n一般行政管理事务\t102.75\t\t102.75\r\n',
    );
  });
});

describe('planPaste', () => {
  it('pastes a 3×2 block of typed cells, reading 1,234.56 and full-width digits', () => {
    const plan = planPaste(t3, range(2, 3), parseTabular('1,234.56\t7\r\n８\t\r\n 9 \t10\r\n'));
    expect(plan).toEqual({
      ok: true,
      range: range(2, 3, 4, 4),
      changes: [
        {
          input: { collection: 't3', key: '2010301', field: 'basic' },
          amount: '1234.56',
          position: at(2, 3),
        },
        { input: { collection: 't3', key: '2010301', field: 'project' }, amount: '7', position: at(2, 4) },
        { input: { collection: 't3', key: '2010302', field: 'basic' }, amount: '8', position: at(3, 3) },
        { input: { collection: 't3', key: '2010302', field: 'project' }, amount: '', position: at(3, 4) },
        { input: { collection: 't3', key: '2010350', field: 'basic' }, amount: '9', position: at(4, 3) },
        { input: { collection: 't3', key: '2010350', field: 'project' }, amount: '10', position: at(4, 4) },
      ],
    });
  });

  it('refuses the whole block when a value is not an amount, naming the cell', () => {
    expect(
      planPaste(t3, range(2, 3), [
        ['1', '2'],
        ['3', '三'],
      ]),
    ).toEqual({
      ok: false,
      position: at(3, 4),
      message: '粘贴内容第2行第2列“三”不是金额，请输入数字，如 1234.56 或 1,234.56，未粘贴',
    });
  });

  it('refuses values landing on computed cells or outside the table', () => {
    const onTotal = planPaste(t3, range(2, 2), [['5', '6']]);
    expect(onTotal).toMatchObject({ ok: false, position: at(2, 2) });
    expect(onTotal.ok ? '' : onTotal.message).toBe('粘贴内容第1行第1列“5”落在自动计算的单元格上，未粘贴');
    const outside = planPaste(t3, range(2, 4), [['1', '2']]);
    expect(outside.ok ? '' : outside.message).toBe('粘贴内容第1行第2列超出了表格范围，未粘贴');
  });

  it('accepts a computed cell pasted with the value it already shows (a whole table copied back)', () => {
    const plan = planPaste(t3, range(2, 2), [['199.65', '100', '']]);
    expect(plan.ok && plan.changes.map((c) => [c.input.field, c.amount])).toEqual([
      ['basic', '100'],
      ['project', ''],
    ]);
  });

  it('fills a selected range with a single value', () => {
    const plan = planPaste(t3, range(2, 3, 3, 4), [['0']]);
    expect(plan.ok && plan.changes.map((c) => `${c.input.key}/${c.input.field}=${c.amount}`)).toEqual([
      '2010301/basic=0',
      '2010301/project=0',
      '2010302/basic=0',
      '2010302/project=0',
    ]);
  });
});

describe('planClear and positionOf', () => {
  it('clears only typed cells of a range', () => {
    expect(planClear(t3, range(1, 0, 2, 4)).map((c) => `${c.input.key}/${c.input.field}`)).toEqual([
      '2010301/basic',
      '2010301/project',
    ]);
  });

  it('finds where a cell a finding names is shown', () => {
    expect(positionOf(t3, { form: 'T3', row: '2010302', column: 'project' })).toEqual(at(3, 4));
    expect(positionOf(t3, { form: 'T3', row: 'nope', column: 'project' })).toBeUndefined();
  });
});

describe('positionOfRow and storedRowsAt', () => {
  it('finds a stored row in the grid, and the rows a grid row shows', () => {
    expect(positionOfRow(t3, 't3', '2010350')).toEqual(at(4, 3));
    expect(positionOfRow(t3, 't3', '9999999')).toBeUndefined();
    expect(storedRowsAt(t3, 4)).toEqual([{ collection: 't3', key: '2010350' }]);
    // A 类 row is computed: nothing stored to remove.
    expect(storedRowsAt(t3, 0)).toEqual([]);
  });
});
