/**
 * The commands of the command line, as a function of arguments and output streams so tests can run
 * them directly. Exit codes: 0 success; 1 an invalid document; 2 a usage error, or a file that cannot be
 * read or written.
 */
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogWarnings } from '../../shared/catalogs/usage';
import { auditReport, countFindings, summarizeFindings } from '../../shared/checks/report';
import { checkDocument } from '../../shared/checks/session';
import { importWorkbook, type ImportResult } from '../../shared/excel/importWorkbook';
import { describeProblem, ImportError } from '../../shared/excel/problems';
import { exportWorkbook } from '../../shared/excel/workbook';
import { DRAFT_MARK } from '../../shared/pdf/report';
import { bundledFonts, renderReport, systemFontsFolder, windowsFonts } from '../pdf/render';
import { emptyDocument } from '../../shared/document/create';
import { rolloverDocument } from '../../shared/document/rollover';
import { generateNarrative, renderNarrativeText, unfilledSlots } from '../../shared/narrative';
import { parseDocument, serializeDocument, type LoadResult } from '../../shared/document/file';
import type { BudgetDocument } from '../../shared/document/schema';
import { computeForm } from '../../shared/forms/engine';
import { renderCsv, renderText } from '../../shared/forms/render';
import { FORM_IDS, isFormId, type FormId } from '../../shared/forms/types';
import { sampleDocument } from '../../shared/sample/sample2024';
import { writeFileAtomic } from '../files/atomicWrite';
import { describeFileError, errorCode } from '../files/fileSystem';

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
  check 文件 [--json]               审核：按错误、提示列出发现的问题；--json 输出机器可读的列表
  check 文件1 文件2 … --summary     每个文件一行审核结果（财政局汇总审核用）
  report 文件 -o 审核报告.txt        写出审核报告（问题、涉及单元格、已作的说明）
  narrative 文件                    打印由数据生成的情况说明（第三部分）
  export 文件 --xlsx 输出.xlsx       导出 Excel 工作簿（十三张表、绩效目标申报表、审核结果）
  export 文件 --pdf 输出.pdf [--draft] [--audit] [--fonts system]
                                   导出可打印公开的 PDF；有“错误”时拒绝导出，加 --draft 则每页标“草稿 未通过审核”；
                                   --audit 附审核结果；--fonts system 用本机 Windows 的宋体、仿宋、黑体
                                   （默认用随程序提供的思源宋体、思源黑体）
  import 输入.xlsx -o 文件 [--report 报告.json]
                                   从 Excel 工作簿读入（退出码：0 无问题，1 读入但有问题，2 无法读取）
  rollover 上年文件 -o 新文件 --year 年度
                                   以上年文件为基础开始新年度：保留结构、单位、项目和文字，
                                   清空金额，上年数据填入情况说明的“上年”数
  help                              显示本说明

审核的退出码：0 无错误；1 有错误；2 文件无法读取或格式不符。

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
      case 'check':
        return await checkCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'narrative':
        return await narrativeCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'rollover':
        return await rolloverCommand(rest, io);
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
    if (error instanceof OutputError) {
      io.err(`错误：${error.message}\n`);
      return EXIT.usage;
    }
    // Not foreseen (a fault of this program): said in a line, without a stack trace.
    io.err(`错误：命令未能完成（${error instanceof Error ? error.message : String(error)}）\n`);
    return EXIT.usage;
  }
}

/** An output file that could not be written (its folder missing, no permission, a full disk …). */
class OutputError extends Error {}

/**
 * Before a command does its work: refuses an output file that is there (unless --force) or whose folder
 * is not, so that nothing is computed (a large PDF takes a minute) only to be refused at the end.
 */
async function checkOutput(path: string | undefined, force: boolean | undefined): Promise<void> {
  if (path === undefined) return;
  if (!force && (await exists(path))) {
    throw new OutputError(`文件 ${path} 已存在，未作改动。如确要覆盖，请加 --force。`);
  }
  if (!(await isFolder(dirname(resolve(path))))) {
    throw new OutputError(`无法写出 ${path}：所在的文件夹不存在（该文件未作改动）`);
  }
}

