/**
 * Evaluates form definitions against a document. A document's forms are computed once and kept for as
 * long as the document object lives (documents are immutable: an edit makes a new one), so the grid,
 * the checker and the exporters can all ask for any cell without recomputing.
 */
import { catalogFor } from '../catalogs';
import { getInput, InputReader, type InputRef } from '../document/inputs';
import type { BudgetDocument } from '../document/schema';
import { Decimal, plusOrBlank } from '../money';
import { CellGraph, NO_CELL } from './graph';
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
  type PatternReader,
  type RowKind,
  type RowSpec,
  sumTerms,
} from './types';

/** Wider than this many character cells, a table prints on landscape A4. */
const PORTRAIT_WIDTH_LIMIT = 96;

export interface BuiltForm {
  readonly panels: readonly PanelSpec[];
  readonly rows: ReadonlyMap<string, RowSpec>;
}

/**
 * The computed forms of one document. Values are computed on demand and kept. `advance` moves the
 * evaluator to the next version of the document after one typed amount changed, computing again only
 * what depends on it — so a one-cell edit re-computes a few cells, not the whole budget.
 *
 * Until `prepareStep` has run to the end (or the first `advance`), a value is computed straight from its
 * cell's expression and kept by cell: a one-off use (opening a file, the command line, an export) needs no
 * more. Preparing enters every cell in a graph of numbered nodes (graph.ts), which is what `advance` works
 * on.
 */
export class FormEvaluator {
  private readonly built = new Map<FormId, BuiltForm>();
  private readonly grids = new Map<FormId, DrawnGrid>();
  /** The forms' cells as a graph, once preparing starts; null until then. */
  private graph: CellGraph | null = null;
  /** Whether the graph has every form, who reads what, and the values (what `advance` works on). */
  private graphReady = false;
  /** The forms entered in the graph (a form names cells of others, which are entered first). */
  private readonly entered = new Set<FormId>();
  /** Values before the graph is made, by form: each row's values beside its spec (KeptValues). */
  private readonly kept = new Map<FormId, KeptValues>();
  private current: BudgetDocument;
  /** Reads the current document's typed amounts (made on first use). */
  private reader: InputReader | null = null;
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
   * Returns the keys of the cells whose values changed with it, or null when the change needs rows the
   * document does not have yet (a new row): then use a new evaluator. A form whose rows follow amounts
   * (changesRows: 表7 follows 表2) is laid out again in place.
   */
  advance(next: BudgetDocument, changed: InputRef): ReadonlySet<string> | null {
    const before = getInput(this.current, changed);
    const after = getInput(next, changed);
    if (before === undefined || after === undefined) return null;
    const graph = this.prepared();
    const reshaped = FORM_IDS.filter(
      (id) => FORM_DEFINITIONS[id].changesRows?.(this.current, next, changed) === true,
    );
    this.moveTo(next);
    const stale = graph.advance(next, changed, before, after);
    for (const id of reshaped) {
      const old = this.cellRefs(id);
      graph.drop(old);
      this.built.delete(id);
      this.entered.delete(id);
      this.grids.delete(id);
      for (const ref of [...old, ...this.cellRefs(id)]) stale.add(cellKey(ref));
    }
    // Another form's grid keeps its rows but those showing a changed cell (a one-cell edit: a few rows
    // of a few forms).
    for (const key of stale) {
      const form = key.slice(0, key.indexOf('/')) as FormId;
      this.grids.get(form)?.stale.add(key.slice(form.length + 1, key.lastIndexOf('/')));
    }
    return stale;
  }

  /**
   * Moves to `next`, which must differ from the current document only where no amount and no row of a
   * form depends on it (texts, notes, declarations). Values are kept; grids are redrawn (titles, notes).
   */
  rebase(next: BudgetDocument): void {
    this.moveTo(next);
    this.graph?.rebase(next);
    this.grids.clear();
  }

  private moveTo(next: BudgetDocument): void {
    evaluators.delete(this.current);
    this.current = next;
    this.reader = null;
    this.ctx = { ...this.ctx, doc: next };
    evaluators.set(next, this);
  }

