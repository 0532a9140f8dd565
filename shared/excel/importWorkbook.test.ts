/**
 * The exported workbook imports back into the same document; the edits people make to workbooks are
 * read or reported (never guessed); a damaged workbook gives the import's own error and nothing else.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../checks/session';
import type { BudgetDocument, Project } from '../document/schema';
import { setInput } from '../document/inputs';
import { computeForm } from '../forms/engine';
import { cellText } from '../forms/render';
import { FORM_IDS } from '../forms/types';
import { toAmount, toDecimal } from '../money';
import { generateDocument } from '../sample/generate';
import { sampleDocument } from '../sample/sample2024';
import { importWorkbook } from './importWorkbook';
import { ImportError } from './problems';
import { exportWorkbook } from './workbook';

async function exported(doc: BudgetDocument): Promise<Uint8Array> {
  return exportWorkbook(doc, checkDocument(doc));
}

/** An amount as a value: '58.00' and '58' are the same amount (Excel keeps numbers, not their text). */
const value = (amount: string) => (amount === '' ? '' : toAmount(toDecimal(amount)));

function amounts<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).map(([key, field]) => [
      key,
      typeof field === 'string' && /^-?[\d.]+$/.test(field) ? value(field) : field,
    ]),
  ) as T;
}

/** A document with every amount written as its value, and 表10 rows with nothing in them left out. */
function byValue(doc: BudgetDocument): BudgetDocument {
  const t = doc.tables;
  const project = (p: Project): Project => ({
    ...p,
    current: p.current && amounts(p.current),
    carryOver: p.carryOver && amounts(p.carryOver),
    declaration: p.declaration && {
      ...p.declaration,
      implementationFunding: amounts(p.declaration.implementationFunding),
      annualFunding: amounts(p.declaration.annualFunding),
    },
  });
  const rows = <R extends object>(list: readonly R[]) => list.map((row) => amounts(row));
  return {
    ...doc,
    tables: {
      t2: { rows: rows(t.t2.rows) },
      t3: { rows: rows(t.t3.rows) },
      t5: { rows: rows(t.t5.rows) },
      t6: { rows: rows(t.t6.rows) },
      t7: { source: t.t7.source, rows: rows(t.t7.rows) },
      t8: { rows: rows(t.t8.rows) },
      t9: { incomeRows: rows(t.t9.incomeRows), rows: rows(t.t9.rows) },
      t10: {
        rows: rows(t.t10.rows).filter((r) =>
          [r.generalBudget, r.governmentFund, r.stateCapital].some((a) => a !== ''),
        ),
      },
      t11: { rows: rows(t.t11.rows) },
    },
    projects: doc.projects.map(project),
  };
}

