/**
 * The amount cells of all thirteen forms as one graph of numbered nodes: each node is a typed input, a
 * sum, a difference or a blank, and reads other nodes by number. Values are kept per node. After one
 * typed amount changes, only the nodes that read it (directly or through others) are computed again, in
 * dependency order; a long sum (a 合计 over hundreds of projects) takes the change of its changed term
 * instead of being added up again. Numbered nodes and arrays, not string-keyed maps: a large budget has
 * tens of thousands of cells, and this is what every keystroke runs through.
 */
import { InputReader, inputKey, type InputRef } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { amountValue, ZERO, type Decimal } from '../money';
import { cellKey, sumTerms, type CellRef, type Expr, type FormId } from './types';

const BLANK = 0;
const INPUT = 1;
const SUM = 2;
const MINUS = 3;
type Kind = typeof BLANK | typeof INPUT | typeof SUM | typeof MINUS;

/** Sums this long are updated by the change of their terms instead of being added up again. */
const LONG_SUM = 16;

/** The node of a cell that does not exist (an expression may name a row another form lacks). */
export const NO_CELL = 0;

export class CellGraph {
  private readonly kinds: Kind[] = [BLANK];
  /** What a sum adds up, or a difference's [left, right]. */
  private readonly terms: (readonly number[] | null)[] = [null];
  private readonly inputs: (InputRef | null)[] = [null];
  /** The cell a node is (null for a part of a cell's expression). */
  private readonly cells: (CellRef | null)[] = [null];
  private readonly values: (Decimal | null | undefined)[] = [null];
  /** For long sums: how many terms are not blank (a sum of blanks is blank). */
  private readonly filled: number[] = [0];
  /** The node of each cell, by form, row and column (the row keys are the document's own strings). */
  private readonly ids = new Map<FormId, Map<string, Map<string, number>>>();
  /**
   * Who reads each node, and the nodes of each typed amount by input key: what `advance` needs, built by
   * `indexReaders` (not for a one-off check), then kept up to date.
   */
  private readers: number[][] | null = null;
  private readonly inputNodes = new Map<string, number[]>();
  /** Reads the document's typed amounts (made on first use, again after the document moves on). */
  private reader: InputReader | null = null;

  constructor(private doc: BudgetDocument) {}

  /** The node of a cell. */
  idOf(ref: CellRef): number | undefined {
    return this.ids.get(ref.form)?.get(ref.row)?.get(ref.column);
  }

  /** Takes a node for a cell before its expression is known, so that rows may refer to later rows. */
  reserve(ref: CellRef): number {
    let rows = this.ids.get(ref.form);
    if (!rows) this.ids.set(ref.form, (rows = new Map<string, Map<string, number>>()));
    let columns = rows.get(ref.row);
    if (!columns) rows.set(ref.row, (columns = new Map<string, number>()));
    const known = columns.get(ref.column);
    if (known !== undefined) return known;
    const id = this.add(BLANK, null, null, ref);
    columns.set(ref.column, id);
    return id;
  }

  /** Sets a reserved cell's expression. `resolve` gives the node of a cell it names (NO_CELL if none). */
  define(id: number, expr: Expr, resolve: (ref: CellRef) => number): void {
    this.setNode(id, expr, resolve);
  }

  /** Drops cells (a form laid out again): nobody reads them any more and their ids are free. */
  drop(refs: Iterable<CellRef>): void {
    const dropped = new Set<number>();
    const collect = (id: number) => {
      if (dropped.has(id)) return;
      dropped.add(id);
      // The parts of a dropped cell's expression go with it.
      for (const term of this.terms[id] ?? [])
        if (this.cells[term] === null && term !== NO_CELL) collect(term);
    };
    for (const ref of refs) {
      const columns = this.ids.get(ref.form)?.get(ref.row);
      const id = columns?.get(ref.column);
      if (id === undefined) continue;
      columns?.delete(ref.column);
      collect(id);
    }
    const readers = this.readers;
    for (const id of dropped) {
      for (const term of this.terms[id] ?? []) {
        const list = readers?.[term];
        if (readers && list) readers[term] = list.filter((reader) => !dropped.has(reader));
      }
      const input = this.inputs[id];
      if (input && readers) {
        const key = inputKey(input);
        this.inputNodes.set(
          key,
          (this.inputNodes.get(key) ?? []).filter((node) => node !== id),
        );
      }
      this.kinds[id] = BLANK;
      this.terms[id] = null;
      this.inputs[id] = null;
      this.values[id] = null;
    }
  }

