import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/types';
import { cellTarget, fieldTarget } from '../checks/types';
import { countsByDeclaration, countsBySection, OUTLINE, sectionOf } from './outline';

describe('outline', () => {
  it('lists the parts of the budget in the published order', () => {
    expect(OUTLINE.map((s) => s.id)).toEqual([
      'overview',
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
      'T9',
      'T10',
      'T11',
      'T12',
      'T13',
      'narrative',
      'performance',
      'assets',
      'glossary',
    ]);
    expect(OUTLINE[1]?.label).toBe('表1 预算收支总表');
  });

  it('places each target where it is filled in', () => {
    expect(sectionOf(cellTarget({ form: 'T5', row: '201', column: 'total' }))).toBe('T5');
    expect(sectionOf(fieldTarget('narrative.assets.vehicleActual', ''))).toBe('assets');
    expect(sectionOf(fieldTarget('narrative.reasons.total', ''))).toBe('narrative');
    expect(sectionOf(fieldTarget('projects.p03.declaration.annualIndicators.2', ''))).toBe('performance');
    expect(sectionOf(fieldTarget('projects.p03.functionCode', ''))).toBe('T12');
    expect(sectionOf(fieldTarget('emptyTableNotes.T7', ''))).toBe('T7');
    expect(sectionOf(fieldTarget('department.name', ''))).toBe('overview');
    expect(sectionOf(fieldTarget('glossary', ''))).toBe('glossary');
  });

  it('counts errors and unexplained advisories per part, a finding once per part', () => {
    const finding = (
      level: Finding['level'],
      explanation: string | null,
      ...targets: Finding['targets']
    ): Finding => ({
      rule: 'X',
      level,
      subject: 's',
      message: 'm',
      basis: 'b',
      explanation,
      targets,
    });
    const counts = countsBySection([
      finding(
        '错误',
        null,
        cellTarget({ form: 'T1', row: 'a', column: 'b' }),
        cellTarget({ form: 'T3', row: 'c', column: 'd' }),
        cellTarget({ form: 'T3', row: 'e', column: 'f' }),
      ),
      finding('提示', null, cellTarget({ form: 'T3', row: 'a', column: 'b' })),
      finding('提示', '已说明', cellTarget({ form: 'T3', row: 'a', column: 'b' })),
    ]);
    expect(counts.get('T1')).toEqual({ errors: 1, advisories: 0 });
    expect(counts.get('T3')).toEqual({ errors: 1, advisories: 1 });
    expect(counts.get('T2')).toBeUndefined();
  });
});

describe('countsByDeclaration', () => {
  it('counts findings per project declaration and for the 整体 one', () => {
    const finding = (level: Finding['level'], ...targets: Finding['targets']): Finding => ({
      rule: 'P',
      level,
      subject: 's',
      message: 'm',
      basis: 'b',
      explanation: null,
      targets,
    });
    const counts = countsByDeclaration([
      finding(
        '提示',
        fieldTarget('projects.p01.declaration.annualIndicators.0', ''),
        fieldTarget('projects.p01.declaration.annualIndicators.1', ''),
      ),
      finding(
        '错误',
        fieldTarget('projects.p02.declaration', ''),
        fieldTarget('projects.p03.declaration', ''),
      ),
      finding('提示', fieldTarget('performance.overall.indicators', '')),
      finding('错误', fieldTarget('projects.p01.functionCode', '')),
    ]);
    expect(counts.get('p01')).toEqual({ errors: 0, advisories: 1 });
    expect(counts.get('p02')).toEqual({ errors: 1, advisories: 0 });
    expect(counts.get('p03')).toEqual({ errors: 1, advisories: 0 });
    expect(counts.get('overall')).toEqual({ errors: 0, advisories: 1 });
    expect(counts.size).toBe(4);
  });
});
