/**
 * 绩效目标: the list of declarations on the left — the 部门（单位）整体 declaration, then one per project of
 * 表12 (and 表13), marked when it has none yet — and the chosen one on the right in the printed layout.
 *
 * Every change goes through shared/declarations/edit.ts and the workbench's replaceDocument, so it is
 * checked at once and undone with Ctrl+Z. A followed finding's fields are highlighted, and its declaration
 * is opened and scrolled to; a step undone elsewhere in the list opens the declaration it changed.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  changedDeclarations,
  createAllDeclarations,
  createDeclaration,
  declarationList,
  declarationsToCreate,
  type DeclarationOwner,
} from '../../../shared/declarations/edit';
import { DECLARATION_TITLES, declarationYearLine } from '../../../shared/declarations/form';
import type { BudgetDocument, Project } from '../../../shared/document/schema';
import { countsByDeclaration, type SectionCounts } from '../../../shared/editing/outline';
import { useWorkbench } from '../store/workbench';
import { CopyPanel } from './CopyPanel';
import { FollowContext, useFollowed } from '../fields/Field';
import { applyOrNotify } from './fields';
import { useIndicatorLibrary } from './libraryStore';
import { OverallForm } from './OverallForm';
import { ProjectForm } from './ProjectForm';
import './performance.css';

const OVERALL = 'overall';
const OVERALL_TITLE = DECLARATION_TITLES.overall;

/** 'overall' or 'project:<id>'. */
type Choice = string;

const projectChoice = (id: string): Choice => `project:${id}`;
const choiceOfOwner = (owner: DeclarationOwner): Choice =>
  owner.kind === 'overall' ? OVERALL : projectChoice(owner.projectId);

/** A project's entry in the list: one line (a long name is cut, its whole name in the tooltip). */
const ENTRY_HEIGHT = 28;

/** The declaration a followed finding is about: the first of its fields that lies in one. */
function choiceOf(keys: ReadonlySet<string> | null): Choice | null {
  if (!keys) return null;
  for (const key of keys) {
    const project = /^field:projects\.(.+?)\.declaration(?:\.|$)/.exec(key)?.[1];
    if (project) return projectChoice(project);
    if (key === 'field:performance' || key.startsWith('field:performance.')) return OVERALL;
  }
  return null;
}

/** The declaration last shown, so that coming back to 绩效目标 shows it again. */
let remembered: Choice | null = null;
/** The stored library's problem is told once a session. */
let libraryProblemTold = false;

