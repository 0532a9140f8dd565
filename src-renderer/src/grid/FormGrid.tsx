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
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
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
import {
  cellKey,
  type CellRef,
  type FormCell,
  type FormGrid,
  type FormRow,
} from '../../../shared/forms/types';
import { formatGrouped, formatPlain, parseAmountInput } from '../../../shared/money';

export const ROW_HEIGHT = 26;
/**
 * Room kept below the active row when the grid scrolls to it: the rows lie a pixel or two lower than
 * the virtualizer counts them (the header's fractional height, the table's borders).
 */
const SCROLL_SLACK = 4;
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
    // The rows start below the header, which stays at the top of the box as they scroll under it.
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    scrollPaddingEnd: SCROLL_SLACK,
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

  // Keep the active row in view, below the header. A row in view is left alone, decided from the
  // virtualizer's kept sizes: asking it to scroll reads the layout even when it need not move.
  useEffect(() => {
    const item = virtualizer.measurementsCache[active.row];
    const top = virtualizer.scrollOffset;
    const height = virtualizer.scrollRect?.height;
    const inView =
      item !== undefined &&
      top !== null &&
      height !== undefined &&
      item.start >= top + headerHeight &&
      item.end + SCROLL_SLACK <= top + height;
    if (!inView) virtualizer.scrollToIndex(active.row, { align: 'auto' });
  }, [active.row, virtualizer, headerHeight, grid.id]);

  // And the active column (read only when it changes: reading the box's scroll position lays it out).
  useEffect(() => {
    const scroller = scrollRef.current;
    const left = lefts[active.column] ?? 0;
    const width = widths[active.column] ?? 0;
    if (scroller) {
      if (left < scroller.scrollLeft) scroller.scrollLeft = left;
      else if (left + width > scroller.scrollLeft + scroller.clientWidth) {
        scroller.scrollLeft = left + width - scroller.clientWidth;
      }
    }
  }, [active.column, lefts, widths]);

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
  // Item offsets count from the top of the box, header included (paddingStart); the body starts below it.
  const before = (items[0]?.start ?? headerHeight) - headerHeight;
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
                const inSelection = r >= bounds.top && r <= bounds.bottom;
                return (
                  <GridRow
                    key={row.key}
                    row={row}
                    index={r}
                    ariaRowIndex={grid.headerRowCount + r + 1}
                    selectedFrom={inSelection ? bounds.left : -1}
                    selectedTo={inSelection ? bounds.right : -1}
                    activeColumn={r === active.row ? active.column : -1}
                    editing={r === active.row && editing !== null}
                    highlighted={props.highlighted}
                  />
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

interface GridRowProps {
  readonly row: FormRow;
  readonly index: number;
  readonly ariaRowIndex: number;
  /** The selected columns of this row, from and to (-1: none of them). */
  readonly selectedFrom: number;
  readonly selectedTo: number;
  /** The active cell's column when it is in this row, else -1. */
  readonly activeColumn: number;
  /** The text box is being typed in (the active cell then shows nothing under it). */
  readonly editing: boolean;
  readonly highlighted: ReadonlySet<string> | null;
}

/**
 * One row of the grid. Drawn again only when what it shows changes: an edit redraws the rows of the
 * cells it changed (the grid keeps the others: FormEvaluator.grid), and a move those it leaves and enters.
 */
const GridRow = memo(function GridRow({
  row,
  index,
  ariaRowIndex,
  selectedFrom,
  selectedTo,
  activeColumn,
  editing,
  highlighted,
}: GridRowProps) {
  return (
    <tr role="row" aria-rowindex={ariaRowIndex} className={row.kinds.join(' ')}>
      {row.cells.map((cell, c) => {
        const selected = c >= selectedFrom && c <= selectedTo && selectedFrom >= 0;
        const isActive = c === activeColumn;
        const followed = cell.type === 'amount' && highlighted?.has(cellKey(cell.ref)) === true;
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
            data-row={index}
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
});

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
