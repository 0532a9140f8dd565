/**
 * Acceptance tests of the exported PDF, read back with poppler-utils (pdftotext, pdffonts, pdfinfo) as a
 * reader would see it: the text (headings, table titles, every amount, every narrative figure), the 目录's
 * page numbers, the fonts (embedded subsets only), the fonts' coverage of every character the report
 * prints, the draft mark and the audit appendix, and the orientation of every page. The sample is
 * exported once through the command line and shared by all tests.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/commands';
import type { Content, ContentStack, ContentTable, ContentText } from 'pdfmake/interfaces';
import { bundledFonts, renderRun } from '../../src-main/pdf/render';
import { checkDocument } from '../../shared/checks/session';
import { serializeDocument } from '../../shared/document/file';
import { setInput } from '../../shared/document/inputs';
import type { BudgetDocument } from '../../shared/document/schema';
import { computeForm } from '../../shared/forms/engine';
import { FORM_IDS, type FormGrid, type FormId } from '../../shared/forms/types';
import { formatGrouped } from '../../shared/money';
import {
  generateNarrative,
  segmentText,
  type FigureSegment,
  type NarrativeSection,
} from '../../shared/narrative';
import { remarkId } from '../../shared/pdf/keep';
import { textArea } from '../../shared/pdf/page';
import { bodyLineHeight } from '../../shared/pdf/styles';
import { DRAFT_MARK, reportParts, runDefinition } from '../../shared/pdf/report';
import { generateDocument } from '../../shared/sample/generate';
import { sampleDocument } from '../../shared/sample/sample2024';

const exec = promisify(execFile);

/** Rare characters of personal names that a department's text may well contain. */
const RARE_NAME_CHARACTERS = '喆 堃 镕 赟 玥 昇 瑄 琇 珺 翀 焜 淏';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];

/** Text with all whitespace removed: pdftotext breaks lines and spaces columns as the layout falls. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The text of each page (pdftotext ends every page with a form feed). */
async function pdfPages(file: string, mode: 'reading' | 'layout' | 'raw'): Promise<string[]> {
  const flags = { reading: [], layout: ['-layout'], raw: ['-raw'] }[mode];
  const { stdout } = await exec('pdftotext', [...flags, '-enc', 'UTF-8', file, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = stdout.split('\f');
  expect(pages.pop()).toBe('');
  return pages;
}

/** Width and height in points of every page, from pdfinfo. */
async function pageSizes(file: string, count: number): Promise<{ width: number; height: number }[]> {
  const { stdout } = await exec('pdfinfo', ['-f', '1', '-l', String(count), file]);
  return [...stdout.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[2]),
    height: Number(m[3]),
  }));
}

async function pageCount(file: string): Promise<number> {
  const { stdout } = await exec('pdfinfo', [file]);
  const match = /^Pages:\s+(\d+)$/m.exec(stdout);
  if (!match?.[1]) throw new Error(`pdfinfo gave no page count:\n${stdout}`);
  return Number(match[1]);
}

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The 目录 entries, in order: the four parts, 概况's two sections, the tables, the narrative's sections. */
function tocHeadings(
  doc: BudgetDocument,
  grids: readonly FormGrid[],
  narrative: readonly NarrativeSection[],
): string[] {
  const year = doc.year;
  return [
    '第一部分 概况',
    '一、本部门（单位）职责',
    '二、机构设置情况',
    `第二部分 ${year}年度部门（单位）预算报表`,
    ...grids.map((grid, index) => tableHeading(doc, grid, index)),
    `第三部分 ${year}年度部门（单位）预算情况说明`,
    ...narrative.map((section) => section.heading),
    '第四部分 名词解释',
  ];
}

/** A table's heading as the reference's 目录 names it: the title without the department (一、2024年预算收支总表). */
function tableHeading(doc: BudgetDocument, grid: FormGrid, index: number): string {
  if (!grid.title.startsWith(doc.department.name)) throw new Error(`${grid.id}: ${grid.title}`);
  return `${NUMERALS[index] ?? '?'}、${grid.title.slice(doc.department.name.length)}`;
}