  /** Every amount cell of a form. */
  private cellRefs(id: FormId): CellRef[] {
    const refs: CellRef[] = [];
    for (const row of this.form(id).rows.values()) {
      for (const [column, spec] of Object.entries(row.cells)) {
        if ('expr' in spec) refs.push({ form: id, row: row.key, column });
      }
    }
    return refs;
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

  /** Whether what `advance` needs is built. */
  get isPrepared(): boolean {
    return this.graphReady;
  }

  /**
   * Builds the next part of what `advance` needs, so that an app can build it a task at a time: a form's
   * cells entered in the graph, then who reads what, then the values. Until all is built, values are
   * computed in the graph as they are asked for (its rules are the kept values' rules).
   */
  prepareStep(): void {
    if (this.graphReady) return;
    const graph = this.started();
    const next = FORM_IDS.find((id) => !this.entered.has(id));
    if (next) this.enter(this.form(next), next, graph);
    else if (!graph.hasReaders) graph.indexReaders();
    else this.prepared();
  }

  private started(): CellGraph {
    this.graph ??= new CellGraph(this.current);
    return this.graph;
  }

  private prepared(): CellGraph {
    const graph = this.started();
    if (!this.graphReady) {
      for (const id of FORM_IDS) this.enter(this.form(id), id, graph);
      graph.indexReaders();
      // Values are computed again in the graph, now rather than by the first edits.
      this.kept.clear();
      graph.computeAll();
      this.graphReady = true;
    }
    return graph;
  }

  /** The spec of a form (its panels and rows before evaluation), its cells entered in the graph if there is one. */
  form(id: FormId): BuiltForm {
    let form = this.built.get(id);
    if (!form) {
      const panels = FORM_DEFINITIONS[id].panels(this.ctx);
      const rows = new Map<string, RowSpec>();
      for (const panel of panels) {
        for (const row of panel.body) rows.set(row.key, row);
        for (const row of panel.footer) if (row) rows.set(row.key, row);
      }
      form = { panels, rows };
      this.built.set(id, form);
      if (this.graph) this.enter(form, id, this.graph);
    }
    return form;
  }

  /**
   * Enters a form's amount cells in the graph (once): all of them first, so that a row may name a later
   * one, then their expressions (entering the forms they name).
   */
  private enter(form: BuiltForm, id: FormId, graph: CellGraph): void {
    if (this.entered.has(id)) return;
    this.entered.add(id);
    const nodes: number[] = [];
    const exprs: Expr[] = [];
    for (const row of form.rows.values()) {
      for (const column in row.cells) {
        const spec = row.cells[column];
        if (!spec || !('expr' in spec)) continue;
        nodes.push(graph.reserve({ form: id, row: row.key, column }));
        exprs.push(spec.expr);
      }
    }
    const resolve = (ref: CellRef) => this.nodeOf(ref, graph) ?? NO_CELL;
    nodes.forEach((node, i) => graph.define(node, exprs[i] as Expr, resolve));
  }

  /** The graph node of a cell (entering its form first); undefined when there is no such cell. */
  private nodeOf(ref: CellRef, graph: CellGraph): number | undefined {
    if (!this.entered.has(ref.form)) this.enter(this.form(ref.form), ref.form, graph);
    return graph.idOf(ref);
  }

  /** The value of any amount cell; blank (null) for a cell that does not exist. */
  value(ref: CellRef): Decimal | null {
    const graph = this.graph;
    if (graph) {
      const id = this.nodeOf(ref, graph);
      return id === undefined ? null : graph.value(id);
    }
    // Before the graph: kept beside the row (sums over rows read kept values the same way).
    const kept = this.keptOf(ref.form);
    const at = kept.columns.get(ref.column);
    return at === undefined ? null : this.keptValue(kept.rows.get(ref.row), ref.column, at, kept);
  }

  private keptOf(form: FormId): KeptValues {
    let kept = this.kept.get(form);
    if (!kept) {
      kept = this.keptValues(this.form(form));
      this.kept.set(form, kept);
    }
    return kept;
  }

  private keptValues(form: BuiltForm): KeptValues {
    const columns = new Map<string, number>();
    for (const panel of form.panels) {
      for (const column of panel.columns) if (!columns.has(column.key)) columns.set(column.key, columns.size);
    }
    const rows = new Map<string, KeptRow>();
    form.rows.forEach((spec, key) => {
      rows.set(key, { spec, values: new Array<Decimal | null | undefined>(columns.size) });
    });
    const reader: PatternReader = {
      cell: (row, column) => {
        const at = columns.get(column);
        return at === undefined ? null : this.keptValue(rows.get(row), column, at, kept);
      },
      input: (collection, key, field) => {
        this.reader ??= new InputReader(this.current);
        return this.reader.amountOf(collection, key, field);
      },
      evaluate: (expr) => this.evaluate(expr),
    };
    const kept: KeptValues = { columns, rows, reader };
    return kept;
  }

  /** The value of a row's cell (the column's key and its position), computed on first use. */
  private keptValue(row: KeptRow | undefined, column: string, at: number, kept: KeptValues): Decimal | null {
    if (!row) return null;
    const known = row.values[at];
    if (known !== undefined) return known;
    let value: Decimal | null;
    const { spec } = row;
    if (spec.compute) {
      // A pattern row: its cells' expressions computed from the pattern, without spelling them out.
      value = spec.compute(column, kept.reader) ?? null;
    } else {
      const cell = spec.cells[column];
      if (!cell || !('expr' in cell)) return null;
      // The graph's rules exactly (graph.ts): a sum of blanks is blank, blank minus x is -x.
      value = this.evaluate(cell.expr);
    }
    row.values[at] = value;
    return value;
  }

  /** The value of an expression over cells and inputs (checks compare such expressions). */
  evaluate(expr: Expr): Decimal | null {
    switch (expr.op) {
      case 'blank':
        return null;
      case 'input':
        this.reader ??= new InputReader(this.current);
        return this.reader.amount(expr.input);
      case 'cell':
        return this.value(expr.cell);
      case 'sum': {
        let total: Decimal | null = null;
        const { terms } = expr;
        for (let i = 0; i < terms.length; i++) total = plusOrBlank(total, this.evaluate(terms[i] as Expr));
        return total;
      }
      case 'sumRows': {
        if (this.graph) return this.evaluate({ op: 'sum', terms: sumTerms(expr) });
        // One form and one column for all the rows: found once.
        const kept = this.keptOf(expr.form);
        const at = kept.columns.get(expr.column);
        if (at === undefined) return null;
        let total: Decimal | null = null;
        // Indexed loops here: this is where a full check spends its time on the forms.
        const { rows, column } = expr;
        for (let i = 0; i < rows.length; i++) {
          total = plusOrBlank(total, this.keptValue(kept.rows.get(rows[i] as string), column, at, kept));
        }
        return total;
      }
      case 'sumColumns': {
        if (this.graph) return this.evaluate({ op: 'sum', terms: sumTerms(expr) });
        // One row for all the columns: found once.
        const kept = this.keptOf(expr.form);
        const row = kept.rows.get(expr.row);
        let total: Decimal | null = null;
        const { columns } = expr;
        for (let i = 0; i < columns.length; i++) {
          const column = columns[i] as string;
          const at = kept.columns.get(column);
          if (at !== undefined) total = plusOrBlank(total, this.keptValue(row, column, at, kept));
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
    let drawn = this.grids.get(id);
    if (!drawn) {
      drawn = this.drawGrid(id);
      this.grids.set(id, drawn);
    } else if (drawn.stale.size > 0) {
      drawn = this.redrawRows(id, drawn);
      this.grids.set(id, drawn);
    }
    return drawn.grid;
  }

  private drawGrid(id: FormId): DrawnGrid {
    const { panels } = this.form(id);
    const lines = zipPanels(panels);
    const lineOf = new Map<string, number>();
    lines.forEach((line, index) => {
      for (const row of line) if (row) lineOf.set(row.key, index);
    });
    return { grid: this.buildGrid(id, lines), lines, lineOf, stale: new Set() };
  }

  /** The grid with the rows that show a changed cell made again, the others kept as they were. */
  private redrawRows(id: FormId, drawn: DrawnGrid): DrawnGrid {
    const { panels } = this.form(id);
    const rows = drawn.grid.rows.slice();
    for (const key of drawn.stale) {
      const index = drawn.lineOf.get(key);
      const line = index === undefined ? undefined : drawn.lines[index];
      if (index !== undefined && line) rows[index] = this.formRow(id, panels, line);
    }
    return { ...drawn, grid: { ...drawn.grid, rows, empty: isEmpty(rows) }, stale: new Set() };
  }

  private buildGrid(id: FormId, lines: readonly (readonly (RowSpec | null)[])[]): FormGrid {
    const definition = FORM_DEFINITIONS[id];
    const doc = this.current;
    const { panels } = this.form(id);
    const columns = panels.flatMap((panel) => panel.columns).map((c) => withYear(c, doc.year));
    const header = layoutHeader(columns);
    const rows = lines.map((line) => this.formRow(id, panels, line));
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
      empty: isEmpty(rows),
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

/**
 * A form's grid as drawn, with what redrawing some of its rows needs: its lines (a row of each panel),
 * the line of each row key, and the rows whose cells changed since (by row key).
 */
interface DrawnGrid {
  readonly grid: FormGrid;
  readonly lines: readonly (readonly (RowSpec | null)[])[];
  readonly lineOf: ReadonlyMap<string, number>;
  readonly stale: Set<string>;
}

/** No amount in any row (a table a department has nothing for prints a note instead). */
function isEmpty(rows: readonly FormRow[]): boolean {
  return rows.every((row) => row.cells.every((c) => c.type !== 'amount' || c.value === null));
}

/**
 * A form's values before the graph is made: by row key, each row's values by column position (a Map by
 * cell was slower: tens of thousands of object keys), and what its pattern rows read them with.
 */
interface KeptValues {
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: ReadonlyMap<string, KeptRow>;
  readonly reader: PatternReader;
}

interface KeptRow {
  readonly spec: RowSpec;
  readonly values: (Decimal | null | undefined)[];
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
      case 'sumRows':
      case 'sumColumns':
        sumTerms(e).forEach(walk);
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
