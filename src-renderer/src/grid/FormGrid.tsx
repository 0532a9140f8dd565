/**
 * One form in its official layout (title, unit, merged header, rows, 备注) as an Excel-like grid:
 * keyboard navigation, typing and F2 editing, range selection, copy and paste of tab-separated blocks,
 * Delete, and Chinese input through an IME.
 *
 * One text box (the editor) always has the keyboard focus and sits over the active cell, transparent
 * until the user types: so the first key of an IME composition goes into a real text box and the
 * first pinyin letter never lands in the cell on its own. Rows are virtualised (a 100× budget has
 * thousands). What a paste, a copy or a Delete does is decided in shared/editing/grid.ts.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  cellAt,
  copyRange,
  parseTabular,
  planClear,
  planPaste,
  rangeBounds,
  type CellPosition,
  type CellRange,
  type PlannedAmount,
} from '../../../shared/editing/grid';
import { cellKey, type CellRef, type FormCell, type FormGrid } from '../../../shared/forms/types';
import { formatGrouped, formatPlain, parseAmountInput } from '../../../shared/money';

export const ROW_HEIGHT = 26;
const PAGE_ROWS = 20;

export interface FormGridProps {
  readonly grid: FormGrid;
  readonly selection: CellRange;
  /** Cell keys (`T3/2010301/basic`) of the finding being followed. */
  readonly highlighted: ReadonlySet<string> | null;
  /** Changes when the user follows a finding here: the grid takes the focus and shows the cell. */
  readonly focusToken: unknown;
  /** A cell in words, for the undo history: `表3 2010301 行政运行 基本支出`. */
  readonly describe: (ref: CellRef) => string;
  readonly onSelect: (selection: CellRange) => void;
  readonly onAmounts: (label: string, changes: readonly PlannedAmount[], selection: CellRange) => void;
  readonly onProblem: (message: string) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
}

interface Editing {
  /** 'enter': started by typing, arrows finish it (as in Excel); 'edit': F2 or double-click, arrows move the caret. */
  readonly mode: 'enter' | 'edit';
}

/** Column widths in pixels from the definitions' character widths. */
function pixelWidth(characters: number): number {
  return Math.round(characters * 7.5) + 14;
}

function shownText(cell: FormCell | undefined): string {
  if (!cell) return '';
  if (cell.type === 'text') return cell.text;
  return cell.value === null ? '' : formatGrouped(cell.value);
}

function isTyped(cell: FormCell | undefined): cell is Extract<FormCell, { type: 'amount' }> & {
  input: NonNullable<Extract<FormCell, { type: 'amount' }>['input']>;
} {
  return cell?.type === 'amount' && cell.input !== null;
}

function single(position: CellPosition): CellRange {
  return { anchor: position, focus: position };
}