function amountsOf(grid: FormGrid): string[] {
  return grid.rows.flatMap((row) =>
    row.cells.flatMap((cell) =>
      cell.type === 'amount' && cell.value !== null ? [formatGrouped(cell.value)] : [],
    ),
  );
}

function figuresOf(narrative: readonly NarrativeSection[]): string[] {
  return narrative.flatMap((section) =>
    section.blocks.flatMap((block) =>
      block.kind === 'paragraph'
        ? block.segments.filter((s): s is FigureSegment => s.kind === 'figure').map((s) => s.text)
        : [],
    ),
  );
}

/** Every string value anywhere in a JSON-like value (functions, such as the footer, are skipped). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

let dir: string;
const doc = sampleDocument();
const narrative = generateNarrative(doc);
const grids = FORM_IDS.map((id) => computeForm(doc, id));
const headings = tocHeadings(doc, grids, narrative);

/** A report as exported, read back page by page (index 0 is page 1). */
interface ReadReport {
  readonly reading: string[];
  readonly layout: string[];
  readonly raw: string[];
  /** The 目录's pages (1-based), first and last. */
  readonly toc: { first: number; last: number };
  /** The 目录's headings, and the page (1-based) where each first occurs after the 目录, or 0. */
  readonly headings: readonly string[];
  readonly headingPage: ReadonlyMap<string, number>;
}

function pageText(pages: readonly string[], page: number): string {
  return pages[page - 1] ?? '';
}

/** A run of pages as one compact text without the page numbers, so that paragraphs read across pages. */
function bodyText(pages: readonly string[]): string {
  return pages.map((text) => compact(text.replace(/—\s*\d+\s*—\s*$/, ''))).join('');
}

/** The pages (1-based) that print nothing but their number. */
function blankPages(report: ReadReport): number[] {
  return report.reading.flatMap((text, i) =>
    compact(text.replace(/—\s*\d+\s*—\s*$/, '')) === '' ? [i + 1] : [],
  );
}

/** A page's lines as laid out, without its number. */
function pageLines(text: string): string[] {
  return text
    .replace(/—\s*\d+\s*—\s*$/, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** The pages (1-based) that hold a single line. */
function lonePages(report: ReadReport): number[] {
  return report.layout.flatMap((text, i) => (pageLines(text).length === 1 ? [i + 1] : []));
}

/** The headings and subheadings that end a page (their text on the next). */
function headingsAtFoot(report: ReadReport, narrative: readonly NarrativeSection[]): string[] {
  const subheadings = narrative.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'subheading' ? [block.text] : [])),
  );
  const heads = new Set([...report.headings, ...subheadings].map(compact));
  return report.layout.flatMap((text, i) => {
    const last = compact(pageLines(text).at(-1) ?? '');
    return i + 1 > report.toc.last && heads.has(last) ? [`p${i + 1} ${last}`] : [];
  });
}

async function readReport(file: string, expectedHeadings: readonly string[]): Promise<ReadReport> {
  const [readingPages, layoutPages, rawPages] = await Promise.all([
    pdfPages(file, 'reading'),
    pdfPages(file, 'layout'),
    pdfPages(file, 'raw'),
  ]);
  expect(readingPages.length).toBe(await pageCount(file));
  // The 目录 runs from the page that starts with its title to the page before 第一部分, which starts a page.
  const first = readingPages.findIndex((text) => compact(text).startsWith('目录')) + 1;
  const part1 =
    readingPages.findIndex((text, i) => i >= first && compact(text).startsWith('第一部分概况')) + 1;
  expect(first).toBeGreaterThan(0);
  expect(part1).toBeGreaterThan(first);
  const last = part1 - 1;
  // The first page after the 目录 whose text contains the heading.
  const pageOf = (heading: string) => {
    const wanted = compact(heading);
    const index = readingPages.findIndex((text, i) => i >= last && compact(text).includes(wanted));
    return index + 1;
  };
  return {
    reading: readingPages,
    layout: layoutPages,
    raw: rawPages,
    toc: { first, last },
    headings: expectedHeadings,
    headingPage: new Map(expectedHeadings.map((heading) => [heading, pageOf(heading)])),
  };
}

