import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../sample/sample2024';
import { emptyDocument } from './create';
import { describePath, parseDocument, serializeDocument, serializeForJournal, type LoadResult } from './file';
import type { z } from 'zod';
import { budgetDocumentSchema, CURRENT_FORMAT_VERSION } from './schema';

type Raw = Record<string, unknown>;

function sampleJson(): Raw {
  return JSON.parse(serializeDocument(sampleDocument())) as Raw;
}

function load(raw: unknown): LoadResult {
  return parseDocument(JSON.stringify(raw));
}

function problemsOf(result: LoadResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('the document file', () => {
  it('round-trips the sample and an empty document unchanged', () => {
    for (const document of [sampleDocument(), emptyDocument('新绛县教育局', 2025)]) {
      const text = serializeDocument(document);
      const result = parseDocument(text);
      expect(result).toEqual({ ok: true, document, migratedFrom: null });
      if (result.ok) expect(serializeDocument(result.document)).toBe(text);
    }
  });

  it('reads back the recovery journal’s one-line JSON as the same document', () => {
    const document = sampleDocument();
    const text = serializeForJournal(document);
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThan(serializeDocument(document).length * 0.8);
    expect(parseDocument(text)).toEqual({ ok: true, document, migratedFrom: null });
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseDocument(`\uFEFF${serializeDocument(sampleDocument())}`).ok).toBe(true);
  });

  it('names a non-numeric amount: where, what, and what was expected', () => {
    const raw = sampleJson();
    const tables = raw.tables as { t2: { rows: Raw[] } };
    (tables.t2.rows[3] as Raw).generalBudget = '35元';
    const [problem, ...others] = problemsOf(load(raw));
    expect(others).toEqual([]);
    expect(problem).toEqual({
      path: 'tables.t2.rows[3].generalBudget',
      where: '报表 表2 第4行（2010399） 一般公共预算',
      found: '35元',
      expected: '金额：数字（如 123.45）或空字符串',
    });
  });

  it('names an amount typed as a JSON number, and a year out of range, in Chinese', () => {
    const raw = sampleJson();
    const tables = raw.tables as { t3: { rows: Raw[] } };
    (tables.t3.rows[0] as Raw).basic = 12.5;
    raw.year = 1899;
    expect(problemsOf(load(raw))).toEqual([
      { path: 'year', where: '年度', found: '1899', expected: '不小于 2000 的数' },
      {
        path: 'tables.t3.rows[0].basic',
        where: '报表 表3 第1行（2010301） 基本支出',
        found: '12.5',
        expected: '金额：数字（如 123.45）或空字符串',
      },
    ]);
    raw.year = 2101;
    expect(problemsOf(load(raw))[0]).toMatchObject({ path: 'year', expected: '不大于 2100 的数' });
  });

  it('names a missing field', () => {
    const raw = sampleJson();
    delete (raw.department as Raw).name;
    expect(problemsOf(load(raw))).toEqual([
      { path: 'department.name', where: '部门 名称', found: '', expected: '缺少此字段（文字）' },
    ]);
  });

  it('names a wrong enum value and an unknown key', () => {
    const raw = sampleJson();
    (raw.units as Raw[])[1] = { ...(raw.units as Raw[])[1], type: '企业', colour: 'red' };
    const problems = problemsOf(load(raw));
    expect(problems.map((p) => [p.path, p.found])).toEqual([
      ['units[1].type', '企业'],
      ['units[1]', JSON.stringify({ id: 'u2', name: '新绛县金融服务中心', type: '企业', colour: 'red' })],
    ]);
    expect(problems[0]?.expected).toBe('行政、参公事业 或 事业');
    expect(problems[1]?.expected).toContain('colour');
  });

  it('says what a value stored in English means when another was found (表10’s items, 表7’s source)', () => {
    const raw = sampleJson();
    const tables = raw.tables as { t7: Raw; t10: { rows: Raw[] } };
    tables.t7.source = 'table3';
    tables.t10.rows = [{ item: '差旅费', generalBudget: '', governmentFund: '', stateCapital: '' }];
    expect(problemsOf(load(raw)).map((p) => [p.where, p.expected])).toEqual([
      ['报表 表7 数据来源', '以下之一："table2"（取表2 的政府性基金预算栏）、"typed"（按行填写）'],
      [
        '报表 表10 第1行（差旅费） “三公”经费项目',
        '以下之一："travelAbroad"（因公出国（境）费用）、"reception"（公务接待费）、' +
          '"vehiclePurchase"（公务用车购置费）、"vehicleOperation"（公务用车运行维护费）',
      ],
    ]);
  });

  it('refuses a file from a newer format version without reading it', () => {
    const raw = { ...sampleJson(), formatVersion: CURRENT_FORMAT_VERSION + 1 };
    const result = load(raw);
    expect(result).toMatchObject({ ok: false, failure: 'newer-version' });
    if (!result.ok) {
      expect(result.summary).toContain('请升级');
      expect(result.problems[0]?.path).toBe('formatVersion');
    }
  });

  it('refuses what is not JSON, and JSON that is not ours', () => {
    const truncated = serializeDocument(sampleDocument()).slice(0, 500);
    expect(parseDocument(truncated)).toMatchObject({ ok: false, failure: 'not-json' });
    expect(parseDocument('')).toMatchObject({ ok: false, failure: 'not-json' });
  });

  it('says where a text stops being JSON, in Chinese', () => {
    const summary = (text: string) => {
      const result = parseDocument(text);
      return result.ok ? '' : result.summary;
    };
    const broken = '文件不是有效的 JSON（可能已损坏或被截断）';
    expect(summary(serializeDocument(sampleDocument()).slice(0, 500))).toBe(`${broken}：文件在中途结束`);
    expect(summary('')).toBe(`${broken}：文件是空的`);
    expect(summary('{\n  "format": "budget",\n  "year": 2024,,\n}')).toBe(`${broken}：第 3 行第 16 列`);
    expect(summary('{"a": 1} x')).toBe(`${broken}：第 1 行第 10 列`);
    // A byte-order mark (Windows Notepad) is not a column.
    expect(summary('\uFEFF{"a": 1} x')).toBe(`${broken}：第 1 行第 10 列`);
    expect(parseDocument('[1,2]')).toMatchObject({ ok: false, failure: 'not-ours' });
    expect(parseDocument('{"format":"something-else"}')).toMatchObject({ ok: false, failure: 'not-ours' });
    expect(parseDocument('null')).toMatchObject({ ok: false, failure: 'not-ours' });
  });

  it('refuses duplicate codes and references to units that do not exist', () => {
    const raw = sampleJson();
    const t3 = (raw.tables as { t3: { rows: Raw[] } }).t3;
    t3.rows.push({ ...t3.rows[0] });
    ((raw.projects as Raw[])[0] as Raw).unitId = 'u9';
    const problems = problemsOf(load(raw));
    expect(problems.map((p) => [p.path, p.found, p.expected])).toEqual([
      ['tables.t3.rows[10]', '2010301', '科目编码“2010301”重复'],
      ['projects[0].unitId', 'u9', '不是单位列表中的单位编号'],
    ]);
  });

  it('describes paths in the accountant’s words', () => {
    const doc = sampleDocument();
    expect(describePath(['projects', 1, 'current', 'generalBudget'], doc)).toBe(
      '项目列表 第2个项目（“12345”运行经费） 本年预算 一般公共预算',
    );
    expect(describePath(['tables', 't6', 'rows', 0, 'personnel'], doc)).toBe(
      '报表 表6 第1行（30101） 人员经费',
    );
    expect(describePath([], doc)).toBe('整个文件');
  });

  it('names every field of the document in Chinese, a declaration’s as its form prints them', () => {
    const doc = sampleDocument();
    expect(describePath(['projects', 0, 'declaration', 'annualIndicators', 2, 'level1'], doc)).toBe(
      '项目列表 第1个项目（政府机关运行经费） 绩效目标申报表 年度绩效指标 第3行 一级指标',
    );
    expect(describePath(['projects', 0, 'declaration', 'annualFunding', 'cityCounty'], doc)).toBe(
      '项目列表 第1个项目（政府机关运行经费） 绩效目标申报表 年度资金 市县（区）财政资金',
    );
    expect(describePath(['projects', 0, 'declaration', 'annualGoals', 0], doc)).toBe(
      '项目列表 第1个项目（政府机关运行经费） 绩效目标申报表 年度目标 第1条',
    );
    expect(describePath(['narrative', 'assets', 'vehicles', 'leader'], doc)).toBe(
      '情况说明 国有资产占有使用情况 公务用车 领导用车',
    );
    expect(describePath(['performance', 'overall', 'staffQuota'], doc)).toBe(
      '绩效目标 部门（单位）整体支出绩效目标申报表 人员编制数',
    );
    expect(describePath(['explanations', 0, 'basis'], doc)).toBe('“提示”的说明 第1条 所依据的数字');
    expect(describePath(['projects', 0, 'declaration', 'basis'], doc)).toBe(
      '项目列表 第1个项目（政府机关运行经费） 绩效目标申报表 立项依据',
    );
    expect(describePath(['narrative', 'reasons', 'total'], doc)).toBe('情况说明 增减原因 收支总计');
    expect(describePath(['projects', 0, 'declaration', 'annualFunding', 'total'], doc)).toBe(
      '项目列表 第1个项目（政府机关运行经费） 绩效目标申报表 年度资金 资金总额',
    );
    expect(describePath(['emptyTableNotes', 'T7'], doc)).toBe('空表说明 T7');
    // Every field the schema knows, at a path where it can be (a list's first item), is said in words:
    // no key is left in its English (only table ids, t2 and T7, are said as they are).
    const paths: PropertyKey[][] = [];
    const walk = (schema: z.core.$ZodType, path: PropertyKey[]): void => {
      const def = (schema as z.core.$ZodTypes)._zod.def;
      switch (def.type) {
        case 'object':
          for (const [key, inner] of Object.entries(def.shape)) {
            paths.push([...path, key]);
            walk(inner, [...path, key]);
          }
          return;
        case 'array':
          walk(def.element, [...path, 0]);
          return;
        case 'nullable':
        case 'optional':
          walk(def.innerType, path);
          return;
        case 'record':
          walk(def.valueType, [...path, 'T7']);
          return;
        default:
          return;
      }
    };
    walk(budgetDocumentSchema, []);
    expect(paths.length).toBeGreaterThan(120);
    const unnamed = paths
      .map((path) => describePath(path))
      .filter((words) => /[A-Za-z]{2,}/.test(words.replace(/\bt\d+\b|\bT\d+\b/g, '')));
    expect(unnamed).toEqual([]);
  });
});
