import { describe, expect, it } from 'vitest';
import { formatPlain } from '../money';
import { sampleDocument } from '../sample/sample2024';
import { overallFormCells, projectFormCells, type FormCell } from './layout';

/** A cell as `row,col value [rows×cols]`, the spans only when more than one. */
function shown(cell: FormCell): string {
  const value =
    'wan' in cell.value
      ? `${cell.value.wan === null ? '空' : formatPlain(cell.value.wan)} 万元`
      : 'count' in cell.value
        ? `${cell.value.count} 人`
        : 'yuan' in cell.value
          ? `${cell.value.yuan || '空'} 元`
          : cell.value.text;
  const span = cell.rows > 1 || cell.cols > 1 ? ` [${cell.rows}×${cell.cols}]` : '';
  return `${cell.row},${cell.col} ${value}${span}`;
}

describe('the 整体 form’s table', () => {
  it('places the sample’s information, its budget from 表1 and 表3, its target and indicator grid', () => {
    const doc = sampleDocument();
    const cells = overallFormCells(doc).map(shown);
    expect(cells.slice(0, 10)).toEqual([
      '0,1 单位名称',
      '0,2 新绛县人民政府办公室 [1×4]',
      '1,1 通讯地址',
      `1,2 ${doc.performance.overall.address} [1×4]`,
      '2,1 单位预算绩效管理联系人',
      `2,2 ${doc.performance.overall.contact}`,
      '2,3 联系电话',
      `2,4 ${doc.performance.overall.phone} [1×2]`,
      '3,1 人员编制数',
      `3,2 ${doc.performance.overall.staffQuota} 人`,
    ]);
    // 收入合计 is 表1's 收入总计; 支出合计, 基本支出 and 项目支出 表3's, the last two two columns wide.
    expect(cells.filter((cell) => /^(7|10),/.test(cell))).toEqual([
      '7,1 621.43 万元',
      '7,2 621.43 万元',
      '7,3 空 万元',
      '7,4 空 万元',
      '7,5 空 万元',
      '10,1 621.43 万元',
      '10,2 481.68 万元 [1×2]',
      '10,4 139.75 万元 [1×2]',
    ]);
    expect(cells).toContain('0,0 部门基本信息 [11×1]');
    expect(cells).toContain('11,0 部门整体支出绩效目标');
    // The grid from row 12: its header, and 绩效指标 down all its rows.
    expect(cells).toContain('12,1 一级指标');
    const rows = doc.performance.overall.indicators.length;
    expect(cells).toContain(`12,0 部门整体支出绩效指标 [${rows + 1}×1]`);
  });
});

describe('a project’s form’s table', () => {
  const doc = sampleDocument();
  const project = doc.projects.find((p) => p.id === 'p01');
  if (!project?.declaration) throw new Error('the sample’s p01 has a declaration');
  const d = project.declaration;

  it('lays the workbook’s upper rows out as the reference: left values over two columns', () => {
    const cells = projectFormCells(doc, project, d, 2).map(shown);
    expect(cells.slice(0, 10)).toEqual([
      '0,0 项目名称',
      '0,1 政府机关运行经费 [1×7]',
      '1,0 主管部门及代码',
      '1,1 003-新绛县人民政府办公室 [1×2]',
      '1,3 实施单位 [1×2]',
      '1,5 新绛县人民政府办公室 [1×3]',
      '2,0 项目属性',
      '2,1 一次性项目（1年结束） [1×2]',
      '2,3 项目期 [1×2]',
      '2,5 1年 [1×3]',
    ]);
    // 项目资金: 实施期 label over two columns and its amount over two; 年度 label over two, amount in the last.
    expect(cells.filter((cell) => /^(3|6),[1-7] /.test(cell))).toEqual([
      '3,1 实施期资金总额： [1×2]',
      '3,3 383000 元 [1×2]',
      '6,1 市县（区）财政资金 [1×2]',
      '6,3 383000 元 [1×2]',
      '3,5 年度资金总额： [1×2]',
      '3,7 383000 元',
      '6,5 市县（区）财政资金 [1×2]',
      '6,7 383000 元',
    ]);
    expect(cells).toContain('3,0 项目资金（元） [6×1]');
    expect(cells).toContain('4,3 空 元 [1×2]');
  });

  it('gives the PDF’s left values three columns, the labels and amounts beside them one', () => {
    const cells = projectFormCells(doc, project, d, 3).map(shown);
    expect(cells.filter((cell) => /^[1-3],[1-7] /.test(cell))).toEqual([
      '1,1 003-新绛县人民政府办公室 [1×3]',
      '1,4 实施单位',
      '1,5 新绛县人民政府办公室 [1×3]',
      '2,1 一次性项目（1年结束） [1×3]',
      '2,4 项目期',
      '2,5 1年 [1×3]',
      '3,1 实施期资金总额： [1×3]',
      '3,4 383000 元',
      '3,5 年度资金总额： [1×2]',
      '3,7 383000 元',
    ]);
  });

  it('puts the texts, the goals and the grid under the funding, 绩效指标 down the grid', () => {
    const cells = projectFormCells(doc, project, d, 2).map(shown);
    expect(cells).toContain(`9,0 项目概况`);
    expect(cells).toContain(`9,1 ${d.summary} [1×7]`);
    expect(cells).toContain('14,0 总体目标 [2×1]');
    expect(cells).toContain('15,1 目标1：保障政府机关工作正常有序运行 [1×4]');
    expect(cells).toContain('15,5 目标1：保障政府机关工作正常有序运行 [1×3]');
    expect(cells).toContain('16,1 一级指标');
    const rows = Math.max(...projectFormCells(doc, project, d, 2).map((c) => c.row + c.rows)) - 16;
    expect(cells).toContain(`16,0 绩效指标 [${rows}×1]`);
  });
});
