/**
 * The app's state (zustand): the open document's Editor (shared/editing), what is shown and selected,
 * and the save state. Components read slices and call actions; every change to the document goes
 * through the Editor, so it is checked at once and can be undone.
 */
import { create } from 'zustand';
import type { DocumentChange } from '../../../shared/checks/session';
import type { Finding, Target } from '../../../shared/checks/types';
import type { BudgetDocument } from '../../../shared/document/schema';
import { parseDocument } from '../../../shared/document/file';
import { Editor, type HistoryStep } from '../../../shared/editing/editor';
import {
  positionOfInput,
  positionOf,
  type CellRange,
  type PlannedAmount,
} from '../../../shared/editing/grid';
import { sectionOf, type SectionId } from '../../../shared/editing/outline';
import { cellKey, FORM_IDS, isFormId, type CellRef, type FormId } from '../../../shared/forms/types';

const ORIGIN: CellRange = { anchor: { row: 0, column: 0 }, focus: { row: 0, column: 0 } };

/**
 * How long an edit may check the document in full before leaving the rest to the background: the sample
 * is checked within it (no 正在审核 between two frames), a budget 100× its size (about 100 ms) does not
 * hold the window up.
 */
const CHECK_AT_ONCE_MS = 10;
/**
 * The same on opening, before the window first shows the document: the sample's first check, before the
 * code is compiled, takes 40–90 ms here (so its findings come with it, no 正在审核 as it appears); a 100×
 * budget's takes 300–400 ms, of which it shows the table after about this much.
 */
const CHECK_ON_OPENING_MS = 100;

/**
 * Runs `step` in a task of its own, once what is waiting (keys, a frame to draw) has had its turn. Not
 * setTimeout(0): nested, it waits at least 4 ms each time, and the background check of a large budget
 * is some 60 steps.
 */
const inNextTask = (() => {
  const waiting: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  return (step: () => void) => {
    waiting.push(step);
    channel.port2.postMessage(null);
  };
})();

/** The editor's version and findings, once its document is checked (within `budgetMs` if need be). */
function checkedState(
  editor: Editor,
  budgetMs = CHECK_AT_ONCE_MS,
): Pick<WorkbenchState, 'version' | 'checking'> & { findings?: readonly Finding[] } {
  const { session } = editor;
  const checked = (): boolean => session.isChecked;
  if (!checked()) {
    const start = performance.now();
    const steps = session.preparation();
    while (!checked() && performance.now() - start < budgetMs) steps.next();
  }
  return checked()
    ? { version: editor.version, findings: editor.findings(), checking: false }
    : { version: editor.version, checking: true };
}

/** A finding being followed: its cells are highlighted, and the user steps through its targets. */
export interface FollowedFinding {
  readonly finding: Finding;
  readonly target: number;
  readonly keys: ReadonlySet<string>;
}

/** A question the user must answer before something with money in it is removed. */
export interface Confirmation {
  readonly message: string;
  readonly action: string;
  readonly onConfirm: () => void;
}

export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

interface WorkbenchState {
  readonly status: 'loading' | 'failed' | 'ready';
  readonly failure: string | null;
  readonly editor: Editor | null;
  /** The editor's version: components that show the document re-render when it changes. */
  readonly version: number;
  /**
   * The findings of the current document. After opening a large budget, or adding rows to one, it is
   * checked in full in the background (`checking`); meanwhile these are the findings from before.
   */
  readonly findings: readonly Finding[];
  readonly checking: boolean;
  readonly savedVersion: number;
  readonly path: string | null;
  readonly section: SectionId;
  readonly selection: CellRange;
  readonly followed: FollowedFinding | null;
  readonly notice: Notice | null;
  readonly confirmation: Confirmation | null;
  /** Counts the requests to give the keyboard to the grid (after following a finding, adding a row). */
  readonly gridFocus: number;

  readonly open: (text: string, path: string | null) => void;
  readonly fail: (message: string) => void;
  readonly showSection: (section: SectionId) => void;
  readonly select: (selection: CellRange) => void;
  readonly setAmounts: (label: string, changes: readonly PlannedAmount[], selection?: CellRange) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly follow: (finding: Finding, target?: number) => void;
  readonly notify: (notice: Notice | null) => void;
  /** Replaces the document by one made from it (rows, texts) as one undoable step. */
  readonly replaceDocument: (
    label: string,
    next: BudgetDocument,
    change: DocumentChange,
    selection?: CellRange,
  ) => void;
  readonly ask: (confirmation: Confirmation | null) => void;
  readonly focusGrid: () => void;
  /** Shows a cell of a form, selected (a figure of the narrative leads to where it comes from). */
  readonly reveal: (ref: CellRef) => void;
  /** The document as of `version` (the current one when omitted) is saved at `path`. */
  readonly markSaved: (path: string | null, version?: number) => void;
  /** The document has changes no file holds (recovered, imported, new from last year). */
  readonly markUnsaved: () => void;
}