export function PerformanceView({
  doc,
  highlighted,
}: {
  doc: BudgetDocument;
  highlighted: ReadonlySet<string> | null;
}) {
  const [choice, setChoice] = useState<Choice>(() => choiceOf(highlighted) ?? remembered ?? OVERALL);
  /** The declaration to scroll to the highlighted field of, once it is shown. */
  const scrollTo = useRef<Choice | null>(choiceOf(highlighted));
  const seenHighlight = useRef(highlighted);
  const seenDoc = useRef(doc);
  const choiceRef = useRef(choice);
  const mainRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const library = useIndicatorLibrary();
  const findings = useWorkbench((s) => s.findings);
  const counts = useMemo(() => countsByDeclaration(findings), [findings]);

  const projects = useMemo(() => declarationList(doc), [doc]);
  const missing = useMemo(() => declarationsToCreate(doc), [doc]);
  const chosenProject = choice.startsWith('project:')
    ? projects.find((p) => projectChoice(p.id) === choice)
    : undefined;
  // A project no longer listed (removed from 表12) falls back to the 整体 declaration.
  const shown: Choice = chosenProject ? choice : OVERALL;

  useEffect(() => {
    choiceRef.current = shown;
    remembered = shown;
  }, [shown]);

  // A finding followed while this view is open: show its declaration.
  useEffect(() => {
    if (seenHighlight.current === highlighted) return;
    seenHighlight.current = highlighted;
    const target = choiceOf(highlighted);
    if (target) {
      scrollTo.current = target;
      setChoice(target);
    }
  }, [highlighted]);

  // A step undone or redone in another declaration than the one shown: show that one.
  useEffect(() => {
    const before = seenDoc.current;
    seenDoc.current = doc;
    if (before === doc) return;
    const changed = changedDeclarations(before, doc).map(choiceOfOwner);
    const only = changed.length === 1 ? changed[0] : undefined;
    if (only && only !== choiceRef.current) setChoice(only);
  }, [doc]);

  // Scroll the followed field (or the declaration) into view, once its declaration is shown.
  useEffect(() => {
    if (scrollTo.current === null || scrollTo.current !== shown) return;
    scrollTo.current = null;
    mainRef.current?.querySelector('.followed')?.scrollIntoView({ block: 'center' });
  });

  // Only the projects in sight are made: a large department lists a thousand and more.
  const virtualizer = useVirtualizer({
    count: projects.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ENTRY_HEIGHT,
    overscan: 10,
  });

  // Keep the chosen entry of the list in sight (the 整体 one always is).
  useEffect(() => {
    const index = projects.findIndex((p) => projectChoice(p.id) === shown);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only when the choice changes, not when the list does.
  }, [shown]);

  useEffect(() => {
    if (library.problem && !libraryProblemTold) {
      libraryProblemTold = true;
      useWorkbench.getState().notify({ kind: 'error', text: library.problem });
    }
  }, [library.problem]);

  const choose = (next: Choice) => {
    setChoice(next);
    mainRef.current?.scrollTo({ top: 0 });
  };

  return (
    <FollowContext.Provider value={highlighted}>
      <div className="perf">
        <nav className="perf-list" aria-label="申报表列表">
          <div className="perf-list-head">
            <span>
              已编制 {projects.length - missing.length} / {projects.length} 个项目
            </span>
            {missing.length >= 2 && (
              <button
                type="button"
                onClick={() => applyOrNotify(`为 ${missing.length} 个项目创建申报表`, createAllDeclarations)}
                title={`为还没有申报表的 ${missing.length} 个项目各创建一张`}
              >
                为全部项目创建申报表
              </button>
            )}
          </div>
          <button
            type="button"
            className="perf-entry overall"
            aria-current={shown === OVERALL}
            aria-label={OVERALL_TITLE}
            onClick={() => choose(OVERALL)}
          >
            <span className="perf-entry-name">{OVERALL_TITLE}</span>
            <Badges counts={counts.get(OVERALL)} />
          </button>
          <ul className="perf-projects" ref={listRef}>
            <li className="perf-spacer" style={{ height: virtualizer.getTotalSize() }} aria-hidden="true" />
            {virtualizer.getVirtualItems().map((item) => {
              const project = projects[item.index];
              if (!project) return null;
              return (
                <li
                  key={project.id}
                  className="perf-project"
                  style={{ transform: `translateY(${item.start}px)`, height: ENTRY_HEIGHT }}
                >
                  <button
                    type="button"
                    className={`perf-entry${project.declaration ? '' : ' missing'}`}
                    aria-current={shown === projectChoice(project.id)}
                    aria-label={project.declaration ? project.name : `${project.name}（未编制）`}
                    title={project.name}
                    onClick={() => choose(projectChoice(project.id))}
                  >
                    <span className="perf-entry-name">{project.name}</span>
                    {!project.declaration && <span className="perf-entry-state">未编制</span>}
                    <Badges counts={counts.get(project.id)} />
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="perf-main" ref={mainRef}>
          {chosenProject ? (
            chosenProject.declaration ? (
              <ProjectForm
                key={chosenProject.id}
                doc={doc}
                project={chosenProject}
                declaration={chosenProject.declaration}
              />
            ) : (
              <NoDeclaration key={chosenProject.id} doc={doc} project={chosenProject} />
            )
          ) : (
            <OverallForm doc={doc} />
          )}
        </div>
      </div>
    </FollowContext.Provider>
  );
}

/** A declaration's 错误 / 提示 counts, as the outline shows a part's. */
function Badges({ counts }: { counts: SectionCounts | undefined }) {
  if (!counts) return null;
  return (
    <>
      {counts.errors > 0 && (
        <span className="badge error" title={`错误 ${counts.errors} 项`}>
          {counts.errors}
        </span>
      )}
      {counts.advisories > 0 && (
        <span className="badge advisory" title={`提示 ${counts.advisories} 项`}>
          {counts.advisories}
        </span>
      )}
    </>
  );
}

function NoDeclaration({ doc, project }: { doc: BudgetDocument; project: Project }) {
  const followed = useFollowed(`projects.${project.id}.declaration`);
  return (
    <section
      className={`perf-decl perf-empty${followed ? ' followed' : ''}`}
      aria-label={`项目“${project.name}”绩效目标申报表`}
    >
      <header className="perf-decl-head">
        <h2>{DECLARATION_TITLES.project}</h2>
        <p className="perf-year">{declarationYearLine(doc.year)}</p>
      </header>
      <p>
        项目“{project.name}”还没有绩效目标申报表。表12、表13 所列项目都应编报；新建的申报表按表12
        金额填好资金（元）， 并带有产出、效益、满意度、成本各项指标的空行。
      </p>
      <div className="perf-decl-tools">
        <button
          type="button"
          className="perf-primary"
          onClick={() =>
            applyOrNotify(`创建 项目“${project.name}”申报表`, (d) => createDeclaration(d, project.id))
          }
        >
          创建申报表
        </button>
        <CopyPanel doc={doc} project={project} />
      </div>
    </section>
  );
}
