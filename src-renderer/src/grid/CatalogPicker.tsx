/**
 * Picks a 功能 项 to add as a row: search the year's catalog by code, name or pinyin initials
 * (行政运行 ← xzyx), choose with ↑ ↓ and Enter (or a click), Esc closes.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchCatalog, type CatalogSearchKind } from '../../../shared/catalogs/search';
import { usePreparedCatalogSearch } from './preparedSearch';

export interface CatalogPickerProps {
  readonly year: number;
  readonly title: string;
  /** Codes the table has already (not offered). */
  readonly existing: ReadonlySet<string>;
  /** 功能分类 项 (default) or 部门经济分类 款. */
  readonly kind?: CatalogSearchKind;
  readonly onPick: (code: string) => void;
  readonly onClose: () => void;
}

export function CatalogPicker({
  year,
  title,
  existing,
  kind = 'function',
  onPick,
  onClose,
}: CatalogPickerProps) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  usePreparedCatalogSearch(year, kind);
  const result = useMemo(
    () => (query.trim() === '' ? null : searchCatalog(year, query, { kind, exclude: existing, limit: 30 })),
    [year, query, existing, kind],
  );
  const entries = result?.entries ?? [];

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setChosen(0), [query]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setChosen((i) => Math.min(entries.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setChosen((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = entries[chosen];
      if (entry) onPick(entry.code);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="picker" role="dialog" aria-label={title}>
      <div className="picker-head">
        <strong>{title}</strong>
        <button type="button" onClick={onClose} aria-label="关闭">
          ×
        </button>
      </div>
      <input
        ref={inputRef}
        className="picker-input"
        placeholder={
          kind === 'function'
            ? '输入科目编码、名称或拼音首字母，如 2010301、行政运行、xzyx'
            : '输入科目编码、名称或拼音首字母，如 30201、办公费、bgf'
        }
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={entries.length > 0}
        aria-controls="picker-options"
        aria-label="搜索科目"
      />
      <ul id="picker-options" className="picker-options" role="listbox" aria-label="科目">
        {entries.map((entry, i) => (
          <li
            key={entry.code}
            role="option"
            aria-selected={i === chosen}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(entry.code);
            }}
          >
            <span className="picker-code">{entry.code}</span> {entry.name}
            <span className="picker-path">{entry.path}</span>
          </li>
        ))}
        {result && entries.length === 0 && <li className="picker-none">没有找到匹配的科目</li>}
        {result && result.total > entries.length && (
          <li className="picker-none">另有 {result.total - entries.length} 项，请输入更多字符</li>
        )}
      </ul>
    </div>
  );
}
