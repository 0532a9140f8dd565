/**
 * Evaluates form definitions against a document. A document's forms are computed once and kept for as
 * long as the document object lives (documents are immutable: an edit makes a new one), so the grid,
 * the checker and the exporters can all ask for any cell without recomputing.
 */
import { catalogFor } from '../catalogs';
import { getInput, inputKey, type InputRef } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { Decimal, isBlank, toDecimal, ZERO } from '../money';
import { FORM_DEFINITIONS } from './definitions';
import {
  cellKey,
  FORM_IDS,
  type CellRef,
  type ColumnDef,
  type Expr,
  type FormCell,
  type FormContext,
  type FormGrid,
  type FormId,
  type FormRow,
  type HeaderCell,
  type PanelSpec,
  type RowKind,
  type RowSpec,
} from './types';

/** Wider than this many character cells, a table prints on landscape A4. */
const PORTRAIT_WIDTH_LIMIT = 96;

export interface BuiltForm {
  readonly panels: readonly PanelSpec[];
  readonly rows: ReadonlyMap<string, RowSpec>;
}

/**
 * The computed forms of one document. Values are computed on demand and kept. `advance` moves the
 * evaluator to the next version of the document after one typed amount changed, dropping only the values
 * that depend on it — so a one-cell edit re-computes a few cells, not the whole budget.
 */
export class FormEvaluator {
  private built = new Map<FormId, BuiltForm>();
  private readonly values = new Map<string, Decimal | null>();
  /** For each long flat sum computed so far: how many of its terms are not blank. */
  private readonly filledTerms = new Map<string, number>();
  private readonly evaluating = new Set<string>();
  private readonly grids = new Map<FormId, FormGrid>();
  /** Who reads what: a cell key or `in:` + input key → the keys of the cells whose expression names it. */
  private readers: Map<string, Set<string>> | null = null;
  private current: BudgetDocument;
  private ctx: FormContext;

  constructor(doc: BudgetDocument) {
    this.current = doc;
    this.ctx = { doc, catalog: catalogFor(doc.year) };
  }

  get doc(): BudgetDocument {
    return this.current;
  }

  get context(): FormContext {
    return this.ctx;
  }

