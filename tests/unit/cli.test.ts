import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseFormId, runCli } from '../../src-main/cli/commands';
import type { BudgetDocument } from '../../shared/document/schema';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'budget-cli-'));
});

describe('new', () => {
  it('writes the sample, and refuses to overwrite it', async () => {
    const file = join(dir, 's.json');
    expect(await cli('new', '--sample', '-o', file)).toMatchObject({ code: 0 });
    const before = await readFile(file, 'utf8');
    expect(JSON.parse(before)).toMatchObject({ year: 2024, department: { name: '新绛县人民政府办公室' } });
    const again = await cli('new', '--sample', '-o', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await cli('new', '--sample', '-o', file, '--force')).code).toBe(0);
  });

  it('writes an empty document for a department and year', async () => {
    const file = join(dir, 'e.json');
    expect((await cli('new', '-o', file, '--name', '新绛县教育局', '--year', '2025')).code).toBe(0);
    const doc = JSON.parse(await readFile(file, 'utf8')) as { year: number; department: { name: string } };
    expect([doc.year, doc.department.name]).toEqual([2025, '新绛县教育局']);
    const table = await cli('table', file, 'T3');
    expect(table.out).toContain('新绛县教育局2025年预算支出总表');
  });

  it('explains what is missing', async () => {
    expect(await cli('new', '-o', join(dir, 'x.json'), '--name', '局')).toMatchObject({ code: 2 });
    expect((await cli('new', '-o', join(dir, 'x.json'), '--name', '局', '--year', '24')).err).toContain(
      '四位数字',
    );
    expect((await cli('new', '--sample')).err).toContain('-o');
    expect((await cli('new', '--sample', '-o', join(dir, 'x.json'), '--bogus')).code).toBe(2);
  });
});

describe('table', () => {
  let file: string;
  beforeEach(async () => {
    file = join(dir, 's.json');
    await cli('new', '--sample', '-o', file);
  });

  it('prints 表1 as CSV with all 30 类 and 收入总计 = 支出总计 = 621.43', async () => {
    const { code, out } = await cli('table', file, 'T1', '--csv');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\r\n');
    expect(lines.filter((l) => /^[^,]*,[^,]*,[一二三四五六七八九十]+、/.test(l))).toHaveLength(30);
    expect(lines).toContain('收入总计,621.43,支出总计,621.43,621.43,');
  });

  it('prints every table, the empty ones with their notes', async () => {
    for (let n = 1; n <= 13; n++) {
      const { code, out } = await cli('table', file, `T${n}`);
      expect(code, `T${n}`).toBe(0);
      expect(out).toContain('单位：万元');
      expect(out).toContain('备注：');
    }
    expect((await cli('table', file, 'T8')).out).toContain(
      '说明：本部门2024年无政府性基金预算支出，故本表为空表。',
    );
    const t6 = (await cli('table', file, '表6')).out;
    expect(t6).toMatch(/合计\s+\|.*\|\s+481\.68 \|\s+451\.27 \|\s+30\.41/);
  });

  it('accepts T3, t3, 3 and 表3, and refuses T14', () => {
    expect(['T3', 't3', '3', '表3'].map(parseFormId)).toEqual(['T3', 'T3', 'T3', 'T3']);
    expect(() => parseFormId('T14')).toThrow('没有表“T14”');
  });

  it('reports a file that is not there', async () => {
    const { code, err } = await cli('table', join(dir, 'missing.json'), 'T1');
    expect(code).toBe(2);
    expect(err).toContain('文件不存在');
  });
});

