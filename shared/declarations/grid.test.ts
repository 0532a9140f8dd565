import { describe, expect, it } from 'vitest';
import type { Indicator } from '../document/schema';
import { blocksOf, gridCells, OVERALL_GRID, PROJECT_GRID, type GridCell } from './grid';

const offices: Indicator = { level1: '产出指标', level2: '数量指标', name: '保障办公场所', value: '=3处' };
const meetings: Indicator = { level1: '产出指标', level2: '数量指标', name: '保障会议', value: '≥12次' };
const onTime: Indicator = { level1: '产出指标', level2: '时效指标', name: '按时完成率', value: '100%' };
const satisfied: Indicator = {
  level1: '满意度指标',
  level2: '服务对象满意度指标',
  name: '干部职工满意度',
  value: '≥95%',
};

/** A cell as `row,col text [rows×cols]`, the spans only when more than one. */
function shown(cell: GridCell): string {
  const span = cell.rows > 1 || cell.cols > 1 ? ` [${cell.rows}×${cell.cols}]` : '';
  return `${cell.row},${cell.col} ${cell.text}${span}${cell.level ? ' (level)' : ''}`;
}

describe('the indicator grid', () => {
  it('puts 实施期 and 年度 side by side under shared 一级 cells, keeping each side’s order', () => {
    const blocks = blocksOf([
      [offices, meetings, satisfied],
      [onTime, satisfied],
    ]);
    expect(blocks.map((b) => [b.level1, b.sides.map((side) => side.length)])).toEqual([
      ['产出指标', [2, 1]],
      ['满意度指标', [1, 1]],
    ]);
  });

  it('lays out the 整体 form’s grid: header, 一级 down its block, 二级 down the indicators it heads', () => {
    expect(gridCells(OVERALL_GRID, [[offices, meetings, onTime, satisfied]]).map(shown)).toEqual([
      '0,1 一级指标 (level)',
      '0,2 二级指标',
      '0,3 三级指标 [1×2]',
      '0,5 指标值',
      '1,1 产出指标 [3×1] (level)',
      '1,2 数量指标 [2×1] (level)',
      '1,3 保障办公场所 [1×2]',
      '1,5 =3处',
      '2,3 保障会议 [1×2]',
      '2,5 ≥12次',
      '3,2 时效指标 (level)',
      '3,3 按时完成率 [1×2]',
      '3,5 100%',
      '4,1 满意度指标 (level)',
      '4,2 服务对象满意度指标 (level)',
      '4,3 干部职工满意度 [1×2]',
      '4,5 ≥95%',
    ]);
  });

  it('fills a side shorter than its block with blank rows, and an empty grid with one row to fill in', () => {
    const cells = gridCells(PROJECT_GRID, [[offices, meetings], [onTime]]).map(shown);
    expect(cells.slice(7)).toEqual([
      '1,1 产出指标 [2×1] (level)',
      '1,2 数量指标 [2×1] (level)',
      '1,3 保障办公场所',
      '1,4 =3处',
      '2,3 保障会议',
      '2,4 ≥12次',
      '1,5 时效指标 (level)',
      '1,6 按时完成率',
      '1,7 100%',
      '2,5 ',
      '2,6 ',
      '2,7 ',
    ]);
    expect(gridCells(PROJECT_GRID, [[], []]).slice(7).map(shown)).toEqual([
      '1,1 ',
      '1,2 ',
      '1,3 ',
      '1,4 ',
      '1,5 ',
      '1,6 ',
      '1,7 ',
    ]);
  });

  it('gives an indicator with neither 三级 nor 指标值 a 二级 cell of its own (an import tells it from an inserted row)', () => {
    const blank: Indicator = { ...offices, name: '', value: '' };
    const cells = gridCells(OVERALL_GRID, [[offices, blank]]).map(shown);
    expect(cells.filter((cell) => cell.includes('数量指标'))).toEqual([
      '1,2 数量指标 (level)',
      '2,2 数量指标 (level)',
    ]);
  });
});
