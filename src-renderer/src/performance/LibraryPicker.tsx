/**
 * Picks an indicator from the library (the built-in templates and the user's own): search by any word of
 * its 一级, 二级, name or value, narrow to one 一级, then click it (or Enter for the first). The user's own
 * templates can be removed here. Esc closes.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchLibrary, type IndicatorTemplate } from '../../../shared/declarations/edit';
import { INDICATOR_LEVEL1, type Indicator } from '../../../shared/document/schema';
import { useWorkbench } from '../store/workbench';
import { removeFromLibrary, useIndicatorLibrary } from './libraryStore';

export interface LibraryPickerProps {
  readonly title: string;
  readonly onPick: (template: IndicatorTemplate) => void;
  readonly onClose: () => void;
}

const LIMIT = 60;

export function LibraryPicker({ title, onPick, onClose }: LibraryPickerProps) {
  const library = useIndicatorLibrary();
  const [query, setQuery] = useState('');
  const [level1, setLevel1] = useState<Indicator['level1'] | ''>('');
  const inputRef = useRef<HTMLInputElement>(null);
  const found = useMemo(
    () => searchLibrary(library.all, query, level1 === '' ? undefined : level1),
    [library, query, level1],
  );

  useEffect(() => inputRef.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing || event.key === 'Process') return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && event.target === inputRef.current) {
      event.preventDefault();
      const first = found[0];
      if (first) onPick(first);
    }
  };

  const remove = (template: IndicatorTemplate) => {
    const result = removeFromLibrary(template);
    useWorkbench.getState().notify({ kind: result.ok ? 'info' : 'error', text: result.text });
  };

  return (
    <div className="perf-picker" role="dialog" aria-label={title} onKeyDown={onKeyDown}>
      <div className="perf-picker-head">
        <strong>{title}</strong>
        <button type="button" onClick={onClose} aria-label="关闭指标库">
          ×
        </button>
      </div>
      {library.problem && <p className="field-problem">{library.problem}</p>}
      <div className="perf-picker-search">
        <input
          ref={inputRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="输入指标名称、二级指标或指标值，如 满意度、培训"
          aria-label="搜索指标库"
        />
        <select
          value={level1}
          onChange={(e) => setLevel1(INDICATOR_LEVEL1.find((l) => l === e.target.value) ?? '')}
          aria-label="按一级指标筛选"
        >
          <option value="">全部一级指标</option>
          {INDICATOR_LEVEL1.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <ul className="perf-picker-list" aria-label="指标库中的指标">
        {found.slice(0, LIMIT).map((template, i) => {
          const own = library.own.has(template);
          return (
            <li key={i}>
              <button
                type="button"
                className="perf-picker-pick"
                onClick={() => onPick(template)}
                aria-label={`选用 ${template.name} ${template.value}`}
                title={`${template.level1} / ${template.level2}`}
              >
                <span className="perf-picker-level">{template.level2.replace(/指标$/, '')}</span>
                <span className="perf-picker-name">{template.name}</span>
                <span className="perf-picker-value">{template.value}</span>
                {own && <span className="perf-picker-own">本机</span>}
              </button>
              {own && (
                <button
                  type="button"
                  className="perf-icon"
                  onClick={() => remove(template)}
                  aria-label={`从指标库删除 ${template.name}`}
                  title="从指标库删除"
                >
                  ✕
                </button>
              )}
            </li>
          );
        })}
        {found.length === 0 && <li className="perf-none">没有找到匹配的指标</li>}
        {found.length > LIMIT && (
          <li className="perf-none">另有 {found.length - LIMIT} 项，请输入更多字符</li>
        )}
      </ul>
    </div>
  );
}