describe('validate', () => {
  /** The sample file with one change made to its JSON (which may make it invalid). */
  async function sampleWith(change: (raw: BudgetDocument) => void): Promise<string> {
    const file = join(dir, 'v.json');
    await cli('new', '--sample', '-o', file, '--force');
    const raw = JSON.parse(await readFile(file, 'utf8')) as BudgetDocument;
    change(raw);
    await writeFile(file, JSON.stringify(raw));
    return file;
  }

  it('passes the sample', async () => {
    const file = await sampleWith(() => undefined);
    const result = await cli('validate', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('格式正确');
  });

  it('names a non-numeric amount', async () => {
    const file = await sampleWith((raw) => {
      const row = raw.tables.t6.rows[0];
      if (row) row.personnel = '一百';
    });
    const { code, err } = await cli('validate', file);
    expect(code).toBe(1);
    expect(err).toContain('表6 第1行（30101） 人员经费（tables.t6.rows[0].personnel）');
    expect(err).toContain('内容："一百"');
    expect(err).toContain('应为：金额：数字');
  });

  it('names a missing field', async () => {
    const file = await sampleWith((raw) => Reflect.deleteProperty(raw.narrative.procurement, 'goods'));
    const { code, err } = await cli('validate', file);
    expect(code).toBe(1);
    expect(err).toContain('narrative.procurement.goods');
    expect(err).toContain('内容：（缺失）');
  });

  it('refuses a future format version', async () => {
    const file = await sampleWith((raw) => Reflect.set(raw, 'formatVersion', 99));
    const { code, err } = await cli('validate', file);
    expect(code).toBe(1);
    expect(err).toContain('formatVersion');
    expect(err).toContain('请升级');
  });

  it('warns about a code that is not in the catalog, without refusing the file', async () => {
    const file = await sampleWith((raw) =>
      raw.tables.t8.rows.push({ functionCode: '2999999', name: '自定义', basic: '1', project: '' }),
    );
    const { code, out } = await cli('validate', file);
    expect(code).toBe(0);
    expect(out).toContain('提示：表8 科目 2999999“自定义”不在2024年支出功能分类中');
  });
});

describe('npm run cli', () => {
  it('runs from source without a build step', async () => {
    const file = join(dir, 's.json');
    const run = promisify(execFile);
    const root = join(import.meta.dirname, '..', '..');
    await run('npm', ['run', '--silent', 'cli', '--', 'new', '--sample', '-o', file], { cwd: root });
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'table', file, 'T3', '--csv'], {
      cwd: root,
    });
    expect(stdout.split('\r\n')).toContain('合计,,621.43,481.68,139.75');
  }, 60_000);

  it('reads and writes file names relative to the folder the command is typed in', async () => {
    const run = promisify(execFile);
    const root = join(import.meta.dirname, '..', '..');
    const npm = (...argv: string[]) =>
      run('npm', ['run', '--silent', '--prefix', root, 'cli', '--', ...argv], { cwd: dir });
    await npm('new', '--sample', '-o', 's.json');
    expect(JSON.parse(await readFile(join(dir, 's.json'), 'utf8'))).toMatchObject({ year: 2024 });
    const { stdout } = await npm('check', 's.json', '--summary');
    expect(stdout).toBe('s.json\t新绛县人民政府办公室\t2024\t通过\t错误 0 项，提示 24 项（已说明 0 项）\n');
  }, 60_000);

  it('stops quietly when the reader of its output closes early (… | head)', async () => {
    const file = join(dir, 's.json');
    await cli('new', '--sample', '-o', file);
    const root = join(import.meta.dirname, '..', '..');
    const child = spawn('npx', ['tsx', 'src-main/cli/main.ts', 'check', file], { cwd: root });
    // Closed before the command writes anything: every write it makes meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('check', () => {
  let file: string;
  beforeEach(async () => {
    file = join(dir, 's.json');
    await cli('new', '--sample', '-o', file);
  });

  async function broken(): Promise<string> {
    const target = join(dir, 'broken.json');
    const raw = JSON.parse(await readFile(file, 'utf8')) as BudgetDocument;
    const row = raw.tables.t3.rows.find((r) => r.functionCode === '2101101');
    if (row) row.basic = '9.14';
    await writeFile(target, JSON.stringify(raw));
    return target;
  }

  it('passes the sample (no 错误): exit 0, findings grouped by level', async () => {
    const { code, out } = await cli('check', file);
    expect(code).toBe(0);
    expect(out).toContain('错误 0 项');
    expect(out).not.toContain('\n错误（');
  });

  it('reports an 错误 with both sides’ numbers and exits 1', async () => {
    const { code, out } = await cli('check', await broken());
    expect(code).toBe(1);
    expect(out).toContain('错误（');
    expect(out).toContain(
      '[B2] 表3 2101101 行政单位医疗 合计 9.14 ≠ 表2 同科目 本年收入+上年结转 10.96，相差 1.82',
    );
  });

  it('prints machine-readable findings with --json', async () => {
    const { code, out } = await cli('check', await broken(), '--json');
    expect(code).toBe(1);
    const findings = JSON.parse(out) as { rule: string; level: string; message: string; cells: unknown[] }[];
    const b2 = findings.find((f) => f.rule === 'B2');
    expect(b2?.level).toBe('错误');
    expect(b2?.cells).toEqual([
      { kind: 'cell', form: 'T3', row: '2101101', column: 'total' },
      { kind: 'cell', form: 'T2', row: '2101101', column: 'currentTotal' },
      { kind: 'cell', form: 'T2', row: '2101101', column: 'carryOver' },
    ]);
  });

  it('summarizes many files, one line each, exit 2 when one cannot be read', async () => {
    const bad = await broken();
    const { code, out } = await cli('check', file, bad, join(dir, 'missing.json'), '--summary');
    expect(code).toBe(2);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/s\.json\t新绛县人民政府办公室\t2024\t通过\t错误 0 项/);
    expect(lines[1]).toMatch(/broken\.json\t新绛县人民政府办公室\t2024\t未通过\t错误 2 项/);
    expect(lines[2]).toContain('无法审核');
  });

  it('exits 2 on an unreadable file', async () => {
    await writeFile(join(dir, 'x.json'), '{"format":');
    expect((await cli('check', join(dir, 'x.json'))).code).toBe(2);
  });
});