  /**
   * Moves to `next`, which must differ from the current document in the one input `changed` only.
   * Returns the keys of the cells whose values changed with it (they will be recomputed on demand),
   * or null when the change needs rows the document does not have yet (a new row): then use a new
   * evaluator. A form whose rows follow amounts (changesRows) is laid out again in place.
   */
  advance(next: BudgetDocument, changed: InputRef): ReadonlySet<string> | null {
    const before = getInput(this.current, changed);
    const after = getInput(next, changed);
    if (before === undefined || after === undefined) return null;
    const readers = this.readerIndex();
    const changedKey = INPUT_PREFIX + inputKey(changed);
    const stale = new Set<string>();
    const queue = [changedKey];
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const reader of readers.get(key) ?? []) {
        if (stale.has(reader)) continue;
        stale.add(reader);
        queue.push(reader);
      }
    }
    // A form whose rows follow amounts (表7 follows 表2) is laid out again: all its cells are stale.
    const reshaped = FORM_IDS.filter(
      (id) => FORM_DEFINITIONS[id].changesRows?.(this.current, next, changed) === true,
    );
    for (const id of reshaped) {
      this.addCellKeys(id, stale);
      this.indexReaders(id, 'remove');
    }
    for (const key of stale) this.grids.delete(key.slice(0, key.indexOf('/')) as FormId);
    evaluators.delete(this.current);
    this.current = next;
    this.ctx = { ...this.ctx, doc: next };
    evaluators.set(next, this);
    if (reshaped.length > 0) {
      for (const key of stale) this.forget(key);
      for (const id of reshaped) {
        this.built.delete(id);
        this.addCellKeys(id, stale);
        this.indexReaders(id, 'add');
      }
      return stale;
    }
    this.recompute(stale, changedKey, amountOf(before), amountOf(after));
    return stale;
  }

  /**
   * New values for the stale cells, in an order where each comes after the cells it reads. A long flat
   * sum (a 合计 over hundreds of projects) is not added up again: it takes the change of its terms.
   * Cells never computed stay so (they are computed when asked).
   */
  private recompute(
    stale: ReadonlySet<string>,
    changedKey: string,
    before: Decimal | null,
    after: Decimal | null,
  ) {
    const readers = this.readerIndex();
    // Changes that reached each cell so far: the sum of (new − old) of its terms, and the change in how
    // many of them are filled; `exact` is false when a term's old value was unknown.
    const changes = new Map<string, { delta: Decimal; filled: number; exact: boolean }>();
    const pass = (key: string, old: Decimal | null | undefined, value: Decimal | null | undefined) => {
      for (const reader of readers.get(key) ?? []) {
        const change = changes.get(reader) ?? { delta: ZERO, filled: 0, exact: true };
        if (old === undefined || value === undefined) change.exact = false;
        else {
          change.delta = change.delta.plus(value ?? ZERO).minus(old ?? ZERO);
          change.filled += (value ? 1 : 0) - (old ? 1 : 0);
        }
        changes.set(reader, change);
      }
    };
    pass(changedKey, before, after);
    for (const key of this.topologicalOrder(stale)) {
      const old = this.values.get(key);
      const change = changes.get(key);
      const filled = this.filledTerms.get(key);
      if (old === undefined) {
        pass(key, undefined, undefined);
        continue;
      }
      let value: Decimal | null;
      if (change?.exact && filled !== undefined) {
        const nowFilled = filled + change.filled;
        this.filledTerms.set(key, nowFilled);
        value = nowFilled === 0 ? null : (old ?? ZERO).plus(change.delta);
      } else {
        this.forget(key);
        value = this.value(refOfKey(key));
      }
      this.values.set(key, value);
      pass(key, old, value);
    }
  }

  /** The stale cells ordered so that each comes after every stale cell it reads. */
  private topologicalOrder(stale: ReadonlySet<string>): string[] {
    const readers = this.readerIndex();
    const waiting = new Map<string, number>();
    for (const key of stale) waiting.set(key, 0);
    for (const key of stale) {
      for (const reader of readers.get(key) ?? []) {
        const count = waiting.get(reader);
        if (count !== undefined) waiting.set(reader, count + 1);
      }
    }
    const ready = [...stale].filter((key) => waiting.get(key) === 0);
    const order: string[] = [];
    for (let key = ready.pop(); key !== undefined; key = ready.pop()) {
      order.push(key);
      for (const reader of readers.get(key) ?? []) {
        const count = waiting.get(reader);
        if (count === undefined) continue;
        waiting.set(reader, count - 1);
        if (count === 1) ready.push(reader);
      }
    }
    return order;
  }

  private forget(key: string): void {
    this.values.delete(key);
    this.filledTerms.delete(key);
  }

  /** Adds the key of every amount cell of a form. */
  private addCellKeys(id: FormId, keys: Set<string>): void {
    for (const row of this.form(id).rows.values()) {
      for (const [column, spec] of Object.entries(row.cells)) {
        if ('expr' in spec) keys.add(cellKey({ form: id, row: row.key, column }));
      }
    }
  }

  /**
   * Moves to `next`, which must differ from the current document only where no amount and no row of a
   * form depends on it (texts, notes, declarations). Values are kept; grids are redrawn (titles, notes).
   */
  rebase(next: BudgetDocument): void {
    evaluators.delete(this.current);
    this.current = next;
    this.ctx = { ...this.ctx, doc: next };
    this.grids.clear();
    evaluators.set(next, this);
  }

  /** A cell in words, for messages: `表3 2101101 行政单位医疗 合计`. */
  describe(ref: CellRef): string {
    const form = FORM_DEFINITIONS[ref.form];
    const built = this.form(ref.form);
    const row = built.rows.get(ref.row);
    const column = built.panels.flatMap((p) => p.columns).find((c) => c.key === ref.column);
    const columnLabel = fillYear(column?.header.at(-1) ?? ref.column, this.current.year);
    return `表${form.number} ${row ? rowLabel(row) : ref.row} ${columnLabel}`;
  }

  /** Builds ahead what `advance` needs (otherwise built on the first advance). */
  prepare(): void {
    this.readerIndex();
  }

  /** Builds (once) the index of which cells read which cells and inputs, over all thirteen forms. */
  private readerIndex(): Map<string, Set<string>> {
    if (this.readers) return this.readers;
    const readers = new Map<string, Set<string>>();
    this.readers = readers;
    for (const id of FORM_IDS) this.indexReaders(id, 'add');
    return readers;
  }

  /** Adds (or removes) what the cells of one form read to the reader index. */
  private indexReaders(id: FormId, action: 'add' | 'remove'): void {
    const readers = this.readers;
    if (!readers) return;
    for (const row of this.form(id).rows.values()) {
      for (const [column, spec] of Object.entries(row.cells)) {
        if (!('expr' in spec)) continue;
        const reader = cellKey({ form: id, row: row.key, column });
        const refs = directReads(spec.expr);
        const reads = [
          ...refs.cells.map((cell) => cellKey(cell)),
          ...refs.inputs.map((input) => INPUT_PREFIX + inputKey(input)),
        ];
        for (const read of reads) {
          let set = readers.get(read);
          if (action === 'remove') {
            set?.delete(reader);
            continue;
          }
          if (!set) {
            set = new Set();
            readers.set(read, set);
          }
          set.add(reader);
        }
      }
    }
  }

  /** The spec of a form: its panels and rows before evaluation. */
  form(id: FormId): BuiltForm {
    let form = this.built.get(id);
    if (!form) {
      const panels = FORM_DEFINITIONS[id].panels(this.ctx);
      const rows = new Map<string, RowSpec>();
      for (const panel of panels) {
        for (const row of [...panel.body, ...panel.footer]) if (row) rows.set(row.key, row);
      }
      form = { panels, rows };
      this.built.set(id, form);
    }
    return form;
  }

  /** The value of any amount cell; blank (null) for a cell that does not exist. */
  value(ref: CellRef): Decimal | null {
    const key = cellKey(ref);
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const spec = this.form(ref.form).rows.get(ref.row)?.cells[ref.column];
    if (!spec || !('expr' in spec)) return null;
    if (this.evaluating.has(key)) throw new Error(`表格公式循环引用：${key}`);
    this.evaluating.add(key);
    const result = isLongFlatSum(spec.expr)
      ? this.sumCounting(key, spec.expr.terms)
      : this.evaluate(spec.expr);
    this.evaluating.delete(key);
    this.values.set(key, result);
    return result;
  }

  /** A long flat sum, keeping how many of its terms are not blank (see `advance`). */
  private sumCounting(key: string, terms: readonly Expr[]): Decimal | null {
    let total: Decimal | null = null;
    let filled = 0;
    for (const term of terms) {
      const value = this.evaluate(term);
      if (value) {
        total = total ? total.plus(value) : value;
        filled++;
      }
    }
    this.filledTerms.set(key, filled);
    return total;
  }

  evaluate(expr: Expr): Decimal | null {
    switch (expr.op) {
      case 'blank':
        return null;
      case 'input': {
        const stored = getInput(this.current, expr.input);
        return isBlank(stored) ? null : toDecimal(stored);
      }
      case 'cell':
        return this.value(expr.cell);
      case 'sum': {
        let total: Decimal | null = null;
        for (const term of expr.terms) {
          const value = this.evaluate(term);
          if (value) total = total ? total.plus(value) : value;
        }
        return total;
      }
      case 'minus': {
        const left = this.evaluate(expr.left);
        const right = this.evaluate(expr.right);
        if (!right) return left;
        return (left ?? new Decimal(0)).minus(right);
      }
    }
  }

  grid(id: FormId): FormGrid {
    let grid = this.grids.get(id);
    if (!grid) {
      grid = this.buildGrid(id);
      this.grids.set(id, grid);
    }
    return grid;
  }

  private buildGrid(id: FormId): FormGrid {
    const definition = FORM_DEFINITIONS[id];
    const doc = this.current;
    const { panels } = this.form(id);
    const columns = panels.flatMap((panel) => panel.columns).map((c) => withYear(c, doc.year));
    const header = layoutHeader(columns);
    const rows = zipPanels(panels).map((line) => this.formRow(id, panels, line));
    const empty = rows.every((row) => row.cells.every((c) => c.type !== 'amount' || c.value === null));
    const width = columns.reduce((total, column) => total + column.width, 0);
    const emptyNote =
      definition.emptyFund === null
        ? ''
        : (doc.emptyTableNotes[id as keyof typeof doc.emptyTableNotes] ?? '');
    return {
      id,
      number: definition.number,
      title: formTitle(doc, id),
      unit: `单位：${definition.unit}`,
      orientation: width > PORTRAIT_WIDTH_LIMIT ? 'landscape' : 'portrait',
      columns,
      header: header.cells,
      headerRowCount: header.rowCount,
      rows,
      remark: `备注：${fillYear(definition.remark, doc.year)}`,
      empty,
      emptyNote,
      suggestedEmptyNote:
        definition.emptyFund === null ? null : `本部门${doc.year}年无${definition.emptyFund}，故本表为空表。`,
    };
  }

  private formRow(id: FormId, panels: readonly PanelSpec[], line: readonly (RowSpec | null)[]): FormRow {
    const cells: FormCell[] = [];
    const kinds: RowKind[] = [];
    panels.forEach((panel, p) => {
      const row = line[p] ?? null;
      kinds.push(row ? row.kind : 'filler');
      for (const column of panel.columns) {
        const spec = row?.cells[column.key];
        if (!row || !spec) {
          cells.push({ type: 'text', text: '' });
        } else if ('text' in spec) {
          cells.push({ type: 'text', text: spec.text });
        } else {
          const ref: CellRef = { form: id, row: row.key, column: column.key };
          const input: InputRef | null = spec.expr.op === 'input' ? spec.expr.input : null;
          cells.push({ type: 'amount', ref, value: this.value(ref), input });
        }
      }
    });
    return { key: line.map((row) => row?.key ?? '').join('|'), kinds, cells };
  }
}

