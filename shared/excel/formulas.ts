/**
 * Computed cells become Excel formulas (with their values cached), so that a workbook someone edits in
 * Excel or WPS stays consistent: a 合计 is =SUM(…) of the rows above it, 表1's lines refer to 表2 and 表3.
 * The formula is written from the same expression the app computes the cell with.
 */
import { inputKey } from '../document/inputs';
import { cellKey, sumTerms, type Expr } from '../forms/types';
import { columnLetter } from './layout';

/** Where a cell is in the workbook. */
export interface CellPlace {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** Places of the amount cells (by cell key) and of the typed inputs (by input key). */
export interface Places {
  readonly cells: ReadonlyMap<string, CellPlace>;
  readonly inputs: ReadonlyMap<string, CellPlace>;
}

/** Excel allows 255 arguments to SUM. */
const MAX_ARGUMENTS = 255;

/** The formula (without `=`) for an expression on sheet `here`; null when it is blank. */
export function formulaOf(expr: Expr, here: string, places: Places): string | null {
  switch (expr.op) {
    case 'blank':
      return null;
    case 'cell':
      return reference(places.cells.get(cellKey(expr.cell)), here);
    case 'input':
      return reference(places.inputs.get(inputKey(expr.input)), here);
    case 'minus': {
      const left = formulaOf(expr.left, here, places) ?? '0';
      const right = formulaOf(expr.right, here, places);
      return right === null ? left : `${left}-(${right})`;
    }
    case 'sum':
    case 'sumRows':
    case 'sumColumns':
      return sumOf(sumTerms(expr), here, places);
  }
}

function reference(place: CellPlace | undefined, here: string): string {
  if (!place) return '0';
  const a1 = `${columnLetter(place.column)}${place.row}`;
  return place.sheet === here ? a1 : `${quoteSheet(place.sheet)}!${a1}`;
}

/** 'sheet name' with quotes doubled, as Excel writes a sheet that has spaces or CJK in its name. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * =SUM over the terms, with runs of neighbouring cells written as ranges: down one column (C5:C9, the
 * rows of a 合计) or along one row (D5:H5, the columns of a row total).
 */
function sumOf(terms: readonly Expr[], here: string, places: Places): string | null {
  const parts: string[] = [];
  let run: { first: CellPlace; last: CellPlace } | null = null;
  const flush = () => {
    if (!run) return;
    const from = reference(run.first, here);
    parts.push(run.last === run.first ? from : `${from}:${columnLetter(run.last.column)}${run.last.row}`);
    run = null;
  };
  for (const term of terms) {
    const place =
      term.op === 'cell'
        ? places.cells.get(cellKey(term.cell))
        : term.op === 'input'
          ? places.inputs.get(inputKey(term.input))
          : undefined;
    if (place) {
      if (run && continuesRun(run, place)) {
        run.last = place;
        continue;
      }
      flush();
      run = { first: place, last: place };
      continue;
    }
    flush();
    const formula = formulaOf(term, here, places);
    if (formula !== null) parts.push(formula);
  }
  flush();
  if (parts.length === 0) return null;
  return nestedSum(parts);
}

/** The next cell down the run's column, or along its row. */
function continuesRun(run: { first: CellPlace; last: CellPlace }, place: CellPlace): boolean {
  const { first, last } = run;
  if (place.sheet !== last.sheet) return false;
  const down = place.column === first.column && last.column === first.column && place.row === last.row + 1;
  const along = place.row === first.row && last.row === first.row && place.column === last.column + 1;
  return down || along;
}

function nestedSum(parts: readonly string[]): string {
  if (parts.length <= MAX_ARGUMENTS) return `SUM(${parts.join(',')})`;
  const groups: string[] = [];
  for (let i = 0; i < parts.length; i += MAX_ARGUMENTS)
    groups.push(nestedSum(parts.slice(i, i + MAX_ARGUMENTS)));
  return nestedSum(groups);
}