describe('report, narrative, rollover', () => {
  let file: string;
  beforeEach(async () => {
    file = join(dir, 's.json');
    await cli('new', '--sample', '-o', file);
  });

  it('writes the audit report with the findings, their cells and the explanations', async () => {
    const raw = JSON.parse(await readFile(file, 'utf8')) as BudgetDocument;
    raw.explanations.push({
      ruleId: 'B6',
      subject: 'unit/u3',
      basis: '事业',
      text: '综保中心的公用经费按县财政局口径列入',
    });
    await writeFile(file, JSON.stringify(raw));
    const output = join(dir, 'audit.txt');
    const { code } = await cli('report', file, '-o', output);
    expect(code).toBe(0);
    const report = await readFile(output, 'utf8');
    expect(report).toContain('新绛县人民政府办公室2024年部门预算审核报告');
    expect(report).toContain('一、错误（强制性，须改正）\n  无');
    expect(report).toContain('[B6] 表11 列有“新绛县人民政府办公室综合保障中心”');
    expect(report).toContain('涉及：表11 新绛县人民政府办公室综合保障中心 合计');
    expect(report).toContain('说明：综保中心的公用经费按县财政局口径列入');
  });

  it('prints the generated narrative of the sample with no template text', async () => {
    const { code, out, err } = await cli('narrative', file);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('2024年度本部门预算收入总计621.43万元');
    expect(out).toContain('比上年减少59.12万元，下降9%');
    expect(out).not.toMatch(/待填写|增加（减少）|XX|××|……/);
  });

  it('starts next year from last year’s file', async () => {
    const next = join(dir, '2025.json');
    const { code, out } = await cli('rollover', file, '-o', next, '--year', '2025');
    expect(code).toBe(0);
    expect(out).toContain('上年收入总计 621.43 万元');
    const doc = JSON.parse(await readFile(next, 'utf8')) as BudgetDocument;
    expect([doc.year, doc.narrative.lastYear.operatingExpenses, doc.projects.length]).toEqual([
      2025,
      '30.41',
      14,
    ]);
    expect((await cli('rollover', file, '-o', join(dir, 'x.json'), '--year', '2027')).code).toBe(2);
  });
});

describe('export and import', () => {
  it('exports the workbook and imports it back, clean', async () => {
    const file = join(dir, 's.json');
    await cli('new', '--sample', '-o', file);
    const xlsx = join(dir, 's.xlsx');
    const exported = await cli('export', file, '--xlsx', xlsx);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.out).toContain('已导出');
    const back = join(dir, 'back.json');
    const report = join(dir, 'report.json');
    const imported = await cli('import', xlsx, '-o', back, '--report', report);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('读入问题 0 处，错误 0 项');
    const table = await cli('table', back, 'T1', '--csv');
    expect(table.out.split('\r\n')).toContain('收入总计,621.43,支出总计,621.43,621.43,');
    const written = JSON.parse(await readFile(report, 'utf8')) as {
      problems: unknown[];
      findings: { level: string }[];
    };
    expect(written.problems).toEqual([]);
    expect(written.findings.filter((f) => f.level === '错误')).toEqual([]);
  }, 30_000);

  it('exits 2 on a file that is not a workbook, and writes nothing', async () => {
    const bad = join(dir, 'bad.xlsx');
    await writeFile(bad, 'not a zip');
    const out = join(dir, 'out.json');
    const { code, err } = await cli('import', bad, '-o', out);
    expect(code).toBe(2);
    expect(err).toContain('这不是 Excel 工作簿（.xlsx）文件');
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });
});

describe('an output file that cannot be written', () => {
  it('says why in a line, exits 2 and leaves no file (no stack trace), for every command that writes', async () => {
    const file = join(dir, 's.json');
    await cli('new', '--sample', '-o', file);
    const xlsx = join(dir, 's.xlsx');
    await cli('export', file, '--xlsx', xlsx);
    const missing = join(dir, '没有这个文件夹');
    const commands: [string, string[]][] = [
      ['new.json', ['new', '--sample', '-o']],
      ['audit.txt', ['report', file, '-o']],
      ['s.xlsx', ['export', file, '--xlsx']],
      ['s.pdf', ['export', file, '--pdf']],
      ['2025.json', ['rollover', file, '--year', '2025', '-o']],
      ['back.json', ['import', xlsx, '-o']],
    ];
    for (const [name, argv] of commands) {
      const target = join(missing, name);
      const { code, out, err } = await cli(...argv, target);
      expect([code, out, err], argv[0]).toEqual([
        2,
        '',
        `错误：无法写出 ${target}：所在的文件夹不存在（该文件未作改动）\n`,
      ]);
      await expect(readFile(target)).rejects.toThrow();
    }
  }, 60_000);

  it('names a folder given as the file to write', async () => {
    const file = join(dir, 's.json');
    await cli('new', '--sample', '-o', file);
    const { code, err } = await cli('report', file, '-o', dir, '--force');
    expect(code).toBe(2);
    expect(err).toBe(`错误：无法写出 ${dir}：这是一个文件夹，不是文件（该文件未作改动）\n`);
  });
});