const INPUT_PREFIX = 'in:';

/** Flat sums this long are updated by the change of their terms instead of being added up again. */
const LONG_SUM = 16;

function isLongFlatSum(expr: Expr): expr is Extract<Expr, { op: 'sum' }> {
  return (
    expr.op === 'sum' &&
    expr.terms.length >= LONG_SUM &&
    expr.terms.every((t) => t.op === 'cell' || t.op === 'input')
  );
}

function amountOf(stored: string): Decimal | null {
  return isBlank(stored) ? null : toDecimal(stored);
}

/** `T3/2010301/basic` → the cell (row keys have no '/'; the form is before the first, the column after the last). */
function refOfKey(key: string): CellRef {
  const first = key.indexOf('/');
  const last = key.lastIndexOf('/');
  return {
    form: key.slice(0, first) as FormId,
    row: key.slice(first + 1, last),
    column: key.slice(last + 1),
  };
}

/**
 * A row in words: a 功能 row by its full code and name (`2101101 行政单位医疗`), a 表6 row by its 部门
 * 经济 code and name, any other row by its label without list numbering (`一般公共服务支出`).
 */
function rowLabel(row: RowSpec): string {
  const texts = Object.values(row.cells).flatMap((cell) =>
    'text' in cell && cell.text !== '' ? [cell.text.replace(/^[一二三四五六七八九十]+、/, '')] : [],
  );
  const code = /^(?:income:|expenditure:)?(\d{3,7})(?:-\d{5})?$/.exec(row.key)?.[1];
  if (code) return [code, ...texts.filter((t) => !/^\d+$/.test(t)).slice(0, 1)].join(' ');
  const label = texts[0] ?? row.key;
  // 表9's two 合计 rows say only 合计: name the side.
  if (row.kind === 'total' && label === '合计' && row.key.startsWith('income:')) return '收入合计';
  if (row.kind === 'total' && label === '合计' && row.key.startsWith('expenditure:')) return '支出合计';
  return label;
}

