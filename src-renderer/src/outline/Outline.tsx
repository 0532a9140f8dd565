/**
 * The outline: the parts of the budget in the published order, each with its 错误 / 提示 counts.
 */
import { useMemo } from 'react';
import type { Finding } from '../../../shared/checks/types';
import { countsBySection, OUTLINE, type SectionId } from '../../../shared/editing/outline';

export interface OutlineProps {
  readonly title: string;
  readonly findings: readonly Finding[];
  readonly section: SectionId;
  readonly onShow: (section: SectionId) => void;
}

export function Outline({ title, findings, section, onShow }: OutlineProps) {
  // Counted again only when the findings change (not when the selection moves).
  const counts = useMemo(() => countsBySection(findings), [findings]);
  return (
    <nav className="outline" aria-label="目录">
      <div className="department">{title}</div>
      <ul>
        {OUTLINE.map((entry) => {
          const count = counts.get(entry.id);
          return (
            <li key={entry.id}>
              <button type="button" aria-current={entry.id === section} onClick={() => onShow(entry.id)}>
                <span className="outline-label">{entry.label}</span>
                {count && count.errors > 0 && (
                  <span className="badge error" title={`错误 ${count.errors} 项`}>
                    {count.errors}
                  </span>
                )}
                {count && count.advisories > 0 && (
                  <span className="badge advisory" title={`提示 ${count.advisories} 项`}>
                    {count.advisories}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
