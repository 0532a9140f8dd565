/**
 * The toolbar: save, undo / redo (with what they would undo), export, print. The actions are the
 * menu's (desktop.ts), through the bridge: the main process in Electron, downloads and browser storage
 * in a plain browser.
 */
import { exportDocument, printDocument, saveDocument } from './desktop';
import { useWorkbench } from './store/workbench';

export function Toolbar() {
  const editor = useWorkbench((s) => s.editor);
  useWorkbench((s) => s.version);
  const { undo, redo } = useWorkbench.getState();
  if (!editor) return null;
  return (
    <div className="toolbar" role="toolbar" aria-label="工具栏">
      <button type="button" onClick={() => void saveDocument()} title="保存（Ctrl+S）">
        保存
      </button>
      <button
        type="button"
        onClick={undo}
        disabled={!editor.canUndo}
        title={editor.undoLabel ? `撤销：${editor.undoLabel}（Ctrl+Z）` : '撤销（Ctrl+Z）'}
      >
        撤销
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!editor.canRedo}
        title={editor.redoLabel ? `重做：${editor.redoLabel}（Ctrl+Y）` : '重做（Ctrl+Y）'}
      >
        重做
      </button>
      <button type="button" onClick={() => void exportDocument('xlsx')}>
        导出 Excel
      </button>
      <button type="button" onClick={() => void exportDocument('pdf')}>
        导出 PDF
      </button>
      <button type="button" onClick={() => void printDocument()} title="打印（Ctrl+P）">
        打印
      </button>
    </div>
  );
}
