/**
 * C. Text against tables (CHECKS.md). 第三部分 情况说明 is generated from the data (shared/narrative), so
 * in the app its figures follow the tables; C1 and C6 still compare every figure with what the tables
 * show (for an imported workbook, what it states) and re-do its arithmetic — changes, rates and their
 * words, shares, category sums — as a reader would. What can go wrong in the app is what people type:
 * reasons (C2), template text (C3), empty-table notes (C4), 政府采购 and 国有资产 figures (C5, C7), years
 * and names left over from another document (C8), and 行政 units missing from 表11 (C9).
 *
 * Checks read the document (and its generated narrative) when they run, so that editing a text (areas
 * 'narrative', 'notes', 'overview', …) re-runs them without rebuilding the session.
 */
import { projectById } from '../../document/lookup';
import { THREE_PUBLIC_LABELS, VEHICLE_KINDS } from '../../narrative/labels';
import {
  changeRatePercent,
  changeRateText,
  countText,
  percentText,
  sharePercent,
} from '../../narrative/percent';
import { templateMatches } from '../templateText';
import {
  EMPTY_NOTE_TABLES,
  FISCAL_SOURCES,
  INCOME_SOURCES,
  PROJECT_CATEGORIES,
  THREE_PUBLIC_ITEMS,
  type BudgetDocument,
  type EmptyNoteTable,
  type Indicator,
  type Narrative,
  type Project,
  type ProjectCategory,
  type ProjectDeclaration,
  type ThreePublicItem,
} from '../../document/schema';
import { chineseNumeral } from '../../forms/builders';
import { FORM_DEFINITIONS } from '../../forms/definitions';
import { cellKey, type CellRef, type Expr, type FormId } from '../../forms/types';
import { Decimal, formatPlain, isBlank, sum, toDecimal, ZERO, type Amount } from '../../money';
import {
  generateSection,
  NARRATIVE_SECTIONS,
  segmentText,
  unfilledSlots,
  type FigureSegment,
  type FigureSource,
  type NarrativeSection,
  type NarrativeSectionKey,
  type NarrativeValueField,
  type Segment,
} from '../../narrative';
import { NO_READS, shown, TOLERANCE } from '../compare';
import {
  cellTarget,
  fieldTarget,
  type Area,
  type Check,
  type CheckContext,
  type FindingDraft,
  type Rule,
  type Target,
} from '../types';

// ---------------------------------------------------------------------------------------------------
// The generated narrative as the checks read it

const narratives = new WeakMap<BudgetDocument, Map<NarrativeSectionKey, NarrativeSection>>();

/**
 * One section of a document's narrative, written once per document (documents are immutable). A check
 * asks for the section it reads only: after each keystroke a few sections are written, not twelve.
 */
function sectionOf(doc: BudgetDocument, key: NarrativeSectionKey): NarrativeSection {
  let sections = narratives.get(doc);
  if (!sections) {
    sections = new Map();
    narratives.set(doc, sections);
  }
  let section = sections.get(key);
  if (!section) {
    section = generateSection(doc, key);
    sections.set(key, section);
  }
  return section;
}

/** The paragraphs of one section, each a run of segments. */
function paragraphsOf(doc: BudgetDocument, key: NarrativeSectionKey): (readonly Segment[])[] {
  return sectionOf(doc, key).blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.segments] : []));
}

/** 情况说明一 … 情况说明十二. */
function sectionName(key: NarrativeSectionKey): string {
  return `情况说明${chineseNumeral(NARRATIVE_SECTIONS.indexOf(key) + 1)}`;
}

/** A generated section (not stored in the document: the place to show is the section). */
function sectionTarget(key: NarrativeSectionKey): Target {
  return fieldTarget(`narrative.sections.${key}`, sectionName(key));
}

function isFigure(segment: Segment | undefined): segment is FigureSegment {
  return segment?.kind === 'figure';
}

function isCell(source: FigureSource): source is CellRef {
  return source !== null && 'form' in source;
}

/** The wording right before segment `index` ('' when a figure or slot precedes it). */
function textBefore(segments: readonly Segment[], index: number): string {
  const before = segments[index - 1];
  return before?.kind === 'text' ? before.text : '';
}

/** The last clause of a text: what the figure after it is (`，其中：本年收入` → 本年收入). */
function lastClause(text: string): string {
  return (
    text
      .split(/[，。；：、（）]/)
      .filter((part) => part !== '')
      .at(-1) ?? ''
  );
}

const at = (form: FormId, row: string, column: string): CellRef => ({ form, row, column });
const cellExpr = (cell: CellRef): Expr => ({ op: 'cell', cell });

// ---------------------------------------------------------------------------------------------------
// C1 every figure, change and share of the narrative equals the data

const T3_TOTALS = ['total', 'basic', 'project'].map((column) => at('T3', 'total', column));

/**
 * The cells each section's figures may come from (the checks read them). Which of them a section prints
 * depends on the amounts (only the 类 with money are listed); a test holds the generator to this list.
 */
function figureSources(ctx: CheckContext, key: NarrativeSectionKey): CellRef[] {
  const classes = ctx.catalog.functionClasses.map(([code]) => code);
  switch (key) {
    case 'changes':
      return [
        ...['total', 'subtotal', 'carryOver'].map((row) => at('T1', `income:${row}`, 'income')),
        ...['total', 'current', 'carryOver'].map((column) => at('T1', 'expenditure:total', column)),
      ];
    case 'income':
      return [...INCOME_SOURCES, 'carryOver', 'total'].map((row) => at('T1', `income:${row}`, 'income'));
    case 'expenditure':
      return T3_TOTALS;
    case 'fiscalAppropriation':
      return [
        ...['total', 'subtotal', ...FISCAL_SOURCES, 'carryOver'].map((row) =>
          at('T4', `income:${row}`, 'income'),
        ),
        ...classes.map((code) => at('T4', `expenditure:${code}`, 'subtotal')),
      ];
    case 'generalBudget':
      return [at('T5', 'total', 'total'), ...classes.map((code) => at('T5', code, 'total'))];
    case 'basicExpenditure':
      return ['total', 'personnel', 'public'].map((column) => at('T6', 'total', column));
    case 'threePublic':
      return ['total', ...THREE_PUBLIC_ITEMS].map((row) => at('T10', row, 'total'));
    case 'operatingExpenses':
      return [at('T11', 'total', 'total')];
    case 'performance':
      return [...T3_TOTALS, at('T12', 'total', 'total')];
    // Typed figures only (政府采购, 国有资产: C5, C7) or none.
    case 'procurement':
    case 'assets':
    case 'otherNotes':
      return [];
  }
}

/** Each amount the section prints from a cell equals the cell as the tables show it. */
function figuresCheck(ctx: CheckContext, key: NarrativeSectionKey): Check {
  return {
    subject: `figures/${key}`,
    reads: figureSources(ctx, key).map(cellExpr),
    areas: ['narrative'],
    run: (c) => {
      const wrong = new Map<string, { quote: string; ref: CellRef; value: Decimal | null }>();
      for (const segments of paragraphsOf(c.doc, key)) {
        segments.forEach((segment, index) => {
          if (!isFigure(segment) || !isCell(segment.source) || wrong.has(cellKey(segment.source))) return;
          const value = c.value(segment.source);
          const difference = segment.value.minus(value ?? ZERO).abs();
          if (difference.lessThan(TOLERANCE)) return;
          const quote = `${lastClause(textBefore(segments, index))}${segment.text}万元`;
          wrong.set(cellKey(segment.source), { quote, ref: segment.source, value });
        });
      }
      if (wrong.size === 0) return null;
      const list = [...wrong.values()];
      return {
        message: `${sectionName(key)}的数字与表格不符：${list
          .map((w) => `写“${w.quote}”，${c.describe(w.ref)} 为 ${shown(w.value)}`)
          .join('；')}`,
        targets: [...list.map((w) => cellTarget(w.ref)), sectionTarget(key)],
        basis: list.map((w) => `${w.quote}|${shown(w.value)}`).join(';'),
      };
    },
  };
}

