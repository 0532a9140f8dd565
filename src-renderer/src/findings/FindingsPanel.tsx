/**
 * The findings (审核结果): 错误 first, then 提示, updated as the user types. Clicking a finding opens
 * the form of its first cell and highlights every cell involved; its targets are listed so the user can
 * go to each in turn (a finding between two tables names cells in both).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { describeTarget } from '../../../shared/checks/report';
import type { Finding } from '../../../shared/checks/types';
import type { BudgetDocument } from '../../../shared/document/schema';
import type { FollowedFinding } from '../store/workbench';

const ITEM_HEIGHT = 64;

export interface FindingsPanelProps {
  readonly doc: BudgetDocument;
  readonly findings: readonly Finding[];
  readonly followed: FollowedFinding | null;
  readonly onFollow: (finding: Finding, target?: number) => void;
}

function sameFinding(a: Finding, b: Finding | undefined): boolean {
  return b !== undefined && a.rule === b.rule && a.subject === b.subject;
}

export function FindingsPanel({ doc, findings, followed, onFollow }: FindingsPanelProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const virtualizer = useVirtualizer({
    count: findings.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
  });
  const errors = findings.filter((f) => f.level === '错误').length;
  const current = followed?.finding;
  return (
    <aside className="findings" aria-label="审核结果">
      <header className="findings-head">
        <strong>审核</strong>
        <span className="count error">错误 {errors}</span>
        <span className="count advisory">提示 {findings.length - errors}</span>
      </header>
      {current && (
        <div className="findings-current" aria-label="当前问题涉及的单元格">
          <div className="findings-current-message">{current.message}</div>
          <ul>
            {current.targets.map((target, i) => (
              <li key={i}>
                <button
                  type="button"
                  aria-current={followed.target === i}
                  onClick={() => onFollow(current, i)}
                >
                  {describeTarget(doc, target)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {findings.length === 0 ? (
        <p className="findings-empty">未发现问题。</p>
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
