/**
 * 县级预算部门（单位）项目支出绩效目标申报表 of one project, laid out as it is printed (shared/pdf/declarations.ts):
 * 项目名称, 主管部门, 实施单位, 项目属性 and 项目期; the funding in 元 (实施期 and 年度 side by side); the five texts;
 * the 实施期 and 年度 goals; the two indicator grids; then 负责人, 经办人, 联系电话, 填报日期.
 */
import {
  setDeclarationFunding,
  setDeclarationText,
  setGoals,
  type ProjectIndicatorList,
  type ProjectTextField,
} from '../../../shared/declarations/edit';
import {
  DECLARATION_TITLES,
  declarationYearLine,
  FUNDING_LABELS,
  FUNDING_PARTS,
  FUNDING_SIDES,
  PROJECT_LABELS as L,
  PROJECT_TEXTS,
  SIGNATURES,
  signatureLabel,
} from '../../../shared/declarations/form';
import type { BudgetDocument, Project, ProjectDeclaration } from '../../../shared/document/schema';
import { linesOf } from '../../../shared/document/texts';
import { CopyPanel } from './CopyPanel';
import { Field, useFollowed, useFollowedUnder } from '../fields/Field';
import { applyEdit } from './fields';
import { IndicatorGrid } from './IndicatorGrid';

/** The funding rows: the total, then its parts as the form prints them. */
const FUNDING_ROWS = [['total', FUNDING_LABELS.total] as const, ...FUNDING_PARTS];

const PERIODS = FUNDING_SIDES.map((side) => [side.field, side.period] as const);

const GOALS = [
  ['implementation', 'implementationGoals', L.implementationGoals],
  ['annual', 'annualGoals', L.annualGoals],
] as const;

const GRIDS = [
  ['implementation', 'implementationIndicators', '实施期绩效指标'],
  ['annual', 'annualIndicators', '年度绩效指标'],
] as const;

/** 383000 → 383,000 (a whole number of 元); anything else as stored. */
function formatYuan(value: string): string {
  return /^\d+$/.test(value) ? value.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : value;
}

export function ProjectForm({
  doc,
  project,
  declaration: d,
}: {
  doc: BudgetDocument;
  project: Project;
  declaration: ProjectDeclaration;
}) {
  const owner = { kind: 'project', projectId: project.id } as const;
  const ownerLabel = `项目“${project.name}”申报表`;
  const base = `projects.${project.id}.declaration`;
  const followed = useFollowed(base);
  const unit = doc.units.find((u) => u.id === project.unitId)?.name ?? '';

  const text = (field: ProjectTextField, label: string, multiline = false) => (
    <Field
      label={label}
      value={d[field]}
      path={`${base}.${field}`}
      multiline={multiline}
      rows={multiline ? 3 : undefined}
      onCommit={(value) =>
        applyEdit(`修改 ${ownerLabel} ${label}`, (current) =>
          setDeclarationText(current, owner, field, value),
        )
      }
    />
  );

  return (
    <section
      className={`perf-decl${followed ? ' followed' : ''}`}
      aria-label={`项目“${project.name}”绩效目标申报表`}
    >
      <header className="perf-decl-head">
        <h2>{DECLARATION_TITLES.project}</h2>
        <p className="perf-year">{declarationYearLine(doc.year)}</p>
        <div className="perf-decl-tools">
          <CopyPanel doc={doc} project={project} />
        </div>
      </header>
      <table className="perf-form">
        <colgroup>
          <col className="perf-col-label" />
          <col />
          <col className="perf-col-label" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th scope="row">{L.name}</th>
            <td colSpan={3} className="perf-readonly" aria-label={L.name}>
              {project.name}
            </td>
          </tr>
          <tr>
            <th scope="row">{L.department}</th>
            <td className="perf-readonly">{`${doc.department.code}-${doc.department.name}`}</td>
            <th scope="row">{L.unit}</th>
            <td className="perf-readonly">{unit}</td>
          </tr>
          <tr>
            <th scope="row">{L.attribute}</th>
            <td>{text('attribute', L.attribute)}</td>
            <th scope="row">{L.period}</th>
            <td>{text('period', L.period)}</td>
          </tr>
          <tr>
            <th scope="row">{L.funding}</th>
            <td colSpan={3} className="perf-funding-cell">
              <table className="perf-funding" aria-label={L.funding}>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="perf-sr">资金来源</span>
                    </th>
                    {PERIODS.map(([period, periodLabel]) => (
                      <th key={period} scope="col">
                        {periodLabel}资金
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {FUNDING_ROWS.map(([field, rowLabel]) => (
                    <tr key={field}>
                      <th scope="row">{rowLabel}</th>
                      {PERIODS.map(([period, periodLabel]) => (
                        <td key={period} className="perf-amount">
                          <Field
                            label={`${periodLabel}${FUNDING_LABELS[field]}`}
                            value={d[period][field]}
                            path={`${base}.${period}.${field}`}
                            format={formatYuan}
                            inputMode="numeric"
                            onCommit={(value) =>
                              applyEdit(
                                `修改 ${ownerLabel} ${periodLabel}${FUNDING_LABELS[field]}`,
                                (current) => setDeclarationFunding(current, project.id, period, field, value),
                              )
                            }
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </td>
          </tr>
          {PROJECT_TEXTS.map(([field, label]) => (
            <tr key={field}>
              <th scope="row">{label}</th>
              <td colSpan={3}>{text(field, label, true)}</td>
            </tr>
          ))}
          {GOALS.map(([list, key, label]) => (
            <GoalsRow
              key={list}
              label={label}
              goals={d[key]}
              path={`${base}.${key}`}
              onCommit={(value) =>
                applyEdit(`修改 ${ownerLabel} ${label}`, (current) =>
                  setGoals(current, project.id, list satisfies ProjectIndicatorList, linesOf(value)),
                )
              }
            />
          ))}
        </tbody>
      </table>
      {GRIDS.map(([list, key, title]) => (
        <IndicatorGrid
          key={list}
          owner={owner}
          ownerLabel={ownerLabel}
          list={list}
          title={title}
          rows={d[key]}
          path={`${base}.${key}`}
        />
      ))}
      <div className="perf-signatures">
        {SIGNATURES.map(([field, label]) => (
          <label key={field}>
            <span>{signatureLabel(label)}</span>
            {text(field, label)}
          </label>
        ))}
      </div>
    </section>
  );
}

function GoalsRow({
  label,
  goals,
  path,
  onCommit,
}: {
  label: string;
  goals: readonly string[];
  path: string;
  onCommit: (text: string) => string | null;
}) {
  const followed = useFollowedUnder(path);
  return (
    <tr>
      <th scope="row">
        {label}
        <span className="perf-hint">每行一个目标</span>
      </th>
      <td colSpan={3}>
        <Field
          label={label}
          value={goals.join('\n')}
          multiline
          rows={Math.max(2, goals.length + 1)}
          followed={followed}
          onCommit={onCommit}
        />
      </td>
    </tr>
  );
}