/**
 * Writes an output file atomically: on failure nothing is left half-written and a file that was there
 * is unchanged; the command stops with why (OutputError).
 */
async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    // On a write, ENOENT means the folder is missing.
    const reason = errorCode(error) === 'ENOENT' ? '所在的文件夹不存在' : describeFileError(error);
    throw new OutputError(`无法写出 ${path}：${reason}（该文件未作改动）`);
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
  await checkOutput(output, values.force);
  await writeOutput(output, serializeDocument(document));
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

async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean' }, summary: { type: 'boolean' } },
  });
  if (positionals.length === 0)
    throw new UsageError('用法：check 文件 [--json]，或 check 文件1 文件2 … --summary');
  if (values.summary) return summaryCommand(positionals, io);
  if (positionals.length > 1) throw new UsageError('审核多个文件请加 --summary');
  const [file] = positionals as [string];
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return EXIT.usage;
  const findings = checkDocument(loaded.document);
  if (values.json) {
    const rows = findings.map((f) => ({
      rule: f.rule,
      level: f.level,
      message: f.message,
      cells: f.targets,
      explanation: f.explanation,
    }));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    io.out(
      `${file}：${loaded.document.department.name} ${loaded.document.year} 年，${summarizeFindings(findings)}\n`,
    );
    for (const level of ['错误', '提示'] as const) {
      const list = findings.filter((f) => f.level === level);
      if (list.length === 0) continue;
      io.out(`\n${level}（${list.length}）\n`);
      list.forEach((f, i) => {
        io.out(`  ${i + 1}. [${f.rule}] ${f.message}\n`);
        if (f.explanation !== null) io.out(`     说明：${f.explanation}\n`);
      });
    }
  }
  return findings.some((f) => f.level === '错误') ? EXIT.invalid : EXIT.ok;
}

/** One line per file; exit 1 when any file has an 错误, 2 when any cannot be read. */
async function summaryCommand(files: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  for (const file of files) {
    const loaded = await loadFile(file, { out: () => undefined, err: () => undefined });
    if (!loaded.ok) {
      io.out(`${file}\t无法审核：文件无法读取或格式不符（用 validate 查看原因）\n`);
      exitCode = EXIT.usage;
      continue;
    }
    const findings = checkDocument(loaded.document);
    const { errors } = countFindings(findings);
    io.out(
      `${file}\t${loaded.document.department.name}\t${loaded.document.year}\t${errors > 0 ? '未通过' : '通过'}\t${summarizeFindings(findings)}\n`,
    );
    if (errors > 0 && exitCode === EXIT.ok) exitCode = EXIT.invalid;
  }
  return exitCode;
}

async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.output)
    throw new UsageError('用法：report 文件 -o 审核报告.txt');
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return EXIT.usage;
  await checkOutput(values.output, values.force);
  const findings = checkDocument(loaded.document);
  await writeOutput(values.output, auditReport(loaded.document, findings));
  io.out(`已写出审核报告 ${values.output}：${summarizeFindings(findings)}\n`);
  return findings.some((f) => f.level === '错误') ? EXIT.invalid : EXIT.ok;
}