/** The sample as exported. */
let samplePdf: string;
let sample: ReadReport;
let reading: string[];
let layout: string[];
let raw: string[];
let headingPage: ReadonlyMap<string, number>;

/** A table's pages: from its heading's page up to the page before the next table's (or 第三部分's). */
function pagesOfTable(index: number): number[] {
  const start = headingPage.get(tableHeading(doc, grids[index] as FormGrid, index)) ?? 0;
  const next =
    index + 1 < grids.length
      ? tableHeading(doc, grids[index + 1] as FormGrid, index + 1)
      : `第三部分 ${doc.year}年度部门（单位）预算情况说明`;
  // Every table starts on a new page.
  const end = (headingPage.get(next) ?? 0) - 1;
  expect(start, `${grids[index]?.id} found`).toBeGreaterThan(0);
  expect(end, `${grids[index]?.id} ends`).toBeGreaterThanOrEqual(start);
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'budget-pdf-'));
  const json = join(dir, 'sample.json');
  await writeFile(json, serializeDocument(doc));
  samplePdf = join(dir, 'sample.pdf');
  const exported = await cli('export', json, '--pdf', samplePdf);
  expect(exported.code, exported.err).toBe(0);
  sample = await readReport(samplePdf, headings);
  ({ reading, layout, raw, headingPage } = sample);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('text', () => {
  it('has every heading, every table title, every amount of every table and every narrative figure', () => {
    const all = compact(reading.join(''));
    expect(headings).toHaveLength(4 + 2 + 13 + 12);
    expect(headings.filter((heading) => !all.includes(compact(heading)))).toEqual([]);
    expect(grids.map((grid) => grid.title).filter((title) => !all.includes(compact(title)))).toEqual([]);

    // Each table's amounts, as printed (1,234.56), on that table's pages: the same amounts, as often.
    for (const [index, grid] of grids.entries()) {
      const pages = pagesOfTable(index);
      const printed = pages.flatMap((page) => pageText(layout, page).match(/-?\d[\d,]*\.\d{2}/g) ?? []);
      expect(sorted(printed), `${grid.id} on pages ${pages.join(',')}`).toEqual(sorted(amountsOf(grid)));
    }
    const amountCount = grids.reduce((n, grid) => n + amountsOf(grid).length, 0);
    expect(amountCount).toBeGreaterThan(100);

    // The narrative: every figure, and every paragraph whole, on 第三部分's pages.
    const from = headingPage.get(`第三部分 ${doc.year}年度部门（单位）预算情况说明`) ?? 0;
    const to = headingPage.get('第四部分 名词解释') ?? 0;
    expect(to).toBeGreaterThan(from);
    const part3 = bodyText(reading.slice(from - 1, to - 1));
    const figures = figuresOf(narrative);
    expect(figures.length).toBeGreaterThan(30);
    expect(figures).toContain('621.43');
    expect(figures.filter((figure) => !part3.includes(figure))).toEqual([]);
    const paragraphs = narrative.flatMap((section) =>
      section.blocks.map((block) =>
        block.kind === 'subheading' ? block.text : block.segments.map(segmentText).join(''),
      ),
    );
    expect(paragraphs.filter((text) => !part3.includes(compact(text)))).toEqual([]);
  });
});

/** The 目录's entries as printed: each raw line ends with its page number (a wrapped entry's on its own). */
function tocEntries(rawPages: readonly string[], pages: { first: number; last: number }) {
  const entries: { text: string; page: number }[] = [];
  let pending = '';
  for (let page = pages.first; page <= pages.last; page++) {
    for (const line of pageText(rawPages, page).split('\n')) {
      const text = line.trim();
      if (text === '' || /^—\s*\d+\s*—$/.test(text)) continue;
      if (page === pages.first && entries.length === 0 && pending === '' && compact(text) === '目录')
        continue;
      const match = /^(.*?)(?:^|\s)(\d+)$/.exec(text);
      if (match) {
        entries.push({ text: compact(pending + (match[1] ?? '')), page: Number(match[2]) });
        pending = '';
      } else {
        pending += text;
      }
    }
  }
  expect(pending, 'text after the last page number').toBe('');
  return entries;
}

