/**
 * Explanations (说明) of 提示 findings: the accountant confirms an advisory is right and says why. An
 * explanation is kept with the numbers it was written for (the finding's basis); when they change, the
 * finding is open again (session.ts matches rule, subject and basis).
 */
import type { BudgetDocument } from '../document/schema';
import type { DocumentChange } from './session';
import type { Finding } from './types';

/** Explanations touch no amount and no part a check reads: the session only lists its findings again. */
export const EXPLANATION_CHANGE: DocumentChange = { kind: 'areas', areas: [] };

/** The document with `text` as the 说明 of a 提示 finding; an empty text withdraws it. */
export function explainFinding(doc: BudgetDocument, finding: Finding, text: string): BudgetDocument {
  if (finding.level !== '提示') return doc;
  const trimmed = text.trim();
  const others = doc.explanations.filter(
    (e) => !(e.ruleId === finding.rule && e.subject === finding.subject),
  );
  const explanations =
    trimmed === ''
      ? others
      : [...others, { ruleId: finding.rule, subject: finding.subject, basis: finding.basis, text: trimmed }];
  return { ...doc, explanations };
}