/** A share-list entry: `一般公共服务支出497.55万元，占80%` — the part's cell and its printed share. */
interface ShareEntry {
  readonly label: string;
  readonly source: CellRef;
  readonly share: FigureSegment;
}

/** The shares of one whole a paragraph lists (a share right after `amount，占`). */
function shareEntries(segments: readonly Segment[]): ShareEntry[] {
  return segments.flatMap((segment, index) => {
    const part = segments[index - 2];
    if (!isFigure(segment) || segment.role !== 'share' || !textBefore(segments, index).endsWith('，占'))
      return [];
    if (!isFigure(part) || !isCell(part.source)) return [];
    return [{ label: lastClause(textBefore(segments, index - 2)), source: part.source, share: segment }];
  });
}

/**
 * The shares of one whole add up to 100, and each is its part ÷ the whole rounded up or down (shares
 * are rounded by largest remainder, so one may differ by a point from rounding it alone).
 */
function sharesCheck(ctx: CheckContext, key: NarrativeSectionKey): Check {
  return {
    subject: `shares/${key}`,
    reads: figureSources(ctx, key).map(cellExpr),
    areas: ['narrative'],
    run: (c) => {
      const problems: string[] = [];
      const cells: CellRef[] = [];
      for (const segments of paragraphsOf(c.doc, key)) {
        const entries = shareEntries(segments).map((entry) => ({
          ...entry,
          value: c.value(entry.source) ?? ZERO,
          printed: new Decimal(entry.share.text.replace('%', '')),
        }));
        const whole = sum(entries.map((entry) => entry.value));
        if (!whole.greaterThan(0)) continue;
        const total = sum(entries.map((entry) => entry.printed));
        if (!total.eq(100)) {
          problems.push(`各项占比合计 ${countText(total)}%，应为 100%`);
          cells.push(...entries.map((entry) => entry.source));
        }
        for (const entry of entries) {
          // The whole is above zero here: the share is a number.
          const exact = sharePercent(entry.value, whole) ?? ZERO;
          if (exact.minus(entry.printed).abs().lessThan(1)) continue;
          problems.push(
            `${entry.label}写占${entry.share.text}，按${c.describe(entry.source)} ${formatPlain(entry.value)} ÷ ${formatPlain(whole)} 应为 ${formatPlain(exact)}%`,
          );
          cells.push(entry.source);
        }
      }
      if (problems.length === 0) return null;
      return {
        message: `${sectionName(key)}的占比与数据不符：${problems.join('；')}`,
        targets: [
          ...new Map(cells.map((cell) => [cellKey(cell), cellTarget(cell)])).values(),
          sectionTarget(key),
        ],
        basis: problems.join('|'),
      };
    },
  };
}

type ReasonKey = keyof Narrative['reasons'];

/** A figure of last year's, typed in doc.narrative.lastYear. */
interface LastYearFigure {
  readonly field: NarrativeValueField;
  readonly label: string;
  readonly stored: (narrative: Narrative) => Amount;
}

const lastYearTotal = (
  key: Exclude<keyof Narrative['lastYear'], 'threePublic'>,
  label: string,
): LastYearFigure => ({ field: `lastYear.${key}`, label, stored: (n) => n.lastYear[key] });

const lastYearThreePublic = (item: ThreePublicItem): LastYearFigure => ({
  field: `lastYear.threePublic.${item}`,
  label: `上年${THREE_PUBLIC_LABELS[item]}`,
  stored: (n) => n.lastYear.threePublic[item],
});

/**
 * A change from last year the narrative states, and the reason slot it is followed by: the `occurrence`-th
 * slot of `reasons.{reason}` in the section (一 states two changes with one reason).
 */
interface Comparison {
  readonly subject: string;
  readonly label: string;
  readonly section: NarrativeSectionKey;
  readonly reason: ReasonKey;
  readonly occurrence: number;
  readonly current: CellRef;
  readonly lastYear: readonly LastYearFigure[];
}

const COMPARISONS: readonly Comparison[] = [
  {
    subject: 'totalIncome',
    label: '预算收入总计',
    section: 'changes',
    reason: 'total',
    occurrence: 0,
    current: at('T1', 'income:total', 'income'),
    lastYear: [lastYearTotal('totalIncome', '上年预算收入总计')],
  },
  {
    subject: 'totalExpenditure',
    label: '预算支出总计',
    section: 'changes',
    reason: 'total',
    occurrence: 1,
    current: at('T1', 'expenditure:total', 'total'),
    lastYear: [lastYearTotal('totalExpenditure', '上年预算支出总计')],
  },
  {
    subject: 'generalBudget',
    label: '一般公共预算当年支出',
    section: 'generalBudget',
    reason: 'generalBudget',
    occurrence: 0,
    current: at('T5', 'total', 'total'),
    lastYear: [lastYearTotal('generalBudgetExpenditure', '上年一般公共预算当年支出')],
  },
  {
    subject: 'threePublic',
    label: '“三公”经费',
    section: 'threePublic',
    reason: 'threePublic',
    occurrence: 0,
    current: at('T10', 'total', 'total'),
    lastYear: THREE_PUBLIC_ITEMS.map(lastYearThreePublic),
  },
  ...THREE_PUBLIC_ITEMS.map((item): Comparison => ({
    subject: item,
    label: THREE_PUBLIC_LABELS[item],
    section: 'threePublic',
    reason: item,
    occurrence: 0,
    current: at('T10', item, 'total'),
    lastYear: [lastYearThreePublic(item)],
  })),
  {
    subject: 'operatingExpenses',
    label: '机关运行经费',
    section: 'operatingExpenses',
    reason: 'operatingExpenses',
    occurrence: 0,
    current: at('T11', 'total', 'total'),
    lastYear: [lastYearTotal('operatingExpenses', '上年机关运行经费')],
  },
];

/** The change by the data: this year's cell against last year's typed figures; null while one is blank. */
function changeInData(
  ctx: CheckContext,
  comparison: Comparison,
): { current: Decimal; previous: Decimal } | null {
  const stored = comparison.lastYear.map((figure) => figure.stored(ctx.doc.narrative));
  if (stored.some((amount) => isBlank(amount))) return null;
  return { current: ctx.value(comparison.current) ?? ZERO, previous: sum(stored.map(toDecimal)) };
}

/** The printed sentence of a comparison: from the previous reason (or the paragraph's start) to its own. */
function comparisonText(doc: BudgetDocument, comparison: Comparison): string | null {
  let seen = 0;
  for (const segments of paragraphsOf(doc, comparison.section)) {
    let start = 0;
    for (const [index, segment] of segments.entries()) {
      if (segment.kind !== 'slot' || !segment.field.startsWith('reasons.')) continue;
      if (segment.field === `reasons.${comparison.reason}`) {
        if (seen === comparison.occurrence) return segments.slice(start, index).map(segmentText).join('');
        seen++;
      }
      start = index + 1;
    }
  }
  return null;
}

/** 与上年持平 / 比上年减少59.12万元，下降9% (the rate is left out when last year was 0). */
const CHANGE_WORDS =
  /与(上年|\d{4}年)持平|比(上年|\d{4}年)(增加|减少)(\d+(?:\.\d+)?)万元(?:，(增长|上升|下降)(不足1%|\d+%))?/;

