/**
 * The commands of the command line, as a function of arguments and output streams so tests can run
 * them directly. Exit codes: 0 success; 1 an invalid document; 2 a usage error or an unreadable file.
 */
import { access, readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { catalogWarnings } from '../../shared/catalogs/usage';
import { emptyDocument } from '../../shared/document/create';
import { parseDocument, serializeDocument, type LoadResult } from '../../shared/document/file';
import type { BudgetDocument } from '../../shared/document/schema';
import { computeForm } from '../../shared/forms/engine';
import { renderCsv, renderText } from '../../shared/forms/render';
import { FORM_IDS, isFormId, type FormId } from '../../shared/forms/types';
import { sampleDocument } from '../../shared/sample/sample2024';
import { writeFileAtomic } from '../files/atomicWrite';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

const USAGE = `用法：npm run cli -- <命令> [参数]

命令：
  new --sample -o 文件             写出内置样例（新绛县人民政府办公室 2024 年部门预算）
  new -o 文件 --name 部门名称 --year 年度
                                   新建空白预算文件
  table 文件 T1…T13 [--csv]         按公开格式打印一张表（含计算出的合计）
  validate 文件                     检查文件格式，逐项指出错误（位置、内容、应为）
  help                              显示本说明

已存在的文件不会被覆盖，除非加 --force。
`;

class UsageError extends Error {}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'new':
        return await newCommand(rest, io);
      case 'table':
        return await tableCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`未知命令“${command}”`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`错误：${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

async function newCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      sample: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      year: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const output = values.output;
  if (!output) throw new UsageError('请用 -o 指定要写出的文件');
  let document: BudgetDocument;
  if (values.sample) {
    if (values.name !== undefined || values.year !== undefined)
      throw new UsageError('--sample 不能与 --name、--year 同用');
    document = sampleDocument();
  } else {
    const name = values.name?.trim();
    if (!name) throw new UsageError('请用 --name 指定部门名称（或用 --sample 写出样例）');
    const year = Number(values.year);
    if (!values.year || !/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) {
      throw new UsageError(`年度应为 2000—2100 之间的四位数字，而不是“${values.year ?? ''}”`);
    }
    document = emptyDocument(name, year);
  }
  if (!values.force && (await exists(output))) {
    io.err(`错误：文件 ${output} 已存在，未作改动。如确要覆盖，请加 --force。\n`);
    return EXIT.usage;
  }
  await writeFileAtomic(output, serializeDocument(document));
  io.out(`已写出 ${output}（${document.department.name} ${document.year} 年）\n`);
  return EXIT.ok;
}

async function tableCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { csv: { type: 'boolean' } },
  });
  const [file, which] = positionals;
  if (!file || !which || positionals.length > 2) throw new UsageError('用法：table 文件 T1…T13 [--csv]');
  const form = parseFormId(which);
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return loaded.exitCode;
  const grid = computeForm(loaded.document, form);
  io.out(values.csv ? renderCsv(grid) : renderText(grid));
  return EXIT.ok;
}

/** T3, t3, 3, 表3 → T3. */
export function parseFormId(text: string): FormId {
  const normalized = text.trim().toUpperCase().replace(/^表/, 'T');
  const id = /^\d+$/.test(normalized) ? `T${normalized}` : normalized;
  if (!isFormId(id))
    throw new UsageError(`没有表“${text}”，应为 ${FORM_IDS[0]}…${FORM_IDS[FORM_IDS.length - 1]}`);
  return id;
}

async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('用法：validate 文件');
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return loaded.exitCode;
  const warnings = catalogWarnings(loaded.document);
  io.out(`${file}：格式正确（${loaded.document.department.name} ${loaded.document.year} 年）\n`);
  if (loaded.migratedFrom !== null) io.out(`  文件为旧版格式 ${loaded.migratedFrom}，已按新格式读取。\n`);
  for (const warning of warnings) io.out(`  提示：${warning.message}\n`);
  return EXIT.ok;
}

type Loaded =
  { ok: true; document: BudgetDocument; migratedFrom: number | null } | { ok: false; exitCode: number };

/** Reads and validates a document file, reporting every problem. */
async function loadFile(file: string, io: CliIo): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : '无法读取';
    io.err(`错误：${file}：${reason}\n`);
    return { ok: false, exitCode: EXIT.usage };
  }
  const result: LoadResult = parseDocument(text);
  if (result.ok) return { ok: true, document: result.document, migratedFrom: result.migratedFrom };
  io.err(`${file}：${result.summary}\n`);
  for (const problem of result.problems) {
    io.err(`  位置：${problem.where}（${problem.path}）\n`);
    io.err(`    内容：${problem.found === '' ? '（缺失）' : JSON.stringify(problem.found)}\n`);
    io.err(`    应为：${problem.expected}\n`);
  }
  return { ok: false, exitCode: EXIT.invalid };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
