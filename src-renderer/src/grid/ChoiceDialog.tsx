/**
 * A choice among a few things, above the form (添加单位 on 表11, the 政府经济科目 of a 表6 row): the
 * first choice takes the keyboard (Enter picks it, Tab goes down the list), the list scrolls when long,
 * Esc or 取消 closes.
 */
import type { ReactNode } from 'react';

export interface Choice {
  readonly key: string;
  readonly label: string;
  readonly onChoose: () => void;
}

export function ChoiceDialog({
  title,
  listLabel,
  children,
  choices,
  onClose,
}: {
  /** The dialog's accessible name. */
  readonly title: string;
  readonly listLabel: string;
  /** What is asked. */
  readonly children: ReactNode;
  readonly choices: readonly Choice[];
  readonly onClose: () => void;
}) {
  return (
    <div
      className="picker"
      role="dialog"
      aria-label={title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p>{children}</p>
      <ul className="picker-options" aria-label={listLabel}>
        {choices.map((choice, i) => (
          <li key={choice.key}>
            <button type="button" autoFocus={i === 0} onClick={choice.onChoose}>
              {choice.label}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        取消
      </button>
    </div>
  );
}