async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      xlsx: { type: 'string' },
      pdf: { type: 'string' },
      draft: { type: 'boolean' },
      audit: { type: 'boolean' },
      fonts: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const [file] = positionals;
  if (values.fonts !== undefined && values.fonts !== 'system' && values.fonts !== 'bundled') {
    throw new UsageError('--fonts 应为 system（本机 Windows 字体）或 bundled（随程序提供的字体）');
  }
  if (!file || positionals.length > 1 || (!values.xlsx && !values.pdf)) {
    throw new UsageError(
      '用法：export 文件 --xlsx 输出.xlsx，或 export 文件 --pdf 输出.pdf [--draft] [--audit]',
    );
  }
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return EXIT.usage;
  for (const target of [values.xlsx, values.pdf]) await checkOutput(target, values.force);
  const findings = checkDocument(loaded.document);
  if (values.xlsx !== undefined) {
    await writeOutput(values.xlsx, await exportWorkbook(loaded.document, findings));
    io.out(`已导出 ${values.xlsx}（${summarizeFindings(findings)}）\n`);
  }
  if (values.pdf !== undefined) {
    const errors = findings.filter((f) => f.level === '错误');
    if (errors.length > 0 && !values.draft) {
      io.err(
        `未导出 PDF：审核有 ${errors.length} 项错误，改正后才能导出正式文本（用 check 查看）。` +
          `如确要导出，请加 --draft，每页将标“${DRAFT_MARK}”。\n`,
      );
      return EXIT.invalid;
    }
    const folder = systemFontsFolder();
    const fonts =
      values.fonts === 'system' ? (folder === null ? null : windowsFonts(folder)) : bundledFonts();
    if (!fonts) {
      io.err(
        '错误：本机没有宋体、仿宋、黑体（%WINDIR%\\Fonts 下的 simsun.ttc、simfang.ttf、simhei.ttf），未导出 PDF\n',
      );
      return EXIT.usage;
    }
    let shown = -1;
    const options = { draft: errors.length > 0, findings: values.audit ? findings : null };
    const bytes = await renderReport(loaded.document, options, fonts, (share) => {
      const percent = Math.floor(share * 10) * 10;
      if (percent > shown) {
        shown = percent;
        io.err(`\r正在生成 PDF：${percent}%`);
      }
    });
    io.err('\n');
    await writeOutput(values.pdf, bytes);
    io.out(`已导出 ${values.pdf}${errors.length > 0 ? `（草稿：有 ${errors.length} 项错误）` : ''}\n`);
  }
  return EXIT.ok;
}

async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      report: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.output) {
    throw new UsageError('用法：import 输入.xlsx -o 文件 [--report 报告.json]');
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    io.err(`错误：${file}：无法读取（文件不存在或无权限）\n`);
    return EXIT.usage;
  }
  for (const target of [values.output, values.report]) await checkOutput(target, values.force);
  let result: ImportResult;
  try {
    result = await importWorkbook(bytes);
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(`错误：${file}：${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  await writeOutput(values.output, serializeDocument(result.document));
  const errors = result.findings.filter((f) => f.level === '错误');
  if (values.report !== undefined) {
    const report = {
      file,
      problems: result.problems,
      findings: result.findings.map((f) => ({
        rule: f.rule,
        level: f.level,
        message: f.message,
        cells: f.targets,
      })),
    };
    await writeOutput(values.report, `${JSON.stringify(report, null, 2)}\n`);
  }
  io.out(
    `已读入 ${file} → ${values.output}：读入问题 ${result.problems.length} 处，${summarizeFindings(result.findings)}\n`,
  );
  for (const problem of result.problems)
    io.out(`  ${problem.taken ? '注意' : '未读入'}：${describeProblem(problem)}\n`);
  for (const finding of errors) io.out(`  错误：[${finding.rule}] ${finding.message}\n`);
  return result.problems.length > 0 || errors.length > 0 ? EXIT.invalid : EXIT.ok;
}

async function narrativeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('用法：narrative 文件');
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return EXIT.usage;
  const sections = generateNarrative(loaded.document);
  io.out(renderNarrativeText(sections));
  const missing = unfilledSlots(sections);
  if (missing.length > 0) {
    io.err(`尚有 ${missing.length} 处待填写：${missing.map((slot) => slot.placeholder).join('；')}\n`);
  }
  return EXIT.ok;
}

async function rolloverCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, year: { type: 'string' }, force: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.output) {
    throw new UsageError('用法：rollover 上年文件 -o 新文件 --year 年度');
  }
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return EXIT.usage;
  const year = values.year === undefined ? loaded.document.year + 1 : Number(values.year);
  if (year !== loaded.document.year + 1) {
    throw new UsageError(
      `${file} 是 ${loaded.document.year} 年的预算，只能结转到 ${loaded.document.year + 1} 年`,
    );
  }
  await checkOutput(values.output, values.force);
  const next = rolloverDocument(loaded.document, year);
  await writeOutput(values.output, serializeDocument(next));
  io.out(
    `已写出 ${values.output}：${next.department.name} ${year} 年，上年收入总计 ${next.narrative.lastYear.totalIncome} 万元已填入\n`,
  );
  return EXIT.ok;
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

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
