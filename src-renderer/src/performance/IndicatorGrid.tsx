/**
 * One indicator grid of a declaration (实施期, 年度, or the 整体 form's): a row per indicator with its 一级
 * and 二级 (the 二级 offered are those of the row's 一级), 三级 name and 指标值, and the row's buttons —
 * move up or down, remove, keep in the library. Rows are added blank or from the library.
 */
import { useEffect, useRef, useState } from 'react';
import {
  addIndicator,
  LEVEL2_BY_LEVEL1,
  moveIndicator,
  removeIndicator,
  updateIndicator,
  type DeclarationOwner,
  type IndicatorListName,
  type IndicatorTemplate,
} from '../../../shared/declarations/edit';
import { INDICATOR_LEVEL1, type Indicator } from '../../../shared/document/schema';
import { useWorkbench } from '../store/workbench';
import { Field, useFollowed } from '../fields/Field';
import { applyEdit, applyOrNotify } from './fields';
import { addToLibrary } from './libraryStore';
import { LibraryPicker } from './LibraryPicker';

export interface IndicatorGridProps {
  readonly owner: DeclarationOwner;
  /** 项目“X”申报表, for the undo steps' labels. */
  readonly ownerLabel: string;
  readonly list: IndicatorListName;
  /** 年度绩效指标: the grid's heading, and the start of its controls' names. */
  readonly title: string;
  readonly rows: readonly Indicator[];
  /** projects.p01.declaration.annualIndicators */
  readonly path: string;
}

/** Where a template of `level1` goes: after the last row of its 一级, or at the end. */
function placeFor(rows: readonly Indicator[], level1: Indicator['level1']): number {
  const last = rows.findLastIndex((row) => row.level1 === level1);
  return last === -1 ? rows.length : last + 1;
}

/** What gets the focus after a row operation: a part of row `row`, tried in order (a disabled button is skipped). */
interface PendingFocus {
  readonly row: number;
  readonly selectors: readonly string[];
}

