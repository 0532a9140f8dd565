import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../sample/sample2024';
import { getInput, InputError, InputReader, setInput } from './inputs';

describe('typed inputs', () => {
  const doc = sampleDocument();

  it('reads a typed amount wherever it lives', () => {
    expect(getInput(doc, { collection: 't2', key: '2010301', field: 'generalBudget' })).toBe('199.65');
    expect(getInput(doc, { collection: 't6', key: '30107-50501', field: 'personnel' })).toBe('66.87');
    expect(getInput(doc, { collection: 't11', key: 'u2', field: 'generalBudget' })).toBe('4.76');
    expect(getInput(doc, { collection: 't12', key: 'p02', field: 'generalBudget' })).toBe('31.00');
    expect(getInput(doc, { collection: 't13', key: 'p02', field: 'generalBudget' })).toBeUndefined();
    expect(getInput(doc, { collection: 't3', key: '2999999', field: 'basic' })).toBeUndefined();
  });

  it('reads as getInput does through a reader that indexes each collection once', () => {
    const reader = new InputReader(doc);
    const refs = [
      { collection: 't2', key: '2010301', field: 'generalBudget' },
      { collection: 't6', key: '30107-50501', field: 'personnel' },
      { collection: 't11', key: 'u2', field: 'generalBudget' },
      { collection: 't12', key: 'p02', field: 'generalBudget' },
      // A project without carry-over, a row that does not exist, a 表10 item nobody typed.
      { collection: 't13', key: 'p02', field: 'generalBudget' },
      { collection: 't3', key: '2999999', field: 'basic' },
      { collection: 't10', key: 'reception', field: 'generalBudget' },
    ] as const;
    expect(refs.map((ref) => reader.stored(ref.collection, ref.key, ref.field))).toEqual([
      '199.65',
      '66.87',
      '4.76',
      '31.00',
      undefined,
      undefined,
      '',
    ]);
    expect(refs.map((ref) => reader.stored(ref.collection, ref.key, ref.field))).toEqual(
      refs.map((ref) => getInput(doc, ref)),
    );
  });

  it('gives a typed amount as a value, parsed once for every cell that has the same text', () => {
    const reader = new InputReader(doc);
    // 行政运行 199.65 is typed in 表2 and again in 表3 (basic).
    const t2 = reader.amount({ collection: 't2', key: '2010301', field: 'generalBudget' });
    const t3 = reader.amount({ collection: 't3', key: '2010301', field: 'basic' });
    expect(t2?.toFixed(2)).toBe('199.65');
    expect(t3).toBe(t2);
    expect(reader.amount({ collection: 't6', key: '30107-50501', field: 'personnel' })?.toFixed(2)).toBe(
      '66.87',
    );
    // Blank, not typed, no such row: no value.
    expect(reader.amount({ collection: 't10', key: 'reception', field: 'generalBudget' })).toBeNull();
    expect(reader.amount({ collection: 't13', key: 'p02', field: 'generalBudget' })).toBeNull();
    expect(reader.amount({ collection: 't3', key: '2999999', field: 'basic' })).toBeNull();
  });

  it('writes a new document and leaves the old one as it was', () => {
    const next = setInput(doc, { collection: 't5', key: '2210201', field: 'basic' }, '40');
    expect(getInput(next, { collection: 't5', key: '2210201', field: 'basic' })).toBe('40');
    expect(getInput(doc, { collection: 't5', key: '2210201', field: 'basic' })).toBe('36.29');
    expect(next.tables.t3).toBe(doc.tables.t3);
  });

  it('creates a 表10 item row and brings a project into 表13 on first entry', () => {
    const withReception = setInput(
      doc,
      { collection: 't10', key: 'reception', field: 'generalBudget' },
      '0.5',
    );
    expect(withReception.tables.t10.rows).toEqual([
      { item: 'reception', generalBudget: '0.5', governmentFund: '', stateCapital: '' },
    ]);
    const carried = setInput(doc, { collection: 't13', key: 'p03', field: 'governmentFund' }, '2');
    expect(carried.projects[2]?.carryOver).toEqual({
      generalBudget: '',
      governmentFund: '2',
      stateCapital: '',
    });
  });

  it('refuses a row or field that is not there', () => {
    expect(() => setInput(doc, { collection: 't3', key: '2999999', field: 'basic' }, '1')).toThrow(
      InputError,
    );
    expect(() => setInput(doc, { collection: 't3', key: '2010301', field: 'total' }, '1')).toThrow(
      InputError,
    );
    expect(() => setInput(doc, { collection: 't12', key: 'p99', field: 'generalBudget' }, '1')).toThrow(
      InputError,
    );
    expect(() => setInput(doc, { collection: 't10', key: 'gifts', field: 'generalBudget' }, '1')).toThrow(
      InputError,
    );
  });
});