/** The 目录 gives every heading's page, and every page but the cover prints its own number. */
function expectNumbering(report: ReadReport, expectedHeadings: readonly string[]): void {
  const entries = tocEntries(report.raw, report.toc);
  expect(entries.map((entry) => entry.text)).toEqual(expectedHeadings.map(compact));
  for (const [index, entry] of entries.entries()) {
    const heading = expectedHeadings[index] ?? '';
    const actual = report.headingPage.get(heading);
    expect(actual, `${heading} is on page ${actual}, the 目录 says ${entry.page}`).toBe(entry.page);
  }
  const footers = report.layout.map((text) => /—\s*(\d+)\s*—\s*$/.exec(text)?.[1]);
  expect(footers).toEqual(report.layout.map((_, i) => (i === 0 ? undefined : String(i + 1))));
}

/** Lays out, each from a new page, a table of the given height and what follows it. */
function layOutTables(sections: readonly (readonly [height: number, under: Content])[]) {
  return renderRun({
    content: sections.map(([height, under]) => ({
      stack: [{ table: { widths: ['*'], heights: [height], body: [['表']] } }, under],
      pageBreak: 'before',
    })),
    firstPage: 1,
    draft: false,
    title: '测试',
    fonts: bundledFonts(),
  });
}

describe('目录', () => {
  it('gives for every entry the page where its heading is, and each page prints its own number', () => {
    expectNumbering(sample, headings);
  });

  it('leaves no page blank (the declarations, laid out in a run of their own, start on its first page)', () => {
    expect(blankPages(sample)).toEqual([]);
  });

  it('leaves no line alone on a page (a table’s 备注 in the table’s line spacing; 第二部分’s title over 表1)', () => {
    expect(lonePages(sample)).toEqual([]);
  });

  it('sets a part’s title on one line, or on two after 第X部分 when wider than the page (明 was alone)', () => {
    const titles = sample.layout.flatMap((text) => {
      const [first, second] = pageLines(text).map(compact);
      return first?.startsWith('第') && first.includes('部分') ? [[first, second]] : [];
    });
    expect(titles.map(([first]) => first)).toEqual([
      '第一部分概况',
      '第二部分2024年度部门（单位）预算报表',
      '第三部分',
      '第四部分名词解释',
    ]);
    expect(titles[2]?.[1]).toBe('2024年度部门（单位）预算情况说明');
  });

  it('sets a table’s title wider than its page on two lines, at a natural break (a few characters were alone)', () => {
    // A table's title: the department's name, or a line starting with it and ending 表, over a line that
    // is not the table's 单位 (the cover, page 1, also starts with the name).
    const titles = sample.layout.slice(1).flatMap((text) => {
      const lines = pageLines(text).map((line) => line.trim());
      const name = doc.department.name;
      const at = lines.findIndex((line) => line === name || (line.startsWith(name) && line.endsWith('表')));
      return at >= 0 && !lines[at + 1]?.startsWith('单位：') ? [[lines[at], lines[at + 1]]] : [];
    });
    expect(titles).toEqual([
      [`${doc.department.name}2024年一般公共预算支出预算表`, '（不含上年结转）'],
      [`${doc.department.name}2024年政府性基金预算收入表`, '（不含上年结转）'],
      [`${doc.department.name}2024年政府性基金预算支出表`, '（不含上年结转）'],
      [doc.department.name, '2024年财政拨款安排“三公”经费支出预算表'],
    ]);
  });

  it('ends no page with a heading: each starts the next page with its text (one did)', () => {
    expect(headingsAtFoot(sample, narrative)).toEqual([]);
  });

  it('numbers a report whose declarations are laid out in parallel runs', async () => {
    const large = generateDocument({ scale: 4, seed: 7 });
    const declarations = large.projects.filter((project) => project.declaration !== null).length;
    expect(declarations).toBeGreaterThan(50);
    const json = join(dir, 'large.json');
    await writeFile(json, serializeDocument(large));
    const pdf = join(dir, 'large.pdf');
    const exported = await cli('export', json, '--pdf', pdf);
    expect(exported.code, exported.err).toBe(0);
    const largeNarrative = generateNarrative(large);
    const report = await readReport(
      pdf,
      tocHeadings(
        large,
        FORM_IDS.map((id) => computeForm(large, id)),
        largeNarrative,
      ),
    );
    expect(report.layout.length).toBeGreaterThan(declarations + 30);
    expectNumbering(report, report.headings);
    // Each parallel run starts on its first page: no page is left blank where one begins (nor where a
    // run ends with a paragraph's margin that does not fit).
    expect(blankPages(report)).toEqual([]);
    // No paragraph leaves its last line alone on a page (one did, before 第四部分), no heading ends a
    // page (three did).
    expect(lonePages(report)).toEqual([]);
    expect(headingsAtFoot(report, largeNarrative)).toEqual([]);
    // Each project's form starts a page of its own, in the order of the projects; a form with many
    // indicators may run onto a second page.
    const named = report.reading.flatMap((text, i) =>
      compact(text).startsWith('县级预算部门（单位）项目支出绩效目标申报表') ? [i + 1] : [],
    );
    expect(named.length).toBe(declarations);
    const names = large.projects.flatMap((project) => (project.declaration ? [project.name] : []));
    const misplaced = names.filter(
      (name, i) => !compact(pageText(report.reading, named[i] ?? 0)).includes(compact(name)),
    );
    expect(misplaced).toEqual([]);
    // No form leaves its signature line alone on a page: a form whose table fills its page is set tight
    // (five did before, laid out as usual).
    const alone = report.reading.flatMap((text, i) => (compact(text).startsWith('负责人：') ? [i + 1] : []));
    expect(alone).toEqual([]);
  }, 180_000);

  it('finds a signature line that starts a page, and only such a line', async () => {
    const signature = (id: string): Content => ({
      table: { widths: ['*'], body: [[{ text: '负责人：', id }]] },
      layout: 'signatures',
    });
    // A form's table as tall as a page's text area leaves its signature line to the next page.
    const result = await layOutTables([
      [620, signature('signature:p1')],
      [300, signature('signature:p2')],
    ]);
    expect(result.lonelySignatures).toEqual(['p1']);
    expect(result.headings).toEqual([]);
  });

  it('ends a run on its last line: a bottom margin that does not fit the page starts no blank page', async () => {
    // A paragraph set 3 pt above the foot of the page: its 6 pt bottom margin (style body) does not fit.
    const line = bodyLineHeight(1.437);
    const { height } = textArea();
    const result = await renderRun({
      content: [{ text: '末段。', style: 'body', marginTop: height - line - 3 }],
      firstPage: 1,
      draft: false,
      title: '测试',
      fonts: bundledFonts(),
    });
    expect(result.pageCount).toBe(1);
  });

  it('finds a table’s 备注 that starts a page, and keeps the table’s last two rows with it when told', async () => {
    const remark = (form: FormId): Content => ({
      text: '备注：本表反映收入。',
      style: 'remark',
      id: remarkId(form),
    });
    const result = await layOutTables([
      [630, remark('T2')],
      [300, remark('T3')],
    ]);
    expect(result.lonelyRemarks).toEqual(['T2']);
    expect(result.headings).toEqual([]);

    const parts = reportParts(doc, { draft: false, findings: null });
    const t2 = (tails: readonly FormId[]) => {
      const sections = parts.tables(tails).slice(1) as ContentStack[];
      return sections[FORM_IDS.indexOf('T2')]?.stack ?? [];
    };
    const rows = (content: Content | undefined) =>
      (content as ContentTable).table.body.map((row) => row.map((cell) => (cell as ContentText).text));
    const grid = grids[FORM_IDS.indexOf('T2')] as FormGrid;
    // Heading, title, 单位, the table, 备注.
    const whole = t2([]);
    expect(whole).toHaveLength(5);
    expect(rows(whole[3]).length).toBe(grid.headerRowCount + grid.rows.length);
    // The table's last two rows, under its header again, kept together with the 备注.
    const kept = t2(['T2']);
    expect(kept).toHaveLength(5);
    expect(rows(kept[3]).length).toBe(grid.headerRowCount + grid.rows.length - 2);
    const tail = kept[4] as ContentStack;
    expect(tail.unbreakable).toBe(true);
    const tailRows = rows(tail.stack[0]);
    expect(tailRows.slice(0, grid.headerRowCount)).toEqual(rows(whole[3]).slice(0, grid.headerRowCount));
    expect(tailRows.slice(grid.headerRowCount)).toEqual(rows(whole[3]).slice(-2));
    expect((tail.stack[1] as ContentText).text).toBe(grid.remark);
  });
});