  value(id: number): Decimal | null {
    const known = this.values[id];
    if (known !== undefined) return known;
    let result: Decimal | null = null;
    switch (this.kinds[id]) {
      case INPUT:
        this.reader ??= new InputReader(this.doc);
        result = this.reader.amount(this.inputs[id] as InputRef);
        break;
      case SUM: {
        const terms = this.terms[id] as readonly number[];
        let filled = 0;
        for (const term of terms) {
          const value = this.value(term);
          if (value) {
            result = result ? result.plus(value) : value;
            filled++;
          }
        }
        if (terms.length >= LONG_SUM) this.filled[id] = filled;
        break;
      }
      case MINUS: {
        const [left = NO_CELL, right = NO_CELL] = this.terms[id] as readonly number[];
        const l = this.value(left);
        const r = this.value(right);
        result = r ? (l ?? ZERO).minus(r) : l;
        break;
      }
      default:
        result = null;
    }
    this.values[id] = result;
    return result;
  }

  /** Computes every node's value now (ahead of the edits that would otherwise compute them one by one). */
  computeAll(): void {
    for (let id = 1; id < this.kinds.length; id++) this.value(id);
  }

  /** Moves to the next document without changing any value (only texts changed). */
  rebase(doc: BudgetDocument): void {
    this.doc = doc;
    this.reader = null;
  }

  /** Whether the index of who reads each node is built. */
  get hasReaders(): boolean {
    return this.readers !== null;
  }

  /** Builds the index of who reads each node (needed by `advance`). */
  indexReaders(): void {
    if (this.readers) return;
    this.readers = this.kinds.map(() => []);
    for (let id = 0; id < this.kinds.length; id++) {
      this.addReader(id);
      this.addInput(id);
    }
  }

