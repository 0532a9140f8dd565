import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../document/create';
import type { BudgetDocument } from '../../document/schema';
import { sampleDocument } from '../../sample/sample2024';
import { checkDocument } from '../session';
import type { Finding } from '../types';
import { COMPLETENESS_RULES } from './completeness';

const findings = (doc: BudgetDocument): Finding[] => checkDocument(doc, { rules: COMPLETENESS_RULES });

/** The sample with one change. */
function edited(change: (doc: BudgetDocument) => void): BudgetDocument {
  const doc = sampleDocument();
  change(doc);
  return doc;
}

describe('the sample', () => {
  it('is complete: no D findings', () => {
    expect(findings(sampleDocument())).toEqual([]);
  });
});

describe('D1 公开文本必备的填写内容', () => {
  it('flags each missing part of a new document at its field', () => {
    const found = findings(emptyDocument('新绛县教育局', 2025));
    expect(found.map((f) => [f.rule, f.level, f.subject])).toEqual([
      ['D1', '错误', 'overview.responsibilities'],
      ['D1', '错误', 'overview.organization'],
      ['D1', '错误', 'coverDate'],
      ['D1', '错误', 'narrative.assets.asOf'],
    ]);
    expect(found[0]?.message).toBe('第一部分 概况 主要职能未填写：公开的部门预算必须包含此项');
    expect(found[2]?.targets).toEqual([{ kind: 'field', path: 'coverDate', label: '封面日期' }]);
  });

  it('flags an empty glossary and a blank 整体 declaration unit name', () => {
    const doc = edited((d) => {
      d.glossary = [{ term: '基本支出', definition: ' ' }];
      d.performance.overall.unitName = '';
      d.overview.responsibilities = [''];
    });
    const found = findings(doc);
    expect(found.map((f) => f.subject)).toEqual([
      'overview.responsibilities',
      'glossary',
      'performance.overall.unitName',
    ]);
    expect(found[1]?.message).toBe('第四部分 名词解释未填写：公开的部门预算必须包含此项');
    expect(found[1]?.targets).toEqual([{ kind: 'field', path: 'glossary', label: '第四部分 名词解释' }]);
    expect(found[2]?.message).toBe('部门整体支出绩效目标申报表 单位名称未填写：公开的部门预算必须包含此项');
    expect(found[2]?.targets).toEqual([
      {
        kind: 'field',
        path: 'performance.overall.unitName',
        label: '部门整体支出绩效目标申报表 单位名称',
      },
    ]);
  });
});

describe('D2 功能科目到“项”，表6 科目到“款”', () => {
  it('flags a 款 or 类 padded with zeros where a 项 belongs', () => {
    const doc = edited((d) => {
      const [first] = d.tables.t3.rows;
      if (first) d.tables.t3.rows[0] = { ...first, functionCode: '2010300' };
      d.tables.t9.incomeRows.push({ functionCode: '2080000', name: '', amount: '1' });
    });
    const found = findings(doc);
    expect(found.map((f) => [f.rule, f.level, f.subject])).toEqual([
      ['D2', '错误', 'T3/2010300'],
      ['D2', '错误', 'T9/income:2080000'],
    ]);
    expect(found[0]?.message).toBe(
      '表3 科目 2010300 不是“项”级科目：末两位为 0，实为“款”20103 政府办公厅（室）及相关机构事务；支出功能分类应细化到“项”级',
    );
    expect(found[0]?.targets).toEqual([{ kind: 'cell', form: 'T3', row: '2010300', column: 'code' }]);
    expect(found[1]?.message).toBe(
      '表9 科目 2080000 不是“项”级科目：末四位为 0，实为“类”208 社会保障和就业支出；支出功能分类应细化到“项”级',
    );
    expect(found[1]?.targets).toEqual([
      { kind: 'cell', form: 'T9', row: 'income:2080000', column: 'incomeCode' },
    ]);
  });

  it('is silent on real 项 codes, including those ending in 50 or 99', () => {
    // The sample has 2010350 事业运行 and 2010399 其他政府办公厅（室）及相关机构事务支出.
    const doc = edited((d) => {
      d.tables.t8.rows.push({ functionCode: '2130199', name: '其他农业农村支出', basic: '', project: '1' });
    });
    expect(findings(doc)).toEqual([]);
  });

  it('flags a 表6 row whose 经济 code is a 类', () => {
    const doc = edited((d) => {
      const [first] = d.tables.t6.rows;
      if (first) d.tables.t6.rows[0] = { ...first, departmentCode: '30100' };
    });
    const found = findings(doc);
    expect(found.map((f) => [f.rule, f.level, f.subject])).toEqual([
      ['D2', '错误', 'T6/30100-50101/departmentCode'],
    ]);
    expect(found[0]?.message).toBe(
      '表6 部门预算支出经济分类科目 30100 不是“款”级科目：末两位为 0，实为“类”301 工资福利支出；表6 应细化到“款”级',
    );
    expect(found[0]?.targets).toEqual([
      { kind: 'cell', form: 'T6', row: '30100-50101', column: 'departmentCode' },
    ]);
  });
});