interface Change {
  readonly direction: 'up' | 'down' | 'flat';
  /** The amount as printed ('' when flat). */
  readonly amount: string;
  /** The rate word's direction and the rate as printed; null when no rate is stated. */
  readonly rate: { readonly direction: 'up' | 'down'; readonly text: string } | null;
}

function changeWords(change: Change, since: string): string {
  if (change.direction === 'flat') return `与${since}持平`;
  const up = change.direction === 'up';
  const rate = change.rate ? `，${change.rate.direction === 'up' ? '增长' : '下降'}${change.rate.text}` : '';
  return `比${since}${up ? '增加' : '减少'}${change.amount}万元${rate}`;
}

/** What the text must say: the difference, its direction, and the rate divided by last year's figure. */
function expectedChange(current: Decimal, previous: Decimal): Change {
  const difference = current.minus(previous);
  if (difference.abs().lessThan(TOLERANCE)) return { direction: 'flat', amount: '', rate: null };
  const direction = difference.greaterThan(0) ? 'up' : 'down';
  const amount = formatPlain(difference.abs());
  // Worded as the narrative words it (不足1% for a change too small to show as a whole percent).
  const rate = changeRatePercent(current, previous);
  if (rate === null) return { direction, amount, rate: null };
  return { direction, amount, rate: { direction, text: changeRateText(rate) } };
}

function sameChange(a: Change, b: Change): boolean {
  return (
    a.direction === b.direction &&
    a.amount === b.amount &&
    a.rate?.direction === b.rate?.direction &&
    a.rate?.text === b.rate?.text
  );
}

/** A change the narrative states equals the difference of the data, with the right words and rate. */
function changeCheck(comparison: Comparison): Check {
  return {
    subject: `change/${comparison.subject}`,
    reads: [cellExpr(comparison.current)],
    areas: ['narrative'],
    run: (c) => {
      const data = changeInData(c, comparison);
      const match = CHANGE_WORDS.exec(comparisonText(c.doc, comparison) ?? '');
      if (!data || !match) return null;
      const [printed, flatSince, since, word, amount, rateWord, rate] = match;
      const stated: Change = flatSince
        ? { direction: 'flat', amount: '', rate: null }
        : {
            direction: word === '增加' ? 'up' : 'down',
            amount: amount ?? '',
            rate: rate ? { direction: rateWord === '下降' ? 'down' : 'up', text: rate } : null,
          };
      const expected = expectedChange(data.current, data.previous);
      if (sameChange(stated, expected)) return null;
      const shouldBe = changeWords(expected, flatSince ?? since ?? '上年');
      return {
        message: `${sectionName(comparison.section)} ${comparison.label}写“${printed}”，按${c.describe(comparison.current)} ${formatPlain(data.current)} 与上年 ${formatPlain(data.previous)} 应为“${shouldBe}”（增减率 =（本年 − 上年）÷ 上年）`,
        targets: [
          cellTarget(comparison.current),
          ...comparison.lastYear.map((figure) =>
            fieldTarget(`narrative.${figure.field}`, `${sectionName(comparison.section)} ${figure.label}`),
          ),
        ],
        basis: `${printed}|${shouldBe}`,
      };
    },
  };
}

const C1: Rule = {
  id: 'C1',
  family: 'C',
  level: '错误',
  title:
    '情况说明中的金额、占比和增减额、增减率与表格数据一致：增减率 =（本年 − 上年）÷ 上年，增加/减少/持平与增减方向一致，同一整体的各项占比合计 100%',
  // The app writes the narrative from the values the tables show, so its figures can disagree only with
  // what an imported workbook states; without stated values there is nothing to compare.
  checks: (ctx) =>
    ctx.statedCells.length === 0
      ? []
      : [
          ...NARRATIVE_SECTIONS.map((key) => figuresCheck(ctx, key)),
          ...NARRATIVE_SECTIONS.map((key) => sharesCheck(ctx, key)),
          ...COMPARISONS.map(changeCheck),
        ],
};

// ---------------------------------------------------------------------------------------------------
// C2 a change needs a reason

/** A reason slot: the section it is in, the changes it explains, and what it is called. */
interface Reason {
  readonly key: ReasonKey;
  readonly section: NarrativeSectionKey;
  readonly comparisons: readonly Comparison[];
  /** 情况说明七 公务接待费的增减原因. */
  readonly label: string;
}

/** The reasons in the order the narrative asks for them (each from its first comparison). */
const REASONS: readonly Reason[] = COMPARISONS.filter((first) => first.occurrence === 0).map((first) => {
  const comparisons = COMPARISONS.filter((c) => c.reason === first.reason);
  return {
    key: first.reason,
    section: first.section,
    comparisons,
    label: `${sectionName(first.section)} ${comparisons.map((c) => c.label).join('、')}的增减原因`,
  };
});

/** For “三公” items a missing reason is 错误 (CHECKS.md C2). */
const THREE_PUBLIC_REASONS: ReadonlySet<ReasonKey> = new Set(['threePublic', ...THREE_PUBLIC_ITEMS]);

/** Words that say nothing about why, alone or joined: 无, 略, 工作需要, 根据实际情况, 按规定 … */
const STOCK_PHRASES: ReadonlySet<string> = new Set([
  '无',
  '略',
  '暂无',
  '没有',
  '不详',
  '其他',
  '其他原因',
  '同上',
  '见上',
  '正常',
  '正常增长',
  '正常减少',
  '正常增减',
  '正常变动',
  '自然增长',
  '工作需要',
  '根据工作需要',
  '因工作需要',
  '业务需要',
  '实际需要',
  '根据实际需要',
  '实际情况',
  '根据实际情况',
  '按实际情况',
  '按规定',
  '按照规定',
  '根据规定',
  '按有关规定',
  '根据有关规定',
  '按相关规定',
  '根据相关规定',
  '按要求',
  '按照要求',
  '预算调整',
  '政策调整',
  '有所增加',
  '有所减少',
  '略有增加',
  '略有减少',
  '增加',
  '减少',
  '变化',
  '无变化',
]);

/** A reason that is only stock phrases (or only punctuation such as “/” or “—”). */
export function isStockPhrase(reason: string): boolean {
  const bare = reason
    .replace(/\s/g, '')
    .replace(/^(?:主要原因|原因)(?:是|为)?[：:]?|^主要是/, '')
    .replace(/[。；;，,.!！]+$/, '');
  if (bare === '') return reason.trim() !== '';
  if (!/[\p{L}\p{N}]/u.test(bare)) return true;
  const parts = bare.split(/[，,、；;。.．！!]+|和|及|与/).filter((part) => part !== '');
  return parts.every((part) => STOCK_PHRASES.has(part));
}

/** The reason as the narrative prints it ('' when it prints none, e.g. for 三公 items when there are none). */
function printedReason(doc: BudgetDocument, key: ReasonKey, section: NarrativeSectionKey): string {
  for (const segments of paragraphsOf(doc, section)) {
    for (const segment of segments) {
      if (segment.kind === 'slot' && segment.field === `reasons.${key}` && segment.text !== '')
        return segment.text;
    }
  }
  return '';
}