describe('fonts', () => {
  it('embeds subsets of the bundled fonts only: no Type 3, no standard fonts', async () => {
    const { stdout } = await exec('pdffonts', [samplePdf]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name\s+type\s+encoding\s+emb\s+sub\s+uni/);
    const fonts = lines.slice(2).map((line) => {
      const fields = line.trim().split(/\s+/);
      const [emb, sub, uni] = fields.slice(-5, -2);
      return { line, name: fields[0] ?? '', type: fields.slice(1, -6).join(' '), emb, sub, uni };
    });
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.line).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(font.name, font.line).toMatch(/^[A-Z]{6}\+/);
      expect(font.type, font.line).not.toMatch(/Type 3/);
      expect(font.type, font.line).toMatch(/TrueType|CID/);
    }
    const families = new Set(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')));
    for (const family of families) {
      expect(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Regular', 'NotoSansSC-Bold']).toContain(
        family,
      );
    }
    expect([...families]).toEqual(expect.arrayContaining(['NotoSerifSC-Regular', 'NotoSansSC-Regular']));
  });

  it('covers every character the report prints, and rare name characters, in every face', () => {
    const broken = setInput(doc, { collection: 't3', key: '2101101', field: 'basic' }, '9.14');
    const reportContent = (d: BudgetDocument, draft: boolean) => {
      const parts = reportParts(d, { draft, findings: checkDocument(d) });
      return [
        runDefinition(
          [
            ...parts.front(null),
            ...parts.tables([]),
            ...parts.narrative,
            ...parts.declarations,
            ...parts.back,
          ],
          {
            firstPage: 1,
            draft,
            title: parts.title,
          },
        ),
      ];
    };
    const definitions = [...reportContent(doc, false), ...reportContent(broken, true)];
    const texts = [
      ...definitions.flatMap(stringsIn),
      ...stringsIn(doc),
      ...grids.flatMap((grid) => [
        grid.title,
        grid.unit,
        grid.remark,
        grid.emptyNote,
        grid.suggestedEmptyNote ?? '',
        ...grid.header.map((cell) => cell.label),
        ...grid.columns.flatMap((column) => column.header),
        ...grid.rows.flatMap((row) => row.cells.map((cell) => (cell.type === 'text' ? cell.text : ''))),
        ...amountsOf(grid),
      ]),
      ...narrative.flatMap((section) => [
        section.heading,
        ...section.blocks.flatMap((block) =>
          block.kind === 'subheading' ? [block.text] : block.segments.map(segmentText),
        ),
      ]),
      '— 0123456789 —',
      DRAFT_MARK,
      RARE_NAME_CHARACTERS,
    ];
    const characters = [...new Set(texts.flatMap((text) => Array.from(text)))].filter(
      (c) => !/^[\p{White_Space}\p{Cc}]$/u.test(c),
    );
    expect(characters.length).toBeGreaterThan(500);
    for (const c of Array.from(RARE_NAME_CHARACTERS.replace(/ /g, ''))) expect(characters).toContain(c);

    // Every face of every role: a file, or a font of a collection by its PostScript name.
    const faces = new Map(
      Object.values(bundledFonts())
        .flatMap((face) => [face.normal, face.bold])
        .map((source): [string, readonly [string, string?]] =>
          typeof source === 'string' ? [source, [source]] : [source.join(' '), source],
        ),
    );
    expect(faces.size).toBe(4);
    const missing: Record<string, string> = {};
    for (const [name, [file, postscriptName]] of faces) {
      const font = fontkit.openSync(file, postscriptName);
      if (!('hasGlyphForCodePoint' in font)) throw new Error(`${name} is a font collection`);
      const lacking = characters.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
      if (lacking.length > 0) missing[name] = lacking.join(' ');
    }
    expect(missing).toEqual({});
  });
});

