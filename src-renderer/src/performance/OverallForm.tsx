/**
 * 部门（单位）整体支出绩效目标申报表, laid out as it is printed: the unit's particulars, 人员编制数 and 实有人数,
 * 单位职能, the year's income and expenditure (万元, from 表1 and 表3: shown, not typed), the overall target
 * and its indicator grid.
 */
import { useMemo } from 'react';
import {
  setDeclarationText,
  setOverallCount,
  type OverallCountField,
  type OverallTextField,
} from '../../../shared/declarations/edit';
import {
  DECLARATION_TITLES,
  declarationYearLine,
  EXPENDITURE_COLUMNS,
  INCOME_COLUMNS,
  OVERALL_LABELS,
  overallBudget,
} from '../../../shared/declarations/form';
import type { BudgetDocument } from '../../../shared/document/schema';
import { formatGrouped, type Decimal } from '../../../shared/money';
import { Field, useFollowed } from '../fields/Field';
import { applyEdit } from './fields';
import { IndicatorGrid } from './IndicatorGrid';

/** The form's labels (shared with the PDF and the workbook). */
const L = OVERALL_LABELS;
const OWNER = { kind: 'overall' } as const;
const OWNER_LABEL = '部门整体支出绩效目标申报表';
const BASE = 'performance.overall';

const wan = (value: Decimal | null) => (value === null ? '' : formatGrouped(value));

export function OverallForm({ doc }: { doc: BudgetDocument }) {
  const o = doc.performance.overall;
  const followed = useFollowed(BASE);
  const figures = useMemo(() => overallBudget(doc), [doc]);

  const text = (field: OverallTextField, label: string, multiline = false) => (
    <Field
      label={label}
      value={o[field]}
      path={`${BASE}.${field}`}
      multiline={multiline}
      rows={multiline ? 4 : undefined}
      onCommit={(value) =>
        applyEdit(`修改 ${OWNER_LABEL} ${label}`, (current) =>
          setDeclarationText(current, OWNER, field, value),
        )
      }
    />
  );

  const count = (field: OverallCountField, label: string) => (
    <Field
      label={label}
      value={o[field]}
      path={`${BASE}.${field}`}
      inputMode="numeric"
      onCommit={(value) =>
        applyEdit(`修改 ${OWNER_LABEL} ${label}`, (current) => setOverallCount(current, field, value))
      }
    />
  );

  return (
    <section className={`perf-decl${followed ? ' followed' : ''}`} aria-label={OWNER_LABEL}>
      <header className="perf-decl-head">
        <h2>{DECLARATION_TITLES.overall}</h2>
        <p className="perf-year">{declarationYearLine(doc.year)}</p>
        <p className="perf-filler">
          {L.filler}
          {doc.department.name}
        </p>
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
            <th scope="row">{L.unitName}</th>
            <td colSpan={3}>{text('unitName', L.unitName)}</td>
          </tr>
          <tr>
            <th scope="row">{L.address}</th>
            <td colSpan={3}>{text('address', L.address)}</td>
          </tr>
          <tr>
            <th scope="row">{L.contact}</th>
            <td>{text('contact', '联系人')}</td>
            <th scope="row">{L.phone}</th>
            <td>{text('phone', L.phone)}</td>
          </tr>
          <tr>
            <th scope="row">{L.staffQuota}</th>
            <td>{count('staffQuota', L.staffQuota)}</td>
            <th scope="row">{L.staffActual}</th>
            <td>{count('staffActual', L.staffActual)}</td>
          </tr>
          <tr>
            <th scope="row">{L.functions}</th>
            <td colSpan={3}>{text('functions', L.functions, true)}</td>
          </tr>
          <tr>
            <th scope="row">{L.income}</th>
            <td colSpan={3} className="perf-readonly" title="由表1计算">
              <Figures labels={INCOME_COLUMNS} values={figures.income.map(wan)} caption={L.income} />
            </td>
          </tr>
          <tr>
            <th scope="row">{L.expenditure}</th>
            <td colSpan={3} className="perf-readonly" title="由表3计算">
              <Figures
                labels={EXPENDITURE_COLUMNS}
                values={figures.expenditure.map(wan)}
                caption={L.expenditure}
              />
            </td>
          </tr>
          <tr>
            <th scope="row">{L.target}</th>
            <td colSpan={3}>{text('target', L.target, true)}</td>
          </tr>
        </tbody>
      </table>
      <IndicatorGrid
        owner={OWNER}
        ownerLabel={OWNER_LABEL}
        list="indicators"
        title={L.indicators}
        rows={o.indicators}
        path={`${BASE}.indicators`}
      />
    </section>
  );
}

function Figures({
  labels,
  values,
  caption,
}: {
  labels: readonly string[];
  values: readonly string[];
  caption: string;
}) {
  return (
    <table className="perf-figures" aria-label={caption}>
      <thead>
        <tr>
          {labels.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {values.map((value, i) => (
            <td key={labels[i]}>{value}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
