/**
 * “从其他项目复制”: takes another project's texts, goals and indicators into this project's declaration
 * (copyDeclaration: the funding and who filled it in stay). When this declaration already says something,
 * the user confirms here first (inside the view, no window dialog).
 */
import { useState } from 'react';
import { copyDeclaration, copyWouldReplace } from '../../../shared/declarations/edit';
import type { BudgetDocument, Project } from '../../../shared/document/schema';
import { applyOrNotify } from './fields';

export function CopyPanel({ doc, project }: { doc: BudgetDocument; project: Project }) {
  const sources = doc.projects.filter((p) => p.id !== project.id && p.declaration !== null);
  const [open, setOpen] = useState(false);
  const [sourceId, setSourceId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const source = sources.find((p) => p.id === sourceId) ?? sources[0];

  const close = () => {
    setOpen(false);
    setConfirming(false);
  };

  const copy = () => {
    if (!source) return;
    const done = applyOrNotify(`从项目“${source.name}”复制申报表到项目“${project.name}”`, (d) =>
      copyDeclaration(d, source.id, project.id),
    );
    if (done) close();
  };

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        disabled={sources.length === 0}
        title={sources.length === 0 ? '没有其他已编制申报表的项目' : '复制另一项目的文字、目标和绩效指标'}
      >
        从其他项目复制
      </button>
    );
  }

  return (
    <div className="perf-copy" role="group" aria-label="从其他项目复制">
      <label>
        复制来源
        <select
          value={source?.id ?? ''}
          aria-label="复制来源项目"
          onChange={(e) => {
            setSourceId(e.target.value);
            setConfirming(false);
          }}
        >
          {sources.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {confirming ? (
        <div className="perf-confirm" role="alertdialog" aria-label="确认复制">
          <p>
            本项目申报表已填有内容。复制将用项目“{source?.name}
            ”的项目属性、项目期、各项说明、目标和绩效指标替换本项目的这些内容
            （资金和负责人、经办人等不变；可撤销）。确定复制吗？
          </p>
          <button type="button" className="perf-danger" onClick={copy}>
            复制并替换
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <>
          <button
            type="button"
            onClick={() => (copyWouldReplace(project.declaration) ? setConfirming(true) : copy())}
            disabled={!source}
          >
            复制
          </button>
          <button type="button" onClick={close}>
            取消
          </button>
        </>
      )}
    </div>
  );
}