/** The cells and inputs an expression names directly. */
export function directReads(expr: Expr): { cells: CellRef[]; inputs: InputRef[] } {
  const cells: CellRef[] = [];
  const inputs: InputRef[] = [];
  const walk = (e: Expr): void => {
    switch (e.op) {
      case 'cell':
        cells.push(e.cell);
        return;
      case 'input':
        inputs.push(e.input);
        return;
      case 'sum':
        e.terms.forEach(walk);
        return;
      case 'minus':
        walk(e.left);
        walk(e.right);
        return;
      case 'blank':
        return;
    }
  };
  walk(expr);
  return { cells, inputs };
}

const evaluators = new WeakMap<BudgetDocument, FormEvaluator>();

/** The evaluator of a document, made once per document object. */
export function formsOf(doc: BudgetDocument): FormEvaluator {
  let evaluator = evaluators.get(doc);
  if (!evaluator) {
    evaluator = new FormEvaluator(doc);
    evaluators.set(doc, evaluator);
  }
  return evaluator;
}

/** One form of a document, fully computed. */
export function computeForm(doc: BudgetDocument, id: FormId): FormGrid {
  return formsOf(doc).grid(id);
}

export function computeAllForms(doc: BudgetDocument): readonly FormGrid[] {
  return FORM_IDS.map((id) => computeForm(doc, id));
}

