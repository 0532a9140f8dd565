/**
 * A project of 表12, new or changed: its name, the unit that carries it out, its category and
 * (optionally) the 功能 项 it is spent under, found by code, name or pinyin initials.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { searchCatalog } from '../../../shared/catalogs/search';
import type { NewProject } from '../../../shared/document/rows';
import { PROJECT_CATEGORIES, type BudgetDocument } from '../../../shared/document/schema';
import { usePreparedCatalogSearch } from '../grid/preparedSearch';

export interface ProjectDialogProps {
  readonly doc: BudgetDocument;
  /** The project being changed; a new one when omitted. */
  readonly initial?: NewProject;
  /** Returns a message when the project is refused (the dialog stays open), null when it was taken. */
  readonly onSubmit: (project: NewProject) => string | null;
  readonly onClose: () => void;
}

export function ProjectDialog({ doc, initial, onSubmit, onClose }: ProjectDialogProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [unitId, setUnitId] = useState(initial?.unitId ?? doc.units[0]?.id ?? '');
  const [category, setCategory] = useState<NewProject['category']>(initial?.category ?? '特定目标类');
  const [code, setCode] = useState(initial?.functionCode ?? '');
  const title = initial ? '修改项目' : '添加项目';
  const [problem, setProblem] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  usePreparedCatalogSearch(doc.year);
  const matches = useMemo(
    () =>
      code.trim() === '' || /^\d{7}$/.test(code.trim())
        ? []
        : searchCatalog(doc.year, code, { limit: 12 }).entries,
    [doc.year, code],
  );

  const submit = () => {
    const functionCode = /^\d{7}/.exec(code.trim())?.[0] ?? code.trim();
    setProblem(onSubmit({ name, unitId, category, functionCode }));
  };

  return (
    <div className="modal-backdrop">
      <form
        className="modal project-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h3>{title}</h3>
        <label>
          项目名称
          <input ref={nameRef} aria-label="项目名称" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          实施单位
          <select aria-label="实施单位" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {doc.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          项目类别
          <select
            aria-label="项目类别"
            value={category}
            onChange={(e) => setCategory(e.target.value as NewProject['category'])}
          >
            {PROJECT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          功能科目
          <input
            aria-label="功能科目"
            list="project-function-codes"
            placeholder="编码、名称或拼音首字母（可稍后填写）"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <datalist id="project-function-codes">
            {matches.map((m) => (
              <option key={m.code} value={`${m.code} ${m.name}`} />
            ))}
          </datalist>
        </label>
        {problem && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="modal-buttons">
          <button type="submit">{initial ? '保存' : '添加'}</button>
          <button type="button" onClick={onClose}>
            取消
          </button>
        </div>
      </form>
    </div>
  );
}
