/**
 * What an import could not read. Every problem names the sheet, the cell, what it holds and why it was
 * not taken; nothing is guessed silently.
 */

export interface ImportProblem {
  /** The sheet's name ('' when the problem is the whole file). */
  readonly sheet: string;
  /** The cell's address (`C7`), or '' when the problem is a whole sheet or the file. */
  readonly cell: string;
  /** What the cell holds, as text ('' when empty or not applicable). */
  readonly value: string;
  /** Why it was not taken, in Chinese: 不是金额、找不到表头、科目编码无法识别 … */
  readonly reason: string;
  /** True when the value was read all the same (a number stored as text): reported so it is checked. */
  readonly taken?: true;
}

/** A workbook that cannot be read at all (not an xlsx, corrupt, too large): the import's own error. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** `表3 预算支出总表!C7：“12a”不是金额`. */
export function describeProblem(problem: ImportProblem): string {
  const where = [problem.sheet, problem.cell].filter((part) => part !== '').join('!');
  const value = problem.value === '' ? '' : `“${problem.value}”`;
  return `${where ? `${where}：` : ''}${value}${problem.reason}`;
}
