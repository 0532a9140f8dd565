/**
 * Cross-checks (审核). A rule is data: an id, a level, a family, a title, and the checks it makes on a
 * document. Each check reads some amounts (expressions over cells and inputs) and some parts of the
 * document (named by area keys), so that after an edit only the checks that read what changed run again.
 */
import type { Catalog } from '../catalogs';
import type { BudgetDocument } from '../document/schema';
import type { FormEvaluator } from '../forms/engine';
import type { CellRef, Expr, FormId } from '../forms/types';
import type { Decimal } from '../money';

/** 错误 (强制性): the document is wrong. 提示 (提示性): may be right, confirmed with a written 说明. */
export type Level = '错误' | '提示';

/** A: within a table; B: between tables; C: text against tables; D: completeness; P: declarations. */
export type Family = 'A' | 'B' | 'C' | 'D' | 'P';

/** A place a finding points at: a cell of a form, or a part of the document outside the tables. */
export type Target =
  | ({ readonly kind: 'cell' } & CellRef)
  | {
      readonly kind: 'field';
      /** Where in the document: `narrative.reasons.total`, `projects.p03.declaration.annualIndicators.2`. */
      readonly path: string;
      /** The same, in the accountant's words: 情况说明 一 收支增减原因. */
      readonly label: string;
    };

export interface Finding {
  readonly rule: string;
  readonly level: Level;
  /** What the check is about, unique within its rule (a code, a project id, …). */
  readonly subject: string;
  readonly message: string;
  readonly targets: readonly Target[];
  /** The numbers or text behind the finding; an explanation holds only while they are unchanged. */
  readonly basis: string;
  /** The accountant's 说明, when a 提示 has been explained and its basis is unchanged. */
  readonly explanation: string | null;
}

/**
 * The parts of the document a check may read besides amounts. An edit names the areas it touched; the
 * checks reading them run again. Adding or removing rows, units or projects re-runs everything.
 */
export type Area =
  | 'department'
  | 'units'
  | 'overview'
  | 'projects'
  | 'declarations'
  | 'notes'
  | 'narrative'
  | 'performance'
  | 'glossary'
  | 'names'
  /** One project's declaration (texts, indicators, funding in 元). */
  | `declaration:${string}`;

export interface CheckContext {
  readonly doc: BudgetDocument;
  readonly catalog: Catalog;
  readonly forms: FormEvaluator;
  /**
   * The value a cell shows. In the app that is the computed value; for an imported workbook it is what
   * the workbook states, so that the A rules can compare it with what its rows add up to.
   */
  value(ref: CellRef): Decimal | null;
  /** What the app computes for a cell from the typed amounts. */
  computed(ref: CellRef): Decimal | null;
  /** Cells whose value was stated by an imported workbook (none in the app). */
  readonly statedCells: readonly CellRef[];
  /** A cell described for a message: 表3 2101101 行政单位医疗 合计. */
  describe(ref: CellRef): string;
}

/** What a check reports (the engine adds the rule, level default, subject and explanation). */
export interface FindingDraft {
  readonly level?: Level;
  readonly message: string;
  readonly targets: readonly Target[];
  readonly basis: string;
}

export interface Check {
  readonly subject: string;
  /** The amounts this check depends on. */
  readonly reads: readonly Expr[];
  /** The other parts of the document it depends on. */
  readonly areas: readonly Area[];
  run(ctx: CheckContext): FindingDraft | null;
}

export interface Rule {
  readonly id: string;
  readonly family: Family;
  readonly level: Level;
  /** What the rule checks, in one Chinese sentence (for the rule list and the audit report). */
  readonly title: string;
  /** The checks this rule makes on a document (they depend on its structure, not its amounts). */
  checks(ctx: CheckContext): readonly Check[];
}

export function cellTarget(ref: CellRef): Target {
  return { kind: 'cell', form: ref.form, row: ref.row, column: ref.column };
}

export function fieldTarget(path: string, label: string): Target {
  return { kind: 'field', path, label };
}

export type { FormId };
