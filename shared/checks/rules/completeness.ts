/**
 * D. Completeness (CHECKS.md). The app always generates the thirteen tables (empty ones included) and
 * the narrative's sections, and the schema only accepts 7-digit 功能 codes and 5-digit 经济 codes; what can
 * still be incomplete is what the accountant types (D1), and a code that has the right length but is a
 * 类 or 款 padded with zeros (D2).
 */
import { economicRowKey, type BudgetDocument } from '../../document/schema';
import type { FormId } from '../../forms/types';
import { cellTarget, fieldTarget, type Area, type Check, type Rule } from '../types';

/** A typed part every published document needs, where it is, and how to tell it is there. */
interface RequiredPart {
  readonly path: string;
  readonly label: string;
  readonly areas: readonly Area[];
  readonly present: (doc: BudgetDocument) => boolean;
}

const filled = (text: string) => text.trim() !== '';

const REQUIRED_PARTS: readonly RequiredPart[] = [
  {
    path: 'overview.responsibilities',
    label: '第一部分 概况 主要职能',
    areas: ['overview'],
    present: (doc) => doc.overview.responsibilities.some(filled),
  },
  {
    path: 'overview.organization',
    label: '第一部分 概况 机构设置',
    areas: ['overview'],
    present: (doc) => filled(doc.overview.organization),
  },
  {
    path: 'glossary',
    label: '第四部分 名词解释',
    areas: ['glossary'],
    present: (doc) => doc.glossary.some((entry) => filled(entry.term) && filled(entry.definition)),
  },
  {
    path: 'coverDate',
    label: '封面日期',
    // The cover (department, year, date) is edited with the department's details.
    areas: ['department', 'overview'],
    present: (doc) => filled(doc.coverDate),
  },
  {
    path: 'narrative.assets.asOf',
    label: '国有资产占有使用情况 截止日期',
    areas: ['narrative'],
    present: (doc) => filled(doc.narrative.assets.asOf),
  },
  {
    path: 'performance.overall.unitName',
    label: '部门整体支出绩效目标申报表 单位名称',
    areas: ['performance'],
    present: (doc) => filled(doc.performance.overall.unitName),
  },
];

const D1: Rule = {
  id: 'D1',
  family: 'D',
  level: '错误',
  title:
    '公开文本必备的填写内容齐全：概况（主要职能、机构设置）、名词解释、封面日期、国有资产截止日期、整体绩效目标申报表单位名称',
  checks: () =>
    REQUIRED_PARTS.map((part): Check => ({
      subject: part.path,
      reads: [],
      areas: part.areas,
      run: (c) =>
        part.present(c.doc)
          ? null
          : {
              message: `${part.label}未填写：公开的部门预算必须包含此项`,
              targets: [fieldTarget(part.path, part.label)],
              basis: '',
            },
    })),
};

/** The 功能 tables with typed 项 rows: where each keeps its rows, and its code column. */
function functionRows(
  doc: BudgetDocument,
): { form: FormId; prefix: string; column: string; codes: string[] }[] {
  const codes = (rows: readonly { functionCode: string }[]) => rows.map((r) => r.functionCode);
  const t = doc.tables;
  return [
    { form: 'T2', prefix: '', column: 'code', codes: codes(t.t2.rows) },
    { form: 'T3', prefix: '', column: 'code', codes: codes(t.t3.rows) },
    { form: 'T5', prefix: '', column: 'code', codes: codes(t.t5.rows) },
    // 表7 taken from 表2 has 表2's codes.
    { form: 'T7', prefix: '', column: 'code', codes: t.t7.source === 'typed' ? codes(t.t7.rows) : [] },
    { form: 'T8', prefix: '', column: 'code', codes: codes(t.t8.rows) },
    { form: 'T9', prefix: 'income:', column: 'incomeCode', codes: codes(t.t9.incomeRows) },
    { form: 'T9', prefix: 'expenditure:', column: 'code', codes: codes(t.t9.rows) },
  ];
}

/** The 类 or 款 a zero-padded code stands for: 2080000 → 208, 2010300 → 20103; null for a real 项. */
function paddedLevel(code: string): { code: string; level: '类' | '款' } | null {
  if (code.endsWith('0000')) return { code: code.slice(0, 3), level: '类' };
  if (code.endsWith('00')) return { code: code.slice(0, 5), level: '款' };
  return null;
}

const D2: Rule = {
  id: 'D2',
  family: 'D',
  level: '错误',
  title: '功能分类科目细化到“项”级（表2、3、5、7、8、9）；表6 经济分类科目细化到“款”级',
  checks: (ctx) => {
    const checks: Check[] = [];
    for (const { form, prefix, column, codes } of functionRows(ctx.doc)) {
      for (const code of codes) {
        const padded = paddedLevel(code);
        if (!padded) continue;
        const name = ctx.catalog.functionName(padded.code) ?? '';
        checks.push({
          subject: `${form}/${prefix}${code}`,
          reads: [],
          areas: ['names'],
          run: () => ({
            message: `表${form.slice(1)} 科目 ${code} 不是“项”级科目：末${padded.level === '类' ? '四' : '两'}位为 0，实为“${padded.level}”${padded.code}${name ? ` ${name}` : ''}；支出功能分类应细化到“项”级`,
            targets: [cellTarget({ form, row: prefix + code, column })],
            basis: code,
          }),
        });
      }
    }
    // 部门 and 政府 经济 款 never end in 00: 30100 is the 类 301, 50100 the 类 501.
    for (const row of ctx.doc.tables.t6.rows) {
      for (const [column, code, kind, name] of [
        [
          'departmentCode',
          row.departmentCode,
          '部门预算支出经济分类',
          ctx.catalog.departmentEconomicName(row.departmentCode.slice(0, 3)),
        ],
        [
          'governmentCode',
          row.governmentCode,
          '政府预算支出经济分类',
          ctx.catalog.governmentEconomicName(row.governmentCode.slice(0, 3)),
        ],
      ] as const) {
        if (!code.endsWith('00')) continue;
        const key = economicRowKey(row);
        checks.push({
          subject: `T6/${key}/${column}`,
          reads: [],
          areas: ['names'],
          run: () => ({
            message: `表6 ${kind}科目 ${code} 不是“款”级科目：末两位为 0，实为“类”${code.slice(0, 3)}${name ? ` ${name}` : ''}；表6 应细化到“款”级`,
            targets: [cellTarget({ form: 'T6', row: key, column })],
            basis: code,
          }),
        });
      }
    }
    return checks;
  },
};

export const COMPLETENESS_RULES: readonly Rule[] = [D1, D2];
