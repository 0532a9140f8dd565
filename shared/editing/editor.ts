/**
 * An open document being edited: the current version, its live check session, and one undo/redo
 * history for every change (typed amounts, pastes, row operations, texts). The app's store wraps one
 * Editor; everything here is plain data and functions, so it is tested without a browser.
 *
 * Amount edits move the check session forward one input at a time (a one-cell re-check each); other
 * changes name what they touched (areas) or rebuild the session (rows added or removed).
 */
import { CheckSession, type DocumentChange } from '../checks/session';
import type { Finding } from '../checks/types';
import { getInput, setInput, type InputRef } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import type { Amount } from '../money';

/** One typed amount changed: where, and the stored text before and after ('' is blank). */
export interface AmountEdit {
  readonly input: InputRef;
  readonly before: Amount;
  readonly after: Amount;
}

/** A step of the history: what the user did, in words, and how to go back and forth. */
export type HistoryStep =
  | { readonly label: string; readonly kind: 'amounts'; readonly edits: readonly AmountEdit[] }
  | {
      readonly label: string;
      readonly kind: 'document';
      readonly before: BudgetDocument;
      readonly after: BudgetDocument;
      readonly change: DocumentChange;
    };

/** The most steps kept: documents share their unchanged parts, so a step costs little. */
const HISTORY_LIMIT = 500;

export class Editor {
  readonly session: CheckSession;
  private undoStack: HistoryStep[] = [];
  private redoStack: HistoryStep[] = [];
  /** Counts every change (including undo and redo): the store re-renders on it. */
  private revision = 0;

  constructor(doc: BudgetDocument) {
    this.session = new CheckSession(doc);
  }

  get doc(): BudgetDocument {
    return this.session.doc;
  }

  get version(): number {
    return this.revision;
  }

  findings(): readonly Finding[] {
    return this.session.findings();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** What Ctrl+Z would undo, in words (null: nothing). */
  get undoLabel(): string | null {
    return this.undoStack.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.redoStack.at(-1)?.label ?? null;
  }

  /**
   * Sets typed amounts (one cell, a pasted block, a cleared range) as one step. Amounts that do not
   * change are left out; returns the step, or null when nothing changed.
   */
  setAmounts(
    label: string,
    changes: readonly { readonly input: InputRef; readonly amount: Amount }[],
  ): HistoryStep | null {
    const edits: AmountEdit[] = [];
    for (const { input, amount } of changes) {
      const before = getInput(this.doc, input);
      if (before === undefined || before === amount) continue;
      edits.push({ input, before, after: amount });
    }
    if (edits.length === 0) return null;
    this.applyAmounts(edits, 'after');
    return this.record({ label, kind: 'amounts', edits });
  }

  /**
   * Replaces the document by one made from it (rows added or removed, texts edited) as one step.
   * `change` says what it touched; `{ kind: 'structure' }` when unsure (everything is checked again).
   */
  replace(label: string, next: BudgetDocument, change: DocumentChange): HistoryStep | null {
    const before = this.doc;
    if (next === before) return null;
    this.session.update(next, change);
    return this.record({ label, kind: 'document', before, after: next, change });
  }

  undo(): HistoryStep | null {
    const step = this.undoStack.pop();
    if (!step) return null;
    this.apply(step, 'before');
    this.redoStack.push(step);
    this.revision++;
    return step;
  }

  redo(): HistoryStep | null {
    const step = this.redoStack.pop();
    if (!step) return null;
    this.apply(step, 'after');
    this.undoStack.push(step);
    this.revision++;
    return step;
  }

  private record(step: HistoryStep): HistoryStep {
    this.undoStack.push(step);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    this.revision++;
    return step;
  }

  private apply(step: HistoryStep, side: 'before' | 'after'): void {
    if (step.kind === 'amounts') {
      this.applyAmounts(side === 'after' ? step.edits : [...step.edits].reverse(), side);
    } else {
      this.session.update(step[side], step.change);
    }
  }

  /** Moves the session forward one input at a time, so that each is a one-cell re-check. */
  private applyAmounts(edits: readonly AmountEdit[], side: 'before' | 'after'): void {
    for (const edit of edits) {
      const next = setInput(this.doc, edit.input, edit[side]);
      this.session.update(next, { kind: 'input', input: edit.input });
    }
  }
}
