/**
 * The toolbar: save, undo / redo (with what they would undo), export. Saving and exporting go through
 * the bridge: the main process in Electron, downloads and browser storage in a plain browser.
 */
import { serializeDocument } from '../../shared/document/file';
import type { ExportKind } from '../../shared/ipc';
import { bridge } from './bridge';
import { useWorkbench } from './store/workbench';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function Toolbar() {
  const editor = useWorkbench((s) => s.editor);
  useWorkbench((s) => s.version);
  const path = useWorkbench((s) => s.path);
  const { undo, redo, notify, markSaved } = useWorkbench.getState();
  if (!editor) return null;
  const doc = editor.doc;
  const fileName = `${doc.department.name}${doc.year}年部门预算`;

  const save = async () => {
    try {
      const result = await bridge().saveDocument({
        text: serializeDocument(doc),
        path,
        suggestedName: `${fileName}.json`,
      });
      if (result.saved) {
        markSaved(result.path);
        notify({ kind: 'info', text: `已保存：${result.path}` });
      }
    } catch (error) {
      notify({ kind: 'error', text: `保存失败，原文件未被改动：${errorText(error)}` });
    }
  };

  const exportAs = async (kind: ExportKind) => {
    notify({ kind: 'info', text: kind === 'xlsx' ? '正在导出 Excel…' : '正在导出 PDF…' });
    try {
      const result = await bridge().exportDocument({
        kind,
        text: serializeDocument(doc),
        suggestedName: `${fileName}.${kind}`,
      });
      if (result.exported) notify({ kind: 'info', text: `已导出：${result.path}` });
      else notify(null);
    } catch (error) {
      notify({ kind: 'error', text: `导出失败：${errorText(error)}` });
    }
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="工具栏">
      <button type="button" onClick={() => void save()} title="保存（Ctrl+S）">
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
      <button type="button" onClick={() => void exportAs('xlsx')}>
        导出 Excel
      </button>
      <button type="button" onClick={() => void exportAs('pdf')}>
        导出 PDF
      </button>
    </div>
  );
}
