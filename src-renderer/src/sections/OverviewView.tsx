/**
 * 封面与概况: the department and cover, 部门职责 and 机构设置, and the units (预算单位) with their type.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { addUnit, removeUnit, unitHasMoney } from '../../../shared/document/rows';
import { UNIT_TYPES, type BudgetDocument, type UnitType } from '../../../shared/document/schema';
import {
  setCoverDate,
  setDepartmentCode,
  setDepartmentName,
  setOrganization,
  setResponsibilities,
  setUnit,
  type TextEdit,
} from '../../../shared/document/texts';
import { useWorkbench } from '../store/workbench';
import { Field } from '../fields/Field';

function apply(label: string, edit: TextEdit): null {
  useWorkbench.getState().replaceDocument(label, edit.doc, edit.change);
  return null;
}

export function OverviewView({
  doc,
  highlighted,
}: {
  doc: BudgetDocument;
  highlighted: ReadonlySet<string> | null;
}) {
  const { replaceDocument, notify } = useWorkbench.getState();

  const addNewUnit = () => {
    const result = addUnit(doc, `新单位${doc.units.length + 1}`, '行政');
    if (!result.ok) notify({ kind: 'error', text: result.message });
    else replaceDocument('添加单位', result.document, { kind: 'structure' });
  };

  return (
    <article className="overview" aria-label="封面与概况">
      <h2>封面与概况</h2>
      <div className="field-grid">
        <label>部门名称</label>
        <div>
          <Field
            className="boxed"
            label="部门名称"
            value={doc.department.name}
            path="department.name"
            onCommit={(text) =>
              text.trim() === '' ? '部门名称不能为空' : apply('修改部门名称', setDepartmentName(doc, text))
            }
          />
        </div>
        <label>部门编码</label>
        <div>
          <Field
            className="boxed"
            label="部门编码"
            value={doc.department.code}
            onCommit={(text) => apply('修改部门编码', setDepartmentCode(doc, text))}
          />
        </div>
        <label>预算年度</label>
        <span>{doc.year} 年</span>
        <label>封面日期</label>
        <div>
          <Field
            className="boxed"
            label="封面日期"
            value={doc.coverDate}
            placeholder={`如 ${doc.year}年2月`}
            path="coverDate"
            onCommit={(text) => apply('修改封面日期', setCoverDate(doc, text))}
          />
        </div>
      </div>
      <h3>部门职责</h3>
      <Field
        className="boxed"
        label="部门职责（每行一条）"
        value={doc.overview.responsibilities.join('\n')}
        multiline
        rows={Math.max(4, doc.overview.responsibilities.length + 1)}
        path="overview.responsibilities"
        onCommit={(text) => apply('修改部门职责', setResponsibilities(doc, text))}
      />
      <h3>机构设置</h3>
      <Field
        className="boxed"
        label="机构设置"
        value={doc.overview.organization}
        multiline
        path="overview.organization"
        onCommit={(text) => apply('修改机构设置', setOrganization(doc, text))}
      />
      <h3>预算单位（{doc.units.length} 个）</h3>
      <UnitList doc={doc} highlighted={highlighted} />
      <button type="button" onClick={addNewUnit}>
        添加单位
      </button>
    </article>
  );
}

/** The height of a unit's row (its name box, its type, 删除), in pixels. */
const UNIT_ROW_HEIGHT = 34;

/**
 * The units (预算单位), a row each: an education bureau lists every school, so only the rows in sight are
 * made (virtualised), in a box of their own that scrolls. A followed finding's unit is scrolled to.
 */
function UnitList({ doc, highlighted }: { doc: BudgetDocument; highlighted: ReadonlySet<string> | null }) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const { replaceDocument, notify, ask } = useWorkbench.getState();
  // A finding names a unit (units.u2) or its name (units.u2.name).
  const lit = (id: string) =>
    highlighted?.has(`field:units.${id}`) === true || highlighted?.has(`field:units.${id}.name`) === true;
  // The row being typed in stays made while it is scrolled out of sight: its text box holds what is
  // typed until it is left (Field), and a row unmade would lose it.
  const [typingIn, setTypingIn] = useState<string | null>(null);
  const typingIndex = typingIn === null ? -1 : doc.units.findIndex((unit) => unit.id === typingIn);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      if (typingIndex < 0 || shown.includes(typingIndex)) return shown;
      return [...shown, typingIndex].sort((a, b) => a - b);
    },
    [typingIndex],
  );
  const virtualizer = useVirtualizer({
    count: doc.units.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => UNIT_ROW_HEIGHT,
    overscan: 8,
    rangeExtractor,
  });

  const followed = doc.units.findIndex((unit) => lit(unit.id));
  useEffect(() => {
    if (followed >= 0) virtualizer.scrollToIndex(followed, { align: 'center' });
    // When another finding is followed, not on every edit.
  }, [highlighted]);

  const removeUnitAsking = (id: string, name: string) => {
    const remove = () => {
      const result = removeUnit(doc, id);
      if (!result.ok) notify({ kind: 'error', text: result.message });
      else replaceDocument(`删除单位 ${name}`, result.document, { kind: 'structure' });
    };
    if (unitHasMoney(doc, id)) {
      ask({
        message: `单位“${name}”在表11 填有金额，删除后一并删除（可撤销）。确定删除吗？`,
        action: '删除',
        onConfirm: remove,
      });
    } else {
      remove();
    }
  };

  return (
    <div className="units" role="table" aria-label="预算单位">
      <div role="rowgroup">
        <div className="units-row" role="row">
          <span role="columnheader">单位名称</span>
          <span role="columnheader">单位性质</span>
          <span role="columnheader" aria-label="操作" />
        </div>
      </div>
      <div className="units-body" role="rowgroup" ref={bodyRef}>
        <div className="units-spacer" style={{ height: virtualizer.getTotalSize() }} aria-hidden="true" />
        {virtualizer.getVirtualItems().map((item) => {
          const unit = doc.units[item.index];
          if (!unit) return null;
          return (
            <div
              key={unit.id}
              role="row"
              className={`units-row${lit(unit.id) ? ' followed' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: UNIT_ROW_HEIGHT }}
              onFocus={() => setTypingIn(unit.id)}
              onBlur={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget)) setTypingIn(null);
              }}
            >
              <span role="cell">
                <Field
                  className="boxed"
                  label={`单位名称 ${unit.name}`}
                  value={unit.name}
                  onCommit={(text) =>
                    text.trim() === ''
                      ? '单位名称不能为空'
                      : apply(`修改单位名称 ${unit.name}`, setUnit(doc, unit.id, { name: text }))
                  }
                />
              </span>
              <span role="cell">
                <select
                  aria-label={`单位性质 ${unit.name}`}
                  value={unit.type}
                  onChange={(e) =>
                    apply(
                      `修改单位性质 ${unit.name}`,
                      setUnit(doc, unit.id, { type: e.target.value as UnitType }),
                    )
                  }
                >
                  {UNIT_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {type}
                    </option>
                  ))}
                </select>
              </span>
              <span role="cell">
                <button type="button" onClick={() => removeUnitAsking(unit.id, unit.name)}>
                  删除
                </button>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
