/**
 * The audit report (审核报告): the findings of a document, grouped by level, with the cells they
 * concern and the explanations given, as plain text for printing or attaching to a submission.
 */
import type { BudgetDocument } from '../document/schema';
import { formsOf } from '../forms/engine';
import { RULES } from './rules';
import type { Finding, Target } from './types';

/** A target in words: a cell as `表3 2101101 行政单位医疗 合计`, a field by its label. */
export function describeTarget(doc: BudgetDocument, target: Target): string {
  return target.kind === 'cell' ? formsOf(doc).describe(target) : target.label;
}

export interface FindingCounts {
  readonly errors: number;
  readonly advisories: number;
  readonly explained: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  return {
    errors: findings.filter((f) => f.level === '错误').length,
    advisories: findings.filter((f) => f.level === '提示').length,
    explained: findings.filter((f) => f.explanation !== null).length,
  };
}

/** `错误 2 项，提示 5 项（已说明 3 项）`. */
export function summarizeFindings(findings: readonly Finding[]): string {
  const { errors, advisories, explained } = countFindings(findings);
  return `错误 ${errors} 项，提示 ${advisories} 项（已说明 ${explained} 项）`;
}

const RULE_TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

export function auditReport(doc: BudgetDocument, findings: readonly Finding[]): string {
  const lines: string[] = [
    `${doc.department.name}${doc.year}年部门预算审核报告`,
    '',
    `审核结果：${summarizeFindings(findings)}`,
    findings.some((f) => f.level === '错误')
      ? '结论：有错误，须改正后方可公开。'
      : findings.every((f) => f.explanation !== null)
        ? '结论：未发现错误，提示事项均已说明。'
        : '结论：未发现错误；尚有提示事项未作说明。',
  ];
  const section = (title: string, list: readonly Finding[]) => {
    lines.push('', title);
    if (list.length === 0) lines.push('  无');
    list.forEach((finding, i) => {
      lines.push(`  ${i + 1}. [${finding.rule}] ${finding.message}`);
      const where = finding.targets.map((t) => describeTarget(doc, t));
      if (where.length > 0) lines.push(`     涉及：${[...new Set(where)].join('；')}`);
      const rule = RULE_TITLES.get(finding.rule);
      if (rule) lines.push(`     规则：${rule}`);
      if (finding.level === '提示') lines.push(`     说明：${finding.explanation ?? '（未说明）'}`);
    });
  };
  section(
    '一、错误（强制性，须改正）',
    findings.filter((f) => f.level === '错误'),
  );
  section(
    '二、提示（提示性，须确认并说明）',
    findings.filter((f) => f.level === '提示'),
  );
  return `${lines.join('\n')}\n`;
}