function reasonCheck({ key, section, comparisons, label }: Reason): Check {
  const path = `narrative.reasons.${key}`;
  return {
    subject: `reasons.${key}`,
    reads: comparisons.map((comparison) => cellExpr(comparison.current)),
    areas: ['narrative'],
    run: (c) => {
      const unfilled = unfilledSlots([sectionOf(c.doc, section)]).find(
        (slot) => slot.field === `reasons.${key}`,
      );
      if (unfilled) {
        const changes = comparisons.flatMap((comparison) => {
          const data = changeInData(c, comparison);
          const change = data && expectedChange(data.current, data.previous);
          return change && change.direction !== 'flat'
            ? [{ comparison, words: `${comparison.label}${changeWords(change, '上年')}` }]
            : [];
        });
        const required = THREE_PUBLIC_REASONS.has(key);
        return {
          level: required ? '错误' : '提示',
          message: `${sectionName(section)} ${changes.map((ch) => `${ch.words}，`).join('')}未填写${unfilled.placeholder}${required ? '：“三公”经费的增减必须说明原因' : ''}`,
          targets: [
            fieldTarget(path, `${sectionName(section)} ${unfilled.placeholder}`),
            ...changes.map((ch) => cellTarget(ch.comparison.current)),
          ],
          basis: changes.map((ch) => ch.words).join('|'),
        };
      }
      const printed = printedReason(c.doc, key, section);
      if (!isStockPhrase(printed)) return null;
      return {
        level: '提示',
        message: `${label}“${printed}”是套话，没有说明具体原因：请写明增减的具体因素（如人员、项目、政策的变化）`,
        targets: [fieldTarget(path, label)],
        basis: printed,
      };
    },
  };
}

/** Every last-year figure the narrative compares with, by its field. */
const LAST_YEAR_FIGURES: ReadonlyMap<string, LastYearFigure> = new Map(
  COMPARISONS.flatMap((cmp) => cmp.lastYear.map((figure) => [figure.field, figure] as const)),
);

/** The sections that compare with last year. */
const COMPARED_SECTIONS = [...new Set(COMPARISONS.map((cmp) => cmp.section))];

/** Last year's figures the narrative asks for while they are blank. */
const lastYearCheck: Check = {
  subject: 'lastYear',
  reads: [],
  areas: ['narrative'],
  run: (c) => {
    const asked = unfilledSlots(COMPARED_SECTIONS.map((key) => sectionOf(c.doc, key))).flatMap((slot) => {
      const figure = LAST_YEAR_FIGURES.get(slot.field);
      return figure ? [{ figure, section: slot.section }] : [];
    });
    if (asked.length === 0) return null;
    return {
      message: `上年数未填，无法说明增减：${asked.map((a) => `${a.figure.label}（${sectionName(a.section)}）`).join('、')}`,
      targets: asked.map((a) =>
        fieldTarget(`narrative.${a.figure.field}`, `${sectionName(a.section)} ${a.figure.label}`),
      ),
      basis: asked.map((a) => a.figure.field).join('|'),
    };
  },
};

const C2: Rule = {
  id: 'C2',
  family: 'C',
  level: '提示',
  title:
    '情况说明中有增减的数字须说明原因（“三公”经费缺原因为错误，其余提示），原因不能是套话；上年数未填无法说明增减（提示）',
  checks: () => [...REASONS.map(reasonCheck), lastYearCheck],
};

// ---------------------------------------------------------------------------------------------------
// Typed texts (C3 template text, C8 years)

/** Which years a text may name: any year (a date, a note) or a budget year (`2023年预算`, `本部门2023年`). */
interface YearPolicy {
  readonly pattern: RegExp;
  /** Whether last year may be named (a reason compares with it; a date may fall in it). */
  readonly lastYear: boolean;
}

const ANY_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/g;
const BUDGET_YEAR =
  /(?<!\d)((?:19|20)\d{2})\s*年度?(?:本?部门|本?单位)?(?:整体支出)?(?:预算|绩效目标)|本(?:部门|单位)\s*((?:19|20)\d{2})\s*年度?/g;

/** An empty-table note speaks of this year's budget only. */
const NOTE_YEARS: YearPolicy = { pattern: ANY_YEAR, lastYear: false };
/** A date (cover, 资产截止日期, 填报日期) falls in this year or late last year. */
const DATE_YEARS: YearPolicy = { pattern: ANY_YEAR, lastYear: true };
/** Texts about this year's department and budget (概况, declarations) name no other budget year. */
const CURRENT_YEARS: YearPolicy = { pattern: BUDGET_YEAR, lastYear: false };
/** Reasons and 其他说明 compare with last year's budget. */
const COMPARISON_YEARS: YearPolicy = { pattern: BUDGET_YEAR, lastYear: true };

/** One typed text: where it is, what it is called, what it says, which years it may name (null: any). */
interface TextItem {
  readonly path: string;
  readonly label: string;
  readonly text: string;
  readonly years: YearPolicy | null;
}

/** What a check looks for in a text: its matches (none for almost every text). */
interface Find {
  (text: string, years: YearPolicy | null, isIndicator: boolean): readonly RegExpExecArray[];
  /** Never matches an indicator's name or value: an indicator grid need not be read at all. */
  readonly skipsIndicators?: boolean;
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * Typed texts checked together: one field, a list (主要职能, 名词解释), or a whole declaration (as the P
 * rules do, one finding per declaration with a target per field). Texts are read when the check runs,
 * and a text's place is worded only when it has hits (a large budget has tens of thousands of texts).
 */
interface TextGroup {
  readonly path: string;
  readonly areas: readonly Area[];
  readonly hits: (doc: BudgetDocument, find: Find) => TextHit[];
}

function field(
  path: string,
  label: string,
  areas: readonly Area[],
  years: YearPolicy | null,
  read: (doc: BudgetDocument) => string | undefined,
): TextGroup {
  return {
    path,
    areas,
    hits: (doc, find) => fieldHits(read(doc), years, find, (text) => ({ path, label, text, years })),
  };
}

/** The hit in one typed text, if any; `item` words where it is (only for a hit). */
function fieldHits(
  text: string | undefined,
  years: YearPolicy | null,
  find: Find,
  item: (text: string) => TextItem,
): TextHit[] {
  if (text === undefined) return [];
  const matches = find(text, years, false);
  return matches.length > 0 ? [hitOf(item(text), matches)] : [];
}

/** The hits of a group given as its items (the short lists: 主要职能, 名词解释, the 整体 declaration). */
function itemGroup(
  path: string,
  areas: readonly Area[],
  items: (doc: BudgetDocument) => readonly TextItem[],
): TextGroup {
  return { path, areas, hits: (doc, find) => itemHits(items(doc), find, []) };
}

function itemHits(items: readonly TextItem[], find: Find, hits: TextHit[]): TextHit[] {
  for (const item of items) {
    const matches = find(item.text, item.years, item instanceof ListedText && item.isIndicator);
    if (matches.length > 0) hits.push(hitOf(item, matches));
  }
  return hits;
}

/**
 * A text of a list or a declaration. A large budget has tens of thousands of them and nearly all are
 * fine, so where a text is (`path`) and what it is called (`label`) are worded only when asked for.
 */
class ListedText implements TextItem {
  constructor(
    private readonly base: string,
    private readonly owner: string,
    private readonly suffix: string,
    readonly text: string,
    readonly years: YearPolicy | null,
    private readonly index: number | null = null,
    private readonly part: 'name' | 'value' | null = null,
  ) {}

  get path(): string {
    return [this.base, this.index, this.part].filter((p) => p !== null).join('.');
  }

  get label(): string {
    if (this.index === null) return this.owner + this.suffix;
    if (this.part === null) return `${this.owner}${this.suffix}第${this.index + 1}条`;
    return `${this.owner}${this.suffix}第 ${this.index + 1} 行${this.part === 'name' ? '三级指标' : '指标值'}`;
  }

