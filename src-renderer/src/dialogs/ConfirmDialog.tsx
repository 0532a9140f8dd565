/**
 * Asks before something with money in it is removed. Enter confirms, Esc cancels; the focus starts on
 * 取消 so that a stray Enter loses nothing.
 */
import { useEffect, useRef } from 'react';
import { useWorkbench } from '../store/workbench';

export function ConfirmDialog() {
  const confirmation = useWorkbench((s) => s.confirmation);
  const ask = useWorkbench((s) => s.ask);
  const focusGrid = useWorkbench((s) => s.focusGrid);
  const close = () => {
    ask(null);
    focusGrid();
  };
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), [confirmation]);
  if (!confirmation) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-label="请确认"
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
      >
        <p>{confirmation.message}</p>
        <div className="modal-buttons">
          <button
            type="button"
            className="danger"
            onClick={() => {
              close();
              confirmation.onConfirm();
            }}
          >
            {confirmation.action}
          </button>
          <button type="button" ref={cancelRef} onClick={close}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}