export function FormGridView(props: FormGridProps) {
  const { grid, selection } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const dragging = useRef(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [headerHeight, setHeaderHeight] = useState(0);

  const rowCount = grid.rows.length;
  const columnCount = grid.columns.length;
  const widths = useMemo(() => grid.columns.map((c) => pixelWidth(c.width)), [grid.columns]);
  const lefts = useMemo(() => {
    const result: number[] = [];
    widths.reduce((left, width) => {
      result.push(left);
      return left + width;
    }, 0);
    return result;
  }, [widths]);
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: headerHeight,
  });

  useLayoutEffect(() => {
    setHeaderHeight(headRef.current?.offsetHeight ?? 0);
  }, [grid.header, grid.id]);

  const active = selection.focus;
  const bounds = rangeBounds(selection);
  // Handlers read the latest selection, not the one of their render: keys may come faster than frames.
  const live = useRef(selection);
  live.current = selection;
  const now = () => {
    const current = live.current;
    return { selection: current, active: current.focus, activeCell: cellAt(grid, current.focus) };
  };

  // Keep the active cell in view.
  useEffect(() => {
    virtualizer.scrollToIndex(active.row, { align: 'auto' });
    const scroller = scrollRef.current;
    const left = lefts[active.column] ?? 0;
    const width = widths[active.column] ?? 0;
    if (scroller) {
      if (left < scroller.scrollLeft) scroller.scrollLeft = left;
      else if (left + width > scroller.scrollLeft + scroller.clientWidth) {
        scroller.scrollLeft = left + width - scroller.clientWidth;
      }
    }
  }, [active.row, active.column, virtualizer, lefts, widths]);

  // Following a finding here: take the keyboard.
  useEffect(() => {
    editorRef.current?.focus({ preventScroll: true });
  }, [props.focusToken, grid.id]);

  const stopEditing = () => {
    setEditing(null);
    setProblem(null);
    if (editorRef.current) editorRef.current.value = '';
  };

  const clamp = (position: CellPosition): CellPosition => ({
    row: Math.max(0, Math.min(rowCount - 1, position.row)),
    column: Math.max(0, Math.min(columnCount - 1, position.column)),
  });

  const moveTo = (position: CellPosition, extend = false) => {
    const focus = clamp(position);
    const next = extend ? { anchor: live.current.anchor, focus } : single(focus);
    live.current = next;
    props.onSelect(next);
  };

  const moveBy = (rows: number, columns: number, extend = false) => {
    const { active } = now();
    moveTo({ row: active.row + rows, column: active.column + columns }, extend);
  };

  /** Commits the text box to the active cell; false (and a message at the cell) when it is no amount. */
  const commit = (): boolean => {
    const { selection, active, activeCell } = now();
    const text = editorRef.current?.value ?? '';
    if (!isTyped(activeCell)) {
      stopEditing();
      return true;
    }
    const parsed = parseAmountInput(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return false;
    }
    props.onAmounts(
      `填写 ${props.describe(activeCell.ref)}`,
      [{ input: activeCell.input, amount: parsed.amount, position: active }],
      selection,
    );
    stopEditing();
    return true;
  };

  const startEditing = (mode: Editing['mode']) => {
    const { activeCell } = now();
    if (!isTyped(activeCell)) {
      props.onProblem('这是自动计算的单元格，不能直接填写：请修改它所汇总的数字');
      if (editorRef.current) editorRef.current.value = '';
      return;
    }
    const box = editorRef.current;
    if (box && mode === 'edit') {
      box.value = activeCell.value === null ? '' : formatPlain(activeCell.value);
      box.setSelectionRange(box.value.length, box.value.length);
    }
    setEditing({ mode });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // An IME is composing: every key is the IME's.
    if (event.nativeEvent.isComposing || event.key === 'Process') return;
    const ctrl = event.ctrlKey || event.metaKey;
    const { key, shiftKey } = event;
    const { selection, active } = now();
    if (editing) {
      const finishAndMove = (rows: number, columns: number) => {
        event.preventDefault();
        if (commit()) moveBy(rows, columns);
      };
      if (key === 'Enter') finishAndMove(shiftKey ? -1 : 1, 0);
      else if (key === 'Tab') finishAndMove(0, shiftKey ? -1 : 1);
      else if (key === 'Escape') {
        event.preventDefault();
        stopEditing();
      } else if (editing.mode === 'enter') {
        if (key === 'ArrowDown') finishAndMove(1, 0);
        else if (key === 'ArrowUp') finishAndMove(-1, 0);
        else if (key === 'ArrowLeft') finishAndMove(0, -1);
        else if (key === 'ArrowRight') finishAndMove(0, 1);
      }
      return;
    }
    const handled = (): void => event.preventDefault();
    if (ctrl && (key === 'z' || key === 'Z')) {
      handled();
      if (shiftKey) props.onRedo();
      else props.onUndo();
    } else if (ctrl && (key === 'y' || key === 'Y')) {
      handled();
      props.onRedo();
    } else if (ctrl && (key === 'a' || key === 'A')) {
      handled();
      props.onSelect({
        anchor: { row: 0, column: 0 },
        focus: { row: rowCount - 1, column: columnCount - 1 },
      });
    } else if (key === 'ArrowDown') {
      handled();
      moveTo({ row: ctrl ? rowCount - 1 : active.row + 1, column: active.column }, shiftKey);
    } else if (key === 'ArrowUp') {
      handled();
      moveTo({ row: ctrl ? 0 : active.row - 1, column: active.column }, shiftKey);
    } else if (key === 'ArrowRight') {
      handled();
      moveTo({ row: active.row, column: ctrl ? columnCount - 1 : active.column + 1 }, shiftKey);
    } else if (key === 'ArrowLeft') {
      handled();
      moveTo({ row: active.row, column: ctrl ? 0 : active.column - 1 }, shiftKey);
    } else if (key === 'Tab') {
      handled();
      if (!shiftKey && active.column === columnCount - 1) moveTo({ row: active.row + 1, column: 0 });
      else if (shiftKey && active.column === 0) moveTo({ row: active.row - 1, column: columnCount - 1 });
      else moveBy(0, shiftKey ? -1 : 1);
    } else if (key === 'Enter') {
      handled();
      moveBy(shiftKey ? -1 : 1, 0);
    } else if (key === 'Home') {
      handled();
      moveTo({ row: ctrl ? 0 : active.row, column: 0 }, shiftKey);
    } else if (key === 'End') {
      handled();
      moveTo({ row: ctrl ? rowCount - 1 : active.row, column: columnCount - 1 }, shiftKey);
    } else if (key === 'PageDown') {
      handled();
      moveBy(PAGE_ROWS, 0, shiftKey);
    } else if (key === 'PageUp') {
      handled();
      moveBy(-PAGE_ROWS, 0, shiftKey);
    } else if (key === 'F2') {
      handled();
      startEditing('edit');
    } else if (key === 'Delete' || key === 'Backspace') {
      handled();
      const changes = planClear(grid, selection);
      if (changes.length > 0) props.onAmounts(`清除 ${changes.length} 个单元格`, changes, selection);
    }
  };

  /** The first character typed (or an IME's first composition) starts editing with it. */
  const onInput = () => {
    if (!editing) startEditing('enter');
  };

  const onPaste = (event: React.ClipboardEvent<HTMLInputElement>) => {
    if (editing) return;
    event.preventDefault();
    const block = parseTabular(event.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const { selection } = now();
    const plan = planPaste(grid, selection, block);
    if (!plan.ok) {
      props.onSelect(single(clamp(plan.position)));
      props.onProblem(plan.message);
      return;
    }
    props.onAmounts(`粘贴 ${plan.changes.length} 个单元格`, plan.changes, plan.range);
  };

  const onCopy = (event: React.ClipboardEvent<HTMLInputElement>) => {
    if (editing) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', copyRange(grid, now().selection));
  };

  const onCut = (event: React.ClipboardEvent<HTMLInputElement>) => {
    if (editing) return;
    onCopy(event);
    const { selection } = now();
    const changes = planClear(grid, selection);
    if (changes.length > 0) props.onAmounts(`剪切 ${changes.length} 个单元格`, changes, selection);
  };

  const positionFromEvent = (target: EventTarget): CellPosition | null => {
    const cell = (target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return null;
    return { row: Number(cell.dataset.row), column: Number(cell.dataset.column) };
  };

  const onMouseDown = (event: React.MouseEvent) => {
    const position = positionFromEvent(event.target);
    if (!position) return;
    event.preventDefault();
    if (editing && !commit()) return;
    dragging.current = true;
    moveTo(position, event.shiftKey);
    editorRef.current?.focus({ preventScroll: true });
  };

  const onMouseOver = (event: React.MouseEvent) => {
    if (!dragging.current || event.buttons !== 1) return;
    const position = positionFromEvent(event.target);
    if (position) props.onSelect({ anchor: live.current.anchor, focus: position });
  };

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  // Rows removed under the selection (a row deleted, an undone addition): keep it inside the form.
  useEffect(() => {
    if (rowCount === 0) return;
    const { anchor, focus } = live.current;
    if (focus.row < rowCount && anchor.row < rowCount && focus.column < columnCount) return;
    const inside = (p: CellPosition) => ({
      row: Math.min(p.row, rowCount - 1),
      column: Math.min(p.column, columnCount - 1),
    });
    props.onSelect({ anchor: inside(anchor), focus: inside(focus) });
  });

  // A new form, or the selection moved elsewhere: any edit in progress was finished or abandoned.
  useEffect(() => {
    setProblem(null);
  }, [active.row, active.column, grid.id]);

  const headerRows = Array.from({ length: grid.headerRowCount }, (_, level) =>
    grid.header.filter((h) => h.row === level),
  );
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const editorTop = headerHeight + active.row * ROW_HEIGHT;
  const editorLeft = lefts[active.column] ?? 0;

  return (
    <section className="form" aria-label={grid.title}>
      <h2 className="form-title">{grid.title}</h2>
      <div className="form-unit">{grid.unit}</div>
      <div className="grid-scroll" ref={scrollRef}>
        <div className="grid-canvas" style={{ width: totalWidth }}>
          <table
            role="grid"
            aria-label={grid.title}
            aria-rowcount={grid.headerRowCount + rowCount}
            aria-colcount={columnCount}
            aria-multiselectable="true"
            style={{ width: totalWidth }}
            onMouseDown={onMouseDown}
            onMouseOver={onMouseOver}
            onDoubleClick={() => startEditing('edit')}
          >
            <colgroup>
              {widths.map((width, i) => (
                <col key={grid.columns[i]?.key ?? i} style={{ width }} />
              ))}
            </colgroup>
            <thead ref={headRef}>
              {headerRows.map((cells, level) => (
                <tr key={level} role="row" aria-rowindex={level + 1}>
                  {cells.map((cell) => (
                    <th
                      key={cell.column}
                      role="columnheader"
                      rowSpan={cell.rowSpan}
                      colSpan={cell.colSpan}
                      scope="col"
                    >
                      {cell.label}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {before > 0 && <tr className="spacer" style={{ height: before }} aria-hidden="true" />}
              {items.map((item) => {
                const row = grid.rows[item.index];
                if (!row) return null;
                const r = item.index;
                return (
                  <tr
                    key={row.key}
                    role="row"
                    aria-rowindex={grid.headerRowCount + r + 1}
                    className={row.kinds.join(' ')}
                  >
                    {row.cells.map((cell, c) => {
                      const selected =
                        r >= bounds.top && r <= bounds.bottom && c >= bounds.left && c <= bounds.right;
                      const isActive = r === active.row && c === active.column;
                      const followed =
                        cell.type === 'amount' && props.highlighted?.has(cellKey(cell.ref)) === true;
                      const classes = [
                        cell.type === 'amount' ? 'amount' : 'text',
                        isTyped(cell) ? 'typed' : 'computed',
                        selected ? 'selected' : '',
                        isActive ? 'active' : '',
                        followed ? 'followed' : '',
                      ];
                      const text = shownText(cell);
                      return (
                        <td
                          key={c}
                          role="gridcell"
                          aria-colindex={c + 1}
                          aria-selected={selected}
                          aria-readonly={!isTyped(cell)}
                          data-row={r}
                          data-column={c}
                          className={classes.join(' ')}
                          title={cell.type === 'text' && text.length > 8 ? text : undefined}
                        >
                          {isActive && editing ? '' : text}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              {after > 0 && <tr className="spacer" style={{ height: after }} aria-hidden="true" />}
            </tbody>
          </table>
          <input
            ref={editorRef}
            className={editing ? 'cell-editor editing' : 'cell-editor'}
            style={{ top: editorTop, left: editorLeft, width: widths[active.column], height: ROW_HEIGHT }}
            aria-label={`编辑 ${rowLabel(grid, active.row)} ${columnLabel(grid, active.column)}`}
            aria-invalid={problem !== null}
            autoComplete="off"
            spellCheck={false}
            onKeyDown={onKeyDown}
            onInput={onInput}
            onCompositionStart={() => {
              if (!editing) startEditing('enter');
            }}
            onPaste={onPaste}
            onCopy={onCopy}
            onCut={onCut}
            onBlur={() => {
              if (editing) commit();
            }}
          />
          {problem && (
            <div
              className="cell-problem"
              role="alert"
              style={{ top: editorTop + ROW_HEIGHT + 2, left: editorLeft }}
            >
              {problem}
            </div>
          )}
        </div>
      </div>
      <p className="form-remark">{grid.remark}</p>
      {grid.empty && grid.emptyNote !== '' && <p className="form-note">说明：{grid.emptyNote}</p>}
    </section>
  );
}

/** A row in words for messages and labels: its code and name, e.g. `2010301 行政运行`. */
function rowLabel(grid: FormGrid, row: number): string {
  const cells = grid.rows[row]?.cells ?? [];
  return cells
    .filter((cell) => cell.type === 'text')
    .map((cell) => cell.text.trim())
    .filter((text) => text !== '')
    .slice(0, 2)
    .join(' ');
}

function columnLabel(grid: FormGrid, column: number): string {
  return grid.columns[column]?.header.at(-1) ?? '';
}