  /** An indicator's name or value (P6 reports template text in those). */
  get isIndicator(): boolean {
    return this.part !== null;
  }
}

function listed(path: string, label: string, texts: readonly string[], years: YearPolicy): TextItem[] {
  return texts.map((text, index) => new ListedText(path, label, '', text, years, index));
}

const DECLARATION_TEXTS = [
  ['attribute', '项目属性', null],
  ['period', '项目期', null],
  ['summary', '项目概况', CURRENT_YEARS],
  ['basis', '立项依据', CURRENT_YEARS],
  ['necessity', '项目设立必要性', CURRENT_YEARS],
  ['measures', '保证项目实施的制度、措施', CURRENT_YEARS],
  ['plan', '项目实施计划', CURRENT_YEARS],
  ['personInCharge', '负责人', null],
  ['handler', '经办人', null],
  ['phone', '联系电话', null],
  ['filledOn', '填报日期', DATE_YEARS],
] as const satisfies readonly (readonly [keyof ProjectDeclaration, string, YearPolicy | null])[];

const DECLARATION_LISTS = [
  ['implementationGoals', '实施期目标'],
  ['annualGoals', '年度目标'],
] as const;

/** The hits in the texts of a project's 绩效目标申报表 (an item is made for a text with hits only). */
function declarationHits(project: Project, find: Find): TextHit[] {
  const d = project.declaration;
  const hits: TextHit[] = [];
  if (!d) return hits;
  const base = `projects.${project.id}.declaration`;
  const owner = `项目“${project.name}”绩效目标申报表 `;
  // Indexed loops: thousands of declarations, a dozen texts each, nearly all without hits.
  for (let t = 0; t < DECLARATION_TEXTS.length; t++) {
    const entry = DECLARATION_TEXTS[t] as (typeof DECLARATION_TEXTS)[number];
    const key = entry[0];
    const matches = find(d[key], entry[2], false);
    if (matches.length > 0) {
      hits.push(hitOf(new ListedText(`${base}.${key}`, owner, entry[1], d[key], entry[2]), matches));
    }
  }
  for (let l = 0; l < DECLARATION_LISTS.length; l++) {
    const entry = DECLARATION_LISTS[l] as (typeof DECLARATION_LISTS)[number];
    const texts = d[entry[0]];
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index] as string;
      const matches = find(text, CURRENT_YEARS, false);
      if (matches.length > 0) {
        const item = new ListedText(
          `${base}.${entry[0]}`,
          `${owner}${entry[1]}`,
          '',
          text,
          CURRENT_YEARS,
          index,
        );
        hits.push(hitOf(item, matches));
      }
    }
  }
  indicatorHits(
    `${base}.implementationIndicators`,
    `${owner}实施期绩效指标`,
    d.implementationIndicators,
    find,
    hits,
  );
  indicatorHits(`${base}.annualIndicators`, `${owner}年度绩效指标`, d.annualIndicators, find, hits);
  return hits;
}

function indicatorHits(
  path: string,
  label: string,
  indicators: readonly Indicator[],
  find: Find,
  hits: TextHit[],
): void {
  if (find.skipsIndicators) return;
  for (let index = 0; index < indicators.length; index++) {
    const indicator = indicators[index] as Indicator;
    for (let p = 0; p < INDICATOR_PARTS.length; p++) {
      const part = INDICATOR_PARTS[p] as (typeof INDICATOR_PARTS)[number];
      const matches = find(indicator[part], CURRENT_YEARS, true);
      if (matches.length > 0) {
        const item = new ListedText(path, label, '', indicator[part], CURRENT_YEARS, index, part);
        hits.push(hitOf(item, matches));
      }
    }
  }
}

const INDICATOR_PARTS = ['name', 'value'] as const;

const OVERALL = '部门整体支出绩效目标申报表 ';
const OVERALL_TEXTS = [
  ['unitName', '单位名称', null],
  ['address', '单位地址', null],
  ['contact', '联系人', null],
  ['phone', '联系电话', null],
  ['functions', '单位职能', CURRENT_YEARS],
  ['target', '部门整体支出绩效目标', CURRENT_YEARS],
] as const;

/** A project by id (indexed once per projects list). */
function projectOf(doc: BudgetDocument, id: string): Project | undefined {
  return projectById(doc, id);
}

/** The names the cover, the tables and the unit list print: typed, so template text may be left in. */
function nameGroups(doc: BudgetDocument): TextGroup[] {
  return [
    field('department.name', '部门名称', ['department'], null, (d) => d.department.name),
    ...doc.units.map((unit, index) =>
      field(
        `units.${unit.id}.name`,
        `第${index + 1}个单位的名称`,
        ['units'],
        null,
        (d) => d.units.find((u) => u.id === unit.id)?.name,
      ),
    ),
    ...doc.projects.map((project) => new ProjectNameText(project.id, project.name)),
  ];
}

const PROJECTS_AREA: readonly Area[] = ['projects'];

/** A project's name as a text group (as `field` makes one, without making its words for every project). */
class ProjectNameText implements TextGroup {
  readonly areas = PROJECTS_AREA;

  constructor(
    private readonly projectId: string,
    private readonly name: string,
  ) {}

  get path(): string {
    return `projects.${this.projectId}.name`;
  }

  hits(doc: BudgetDocument, find: Find): TextHit[] {
    return fieldHits(projectOf(doc, this.projectId)?.name, null, find, (text) => ({
      path: this.path,
      label: `项目名称“${this.name}”`,
      text,
      years: null,
    }));
  }
}

/** The texts of one project's declaration, as data (a large budget has thousands, checked by C3 and C8). */
class DeclarationTexts implements TextGroup {
  constructor(private readonly projectId: string) {}

  get path(): string {
    return `projects.${this.projectId}.declaration`;
  }

  get areas(): readonly Area[] {
    return [`declaration:${this.projectId}`];
  }

  hits(doc: BudgetDocument, find: Find): TextHit[] {
    const current = projectOf(doc, this.projectId);
    return current ? declarationHits(current, find) : [];
  }
}

/** Every other text a person types that the published document prints. */
function writtenGroups(doc: BudgetDocument): TextGroup[] {
  return [
    field('coverDate', '封面日期', ['department', 'overview'], DATE_YEARS, (d) => d.coverDate),
    itemGroup('overview.responsibilities', ['overview'], (d) =>
      listed(
        'overview.responsibilities',
        '第一部分 概况 主要职能',
        d.overview.responsibilities,
        CURRENT_YEARS,
      ),
    ),
    field(
      'overview.organization',
      '第一部分 概况 机构设置',
      ['overview'],
      CURRENT_YEARS,
      (d) => d.overview.organization,
    ),
    ...REASONS.map(({ key, label }) =>
      field(
        `narrative.reasons.${key}`,
        label,
        ['narrative'],
        COMPARISON_YEARS,
        (d) => d.narrative.reasons[key],
      ),
    ),
    field(
      'narrative.assets.asOf',
      `${sectionName('assets')} 资产统计截止日期`,
      ['narrative'],
      DATE_YEARS,
      (d) => d.narrative.assets.asOf,
    ),
    field(
      'narrative.assets.vehicleNote',
      `${sectionName('assets')} 车辆情况补充说明`,
      ['narrative'],
      CURRENT_YEARS,
      (d) => d.narrative.assets.vehicleNote,
    ),
    field(
      'narrative.otherNotes',
      `${sectionName('otherNotes')} 其他说明`,
      ['narrative'],
      COMPARISON_YEARS,
      (d) => d.narrative.otherNotes,
    ),
    ...EMPTY_NOTE_TABLES.map((id) =>
      field(
        `emptyTableNotes.${id}`,
        `表${FORM_DEFINITIONS[id].number} 空表说明`,
        ['notes'],
        NOTE_YEARS,
        (d) => d.emptyTableNotes[id],
      ),
    ),
    itemGroup('glossary', ['glossary'], (d) =>
      d.glossary.flatMap((entry, index) => [
        {
          path: `glossary.${index}.term`,
          label: `第四部分 名词解释第${index + 1}条名词`,
          text: entry.term,
          years: CURRENT_YEARS,
        },
        {
          path: `glossary.${index}.definition`,
          label: `第四部分 名词解释第${index + 1}条解释`,
          text: entry.definition,
          years: CURRENT_YEARS,
        },
      ]),
    ),
    ...doc.projects.map((project) => new DeclarationTexts(project.id)),
    {
      path: 'performance.overall',
      areas: ['performance'],
      hits: (d, find) => {
        const overall = d.performance.overall;
        const items = OVERALL_TEXTS.map(([key, label, years]) => ({
          path: `performance.overall.${key}`,
          label: OVERALL + label,
          text: overall[key],
          years,
        }));
        const hits = itemHits(items, find, []);
        indicatorHits('performance.overall.indicators', `${OVERALL}绩效指标`, overall.indicators, find, hits);
        return hits;
      },
    },
  ];
}

