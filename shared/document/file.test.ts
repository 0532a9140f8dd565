import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../sample/sample2024';
import { emptyDocument } from './create';
import { describePath, parseDocument, serializeDocument, type LoadResult } from './file';
import { CURRENT_FORMAT_VERSION } from './schema';

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
});
