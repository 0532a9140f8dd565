/**
 * Applying an edit of shared/declarations to the open document, from the document as it is now.
 */
import type { BudgetDocument } from '../../../shared/document/schema';
import type { DeclarationEdit } from '../../../shared/declarations/edit';
import { useWorkbench } from '../store/workbench';

/** The document as it is now (edits start from it, not from a render's props). */
function currentDoc(): BudgetDocument | null {
  return useWorkbench.getState().editor?.doc ?? null;
}

/**
 * Makes an edit of the current document and records it as one step labelled `label`. Returns the edit's
 * message when it is refused (the caller shows it), null when done.
 */
export function applyEdit(label: string, edit: (doc: BudgetDocument) => DeclarationEdit): string | null {
  const doc = currentDoc();
  if (!doc) return '没有打开的文件';
  const result = edit(doc);
  if (!result.ok) return result.message;
  useWorkbench.getState().replaceDocument(label, result.doc, result.change);
  return null;
}

/** applyEdit, with a refusal shown in the status bar. */
export function applyOrNotify(label: string, edit: (doc: BudgetDocument) => DeclarationEdit): boolean {
  const message = applyEdit(label, edit);
  if (message) useWorkbench.getState().notify({ kind: 'error', text: message });
  return message === null;
}
