/**
 * What can be done to a form's rows: add a 功能 科目 by catalog search, add 表11's row of a unit that has
 * none, remove the current row (asking first when it has money), and fill 表5 from 表3 for a department
 * whose only fund is 一般公共预算.
 * The document operations are shared/document/rows.ts; this only offers them.
 */
import { useMemo, useState } from 'react';
import { positionOfRow, storedRowsAt } from '../../../shared/editing/grid';
import {
  addEconomicRow,
  addFunctionRow,
  addOperatingRow,
  addProject,
  canCopyTable,
  copyTable,
  functionCodesOf,
  governmentCodeOptions,
  projectHasMoney,
  removeProject,
  removeRow,
  rowHasMoney,
  rowName,
  unitsWithoutOperatingRow,
  updateProject,
  type GovernmentCodeOption,
  type FunctionCollection,
  type RemovableCollection,
  type RowEditResult,
} from '../../../shared/document/rows';
import type { BudgetDocument } from '../../../shared/document/schema';
import type { InputRef } from '../../../shared/document/inputs';
import type { FormGrid, FormId } from '../../../shared/forms/types';
import { useWorkbench } from '../store/workbench';
import { ProjectDialog } from '../dialogs/ProjectDialog';
import { CatalogPicker } from './CatalogPicker';
import { ChoiceDialog } from './ChoiceDialog';

/** The 功能 tables whose 项 rows the accountant adds, with the button's words. */
const FUNCTION_TABLES: Partial<Record<FormId, readonly { collection: FunctionCollection; label: string }[]>> =
  {
    T2: [{ collection: 't2', label: '添加科目' }],
    T3: [{ collection: 't3', label: '添加科目' }],
    T5: [{ collection: 't5', label: '添加科目' }],
    T7: [{ collection: 't7', label: '添加科目' }],
    T8: [{ collection: 't8', label: '添加科目' }],
    T9: [
      { collection: 't9Income', label: '添加收入科目' },
      { collection: 't9', label: '添加支出科目' },
    ],
  };

const REMOVABLE: ReadonlySet<string> = new Set<RemovableCollection | 't12' | 't13'>([
  't12',
  't13',
  't2',
  't3',
  't5',
  't7',
  't8',
  't9Income',
  't9',
  't6',
  't11',
]);

