/**
 * The findings (审核结果): 错误 first, then 提示, updated as the user types. Clicking a finding opens
 * the form of its first cell and highlights every cell involved; its targets are listed so the user can
 * go to each in turn (a finding between two tables names cells in both).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { explainFinding, EXPLANATION_CHANGE } from '../../../shared/checks/explain';
import { describeTarget } from '../../../shared/checks/report';
import type { Finding } from '../../../shared/checks/types';
import type { BudgetDocument } from '../../../shared/document/schema';
import { useWorkbench, type FollowedFinding } from '../store/workbench';

const ITEM_HEIGHT = 64;

export interface FindingsPanelProps {
  readonly doc: BudgetDocument;
  readonly findings: readonly Finding[];
  /** The document is being checked in full: the findings are from before the last change. */
  readonly checking: boolean;
  readonly followed: FollowedFinding | null;
  readonly onFollow: (finding: Finding, target?: number) => void;
}

function sameFinding(a: Finding, b: Finding | undefined): boolean {
  return b !== undefined && a.rule === b.rule && a.subject === b.subject;
}

/** The 说明 of a 提示: why it is right as it is. It holds while the numbers behind it are unchanged. */
function Explanation({ finding }: { finding: Finding }) {
  const [text, setText] = useState(finding.explanation ?? '');
  const save = () => {
    const { editor, replaceDocument } = useWorkbench.getState();
    if (!editor) return;
    const label = text.trim() === '' ? `撤回说明 ${finding.rule}` : `说明 ${finding.rule}`;
    replaceDocument(label, explainFinding(editor.doc, finding, text), EXPLANATION_CHANGE);
  };
  return (
    <div className="explanation">
      <textarea
        rows={2}
        value={text}
        aria-label="说明"
        placeholder="此提示无误时，写明原因（如：上级调拨车辆，已报批）"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" onClick={save} disabled={text.trim() === (finding.explanation ?? '')}>
        {finding.explanation === null ? '保存说明' : '更新说明'}
      </button>
    </div>
  );
}

export function FindingsPanel({ doc, findings, checking, followed, onFollow }: FindingsPanelProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const virtualizer = useVirtualizer({
    count: findings.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
  });
  const errors = findings.filter((f) => f.level === '错误').length;
  // The followed finding as it is now (its explanation may have been written since).
  const current = followed
    ? (findings.find((f) => sameFinding(f, followed.finding)) ?? followed.finding)
    : undefined;
  return (
    <aside className="findings" aria-label="审核结果">
      <header className="findings-head">
        <strong>审核</strong>
        {/* Opening a large budget: no counts until its first check is done (not 错误 0). */}
        {!(checking && findings.length === 0) && (
          <>
            <span className="count error">错误 {errors}</span>
            <span className="count advisory">提示 {findings.length - errors}</span>
          </>
        )}
        {checking && (
          <span className="checking" role="status">
            正在审核…
          </span>
        )}
      </header>
      {current && (
        <div className="findings-current" aria-label="当前问题涉及的单元格">
          <div className="findings-current-message">{current.message}</div>
          <ul>
            {current.targets.map((target, i) => (
              <li key={i}>
                <button
                  type="button"
                  aria-current={followed?.target === i}
                  onClick={() => onFollow(current, i)}
                >
                  {describeTarget(doc, target)}
                </button>
              </li>
            ))}
          </ul>
          {current.level === '提示' && (
            <Explanation key={`${current.rule}|${current.subject}`} finding={current} />
          )}
        </div>
      )}
      {findings.length === 0 ? (
        !checking && <p className="findings-empty">未发现问题。</p>
      ) : (
        <ol className="findings-list" ref={listRef}>
          <li className="findings-spacer" style={{ height: virtualizer.getTotalSize() }} aria-hidden="true" />
          {virtualizer.getVirtualItems().map((item) => {
            const finding = findings[item.index];
            if (!finding) return null;
            const chosen = sameFinding(finding, current);
            return (
              <li
                key={`${finding.rule}|${finding.subject}`}
                className="finding"
                style={{ transform: `translateY(${item.start}px)`, height: ITEM_HEIGHT }}
              >
                <button
                  type="button"
                  className={`finding-button ${finding.level === '错误' ? 'error' : 'advisory'}`}
                  aria-current={chosen}
                  title={finding.message}
                  onClick={() => onFollow(finding, 0)}
                >
                  <span className="finding-rule">
                    {finding.level} {finding.rule}
                    {finding.explanation !== null && ' · 已说明'}
                  </span>
                  <span className="finding-message">{finding.message}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
