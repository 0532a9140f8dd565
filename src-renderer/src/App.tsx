/**
 * The main screen: the outline of the thirteen tables on the left, the chosen table in the middle.
 */
import { useEffect, useState } from 'react';
import { parseDocument } from '../../shared/document/file';
import type { BudgetDocument } from '../../shared/document/schema';
import { computeForm } from '../../shared/forms/engine';
import { FORM_IDS, type FormId } from '../../shared/forms/types';
import { FORM_DEFINITIONS } from '../../shared/forms/definitions';
import { bridge } from './bridge';
import { FormTable } from './FormTable';

type LoadState =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; doc: BudgetDocument };

export function App() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [formId, setFormId] = useState<FormId>('T1');

  useEffect(() => {
    bridge()
      .openInitialDocument()
      .then((opened) => {
        const result = parseDocument(opened.text);
        setState(
          result.ok
            ? { status: 'ready', doc: result.document }
            : { status: 'failed', message: result.summary },
        );
      })
      .catch((error: unknown) => {
        setState({
          status: 'failed',
          message: `无法打开文件：${error instanceof Error ? error.message : String(error)}`,
        });
      });
  }, []);

  if (state.status === 'loading') return <p className="status">正在打开…</p>;
  if (state.status === 'failed') return <p className="status error">{state.message}</p>;
  const { doc } = state;
  return (
    <div className="app">
      <nav className="outline" aria-label="报表目录">
        <div className="department">
          {doc.department.name}
          <br />
          {doc.year}年部门预算
        </div>
        <ul>
          {FORM_IDS.map((id) => (
            <li key={id}>
              <button type="button" aria-current={id === formId} onClick={() => setFormId(id)}>
                表{FORM_DEFINITIONS[id].number} {FORM_DEFINITIONS[id].titleSuffix}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        <FormTable grid={computeForm(doc, formId)} />
      </main>
    </div>
  );
}
