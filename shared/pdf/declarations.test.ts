import { TABLE_LAYOUTS, type TableLayoutName } from './layouts';
import type { Content, ContentStack, ContentTable, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import type { BudgetDocument, Indicator, ProjectDeclaration } from '../document/schema';
import { generateDocument } from '../sample/generate';
import { sampleDocument } from '../sample/sample2024';
import { declarationPages, tightProjectForm } from './declarations';
import { PAGE_MARGINS } from './page';

const OVERALL_TITLE = '部门（单位）整体支出绩效目标申报表';
const PROJECT_TITLE = '县级预算部门（单位）项目支出绩效目标申报表';
const A4_WIDTH = 595.28;

interface Form {
  readonly node: ContentStack;
  readonly title: string;
  readonly year: string;
  readonly table: ContentTable;
  readonly body: TableCell[][];
  /** The line under a project's form (负责人 …), if any. */
  readonly signatures: ContentTable | undefined;
}

function isStack(content: Content): content is ContentStack {
  return typeof content === 'object' && 'stack' in content;
}

function isTable(content: Content): content is ContentTable {
  return typeof content === 'object' && 'table' in content;
}

/** A cell's text ('' for a placeholder); a line break a narrow cell gets is not part of it. */
function textOf(cell: TableCell | undefined): string {
  if (cell === undefined || !('text' in cell)) return '';
  return typeof cell.text === 'string' ? cell.text.replace(/\n(?=指标$)/, '') : '';
}

function textOfContent(content: Content | undefined): string {
  return typeof content === 'object' && 'text' in content && typeof content.text === 'string'
    ? content.text
    : '';
}

function formsOf(doc: BudgetDocument): Form[] {
  return declarationPages(doc).map(({ content: node }) => {
    if (!isStack(node)) throw new Error('a form is a stack');
    const tables = node.stack.filter(isTable);
    const table = tables[0];
    if (!table) throw new Error('a form has a table');
    return {
      node,
      title: textOfContent(node.stack[0]),
      year: textOfContent(node.stack[1]),
      table,
      body: table.table.body,
      signatures: tables[1],
    };
  });
}

function cellAt(form: Form, row: number, col: number): TableCell | undefined {
  return form.body[row]?.[col];
}

/** Where the first cell reading `label` is. */
function find(form: Form, label: string, from = 0): { row: number; col: number } {
  for (let row = from; row < form.body.length; row++) {
    const col = (form.body[row] ?? []).findIndex((cell) => textOf(cell) === label);
    if (col >= 0) return { row, col };
  }
  throw new Error(`no ${label}`);
}

function span(cell: TableCell | undefined): { rows: number; cols: number } {
  if (cell === undefined || !('text' in cell)) return { rows: 1, cols: 1 };
  return { rows: cell.rowSpan ?? 1, cols: cell.colSpan ?? 1 };
}

/** The text right of a label, past the label's columns. */
function valueAt(form: Form, label: string, from = 0): string {
  const at = find(form, label, from);
  return textOf(cellAt(form, at.row, at.col + span(cellAt(form, at.row, at.col)).cols));
}

function rowTexts(form: Form, row: number): string[] {
  return (form.body[row] ?? []).map(textOf);
}

/** The form's width as pdfmake lays it out: the columns, their paddings and the rules between them. */
function tableWidth(table: ContentTable): number {
  // The definition names its layout; the renderer registers it from TABLE_LAYOUTS.
  const layout: CustomTableLayout = TABLE_LAYOUTS[table.layout as TableLayoutName];
  const widths = table.table.widths as number[];
  let total = 0;
  widths.forEach((width, i) => {
    total += width + (layout.paddingLeft?.(i, table) ?? 0) + (layout.paddingRight?.(i, table) ?? 0);
    total += layout.vLineWidth?.(i, table) ?? 0;
  });
  return total + (layout.vLineWidth?.(widths.length, table) ?? 0);
}

/** Rows of the indicator grid (after its header row) to the table's end. */
function gridRows(form: Form): number[] {
  const header = find(form, '一级指标').row;
  return Array.from({ length: form.body.length - header - 1 }, (_, i) => header + 1 + i);
}

const declared = (doc: BudgetDocument) => doc.projects.filter((p) => p.declaration !== null);

describe('declarationPages', () => {
  it('gives the 整体 form, then one form per declared project in order, each from a new portrait page', () => {
    const doc = sampleDocument();
    const forms = formsOf(doc);
    expect(forms.map((form) => form.title)).toEqual([OVERALL_TITLE, ...Array<string>(5).fill(PROJECT_TITLE)]);
    expect(forms.slice(1).map((form) => valueAt(form, '项目名称'))).toEqual([
      '政府机关运行经费',
      '“12345”运行经费',
      '运行维护监管系统经费',
      '金融中心运转经费',
      '处置非法集资领导小组办公室专项工作经费',
    ]);
    for (const form of forms) {
      expect(form.node).toMatchObject({ pageBreak: 'before', pageOrientation: 'portrait' });
      expect(form.year).toBe('（2024年度）');
      expect(form.table.table.dontBreakRows).toBe(true);
      expect(form.table.table.headerRows).toBeUndefined();
    }
  });

  it('gives a project without a declaration no form', () => {
    const doc = sampleDocument();
    expect(doc.projects.find((p) => p.name === '政府律师服务费')?.declaration).toBeNull();
    const first = doc.projects[0];
    if (!first) throw new Error('the sample has projects');
    doc.projects = [{ ...first, declaration: null }, ...doc.projects.slice(1)];
    const names = formsOf(doc)
      .slice(1)
      .map((form) => valueAt(form, '项目名称'));
    expect(names).toEqual(declared(doc).map((p) => p.name));
    expect(names).not.toContain('政府机关运行经费');
    expect(names).not.toContain('政府律师服务费');
    expect(names).toHaveLength(4);
  });

  it('lays out the 整体 form with the reference labels, the declaration and the tables’ amounts in 万元', () => {
    const [form] = formsOf(sampleDocument());
    if (!form) throw new Error('no 整体 form');
    expect(rowTexts(form, 0)[0]).toBe('填报单位（盖章）：新绛县人民政府办公室');
    expect(cellAt(form, 0, 0)).toMatchObject({ colSpan: 6, border: [false, false, false, false] });
    expect(valueAt(form, '单位名称')).toBe('新绛县人民政府办公室');
    expect(valueAt(form, '通讯地址')).toBe('新绛县贡院巷27号');
    expect(valueAt(form, '单位预算绩效管理联系人')).toBe('赵俊辉');
    expect(valueAt(form, '联系电话')).toBe('13935996003');
    expect(valueAt(form, '人员编制数')).toBe('44');
    expect(valueAt(form, '实有人数')).toBe('44');
    expect(valueAt(form, '单位职能')).toBe(
      '协助县人民政府领导同志处理日常工作；负责县人民政府会议的会务工作；负责县人民政府重大活动的组织统筹。',
    );
    expect(valueAt(form, '部门整体支出绩效目标')).toBe(
      '严格按制度完成支出进度，保障新绛县人民政府办公室部门工作正常运转。',
    );

    const block = find(form, '部门基本信息');
    expect(span(cellAt(form, block.row, block.col)).rows).toBe(11);

    const income = find(form, '单位年度收入预算（万元）');
    expect(span(cellAt(form, income.row, income.col)).cols).toBe(5);
    expect(rowTexts(form, income.row + 1).slice(1)).toEqual([
      '收入合计',
      '公共财政拨款',
      '政府性基金拨款',
      '国有资本经营预算拨款',
      '其他拨款',
    ]);
    // Blank where the tables are blank.
    expect(rowTexts(form, income.row + 2).slice(1)).toEqual(['621.43', '621.43', '', '', '']);
    const expenditure = find(form, '单位年度支出预算（万元）');
    expect(rowTexts(form, expenditure.row + 1)).toEqual(['', '支出合计', '基本支出', '', '项目支出', '']);
    expect(rowTexts(form, expenditure.row + 2)).toEqual(['', '621.43', '481.68', '', '139.75', '']);
    for (const col of [1, 2, 4])
      expect(cellAt(form, expenditure.row + 2, col)).toMatchObject({ alignment: 'right' });
  });

  it('lays out the 整体 indicator grid, 一级 spanning its rows', () => {
    const [form] = formsOf(sampleDocument());
    if (!form) throw new Error('no 整体 form');
    const header = find(form, '一级指标');
    expect(rowTexts(form, header.row)).toEqual([
      '部门整体支出绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '',
      '指标值',
    ]);
    expect(span(cellAt(form, header.row, 0)).rows).toBe(6);
    expect(gridRows(form).map((row) => rowTexts(form, row))).toEqual([
      ['', '产出指标', '数量指标', '根据项目实际情况细化', '', '14个'],
      ['', '', '质量指标', '按预定标准完成', '', '提高100%'],
      ['', '', '时效指标', '按预定进度完成', '', '提高100%'],
      ['', '效益指标', '社会效益指标', '公共服务能力提升', '', '提高100%'],
      ['', '满意度指标', '服务对象满意度指标', '工作人员满意度', '', '提高100%'],
    ]);
    expect(gridRows(form).map((row) => span(cellAt(form, row, 1)).rows)).toEqual([3, 1, 1, 1, 1]);
  });

  it('lays out a project form: names, funding in 元 with separators, texts and goals', () => {
    const form = formsOf(sampleDocument())[1];
    if (!form) throw new Error('no project form');
    expect(valueAt(form, '项目名称')).toBe('政府机关运行经费');
    expect(valueAt(form, '主管部门及代码')).toBe('003-新绛县人民政府办公室');
    expect(valueAt(form, '实施单位')).toBe('新绛县人民政府办公室');
    expect(valueAt(form, '项目属性')).toBe('一次性项目（1年结束）');
    expect(valueAt(form, '项目期')).toBe('1年');

    const funding = find(form, '项目资金（元）');
    expect(span(cellAt(form, funding.row, funding.col)).rows).toBe(6);
    expect(valueAt(form, '实施期资金总额：')).toBe('383,000');
    expect(valueAt(form, '年度资金总额：')).toBe('383,000');
    const parts = ['其中：中央财政资金', '省级财政资金', '市县（区）财政资金', '单位自筹', '其他资金'];
    parts.forEach((label, i) => {
      const row = funding.row + 1 + i;
      const amount = label === '市县（区）财政资金' ? '383,000' : '';
      expect(rowTexts(form, row).filter((_, col) => col > 0)).toEqual([
        label,
        '',
        '',
        amount,
        label,
        '',
        amount,
      ]);
    });

    expect(valueAt(form, '项目概况')).toBe('2024机关运行经费');
    expect(valueAt(form, '立项依据')).toBe('政策依据：新办发〔2019〕24号');
    for (const label of ['项目设立必要性', '保证项目实施的制度、措施', '项目实施计划']) {
      expect(valueAt(form, label)).toBe('保障政府机关工作正常有序运行');
    }
    const goals = find(form, '总体目标');
    expect(span(cellAt(form, goals.row, goals.col)).rows).toBe(2);
    expect(rowTexts(form, goals.row)).toEqual(['总体目标', '实施期目标', '', '', '', '年度目标', '', '']);
    expect(rowTexts(form, goals.row + 1)[1]).toBe('目标1：保障政府机关工作正常有序运行');
    expect(rowTexts(form, goals.row + 1)[5]).toBe('目标1：保障政府机关工作正常有序运行');

    expect(form.signatures?.table.body[0]?.map(textOf)).toEqual([
      '负责人：',
      '',
      '经办人：',
      '赵俊辉',
      '联系电话：',
      '13935996003',
      '填报日期：',
      '',
    ]);
  });

  it('shows 元 as whole numbers with separators, a stored fraction with two decimals, and a 0, on one line', () => {
    const doc = sampleDocument();
    const first = doc.projects[0];
    if (!first?.declaration) throw new Error('p01 has a declaration');
    const declaration: ProjectDeclaration = {
      ...first.declaration,
      implementationFunding: {
        ...first.declaration.implementationFunding,
        total: '12345678',
        central: '0',
        other: '1500.5',
      },
      annualFunding: { ...first.declaration.annualFunding, cityCounty: '99999999.5' },
    };
    doc.projects = [{ ...first, declaration }, ...doc.projects.slice(1)];
    const form = formsOf(doc)[1];
    if (!form) throw new Error('no project form');
    expect(valueAt(form, '实施期资金总额：')).toBe('12,345,678');
    expect(valueAt(form, '其中：中央财政资金')).toBe('0');
    expect(valueAt(form, '其他资金')).toBe('1,500.50');
    // On one line in its cell: 10 pt where it fits, smaller where it does not.
    const total = find(form, '实施期资金总额：');
    expect(cellAt(form, total.row, total.col + 3)).not.toHaveProperty('fontSize');
    const annual = find(form, '市县（区）财政资金', total.row);
    const wide = cellAt(form, annual.row, 7);
    expect(textOf(wide)).toBe('99,999,999.50');
    const size = wide && 'fontSize' in wide ? wide.fontSize : undefined;
    expect(size).toBeGreaterThan(7);
    expect(size).toBeLessThan(10);
  });

  it('puts the 实施期 and 年度 grids side by side, 一级 and 二级 spanning their rows', () => {
    const doc = sampleDocument();
    const forms = formsOf(doc).slice(1);
    const form = forms[1];
    if (!form) throw new Error('no form for “12345”运行经费');
    const header = find(form, '一级指标');
    expect(rowTexts(form, header.row)).toEqual([
      '绩效指标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '二级指标',
      '三级指标',
      '指标值',
    ]);
    const quality = find(form, '质量指标');
    expect(rowTexts(form, quality.row).slice(2)).toEqual([
      '质量指标',
      '“12345”运行经费',
      '提高100%',
      '质量指标',
      '“12345”运行经费',
      '提高100%',
    ]);

    // Each 一级 cell spans the rows of its block: as many as its longer side has indicators.
    declared(doc).forEach((project, i) => {
      const f = forms[i];
      if (!f || !project.declaration) throw new Error(`no form for ${project.name}`);
      const level1 = gridRows(f).flatMap((row) => {
        const cell = cellAt(f, row, 1);
        return textOf(cell) === '' ? [] : [{ text: textOf(cell), rows: span(cell).rows }];
      });
      const count = (list: readonly Indicator[], level: string) =>
        list.filter((x) => x.level1 === level).length;
      expect(level1, project.name).toEqual(
        level1.map(({ text }) => ({
          text,
          rows: Math.max(
            count(project.declaration?.implementationIndicators ?? [], text),
            count(project.declaration?.annualIndicators ?? [], text),
          ),
        })),
      );
      expect(level1.reduce((total, { rows }) => total + rows, 0)).toBe(gridRows(f).length);
      expect(span(cellAt(f, find(f, '一级指标').row, 0)).rows).toBe(gridRows(f).length + 1);
    });
    const p14 = forms[4];
    if (!p14) throw new Error('no form for p14');
    expect(gridRows(p14).map((row) => span(cellAt(p14, row, 1)).rows)).toEqual([4, 1, 1, 1, 2, 1, 1]);
  });

  it('spans a 二级 down the indicators it heads', () => {
    const doc = generateDocument({ scale: 1, seed: 2 });
    const [form] = formsOf(doc);
    if (!form) throw new Error('no 整体 form');
    const quantity = find(form, '数量指标');
    expect(span(cellAt(form, quantity.row, quantity.col)).rows).toBe(2);
    expect(rowTexts(form, quantity.row + 1).slice(2)).toEqual(['', '保障所属单位数量', '', '=3个']);
  });

  it('breaks a 一级 or 二级 name before 指标 rather than leave one character on a line', () => {
    const form = formsOf(sampleDocument())[1];
    if (!form) throw new Error('no project form');
    const texts = form.body.flat().map((cell) => ('text' in cell ? cell.text : ''));
    // 一级 three characters wide, 二级 four.
    expect(texts).toContain('一级\n指标');
    expect(texts).toContain('产出\n指标');
    expect(texts).toContain('效益\n指标');
    expect(texts).toContain('满意度指标');
    expect(texts).toContain('服务对象满意度\n指标');
    expect(texts).toContain('经济效益指标');
  });

  it('fits each form to the portrait page’s width between the margins', () => {
    const available = A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2];
    for (const doc of [sampleDocument(), generateDocument({ scale: 1, seed: 2 })]) {
      for (const form of formsOf(doc)) {
        expect(tableWidth(form.table)).toBeCloseTo(available, 6);
        if (form.signatures) expect(tableWidth(form.signatures)).toBeLessThanOrEqual(available + 1e-6);
      }
    }
  });

  it('builds well-formed tables: every position a cell or covered by one, labels bold, values 10 pt 宋体 (a form fits one page)', () => {
    const doc = generateDocument({ scale: 1, seed: 2 });
    const forms = formsOf(doc);
    expect(forms).toHaveLength(1 + 14);
    for (const form of forms) {
      expect(form.table).toMatchObject({ font: 'Song', fontSize: 10 });
      const widths = form.table.table.widths as number[];
      const covered = new Set<string>();
      form.body.forEach((row, r) => {
        expect(row).toHaveLength(widths.length);
        row.forEach((cell, c) => {
          if (!('text' in cell)) {
            expect(covered.has(`${r},${c}`), `${form.title} ${r},${c}`).toBe(true);
            return;
          }
          expect(covered.has(`${r},${c}`)).toBe(false);
          const { rows, cols } = span(cell);
          expect(r + rows).toBeLessThanOrEqual(form.body.length);
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) if (i > 0 || j > 0) covered.add(`${r + i},${c + j}`);
          }
        });
      });
      // pdfmake misplaces vertically aligned row-spanning cells: those are set down by a margin instead.
      for (const cell of form.body.flat()) {
        if ('text' in cell && (cell.rowSpan ?? 1) > 1) expect(cell.verticalAlignment).toBeUndefined();
      }
      for (const label of ['一级指标', '二级指标', '三级指标', '指标值']) {
        const at = find(form, label);
        expect(cellAt(form, at.row, at.col)).toMatchObject({ bold: true });
      }
    }
    expect(forms.slice(1).map((form) => valueAt(form, '项目名称'))).toEqual(declared(doc).map((p) => p.name));
  });

  it('sets tight a form that would only just not fit its page with its signature line, and only such a form', () => {
    // In this document (seeded), p0006's form, laid out as usual, fills its page to the last line: its
    // signature line went alone onto the next page. p0001's fits with room to spare.
    const doc = generateDocument({ scale: 3, seed: 1 });
    const layouts = new Map(
      declarationPages(doc).flatMap(({ projectId, content }) =>
        projectId && isStack(content) ? [[projectId, content.stack.find(isTable)?.layout]] : [],
      ),
    );
    expect(layouts.get('p0006')).toBe('declarationTight');
    expect(layouts.get('p0001')).toBe('declaration');
    // Tight: less room above each cell's text, nothing else.
    const { declaration, declarationTight } = TABLE_LAYOUTS;
    for (const key of ['hLineWidth', 'vLineWidth', 'paddingLeft', 'paddingRight', 'paddingBottom'] as const) {
      expect(declarationTight[key](), key).toBe(declaration[key]());
    }
    expect(declarationTight.paddingTop()).toBeLessThan(declaration.paddingTop());
    // The renderer asks for a form set tight when its signature line did land alone on a page.
    const tight = tightProjectForm(doc, 'p0001');
    expect(tight && isStack(tight) ? tight.stack.find(isTable)?.layout : null).toBe('declarationTight');
    expect(tightProjectForm(doc, 'no-such-project')).toBeNull();
  });

  it('centres a row-spanning label of a form that fits its page', () => {
    const [form] = formsOf(sampleDocument());
    if (!form) throw new Error('no 整体 form');
    const block = cellAt(form, find(form, '部门基本信息').row, 0);
    expect(block && 'margin' in block ? block.margin : undefined).toEqual([0, expect.any(Number), 0, 0]);
  });
});
