import { describe, expect, it } from 'vitest';
import { formatPlain } from '../money';
import { sampleDocument } from '../sample/sample2024';
import { overallFormCells, type FormCell } from './layout';

/** A cell as `row,col value [rows×cols]`, the spans only when more than one. */
function shown(cell: FormCell): string {
  const value =
    'wan' in cell.value
      ? `${cell.value.wan === null ? '空' : formatPlain(cell.value.wan)} 万元`
      : 'count' in cell.value
        ? `${cell.value.count} 人`
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