describe('draft', () => {
  it('refuses a document with 错误 unless --draft, then marks every page; --audit appends the findings', async () => {
    const broken = setInput(doc, { collection: 't3', key: '2101101', field: 'basic' }, '9.14');
    const findings = checkDocument(broken);
    const errors = findings.filter((f) => f.level === '错误');
    expect(errors.map((f) => f.rule)).toContain('B2');
    const work = await mkdtemp(join(dir, 'draft-'));
    const file = join(work, 'broken.json');
    await writeFile(file, serializeDocument(broken));
    const pdf = join(work, 'broken.pdf');

    const refused = await cli('export', file, '--pdf', pdf);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`审核有 ${errors.length} 项错误`);
    expect(await readdir(work)).toEqual(['broken.json']);

    const drafted = await cli('export', file, '--pdf', pdf, '--draft', '--audit');
    expect(drafted.code, drafted.err).toBe(0);
    const pages = await pdfPages(pdf, 'raw');
    expect(pages.length).toBe(await pageCount(pdf));
    // The mark is drawn across the page: in reading order its characters mix with the page's text.
    const unmarked = pages.flatMap((text, i) => (compact(text).includes(compact(DRAFT_MARK)) ? [] : [i + 1]));
    expect(unmarked, 'pages without the draft mark').toEqual([]);

    const appendix = pages.findIndex((page) => compact(page).includes('附：审核结果'));
    expect(appendix).toBeGreaterThan(0);
    const audit = bodyText(
      pages.slice(appendix).map((page) => compact(page).replace(compact(DRAFT_MARK), '')),
    );
    expect(findings.length).toBeGreaterThan(errors.length);
    expect(findings.filter((f) => !audit.includes(compact(`[${f.level} ${f.rule}]${f.message}`)))).toEqual(
      [],
    );
    expect(audit).toContain(
      compact('[错误 B2] 表3 2101101 行政单位医疗 合计 9.14 ≠ 表2 同科目 本年收入+上年结转 10.96，相差 1.82'),
    );
  }, 120_000);

  it('leaves the sample (no 错误) unmarked and, without --audit, without findings', () => {
    expect(checkDocument(doc).filter((f) => f.level === '错误')).toEqual([]);
    const marked = raw.flatMap((text, i) => (compact(text).includes('未通过审核') ? [i + 1] : []));
    expect(marked).toEqual([]);
    expect(compact(raw.join(''))).not.toContain('附：审核结果');
  });
});

describe('orientation', () => {
  it('prints the wide tables on landscape pages and everything else portrait', async () => {
    const sizes = await pageSizes(samplePdf, reading.length);
    expect(sizes).toHaveLength(reading.length);
    const expected: string[] = sizes.map(() => 'portrait');
    for (const [index, grid] of grids.entries()) {
      for (const page of pagesOfTable(index)) expected[page - 1] = grid.orientation;
    }
    expect(grids.filter((grid) => grid.orientation === 'landscape').length).toBeGreaterThan(0);
    expect(grids.filter((grid) => grid.orientation === 'portrait').length).toBeGreaterThan(0);
    const actual = sizes.map((size) => (size.width > size.height ? 'landscape' : 'portrait'));
    expect(actual.map((o, i) => `${i + 1} ${o}`)).toEqual(expected.map((o, i) => `${i + 1} ${o}`));
  });
});