export function IndicatorGrid({ owner, ownerLabel, list, title, rows, path }: IndicatorGridProps) {
  const [picking, setPicking] = useState(false);
  const [pending, setPending] = useState<PendingFocus | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const gridFollowed = useFollowed(path);

  // The row is there by now: the edit and the request are rendered together.
  useEffect(() => {
    if (!pending) return;
    setPending(null);
    const row = tableRef.current?.querySelector(`tr[data-row="${pending.row}"]`);
    for (const selector of pending.selectors) {
      const target = row?.querySelector<HTMLElement>(`${selector}:not(:disabled)`);
      if (target) {
        target.focus();
        return;
      }
    }
  }, [pending]);

  const rowLabel = (i: number) => `${title}第 ${i + 1} 行`;
  const step = (verb: string, what: string) => `${verb} ${ownerLabel} ${what}`;

  const add = () => {
    const at = rows.length;
    if (applyOrNotify(step('添加', rowLabel(at)), (doc) => addIndicator(doc, owner, list, at))) {
      setPending({ row: at, selectors: ['[data-part="name"]'] });
    }
  };

  const addTemplate = (template: IndicatorTemplate) => {
    setPicking(false);
    const at = placeFor(rows, template.level1);
    const done = applyOrNotify(step('从指标库添加', `${title}“${template.name}”`), (doc) =>
      addIndicator(doc, owner, list, at, { ...template }),
    );
    if (done) setPending({ row: at, selectors: ['[data-part="value"]'] });
  };

  const move = (from: number, to: number) => {
    const up = to < from;
    if (
      applyOrNotify(step(up ? '上移' : '下移', rowLabel(from)), (doc) =>
        moveIndicator(doc, owner, list, from, to),
      )
    ) {
      // The same button on the moved row, so that pressing it again moves the row further.
      const order = up ? ['up', 'down'] : ['down', 'up'];
      setPending({ row: to, selectors: order.map((action) => `button[data-action="${action}"]`) });
    }
  };

  const remove = (i: number) => {
    applyOrNotify(step('删除', rowLabel(i)), (doc) => removeIndicator(doc, owner, list, i));
  };

  const keep = (row: Indicator) => {
    const result = addToLibrary(row);
    useWorkbench.getState().notify({ kind: result.ok ? 'info' : 'error', text: result.text });
  };

  const update = (i: number, what: string, patch: Partial<Indicator>) =>
    applyEdit(step('修改', `${rowLabel(i)}${what}`), (doc) => updateIndicator(doc, owner, list, i, patch));

  return (
    <section className={`perf-grid${gridFollowed ? ' followed' : ''}`} aria-label={title}>
      <div className="perf-grid-head">
        <h3>{title}</h3>
        <div className="perf-grid-tools">
          <button type="button" onClick={add}>
            添加指标
          </button>
          <button type="button" onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
            从指标库选择
          </button>
          {picking && (
            <LibraryPicker
              title={`指标库：${title}`}
              onPick={addTemplate}
              onClose={() => setPicking(false)}
            />
          )}
        </div>
      </div>
      <table ref={tableRef} className="perf-indicators" aria-label={`${title}表`}>
        <colgroup>
          <col className="perf-col-level1" />
          <col className="perf-col-level2" />
          <col />
          <col className="perf-col-value" />
          <col className="perf-col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">一级指标</th>
            <th scope="col">二级指标</th>
            <th scope="col">三级指标</th>
            <th scope="col">指标值</th>
            <th scope="col">
              <span className="perf-sr">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <IndicatorRow
              key={i}
              index={i}
              row={row}
              last={i === rows.length - 1}
              label={rowLabel(i)}
              path={`${path}.${i}`}
              onLevel1={(level1) => update(i, '一级指标', { level1 })}
              onLevel2={(level2) => update(i, '二级指标', { level2 })}
              onName={(name) => update(i, '三级指标', { name })}
              onValue={(value) => update(i, '指标值', { value })}
              onUp={() => move(i, i - 1)}
              onDown={() => move(i, i + 1)}
              onRemove={() => remove(i)}
              onKeep={() => keep(row)}
            />
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="perf-none">
                还没有指标：点击“添加指标”或“从指标库选择”。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

interface IndicatorRowProps {
  readonly index: number;
  readonly row: Indicator;
  readonly last: boolean;
  readonly label: string;
  readonly path: string;
  readonly onLevel1: (level1: Indicator['level1']) => string | null;
  readonly onLevel2: (level2: Indicator['level2']) => string | null;
  readonly onName: (name: string) => string | null;
  readonly onValue: (value: string) => string | null;
  readonly onUp: () => void;
  readonly onDown: () => void;
  readonly onRemove: () => void;
  readonly onKeep: () => void;
}

function IndicatorRow(props: IndicatorRowProps) {
  const { index, row, last, label, path } = props;
  const rowFollowed = useFollowed(path);
  const level1Followed = useFollowed(`${path}.level1`);
  const level2Followed = useFollowed(`${path}.level2`);
  const notify = (message: string | null) => {
    if (message) useWorkbench.getState().notify({ kind: 'error', text: message });
  };
  const level2Options = LEVEL2_BY_LEVEL1[row.level1];
  return (
    <tr data-row={index} className={rowFollowed ? 'followed' : undefined}>
      <td>
        <select
          value={row.level1}
          aria-label={`${label}一级指标`}
          className={level1Followed ? 'followed' : undefined}
          onChange={(e) => {
            const level1 = INDICATOR_LEVEL1.find((l) => l === e.target.value);
            if (level1) notify(props.onLevel1(level1));
          }}
        >
          {INDICATOR_LEVEL1.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          value={row.level2}
          aria-label={`${label}二级指标`}
          className={level2Followed ? 'followed' : undefined}
          onChange={(e) => {
            const level2 = level2Options.find((l) => l === e.target.value);
            if (level2) notify(props.onLevel2(level2));
          }}
        >
          {level2Options.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </td>
      <td>
        <Field
          label={`${label}三级指标`}
          value={row.name}
          onCommit={props.onName}
          path={`${path}.name`}
          placeholder="指标名称"
          part="name"
        />
      </td>
      <td>
        <Field
          label={`${label}指标值`}
          value={row.value}
          onCommit={props.onValue}
          path={`${path}.value`}
          placeholder="如 ≥95%"
          part="value"
        />
      </td>
      <td className="perf-row-actions">
        <button
          type="button"
          className="perf-icon"
          data-action="up"
          aria-label="上移"
          title="上移"
          disabled={index === 0}
          onClick={props.onUp}
        >
          ↑
        </button>
        <button
          type="button"
          className="perf-icon"
          data-action="down"
          aria-label="下移"
          title="下移"
          disabled={last}
          onClick={props.onDown}
        >
          ↓
        </button>
        <button
          type="button"
          className="perf-icon"
          aria-label="删除"
          title="删除本行"
          onClick={props.onRemove}
        >
          ✕
        </button>
        <button
          type="button"
          className="perf-icon"
          aria-label="存入指标库"
          title="存入指标库"
          onClick={props.onKeep}
        >
          ☆
        </button>
      </td>
    </tr>
  );
}