export function FormActions({ doc, grid, row }: { doc: BudgetDocument; grid: FormGrid; row: number }) {
  const [picking, setPicking] = useState<FunctionCollection | null>(null);
  const [pickingEconomic, setPickingEconomic] = useState(false);
  /** A 部门经济 款 that maps to several 政府经济 款: which one this row is for. */
  const [choosing, setChoosing] = useState<{ code: string; options: GovernmentCodeOption[] } | null>(null);
  const [addingProject, setAddingProject] = useState(false);
  const [changingProject, setChangingProject] = useState(false);
  const [addingUnitRow, setAddingUnitRow] = useState(false);
  const { replaceDocument, notify, ask } = useWorkbench.getState();
  const stored = useMemo(
    () => storedRowsAt(grid, row).filter((r) => REMOVABLE.has(r.collection)),
    [grid, row],
  );

  /**
   * Applies a row edit as one undoable step; a row added (`added`: its collection) gets its first amount
   * cell selected, ready for typing.
   */
  const apply = (label: string, result: RowEditResult, added?: InputRef['collection']) => {
    if (!result.ok) {
      notify({ kind: 'error', text: result.message });
      return;
    }
    replaceDocument(label, result.document, { kind: 'structure' });
    if (added) {
      const { editor, select } = useWorkbench.getState();
      const updated = editor?.session.evaluator.grid(grid.id);
      const position = updated && positionOfRow(updated, added, result.key);
      if (position) select({ anchor: position, focus: position });
    }
    useWorkbench.getState().focusGrid();
  };

  const add = (collection: FunctionCollection, code: string) => {
    setPicking(null);
    apply(`添加科目 ${code}`, addFunctionRow(doc, collection, code), collection);
  };

  const addEconomic = (code: string, governmentCode?: string) => {
    setPickingEconomic(false);
    setChoosing(null);
    const result = addEconomicRow(doc, code, governmentCode ? { governmentCode } : {});
    if (!result.ok && result.reason === 'choose-government-code') {
      setChoosing({ code, options: governmentCodeOptions(doc, code) });
      return;
    }
    apply(`添加经济科目 ${code}`, result, 't6');
  };

  const addUnitRow = (unitId: string, name: string) => {
    setAddingUnitRow(false);
    apply(`添加表11单位 ${name}`, addOperatingRow(doc, unitId), 't11');
  };

  const closeChoosing = () => {
    setChoosing(null);
    useWorkbench.getState().focusGrid();
  };

  const closeUnitRow = () => {
    setAddingUnitRow(false);
    useWorkbench.getState().focusGrid();
  };

  const remove = () => {
    const first = stored[0];
    if (!first) return;
    if (first.collection === 't12' || first.collection === 't13') {
      const project = doc.projects.find((p) => p.id === first.key);
      const name = project?.name ?? first.key;
      const doRemove = () => apply(`删除项目 ${name}`, removeProject(doc, first.key));
      if (projectHasMoney(doc, first.key) || project?.declaration) {
        ask({
          message: `项目“${name}”填有金额或绩效目标申报表，删除后将从表12、表13和申报表中一并删除（可撤销）。确定删除吗？`,
          action: '删除',
          onConfirm: doRemove,
        });
      } else {
        doRemove();
      }
      return;
    }
    const collection = first.collection as RemovableCollection;
    const name = rowName(doc, collection, first.key);
    const doRemove = () => apply(`删除行 ${name}`, removeRow(doc, collection, first.key));
    if (rowHasMoney(doc, collection, first.key)) {
      ask({
        message: `第 ${row + 1} 行（${name}）填有金额，删除后这些金额将一并删除（可撤销）。确定删除吗？`,
        action: '删除',
        onConfirm: doRemove,
      });
    } else {
      doRemove();
    }
  };

  // The project a 表12 / 表13 row shows.
  const projectRow = stored.find((r) => r.collection === 't12' || r.collection === 't13');
  const project = projectRow ? doc.projects.find((p) => p.id === projectRow.key) : undefined;

  const tables = FUNCTION_TABLES[grid.id] ?? [];
  const unlisted = grid.id === 'T11' ? unitsWithoutOperatingRow(doc) : [];
  const picker = tables.find((t) => t.collection === picking);
  return (
    <div className="form-actions" role="toolbar" aria-label="行操作">
      {tables.map((t) => (
        <button key={t.collection} type="button" onClick={() => setPicking(t.collection)}>
          {t.label}
        </button>
      ))}
      {grid.id === 'T6' && (
        <button type="button" onClick={() => setPickingEconomic(true)}>
          添加经济科目
        </button>
      )}
      {grid.id === 'T12' && (
        <button type="button" onClick={() => setAddingProject(true)}>
          添加项目
        </button>
      )}
      {unlisted.length > 0 && (
        <button type="button" onClick={() => setAddingUnitRow(true)}>
          添加单位
        </button>
      )}
      {project && (
        <button type="button" onClick={() => setChangingProject(true)}>
          修改项目
        </button>
      )}
      {stored.length > 0 && (
        <button type="button" onClick={remove}>
          删除本行
        </button>
      )}
      {grid.id === 'T5' && canCopyTable(doc, 't3', 't5') && (
        <button
          type="button"
          onClick={() => apply('按表3填列表5', copyTable(doc, 't3', 't5'))}
          title="本部门只有一般公共预算，表5 与表3 相同"
        >
          按表3填列
        </button>
      )}
      {pickingEconomic && (
        <CatalogPicker
          year={doc.year}
          kind="departmentEconomic"
          title="表6：添加经济科目"
          existing={new Set()}
          onPick={(code) => addEconomic(code)}
          onClose={() => {
            setPickingEconomic(false);
            useWorkbench.getState().focusGrid();
          }}
        />
      )}
      {choosing && (
        <ChoiceDialog
          title="选择政府经济分类科目"
          listLabel="可选的政府经济分类科目"
          choices={choosing.options.map((option) => ({
            key: option.governmentCode,
            label: `${option.governmentCode} ${option.name}（${option.unitTypes.join('、')}单位）`,
            onChoose: () => addEconomic(choosing.code, option.governmentCode),
          }))}
          onClose={closeChoosing}
        >
          {choosing.code} 对应的政府预算支出经济分类因单位性质而不同，请选择本行对应的科目：
        </ChoiceDialog>
      )}
      {addingUnitRow && (
        <ChoiceDialog
          title="添加单位"
          listLabel="表11 未列出的单位"
          choices={unlisted.map((unit) => ({
            key: unit.id,
            label: `${unit.name}（${unit.type}）`,
            onChoose: () => addUnitRow(unit.id, unit.name),
          }))}
          onClose={closeUnitRow}
        >
          表11 列出使用财政拨款安排机关运行经费的单位（行政单位和参照公务员法管理的事业单位）。添加哪个单位？
        </ChoiceDialog>
      )}
      {changingProject && project && (
        <ProjectDialog
          doc={doc}
          initial={project}
          onClose={() => {
            setChangingProject(false);
            useWorkbench.getState().focusGrid();
          }}
          onSubmit={(patch) => {
            const result = updateProject(doc, project.id, patch);
            if (!result.ok) return result.message;
            setChangingProject(false);
            apply(`修改项目 ${patch.name}`, result);
            return null;
          }}
        />
      )}
      {addingProject && (
        <ProjectDialog
          doc={doc}
          onClose={() => {
            setAddingProject(false);
            useWorkbench.getState().focusGrid();
          }}
          onSubmit={(added) => {
            const result = addProject(doc, added);
            if (!result.ok) return result.message;
            setAddingProject(false);
            apply(`添加项目 ${added.name}`, result, 't12');
            return null;
          }}
        />
      )}
      {picker && (
        <CatalogPicker
          year={doc.year}
          title={`${grid.title.replace(/^.*年/, '')}：${picker.label}`}
          existing={functionCodesOf(doc, picker.collection)}
          onPick={(code) => add(picker.collection, code)}
          onClose={() => {
            setPicking(null);
            useWorkbench.getState().focusGrid();
          }}
        />
      )}
    </div>
  );
}
