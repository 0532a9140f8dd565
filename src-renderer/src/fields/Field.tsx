/**
 * A text box over a stored value, used wherever the accountant types text outside the grid: it commits
 * on leaving the box, Enter (one line) or Ctrl+Enter (several lines) — never while an input method is
 * composing — as one undoable step; a refused text stays in the box with the reason beside it; Esc puts
 * the stored value back. Also the highlight of the fields a followed finding names.
 */
import { createContext, useContext, useId, useState, type KeyboardEvent } from 'react';
import './field.css';

/** The `field:<path>` keys of the finding being followed. */
export const FollowContext = createContext<ReadonlySet<string> | null>(null);

/** Whether the field at `path` (projects.p01.declaration.summary) is one the followed finding names. */
export function useFollowed(path: string | undefined): boolean {
  const keys = useContext(FollowContext);
  return path !== undefined && keys?.has(`field:${path}`) === true;
}

/** Whether the followed finding names the field at `path` or a part of it (a goal of a goal list). */
export function useFollowedUnder(path: string): boolean {
  const keys = useContext(FollowContext);
  if (!keys) return false;
  const key = `field:${path}`;
  for (const k of keys) if (k === key || k.startsWith(`${key}.`)) return true;
  return false;
}

/** Commits a text; returns why it was refused, or null. */
export type Commit = (text: string) => string | null;

export interface FieldProps {
  /** The accessible name (and the tooltip). */
  readonly label: string;
  readonly value: string;
  readonly onCommit: Commit;
  /** Where the field is in the document, for the highlight of a followed finding. */
  readonly path?: string;
  /** A text box of several lines (Ctrl+Enter commits) instead of one (Enter commits). */
  readonly multiline?: boolean;
  readonly rows?: number;
  /** How the stored value reads (383,000); what is typed is read back by the commit. */
  readonly format?: (value: string) => string;
  readonly className?: string;
  readonly placeholder?: string;
  readonly inputMode?: 'text' | 'numeric';
  /** Also highlighted (a row or list path that covers this field). */
  readonly followed?: boolean;
  /** Marks the box for focusing from outside (e.g. the name of a new indicator row). */
  readonly part?: string;
}

/**
 * A text box over a stored value. What the user types is a draft until it is committed; a refused draft
 * stays in the box with the reason next to it. Esc puts the stored value back.
 */
export function Field({
  label,
  value,
  onCommit,
  path,
  multiline = false,
  rows = 3,
  format,
  className,
  placeholder,
  inputMode,
  followed = false,
  part,
}: FieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const highlighted = useFollowed(path) || followed;
  const problemId = useId();

  // Shown the same way while focused, so that focusing does not change the text (and lose the selection).
  const shown = draft ?? (format ? format(value) : value);

  const commit = (text: string) => {
    if (draft === null) return;
    const message = text === value ? null : onCommit(text);
    if (message) {
      setProblem(message);
      setDraft(text);
    } else {
      setProblem(null);
      setDraft(null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    // An input method's Enter chooses a candidate; it is not ours.
    if (event.nativeEvent.isComposing || event.key === 'Process') return;
    if (event.key === 'Escape' && (draft !== null || problem !== null)) {
      event.preventDefault();
      setDraft(null);
      setProblem(null);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit(event.currentTarget.value);
    }
  };

  const common = {
    'aria-label': label,
    title: multiline ? `${label}（Ctrl+Enter 或离开此栏时保存）` : label,
    value: shown,
    placeholder,
    'aria-invalid': problem !== null,
    'aria-describedby': problem ? problemId : undefined,
    'data-part': part,
    className: ['text-field', className ?? '', highlighted ? 'followed' : ''].join(' ').trim(),
    onChange: (e: { currentTarget: { value: string } }) => setDraft(e.currentTarget.value),
    onBlur: (e: { currentTarget: { value: string } }) => commit(e.currentTarget.value),
    onKeyDown,
  };

  return (
    <>
      {multiline ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} />
      )}
      {problem && (
        <span id={problemId} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