  /**
   * Moves to `doc`, in which one typed amount changed from `before` to `after`, and computes again what
   * depends on it. Returns the keys of the cells whose values may have changed.
   */
  advance(doc: BudgetDocument, changed: InputRef, before: string, after: string): Set<string> {
    this.indexReaders();
    this.doc = doc;
    this.reader = null;
    const starts = this.inputNodes.get(inputKey(changed)) ?? [];
    const stale = new Set<number>(starts);
    const queue = [...starts];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const reader of this.readers?.[id] ?? []) {
        if (stale.has(reader)) continue;
        stale.add(reader);
        queue.push(reader);
      }
    }
    this.recompute(stale, new Set(starts), amountValue(before), amountValue(after));
    const keys = new Set<string>();
    for (const id of stale) {
      const cell = this.cells[id];
      if (cell) keys.add(cellKey(cell));
    }
    return keys;
  }

  /**
   * New values for the stale nodes, each after the nodes it reads. A long sum takes the total change of
   * its terms; a node never computed stays so (it is computed when asked).
   */
  private recompute(
    stale: ReadonlySet<number>,
    inputs: ReadonlySet<number>,
    before: Decimal | null,
    after: Decimal | null,
  ) {
    // The change that reached each node so far: Σ (new − old) of its terms, and the change in how many
    // are filled; not exact when a term's old value was unknown.
    const changes = new Map<number, { delta: Decimal; filled: number; exact: boolean }>();
    const pass = (id: number, old: Decimal | null | undefined, value: Decimal | null | undefined) => {
      for (const reader of this.readers?.[id] ?? []) {
        const change = changes.get(reader) ?? { delta: ZERO, filled: 0, exact: true };
        if (old === undefined || value === undefined) change.exact = false;
        else {
          change.delta = change.delta.plus(value ?? ZERO).minus(old ?? ZERO);
          change.filled += (value ? 1 : 0) - (old ? 1 : 0);
        }
        changes.set(reader, change);
      }
    };
    for (const id of this.topologicalOrder(stale)) {
      const old = this.values[id];
      if (inputs.has(id)) {
        this.values[id] = after;
        pass(id, old === undefined ? undefined : before, after);
        continue;
      }
      if (old === undefined) {
        pass(id, undefined, undefined);
        continue;
      }
      const change = changes.get(id);
      const terms = this.terms[id];
      let value: Decimal | null;
      if (this.kinds[id] === SUM && terms && terms.length >= LONG_SUM && change?.exact) {
        const filled = (this.filled[id] ?? 0) + change.filled;
        this.filled[id] = filled;
        value = filled === 0 ? null : (old ?? ZERO).plus(change.delta);
      } else {
        this.values[id] = undefined;
        value = this.value(id);
      }
      this.values[id] = value;
      pass(id, old, value);
    }
  }

  /** The stale nodes ordered so that each comes after every stale node it reads. */
  private topologicalOrder(stale: ReadonlySet<number>): number[] {
    const waiting = new Map<number, number>();
    for (const id of stale) waiting.set(id, 0);
    for (const id of stale) {
      for (const reader of this.readers?.[id] ?? []) {
        const count = waiting.get(reader);
        if (count !== undefined) waiting.set(reader, count + 1);
      }
    }
    const ready = [...stale].filter((id) => waiting.get(id) === 0);
    const order: number[] = [];
    for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
      order.push(id);
      for (const reader of this.readers?.[id] ?? []) {
        const count = waiting.get(reader);
        if (count === undefined) continue;
        waiting.set(reader, count - 1);
        if (count === 1) ready.push(reader);
      }
    }
    return order;
  }

  private add(
    kind: Kind,
    terms: readonly number[] | null,
    input: InputRef | null,
    cell: CellRef | null,
  ): number {
    const id = this.kinds.length;
    this.kinds.push(kind);
    this.terms.push(terms);
    this.inputs.push(input);
    this.cells.push(cell);
    this.values.push(undefined);
    this.filled.push(0);
    this.readers?.push([]);
    return id;
  }

  private setNode(id: number, expr: Expr, resolve: (ref: CellRef) => number): void {
    switch (expr.op) {
      case 'blank':
        this.kinds[id] = BLANK;
        break;
      case 'input':
        this.kinds[id] = INPUT;
        this.inputs[id] = expr.input;
        break;
      case 'cell':
        this.kinds[id] = SUM;
        this.terms[id] = [resolve(expr.cell)];
        break;
      case 'sum':
      case 'sumRows':
      case 'sumColumns':
        this.kinds[id] = SUM;
        this.terms[id] = sumTerms(expr).map((term) => this.part(term, resolve));
        break;
      case 'minus':
        this.kinds[id] = MINUS;
        this.terms[id] = [this.part(expr.left, resolve), this.part(expr.right, resolve)];
        break;
    }
    this.values[id] = undefined;
    this.addReader(id);
    this.addInput(id);
  }

  /** A term of an expression: the cell it names, or a node of its own for a nested expression. */
  private part(expr: Expr, resolve: (ref: CellRef) => number): number {
    if (expr.op === 'cell') return resolve(expr.cell);
    if (expr.op === 'blank') return NO_CELL;
    const id = this.add(BLANK, null, null, null);
    this.setNode(id, expr, resolve);
    return id;
  }

  private addReader(id: number): void {
    if (!this.readers) return;
    for (const term of this.terms[id] ?? []) this.readers[term]?.push(id);
  }

  private addInput(id: number): void {
    const input = this.inputs[id];
    if (!this.readers || !input) return;
    const key = inputKey(input);
    const nodes = this.inputNodes.get(key);
    if (nodes) nodes.push(id);
    else this.inputNodes.set(key, [id]);
  }
}
