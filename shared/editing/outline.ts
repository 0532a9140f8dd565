/**
 * The app's outline: the parts of a budget an accountant works through, in the order of the published
 * document, and which findings concern which part (the outline shows each part's 错误 / 提示 counts).
 */
import type { Finding, Target } from '../checks/types';
import { FORM_DEFINITIONS } from '../forms/definitions';
import { FORM_IDS, type FormId } from '../forms/types';

export type SectionId = 'overview' | FormId | 'narrative' | 'performance' | 'assets' | 'glossary';

export interface OutlineSection {
  readonly id: SectionId;
  readonly label: string;
}

export const OUTLINE: readonly OutlineSection[] = [
  { id: 'overview', label: '封面与概况' },
  ...FORM_IDS.map((id) => ({
    id,
    label: `表${FORM_DEFINITIONS[id].number} ${FORM_DEFINITIONS[id].titleSuffix}`,
  })),
  { id: 'narrative', label: '情况说明' },
  { id: 'performance', label: '绩效目标' },
  { id: 'assets', label: '国有资产' },
  { id: 'glossary', label: '名词解释' },
];

/** Document paths outside the tables, by the part of the outline where they are filled in. */
const FIELD_SECTIONS: readonly (readonly [prefix: string, section: SectionId])[] = [
  ['narrative.assets', 'assets'],
  ['narrative', 'narrative'],
  ['performance', 'performance'],
  ['glossary', 'glossary'],
  ['department', 'overview'],
  ['units', 'overview'],
  ['overview', 'overview'],
  ['notes', 'overview'],
  ['tables.t6', 'T6'],
];

/** The part of the outline where a target is filled in. */
export function sectionOf(target: Target): SectionId {
  if (target.kind === 'cell') return target.form;
  const { path } = target;
  // emptyTableNotes.T7: the note printed under that table.
  const note = /^emptyTableNotes\.(T\d+)/.exec(path)?.[1];
  if (note && (FORM_IDS as readonly string[]).includes(note)) return note as FormId;
  // projects.<id>.declaration…: the project's 绩效目标申报表; projects.<id>.functionCode: 表12's row.
  if (path.startsWith('projects')) return path.includes('.declaration') ? 'performance' : 'T12';
  for (const [prefix, section] of FIELD_SECTIONS) {
    if (path === prefix || path.startsWith(`${prefix}.`)) return section;
  }
  return 'overview';
}

export interface SectionCounts {
  readonly errors: number;
  readonly advisories: number;
}

/** 错误 and unexplained 提示 per part; a finding touching two parts counts in both. */
export function countsBySection(findings: readonly Finding[]): ReadonlyMap<SectionId, SectionCounts> {
  const counts = new Map<SectionId, { errors: number; advisories: number }>();
  for (const finding of findings) {
    if (finding.level === '提示' && finding.explanation !== null) continue;
    for (const section of new Set(finding.targets.map(sectionOf))) {
      let entry = counts.get(section);
      if (!entry) counts.set(section, (entry = { errors: 0, advisories: 0 }));
      if (finding.level === '错误') entry.errors++;
      else entry.advisories++;
    }
  }
  return counts;
}

/**
 * 错误 and unexplained 提示 per declaration (the 绩效目标 list shows them): by project id, and
 * 'overall' for the 部门整体 declaration.
 */
export function countsByDeclaration(findings: readonly Finding[]): ReadonlyMap<string, SectionCounts> {
  const counts = new Map<string, { errors: number; advisories: number }>();
  for (const finding of findings) {
    if (finding.level === '提示' && finding.explanation !== null) continue;
    const owners = new Set<string>();
    for (const target of finding.targets) {
      if (target.kind !== 'field') continue;
      const project = /^projects\.([^.]+)\.declaration(?:\.|$)/.exec(target.path)?.[1];
      if (project) owners.add(project);
      else if (target.path === 'performance' || target.path.startsWith('performance.')) owners.add('overall');
    }
    for (const owner of owners) {
      let entry = counts.get(owner);
      if (!entry) counts.set(owner, (entry = { errors: 0, advisories: 0 }));
      if (finding.level === '错误') entry.errors++;
      else entry.advisories++;
    }
  }
  return counts;
}