/** A short excerpt around a match: …办公室是XX县人民政府… */
function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 8);
  const end = Math.min(text.length, index + length + 8);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** What a check found in one text: the words, and an excerpt around the first. */
interface TextHit {
  readonly item: TextItem;
  readonly words: readonly string[];
  readonly context: string;
}

/** The words of a text a pattern matches (at least once), with an excerpt around the first. */
function hitOf(item: TextItem, matches: readonly RegExpExecArray[]): TextHit {
  const words = [...new Set(matches.map((m) => m[0]))];
  const first = matches[0];
  return { item, words, context: first ? excerpt(item.text, first.index, first[0].length) : '' };
}

/** What a text rule looks for and how it words a finding: one per rule, shared by all its checks. */
interface TextSearch {
  readonly find: (ctx: CheckContext) => Find;
  readonly describe: (hit: TextHit) => string;
  readonly hint: (ctx: CheckContext) => string;
}

/**
 * A check on a group of texts: one finding for the texts that have hits, a target to each. As data,
 * behaviour on the prototype (one per declaration and per project name in a large budget).
 */
class TextCheck implements Check {
  readonly reads = NO_READS;

  constructor(
    private readonly group: TextGroup,
    private readonly search: TextSearch,
  ) {}

  get subject(): string {
    return this.group.path;
  }

  get areas(): readonly Area[] {
    return this.group.areas;
  }

  run(c: CheckContext): FindingDraft | null {
    const { search } = this;
    const hits = this.group.hits(c.doc, search.find(c));
    if (hits.length === 0) return null;
    return {
      message: `${hits.map(search.describe).join('；')}${search.hint(c)}`,
      targets: hits.map((hit) => fieldTarget(hit.item.path, hit.item.label)),
      basis: hits.map((hit) => `${hit.item.path}:${hit.words.join(',')}`).join('|'),
    };
  }
}

// ---------------------------------------------------------------------------------------------------
// C3 template text

/** Template words, in any typed text but indicators: a template indicator row is P6's, reported once. */
const findTemplate: Find = Object.assign(
  (text: string, _years: YearPolicy | null, isIndicator: boolean) =>
    isIndicator ? NO_MATCHES : templateMatches(text),
  { skipsIndicators: true },
);

/** Words of a template nobody replaced. */
const TEMPLATE_SEARCH: TextSearch = {
  find: () => findTemplate,
  describe: (hit) => `${hit.item.label}留有模板文字“${hit.words.join('”“')}”（${hit.context}）`,
  hint: () => '：请改为实际内容',
};

function templateCheck(group: TextGroup): Check {
  return new TextCheck(group, TEMPLATE_SEARCH);
}

const C3: Rule = {
  id: 'C3',
  family: 'C',
  level: '错误',
  title:
    '填写的文字中不得留有模板文字（增加（减少）、XX、××、……、.....、待填写、指标2：、请填写、（此处…）：概况、情况说明、空表说明、名词解释、单位和项目名称、绩效目标申报表',
  checks: (ctx) => [...nameGroups(ctx.doc), ...writtenGroups(ctx.doc)].map(templateCheck),
};

// ---------------------------------------------------------------------------------------------------
// C4 empty tables and their notes

/** Words that name each table's fund (a recognisable part of FORM_DEFINITIONS[id].emptyFund). */
export const FUND_WORDS: Readonly<Record<EmptyNoteTable, readonly string[]>> = {
  T2: ['收入'],
  T3: ['支出'],
  T5: ['一般公共预算'],
  T6: ['基本支出'],
  T7: ['政府性基金'],
  T8: ['政府性基金'],
  T9: ['国有资本经营'],
  T10: ['三公'],
  T11: ['运行经费'],
  T12: ['项目'],
  T13: ['结转'],
};

/** The cells of a form's 合计 rows: a table is empty exactly when they are all blank. */
function totalCells(ctx: CheckContext, id: FormId): CellRef[] {
  return ctx.forms
    .form(id)
    .panels.flatMap((panel) =>
      panel.footer.flatMap((row) =>
        row?.kind === 'total'
          ? Object.entries(row.cells).flatMap(([column, spec]) =>
              'expr' in spec ? [at(id, row.key, column)] : [],
            )
          : [],
      ),
    );
}

/** The note the app suggests for an empty table (本部门2024年无政府性基金预算收入，故本表为空表。). */
function suggestion(ctx: CheckContext, id: EmptyNoteTable): string {
  return ctx.forms.grid(id).suggestedEmptyNote ?? '';
}

function emptyNoteCheck(ctx: CheckContext, id: EmptyNoteTable): Check {
  const totals = totalCells(ctx, id);
  const definition = FORM_DEFINITIONS[id];
  const table = `表${definition.number} ${definition.titleSuffix}`;
  const note = fieldTarget(`emptyTableNotes.${id}`, `表${definition.number} 空表说明`);
  return {
    subject: id,
    reads: totals.map(cellExpr),
    areas: ['notes'],
    run: (c) => {
      const text = (c.doc.emptyTableNotes[id] ?? '').trim();
      const filled = totals.find((cell) => c.value(cell) !== null);

      const place = filled ?? totals[0];
      const targets = [note, ...(place ? [cellTarget(place)] : [])];
      if (filled) {
        if (text === '') return null;
        return {
          message: `${table}有数据（${c.describe(filled)} ${shown(c.value(filled))}），却写有空表说明“${text}”：有数据的表不应写空表说明，请删除`,
          targets,
          basis: `data|${text}`,
        };
      }
      if (text === '') {
        return {
          message: `${table}为空表，未写空表说明：没有数据的表格应列出空表并说明，如“${suggestion(c, id)}”`,
          targets,
          basis: 'empty|',
        };
      }
      if (FUND_WORDS[id].some((word) => text.includes(word))) return null;
      return {
        message: `${table}的空表说明“${text}”没有写明本表的资金（${definition.emptyFund ?? ''}），如“${suggestion(c, id)}”`,
        targets,
        basis: `empty|${text}`,
      };
    },
  };
}

const C4: Rule = {
  id: 'C4',
  family: 'C',
  level: '错误',
  title: '每张空表都有空表说明，且说明写明该表的资金；有数据的表不写空表说明',
  checks: (ctx) => EMPTY_NOTE_TABLES.map((id) => emptyNoteCheck(ctx, id)),
};

// ---------------------------------------------------------------------------------------------------
// C5 政府采购

const PROCUREMENT_PARTS = [
  ['goods', '货物'],
  ['works', '工程'],
  ['services', '服务'],
] as const;

const SPENDING: CellRef = at('T1', 'expenditure:subtotal', 'total');