export const useWorkbench = create<WorkbenchState>()((set, get) => {
  /**
   * Checks the document in full, shows its findings, and builds what a one-cell re-check needs, a step
   * per task so that the window answers between them: after opening, and after an edit that checks
   * everything again (rows added or removed), so that neither the edit nor the next amount typed waits
   * for it (at 100×: about 100 ms each). One run at a time; again when rows changed meanwhile, or another
   * document was opened.
   */
  let working = false;
  const workInBackground = () => {
    const session = get().editor?.session;
    if (working || !session || session.isPrepared) return;
    working = true;
    const steps = session.preparation();
    const next = () => {
      const { editor, checking } = get();
      // Another document opened meanwhile: its own run takes over.
      const current = editor?.session === session ? editor : null;
      const more = current !== null && !steps.next().done;
      if (current && checking && session.isChecked) set({ findings: current.findings(), checking: false });
      if (more) {
        inNextTask(next);
        return;
      }
      working = false;
      workInBackground();
    };
    inNextTask(next);
  };

  /** After undo/redo: show the form the step changed and select its cells. */
  const revealStep = (step: HistoryStep, verb: string) => {
    const { editor } = get();
    if (!editor) return;
    const notice: Notice = { kind: 'info', text: `${verb}：${step.label}` };
    if (step.kind !== 'amounts') {
      set({ ...checkedState(editor), notice, followed: null });
      return;
    }
    const { section } = get();
    const forms: FormId[] = isFormId(section) ? [section] : [];
    const first = step.edits[0];
    for (const form of [...forms, ...FORM_IDS]) {
      const grid = editor.session.evaluator.grid(form);
      const positions = step.edits
        .map((edit) => positionOfInput(grid, edit.input))
        .filter((p) => p !== undefined);
      if (first && positions.length > 0) {
        const rows = positions.map((p) => p.row);
        const columns = positions.map((p) => p.column);
        set({
          ...checkedState(editor),
          notice,
          section: form,
          selection: {
            anchor: { row: Math.min(...rows), column: Math.min(...columns) },
            focus: { row: Math.max(...rows), column: Math.max(...columns) },
          },
        });
        return;
      }
    }
    set({ ...checkedState(editor), notice });
  };

  return {
    status: 'loading',
    failure: null,
    editor: null,
    version: 0,
    findings: [],
    checking: false,
    savedVersion: 0,
    path: null,
    section: 'T1',
    selection: ORIGIN,
    followed: null,
    notice: null,
    confirmation: null,
    gridFocus: 0,

    open(text, path) {
      const loaded = parseDocument(text);
      if (!loaded.ok) {
        set({ status: 'failed', failure: loaded.summary });
        return;
      }
      const editor = new Editor(loaded.document);
      set({
        status: 'ready',
        failure: null,
        editor,
        findings: [],
        ...checkedState(editor, CHECK_ON_OPENING_MS),
        savedVersion: editor.version,
        path,
        section: 'T1',
        selection: ORIGIN,
        followed: null,
        notice: null,
      });
      workInBackground();
    },

    fail(message) {
      set({ status: 'failed', failure: message });
    },

    showSection(section) {
      if (section === get().section) return;
      set({ section, selection: ORIGIN });
    },

    select(selection) {
      set({ selection });
    },

    setAmounts(label, changes, selection) {
      const { editor } = get();
      if (!editor) return;
      const step = editor.setAmounts(label, changes);
      set({
        ...checkedState(editor),
        ...(selection ? { selection } : {}),
        ...(step ? { notice: null } : {}),
      });
      workInBackground();
    },

    undo() {
      const step = get().editor?.undo();
      if (step) revealStep(step, '已撤销');
      workInBackground();
    },

    redo() {
      const step = get().editor?.redo();
      if (step) revealStep(step, '已重做');
      workInBackground();
    },

    follow(finding, target = 0) {
      const { editor } = get();
      if (!editor) return;
      const keys = new Set(
        finding.targets.flatMap((t) => (t.kind === 'cell' ? [cellKey(t)] : [`field:${t.path}`])),
      );
      const chosen: Target | undefined = finding.targets[target];
      const followed = { finding, target, keys };
      if (!chosen) {
        set({ followed });
        return;
      }
      const section = sectionOf(chosen);
      if (chosen.kind === 'cell') {
        const position = positionOf(editor.session.evaluator.grid(chosen.form), chosen);
        set((state) => ({
          followed,
          section,
          selection: position ? { anchor: position, focus: position } : ORIGIN,
          gridFocus: state.gridFocus + 1,
        }));
      } else {
        set({ followed, section });
      }
    },

    notify(notice) {
      set({ notice });
    },

    replaceDocument(label, next, change, selection) {
      const { editor } = get();
      if (!editor) return;
      const step = editor.replace(label, next, change);
      set({
        ...checkedState(editor),
        ...(selection ? { selection } : {}),
        ...(step ? { notice: { kind: 'info', text: label } } : {}),
      });
      workInBackground();
    },

    ask(confirmation) {
      set({ confirmation });
    },

    focusGrid() {
      set((state) => ({ gridFocus: state.gridFocus + 1 }));
    },

    reveal(ref) {
      const { editor } = get();
      if (!editor) return;
      const position = positionOf(editor.session.evaluator.grid(ref.form), ref);
      set((state) => ({
        section: ref.form,
        selection: position ? { anchor: position, focus: position } : ORIGIN,
        gridFocus: state.gridFocus + 1,
      }));
    },

    markSaved(path, version) {
      set((state) => ({ savedVersion: version ?? state.version, path }));
    },

    markUnsaved() {
      // Versions count from 0: -1 is no version, so the document shows as unsaved until saved.
      set({ savedVersion: -1 });
    },
  };
});
