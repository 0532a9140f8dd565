/**
 * The main screen: the outline on the left, the current part in the middle (a form in its official
 * layout, or the narrative), the findings on the right, the status bar below.
 */
import { useEffect } from 'react';
import { isFormId, type FormId } from '../../shared/forms/types';
import { documentTitle } from '../../shared/document/naming';
import type { BudgetDocument } from '../../shared/document/schema';
import type { SectionId } from '../../shared/editing/outline';
import { loadInitialDocument, useDesktopIntegration } from './desktop';
import { ConfirmDialog } from './dialogs/ConfirmDialog';
import { FollowContext } from './fields/Field';
import { FindingsPanel } from './findings/FindingsPanel';
import { FormActions } from './grid/FormActions';
import { FormGridView } from './grid/FormGrid';
import { NarrativeView } from './narrative/NarrativeView';
import { Outline } from './outline/Outline';
import { PerformanceView } from './performance/PerformanceView';
import { GlossaryView } from './sections/GlossaryView';
import { OverviewView } from './sections/OverviewView';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useWorkbench } from './store/workbench';

const ASSETS = ['assets'] as const;

/** The parts of the outline that are not tables. */
function SectionView({
  section,
  doc,
  highlighted,
}: {
  section: Exclude<SectionId, FormId>;
  doc: BudgetDocument;
  highlighted: ReadonlySet<string> | null;
}) {
  switch (section) {
    case 'overview':
      return <OverviewView doc={doc} highlighted={highlighted} />;
    case 'narrative':
      return <NarrativeView doc={doc} highlighted={highlighted} />;
    case 'performance':
      return <PerformanceView doc={doc} highlighted={highlighted} />;
    case 'assets':
      return <NarrativeView doc={doc} highlighted={highlighted} only={ASSETS} title="国有资产占有使用情况" />;
    case 'glossary':
      return <GlossaryView doc={doc} highlighted={highlighted} />;
  }
}

export function App() {
  const state = useWorkbench();
  const { status, editor, section, findings, checking } = state;

  useDesktopIntegration();
  useEffect(() => {
    void loadInitialDocument();
  }, []);

  // Ctrl+Z / Ctrl+Y outside the grid and outside text boxes (the grid handles its own).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        const { undo, redo } = useWorkbench.getState();
        if (key === 'y' || event.shiftKey) redo();
        else undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (status === 'loading') return <p className="status">正在打开…</p>;
  if (status === 'failed' || !editor) return <p className="status error">{state.failure}</p>;
  const doc = editor.doc;
  const evaluator = editor.session.evaluator;
  const followedKeys = state.followed?.keys ?? null;

  return (
    <div className="app">
      <Toolbar />
      <Outline title={documentTitle(doc)} findings={findings} section={section} onShow={state.showSection} />
      <main className="content">
        <FollowContext.Provider value={followedKeys}>
          {isFormId(section) ? (
            <>
              <FormActions doc={doc} grid={evaluator.grid(section)} row={state.selection.focus.row} />
              <FormGridView
                grid={evaluator.grid(section)}
                selection={state.selection}
                highlighted={followedKeys}
                focusToken={state.gridFocus}
                describe={(ref) => evaluator.describe(ref)}
                onSelect={state.select}
                onAmounts={state.setAmounts}
                onProblem={(text) => state.notify({ kind: 'error', text })}
                onUndo={state.undo}
                onRedo={state.redo}
              />
            </>
          ) : (
            <SectionView section={section} doc={doc} highlighted={followedKeys} />
          )}
        </FollowContext.Provider>
      </main>
      <FindingsPanel
        doc={doc}
        findings={findings}
        checking={checking}
        followed={state.followed}
        onFollow={state.follow}
      />
      <StatusBar findings={findings} checking={checking} />
      <ConfirmDialog />
    </div>
  );
}