const C5: Rule = {
  id: 'C5',
  family: 'C',
  level: '错误',
  title:
    '政府采购预算总额 = 货物 + 工程 + 服务：各项为不带负号、至多两位小数的万元金额；总额不超过表1 本年支出合计（提示）',
  checks: () => [
    ...PROCUREMENT_PARTS.map(([part, label]): Check => ({
      subject: `procurement.${part}`,
      reads: [],
      areas: ['narrative'],
      run: (c) => {
        const stored = c.doc.narrative.procurement[part];
        const value = toDecimal(stored);
        const problems = [
          ...(value.lessThan(0) ? ['为负数'] : []),
          ...(value.decimalPlaces() > 2 ? ['超过两位小数'] : []),
        ];
        if (problems.length === 0) return null;
        return {
          message: `${sectionName('procurement')} 政府采购${label}预算 ${stored} 万元${problems.join('且')}：金额应为非负数并保留两位小数（万元），否则采购总额与各项之和对不上`,
          targets: [
            fieldTarget(
              `narrative.procurement.${part}`,
              `${sectionName('procurement')} 政府采购${label}预算`,
            ),
          ],
          basis: stored,
        };
      },
    })),
    {
      subject: 'procurement/total',
      reads: [cellExpr(SPENDING)],
      areas: ['narrative'],
      run: (c) => {
        const parts = PROCUREMENT_PARTS.map(([part, label]) => ({
          part,
          label,
          value: toDecimal(c.doc.narrative.procurement[part]),
        }));
        const total = sum(parts.map((p) => p.value));
        const spending = c.value(SPENDING) ?? ZERO;
        const over = total.minus(spending);
        if (over.lessThan(TOLERANCE)) return null;
        return {
          level: '提示',
          message: `${sectionName('procurement')} 政府采购预算总额 ${formatPlain(total)} 万元（${parts.map((p) => `${p.label} ${formatPlain(p.value)}`).join(' + ')}）> 表1 本年支出合计 ${formatPlain(spending)} 万元，超出 ${formatPlain(over)}：采购预算应在本年支出之内，请核对`,
          targets: [
            ...parts.map((p) =>
              fieldTarget(
                `narrative.procurement.${p.part}`,
                `${sectionName('procurement')} 政府采购${p.label}预算`,
              ),
            ),
            cellTarget(SPENDING),
          ],
          basis: `${formatPlain(total)}|${formatPlain(spending)}`,
        };
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// C6 绩效管理: projects by category against 表12

interface Figures {
  readonly count: Decimal;
  readonly amount: Decimal;
}

/** What 十 states of a set of projects: the total, each category, and (for the published ones) the share. */
interface ProjectStatement {
  readonly declared: boolean;
  readonly label: string;
  readonly total: Figures;
  readonly byCategory: Map<ProjectCategory, Figures>;
  share: string | null;
}

/**
 * Reads 十's project paragraphs: a count after `其他运转类项目` / `特定目标类项目` is a category with the
 * amount after it; any other count starts a statement (纳入绩效目标管理的项目, 公开项目绩效目标).
 */
function projectStatements(doc: BudgetDocument): ProjectStatement[] {
  const statements: ProjectStatement[] = [];
  for (const segments of paragraphsOf(doc, 'performance')) {
    segments.forEach((segment, index) => {
      if (!isFigure(segment)) return;
      const current = statements.at(-1);
      if (segment.role === 'share') {
        if (current) current.share = segment.text;
        return;
      }
      if (segment.format !== 'count') return;
      const amount = segments.slice(index + 1).find((s) => isFigure(s) && s.format === 'amount');
      const figures = { count: segment.value, amount: isFigure(amount) ? amount.value : ZERO };
      const before = textBefore(segments, index);
      const category = PROJECT_CATEGORIES.find((c) => before.endsWith(`${c}项目`));
      if (category) current?.byCategory.set(category, figures);
      else
        statements.push({
          declared: before.includes('公开'),
          label: lastClause(before).replace(/^\d{4}年本部门/, ''),
          total: figures,
          byCategory: new Map(),
          share: null,
        });
    });
  }
  return statements;
}

const T12_TOTAL = at('T12', 'total', 'total');

function figuresText(figures: Figures): string {
  return `${countText(figures.count)}个、${formatPlain(figures.amount)}万元`;
}

function sameFigures(a: Figures, b: Figures): boolean {
  return a.count.eq(b.count) && a.amount.minus(b.amount).abs().lessThan(TOLERANCE);
}

function projectsCheck(ctx: CheckContext, declared: boolean): Check {
  const budgeted = ctx.doc.projects.filter((p) => p.current);
  return {
    subject: declared ? 'declared' : 'budgeted',
    reads: [T12_TOTAL, ...budgeted.map((p) => at('T12', p.id, 'total'))].map(cellExpr),
    areas: ['narrative', 'projects', 'declarations'],
    run: (c) => {
      const statement = projectStatements(c.doc).find((s) => s.declared === declared);
      if (!statement) return null;
      const projects = c.doc.projects.filter((p) => p.current && (!declared || p.declaration));
      const figuresOf = (members: typeof projects): Figures => ({
        count: new Decimal(members.length),
        amount: sum(members.map((p) => c.value(at('T12', p.id, 'total')) ?? ZERO)),
      });
      const table12 = c.value(T12_TOTAL) ?? ZERO;
      const expected = declared ? figuresOf(projects) : { ...figuresOf(projects), amount: table12 };
      const where = declared ? '表12 中这些项目' : '表12';
      const problems: string[] = [];
      const cells: CellRef[] = [];
      for (const category of PROJECT_CATEGORIES) {
        const members = projects.filter((p) => p.category === category);
        const stated = statement.byCategory.get(category);
        const inTable = figuresOf(members);
        if (stated ? sameFigures(stated, inTable) : members.length === 0) continue;
        problems.push(
          stated
            ? `${category}项目写${figuresText(stated)}，${where} 为${figuresText(inTable)}`
            : `未写${category}项目（${where} 有${figuresText(inTable)}）`,
        );
        cells.push(...members.map((p) => at('T12', p.id, 'total')));
      }
      const stated = [...statement.byCategory.values()];
      const added = { count: sum(stated.map((s) => s.count)), amount: sum(stated.map((s) => s.amount)) };
      if (!sameFigures(added, expected)) {
        problems.push(`各类别合计${figuresText(added)}，${where} 共${figuresText(expected)}`);
      }
      if (!sameFigures(statement.total, added)) {
        problems.push(`共写${figuresText(statement.total)}，与各类别之和${figuresText(added)}不符`);
      }
      if (statement.share !== null && table12.greaterThan(0)) {
        const share = percentText(sharePercent(expected.amount, table12) ?? ZERO);
        if (share !== statement.share) {
          problems.push(
            `占本年项目支出预算总额写${statement.share}，按表12 ${formatPlain(expected.amount)} ÷ ${formatPlain(table12)} 应为${share}`,
          );
        }
      }
      if (problems.length === 0) return null;
      return {
        message: `${sectionName('performance')} ${statement.label}：${problems.join('；')}`,
        targets: [cellTarget(T12_TOTAL), ...cells.map(cellTarget), sectionTarget('performance')],
        basis: problems.join('|'),
      };
    },
  };
}

const C6: Rule = {
  id: 'C6',
  family: 'C',
  level: '错误',
  title:
    '绩效管理情况中按类别（其他运转类、特定目标类）的项目个数和金额与表12 一致，合计为表12 的项目个数和合计',
  // As C1: the section is written from 表12, so only a workbook's stated values can disagree with it.
  checks: (ctx) =>
    ctx.statedCells.length === 0 ? [] : [projectsCheck(ctx, false), projectsCheck(ctx, true)],
};

// ---------------------------------------------------------------------------------------------------
// C7 国有资产: vehicles

const ASSETS = sectionName('assets');

const C7: Rule = {
  id: 'C7',
  family: 'C',
  level: '错误',
  title: '国有资产占有使用情况中各类公务用车之和等于实有数；实有数超过编制数为提示',
  checks: () => [
    {
      subject: 'vehicles',
      reads: [],
      areas: ['narrative'],
      run: (c) => {
        const assets = c.doc.narrative.assets;
        const actual = toDecimal(assets.vehicleActual);
        const kinds = VEHICLE_KINDS.map(([kind, label]) => ({
          kind,
          label,
          count: toDecimal(assets.vehicles[kind]),
        }));
        const total = sum(kinds.map((k) => k.count));
        if (total.eq(actual)) return null;
        const listedKinds = kinds.filter((k) => !k.count.isZero());
        return {
          message: `${ASSETS} 公务用车实有 ${countText(actual)} 辆，各类车辆合计 ${countText(total)} 辆（${
            listedKinds.length > 0
              ? listedKinds.map((k) => `${k.label} ${countText(k.count)}`).join('、')
              : '各类均为 0'
          }），两者应相等`,
          targets: [
            fieldTarget('narrative.assets.vehicleActual', `${ASSETS} 实有公务用车`),
            ...(listedKinds.length > 0 ? listedKinds : kinds).map((k) =>
              fieldTarget(`narrative.assets.vehicles.${k.kind}`, `${ASSETS} ${k.label}`),
            ),
          ],
          basis: `${countText(actual)}|${kinds.map((k) => countText(k.count)).join(',')}`,
        };
      },
    },
    {
      subject: 'quota',
      reads: [],
      areas: ['narrative'],
      run: (c) => {
        const { vehicleQuota, vehicleActual } = c.doc.narrative.assets;
        const quota = toDecimal(vehicleQuota);
        const actual = toDecimal(vehicleActual);
        if (!actual.greaterThan(quota)) return null;
        return {
          level: '提示',
          message: `${ASSETS} 公务用车编制 ${vehicleQuota === '' ? '未填' : `${vehicleQuota} 辆`}，实有 ${countText(actual)} 辆，超出编制 ${countText(actual.minus(quota))} 辆：请核实，或说明原因（如待处置的车辆）`,
          targets: [
            fieldTarget('narrative.assets.vehicleQuota', `${ASSETS} 公务用车编制`),
            fieldTarget('narrative.assets.vehicleActual', `${ASSETS} 实有公务用车`),
          ],
          basis: `${vehicleQuota}|${vehicleActual}`,
        };
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// C8 year and department name

/** The years a text names that its policy does not allow (another year's budget, a stale date). */
function staleYears(text: string, years: YearPolicy | null, year: number): readonly RegExpExecArray[] {
  if (!years || !namesOtherYear(text, year, years.lastYear)) return NO_MATCHES;
  return [...text.matchAll(years.pattern)].filter((m) => {
    const named = Number(m[1] ?? m[2]);
    return named !== year && !(years.lastYear && named === year - 1);
  });
}

/** What \s matches, by character code (charAt would make a string of each character it looks at). */
const SPACE_CODES = new Set(
  Array.from('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff', (ch) => ch.charCodeAt(0)),
);
const isSpaceCode = (code: number) => SPACE_CODES.has(code) || (code >= 0x2000 && code <= 0x200a);

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const isDigitAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= DIGIT_0 && code <= DIGIT_9;
};

/**
 * Whether a text names a year (four digits 19xx/20xx followed by 年, as both year patterns require) other
 * than `year` (or last year, when allowed). Tens of thousands of texts are read on each full check and
 * nearly all name no year or this one: a scan without regular expressions or allocations.
 */
function namesOtherYear(text: string, year: number, lastYear: boolean): boolean {
  for (let i = text.indexOf('年'); i !== -1; i = text.indexOf('年', i + 1)) {
    let end = i;
    while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
    const start = end - 4;
    if (start < 0 || (start > 0 && isDigitAt(text, start - 1))) continue;
    let named = 0;
    for (let j = start; j < end; j++) {
      if (!isDigitAt(text, j)) {
        named = -1;
        break;
      }
      named = named * 10 + text.charCodeAt(j) - DIGIT_0;
    }
    if (named < 1900 || named > 2099) continue;
    if (named !== year && !(lastYear && named === year - 1)) return true;
  }
  return false;
}

const STALE_YEAR_SEARCH: TextSearch = {
  find: (c) => (text, years) => staleYears(text, years, c.doc.year),
  describe: (hit) => `${hit.item.label}写有“${hit.words.join('”“')}”（${hit.context}）`,
  hint: (c) => `，本文件是${c.doc.year}年部门预算：疑为往年文本未改，请核对`,
};

function yearCheck(group: TextGroup): Check {
  return new TextCheck(group, STALE_YEAR_SEARCH);
}

const normalName = (name: string) => name.replace(/\s/g, '');

const C8: Rule = {
  id: 'C8',
  family: 'C',
  level: '错误',
  title:
    '年度和部门名称前后一致：填写的文字不写其他年度的预算（空表说明只写本年度），部门名称已填，整体绩效目标申报表的单位名称为本部门或所属单位',
  checks: (ctx) => [
    {
      subject: 'department.name',
      reads: [],
      areas: ['department'],
      run: (c) =>
        normalName(c.doc.department.name) === ''
          ? {
              message: '部门名称未填写：封面、各表标题和情况说明都以部门名称开头',
              targets: [fieldTarget('department.name', '部门名称')],
              basis: '',
            }
          : null,
    },
    {
      subject: 'performance.overall.unitName',
      reads: [],
      areas: ['performance', 'department', 'units'],
      run: (c) => {
        const typed = c.doc.performance.overall.unitName.trim();
        const names = [c.doc.department.name, ...c.doc.units.map((u) => u.name)].map(normalName);
        if (typed === '' || names.includes(normalName(typed))) return null;
        return {
          message: `部门整体支出绩效目标申报表 单位名称“${typed}”与部门名称“${c.doc.department.name}”及所属单位名称均不一致：疑为其他部门或往年的申报表未改`,
          targets: [
            fieldTarget('performance.overall.unitName', `${OVERALL}单位名称`),
            fieldTarget('department.name', '部门名称'),
          ],
          basis: `${typed}|${c.doc.department.name}`,
        };
      },
    },
    ...writtenGroups(ctx.doc).map(yearCheck),
  ],
};

// ---------------------------------------------------------------------------------------------------
// C9 units of 八 and 表11

const UNIT_TYPE_NAMES = { 行政: '行政单位', 参公事业: '参公事业单位' } as const;

const C9: Rule = {
  id: 'C9',
  family: 'C',
  level: '提示',
  title: '行政单位和参公事业单位都列入表11 机关运行经费（情况说明八 按表11 统计单位）',
  checks: (ctx) =>
    ctx.doc.units.map((unit): Check => ({
      subject: `unit/${unit.id}`,
      reads: [],
      areas: ['units'],
      run: (c) => {
        const current = c.doc.units.find((u) => u.id === unit.id);
        if (!current || current.type === '事业') return null;
        if (c.doc.tables.t11.rows.some((row) => row.unitId === unit.id)) return null;
        return {
          message: `“${current.name}”是${UNIT_TYPE_NAMES[current.type]}，未列入表11 机关运行经费：机关运行经费反映行政单位和参公事业单位的公用经费，${sectionName('operatingExpenses')} 也只统计表11 所列单位。请在表11 添加该单位，或核实单位性质`,
          targets: [
            fieldTarget(`units.${unit.id}`, `单位“${current.name}”`),
            cellTarget(at('T11', 'total', 'total')),
          ],
          basis: current.type,
        };
      },
    })),
};

export const TEXT_RULES: readonly Rule[] = [C1, C2, C3, C4, C5, C6, C7, C8, C9];
