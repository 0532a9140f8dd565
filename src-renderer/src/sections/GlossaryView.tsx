/**
 * 名词解释: the terms printed at the end of the published budget, editable, added and removed.
 */
import type { BudgetDocument } from '../../../shared/document/schema';
import {
  addGlossaryEntry,
  removeGlossaryEntry,
  setGlossaryEntry,
  type TextEdit,
} from '../../../shared/document/texts';
import { useWorkbench } from '../store/workbench';
import { Field } from '../fields/Field';

function apply(label: string, edit: TextEdit): null {
  useWorkbench.getState().replaceDocument(label, edit.doc, edit.change);
  return null;
}

export function GlossaryView({
  doc,
  highlighted,
}: {
  doc: BudgetDocument;
  highlighted: ReadonlySet<string> | null;
}) {
  return (
    <article className="glossary" aria-label="名词解释">
      <h2>名词解释</h2>
      <ol className={highlighted?.has('field:glossary') === true ? 'followed' : undefined}>
        {doc.glossary.map((entry, i) => (
          <li key={i}>
            <Field
              className="boxed"
              label={`名词 ${i + 1}`}
              value={entry.term}
              onCommit={(term) => apply(`修改名词 ${term}`, setGlossaryEntry(doc, i, { term: term.trim() }))}
            />
            <Field
              className="boxed"
              label={`解释 ${i + 1}`}
              value={entry.definition}
              multiline
              rows={2}
              onCommit={(definition) =>
                apply(`修改名词解释 ${entry.term}`, setGlossaryEntry(doc, i, { definition }))
              }
            />
            <button
              type="button"
              onClick={() => apply(`删除名词 ${entry.term}`, removeGlossaryEntry(doc, i))}
            >
              删除
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => apply('添加名词', addGlossaryEntry(doc))}>
        添加名词
      </button>
    </article>
  );
}