/** Every cell of every form as printed. */
function printed(doc: BudgetDocument): string[] {
  return FORM_IDS.flatMap((id) => computeForm(doc, id).rows.flatMap((row) => row.cells.map(cellText)));
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function sheet(workbook: ExcelJS.Workbook, prefix: string): ExcelJS.Worksheet {
  const found = workbook.worksheets.find((ws) => ws.name.startsWith(prefix));
  if (!found) throw new Error(`no sheet ${prefix}`);
  return found;
}

/** The sheet row whose code (column A) is `code`, below the header. */
function rowOf(ws: ExcelJS.Worksheet, code: string, column = 1): number {
  for (let row = 1; row <= ws.rowCount; row++) {
    if (ws.getCell(row, column).text === code) return row;
  }
  throw new Error(`no row ${code} in ${ws.name}`);
}

describe('round trip', () => {
  it('gives back the sample, every typed value and every text', async () => {
    const doc = sampleDocument();
    const result = await importWorkbook(await exported(doc));
    expect(result.problems).toEqual([]);
    expect(result.findings.filter((f) => f.level === '错误')).toEqual([]);
    expect(byValue(result.document)).toEqual(byValue(doc));
    expect(printed(result.document)).toEqual(printed(doc));
    expect(result.findings.map((f) => [f.rule, f.subject])).toEqual(
      checkDocument(doc).map((f) => [f.rule, f.subject]),
    );
  });

  it('gives back a generated document ten times the sample’s size', async () => {
    const doc = generateDocument({ scale: 10, seed: 4 });
    const result = await importWorkbook(await exported(doc));
    expect(result.problems).toEqual([]);
    expect(byValue(result.document)).toEqual(byValue(doc));
  }, 60_000);

  it('keeps an explanation written for a 提示', async () => {
    const doc: BudgetDocument = {
      ...sampleDocument(),
      explanations: [{ ruleId: 'B6', subject: 'unit/u3', basis: '事业', text: '综保中心按财政局口径列入' }],
    };
    const result = await importWorkbook(await exported(doc));
    expect(result.findings.find((f) => f.rule === 'B6')?.explanation).toBe('综保中心按财政局口径列入');
  });
});

describe('a workbook edited by hand', () => {
  it('reports a wrong subtotal, a pair swapped against 表2, and a number typed as text — naming the cells', async () => {
    // 表3's two 医疗 rows swapped against 表2, as the published document prints them. (Typed in Excel, the
    // totals above them are computed again; here the workbook is exported with the swap.)
    let swapped = setInput(sampleDocument(), { collection: 't3', key: '2101101', field: 'basic' }, '9.14');
    swapped = setInput(swapped, { collection: 't3', key: '2101102', field: 'basic' }, '10.96');
    const workbook = await load(await exported(swapped));
    const t3 = sheet(workbook, '表3 ');
    // A 类 row whose 基本支出 formula was overtyped with a number.
    t3.getCell(rowOf(t3, '201'), 4).value = 300;
    // A 表12 amount typed as text, with a thousands separator and full-width digits.
    const t12 = sheet(workbook, '表12 ');
    const lawyer = findRow(t12, '政府律师服务费');
    t12.getCell(lawyer, 3).value = '６.00';
    const result = await importWorkbook(await save(workbook));

    expect(result.problems).toEqual([
      {
        sheet: '表12 项目支出预算表（本年预算）',
        cell: `C${lawyer}`,
        value: '６.00',
        reason: '数字以文本形式存储，已按数字读取，请核对',
        taken: true,
      },
    ]);
    expect(result.document.projects.find((p) => p.name === '政府律师服务费')?.current?.generalBudget).toBe(
      '6',
    );
    const errors = result.findings.filter((f) => f.level === '错误');
    const subtotal = errors.find((f) => f.rule === 'A1' && f.subject === 'T3/201/basic');
    expect(subtotal?.message).toBe(
      '表3 201 一般公共服务支出 基本支出 填报 300.00 ≠ 按其下级科目（行）合计应为 357.80，相差 57.80',
    );
    expect(subtotal?.targets).toContainEqual({ kind: 'cell', form: 'T3', row: '201', column: 'basic' });
    expect(errors.filter((f) => f.rule === 'B2').map((f) => f.message)).toEqual([
      '表3 2101101 行政单位医疗 合计 9.14 ≠ 表2 同科目 本年收入+上年结转 10.96，相差 1.82',
      '表3 2101102 事业单位医疗 合计 10.96 ≠ 表2 同科目 本年收入+上年结转 9.14，相差 1.82',
    ]);
    expect(errors.find((f) => f.rule === 'B2')?.targets).toEqual([
      { kind: 'cell', form: 'T3', row: '2101101', column: 'total' },
      { kind: 'cell', form: 'T2', row: '2101101', column: 'currentTotal' },
      { kind: 'cell', form: 'T2', row: '2101101', column: 'carryOver' },
    ]);
  });

  it('reads sheets in another order, inserted blank rows, extra columns, 7-digit codes', async () => {
    const workbook = await load(await exported(sampleDocument()));
    const t2 = sheet(workbook, '表2 ');
    t2.spliceRows(8, 0, []); // a blank row among the data
    // A person's notes in a column beside the table (exceljs cannot insert a column inside the merged
    // header the way Excel does, so the column is added at the side).
    t2.getCell(5, 12).value = '已核对';
    t2.getCell(3, 12).value = '备用列';
    const t3 = sheet(workbook, '表3 ');
    t3.getCell(findRow(t3, '行政运行'), 1).value = '2010301';
    // The last table first (the order of a workbook's sheets).
    const reordered = new ExcelJS.Workbook();
    await reordered.xlsx.load((await save(workbook)).buffer as ArrayBuffer);
    const t13 = sheet(reordered, '表13 ');
    // exceljs orders sheets by this property (not in its types).
    reordered.worksheets.forEach((ws, index) => {
      (ws as unknown as { orderNo: number }).orderNo = ws === t13 ? 0 : index + 1;
    });
    expect(reordered.worksheets[0]?.name).toBe(t13.name);
    const result = await importWorkbook(await save(reordered));
    expect(result.problems).toEqual([]);
    expect(printed(result.document)).toEqual(printed(sampleDocument()));
  });

  it('refuses what is not an amount, and says where', async () => {
    const workbook = await load(await exported(sampleDocument()));
    const t5 = sheet(workbook, '表5 ');
    const row = findRow(t5, '住房公积金');
    t5.getCell(row, 4).value = '三十六';
    const result = await importWorkbook(await save(workbook));
    expect(result.problems).toEqual([
      {
        sheet: '表5 一般公共预算支出预算表（不含上年结转）',
        cell: `D${row}`,
        value: '三十六',
        reason: '不是金额，未读入',
      },
    ]);
  });

  it('reports a project name that matches no project instead of guessing', async () => {
    const workbook = await load(await exported(sampleDocument()));
    const t12 = sheet(workbook, '表12 ');
    const row = findRow(t12, '外事工作经费');
    t12.getCell(row, 1).value = '外事工作专项经费';
    const result = await importWorkbook(await save(workbook));
    expect(result.problems).toContainEqual({
      sheet: '表12 项目支出预算表（本年预算）',
      cell: `A${row}`,
      value: '外事工作专项经费',
      reason: '项目列表中没有这个名称，该行未读入',
    });
  });
});

/** The sheet row whose column A or B reads `name`. */
function findRow(ws: ExcelJS.Worksheet, name: string): number {
  for (let row = 1; row <= ws.rowCount; row++) {
    for (const column of [1, 2]) if (ws.getCell(row, column).text === name) return row;
  }
  throw new Error(`no row ${name} in ${ws.name}`);
}

/** mulberry32: seeded, so every run mutates the same way. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('damaged workbooks', () => {
  it('import or fail with the import’s own error, for 40 mutations of the sheets’ XML', async () => {
    const files: Zippable = unzipSync(await exported(sampleDocument()));
    const sheetNames = Object.keys(files).filter(
      (name) => name.startsWith('xl/worksheets/') || name === 'xl/sharedStrings.xml',
    );
    const random = prng(20241126);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const outcomes = { imported: 0, refused: 0 };
    for (let round = 0; round < 40; round++) {
      const name = pick(sheetNames);
      const original = files[name];
      if (!(original instanceof Uint8Array)) continue;
      let xml = strFromU8(original);
      for (let edit = 0; edit < 3; edit++) {
        const at = Math.floor(random() * xml.length);
        const change = pick([
          () => `${xml.slice(0, at)}${xml.slice(at + 1 + Math.floor(random() * 40))}`, // cut a few characters
          () =>
            `${xml.slice(0, at)}${pick(['<', '>', '"', '&', '-1', 'E999', '１２', 'NaN', '<c r="ZZZ9">'])}${xml.slice(at)}`,
          () => xml.replace(/<v>[^<]*<\/v>/, `<v>${pick(['abc', '1e308', '-5', '', '9'.repeat(40)])}</v>`),
        ]);
        xml = change();
      }
      const mutated = zipSync({ ...files, [name]: strToU8(xml) });
      try {
        await importWorkbook(mutated);
        outcomes.imported++;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        expect(error.message).not.toMatch(/\bat\s|Error:/);
        outcomes.refused++;
      }
    }
    expect(outcomes.imported + outcomes.refused).toBe(40);
  }, 120_000);
});