/** `新绛县人民政府办公室2024年预算收支总表`. */
export function formTitle(doc: BudgetDocument, id: FormId): string {
  return `${doc.department.name}${doc.year}年${FORM_DEFINITIONS[id].titleSuffix}`;
}

function fillYear(template: string, year: number): string {
  return template.replaceAll('{year}', String(year));
}

function withYear(column: ColumnDef, year: number): ColumnDef {
  return { ...column, header: column.header.map((label) => fillYear(label, year)) };
}

/**
 * Lines of a table: one panel's rows as they are; two panels side by side, bodies from the top (the
 * shorter padded), footers aligned at the bottom.
 */
function zipPanels(panels: readonly PanelSpec[]): (RowSpec | null)[][] {
  const bodyLength = Math.max(...panels.map((p) => p.body.length));
  const footerLength = Math.max(...panels.map((p) => p.footer.length));
  const lines: (RowSpec | null)[][] = [];
  for (let i = 0; i < bodyLength; i++) lines.push(panels.map((p) => p.body[i] ?? null));
  for (let i = 0; i < footerLength; i++) lines.push(panels.map((p) => p.footer[i] ?? null));
  return lines.filter((line) => line.some((row) => row !== null));
}

/**
 * The header rows with their merges, from each column's label path: a label spans the neighbouring
 * columns that share it (and its parents), and a column's last label spans down to the bottom row.
 */
export function layoutHeader(columns: readonly ColumnDef[]): { cells: HeaderCell[]; rowCount: number } {
  const rowCount = Math.max(...columns.map((c) => c.header.length));
  const cells: HeaderCell[] = [];
  for (let level = 0; level < rowCount; level++) {
    let column = 0;
    while (column < columns.length) {
      const path = (columns[column] as ColumnDef).header;
      if (level >= path.length) {
        column++;
        continue;
      }
      const isLeaf = level === path.length - 1;
      let colSpan = 1;
      if (!isLeaf) {
        while (column + colSpan < columns.length) {
          const next = (columns[column + colSpan] as ColumnDef).header;
          const shares =
            next.length - 1 > level && path.slice(0, level + 1).every((label, i) => next[i] === label);
          if (!shares) break;
          colSpan++;
        }
      }
      cells.push({
        label: path[level] ?? '',
        row: level,
        column,
        rowSpan: isLeaf ? rowCount - level : 1,
        colSpan,
      });
      column += colSpan;
    }
  }
  return { cells, rowCount };
}
