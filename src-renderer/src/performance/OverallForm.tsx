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
import type { BudgetDocument } from '../../../shared/document/schema';
import { formsOf } from '../../../shared/forms/engine';
import { formatGrouped, sum, type Decimal } from '../../../shared/money';
import { Field, useFollowed } from '../fields/Field';
import { applyEdit } from './fields';
import { IndicatorGrid } from './IndicatorGrid';

const OWNER = { kind: 'overall' } as const;
const OWNER_LABEL = '部门整体支出绩效目标申报表';
const BASE = 'performance.overall';

const INCOME = ['收入合计', '公共财政拨款', '政府性基金拨款', '国有资本经营预算拨款', '其他拨款'] as const;
const EXPENDITURE = ['支出合计', '基本支出', '项目支出'] as const;

const wan = (value: Decimal | null) => (value === null ? '' : formatGrouped(value));

/** The form's income and expenditure, as the PDF computes them (其他拨款: 财政专户, 单位资金 and 上年结转). */
function budgetFigures(doc: BudgetDocument): { income: string[]; expenditure: string[] } {
  const forms = formsOf(doc);
  const t1 = (row: string) => forms.value({ form: 'T1', row, column: 'income' });
  const others = [t1('income:specialAccount'), t1('income:unitFunds'), t1('income:carryOver')].filter(
    (value): value is Decimal => value !== null,
  );
  const t3 = (column: string) => forms.value({ form: 'T3', row: 'total', column });
  return {
    income: [
      wan(t1('income:total')),
      wan(t1('income:generalBudget')),
      wan(t1('income:governmentFund')),
      wan(t1('income:stateCapital')),
      wan(others.length === 0 ? null : sum(others)),
    ],
    expenditure: [wan(t3('total')), wan(t3('basic')), wan(t3('project'))],
  };
}

export function OverallForm({ doc }: { doc: BudgetDocument }) {
  const o = doc.performance.overall;
  const followed = useFollowed(BASE);
  const figures = useMemo(() => budgetFigures(doc), [doc]);

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
        <h2>部门（单位）整体支出绩效目标申报表</h2>
        <p className="perf-year">（{doc.year}年度）</p>
        <p className="perf-filler">填报单位（盖章）：{doc.department.name}</p>
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
            <th scope="row">单位名称</th>
            <td colSpan={3}>{text('unitName', '单位名称')}</td>
          </tr>
          <tr>
            <th scope="row">通讯地址</th>
            <td colSpan={3}>{text('address', '通讯地址')}</td>
          </tr>
          <tr>
            <th scope="row">单位预算绩效管理联系人</th>
            <td>{text('contact', '联系人')}</td>
            <th scope="row">联系电话</th>
            <td>{text('phone', '联系电话')}</td>
          </tr>
          <tr>
            <th scope="row">人员编制数</th>
            <td>{count('staffQuota', '人员编制数')}</td>
            <th scope="row">实有人数</th>
            <td>{count('staffActual', '实有人数')}</td>
          </tr>
          <tr>
            <th scope="row">单位职能</th>
            <td colSpan={3}>{text('functions', '单位职能', true)}</td>
          </tr>
          <tr>
            <th scope="row">单位年度收入预算（万元）</th>
            <td colSpan={3} className="perf-readonly" title="由表1计算">
              <Figures labels={INCOME} values={figures.income} caption="单位年度收入预算（万元）" />
            </td>
          </tr>
          <tr>
            <th scope="row">单位年度支出预算（万元）</th>
            <td colSpan={3} className="perf-readonly" title="由表3计算">
              <Figures labels={EXPENDITURE} values={figures.expenditure} caption="单位年度支出预算（万元）" />
            </td>
          </tr>
          <tr>
            <th scope="row">部门整体支出绩效目标</th>
            <td colSpan={3}>{text('target', '部门整体支出绩效目标', true)}</td>
          </tr>
        </tbody>
      </table>
      <IndicatorGrid
        owner={OWNER}
        ownerLabel={OWNER_LABEL}
        list="indicators"
        title="部门整体支出绩效指标"
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
