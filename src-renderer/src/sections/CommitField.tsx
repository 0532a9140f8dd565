/**
 * A text box that keeps what the user typed locally and commits it on leaving the box or on Enter
 * (Ctrl+Enter in a multi-line box) — one undo step per edit, not per keystroke. Esc restores the stored
 * text. Nothing is committed in the middle of an IME composition.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';

export interface CommitFieldProps {
  readonly label: string;
  readonly value: string;
  readonly multiline?: boolean;
  readonly rows?: number;
  readonly placeholder?: string;
  readonly highlighted?: boolean;
  /** Returns a message when the text is refused (the box keeps it), or null when it was taken. */
  readonly onCommit: (text: string) => string | null;
}

export function CommitField({
  label,
  value,
  multiline,
  rows,
  placeholder,
  highlighted,
  onCommit,
}: CommitFieldProps) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);

  const commit = () => {
    if (text === value) return;
    setProblem(onCommit(text));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      setText(value);
      setProblem(null);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey)) {
      event.preventDefault();
      commit();
    }
  };
  const common = {
    'aria-label': label,
    'aria-invalid': problem !== null,
    className: highlighted ? 'followed' : undefined,
    value: text,
    placeholder,
    onKeyDown,
    onBlur: commit,
  };
  return (
    <span className="commit-field">
      {multiline ? (
        <textarea rows={rows ?? 3} {...common} onChange={(e) => setText(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => setText(e.target.value)} />
      )}
      {problem && (
        <span className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
