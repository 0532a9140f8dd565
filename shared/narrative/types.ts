/**
 * The generated 第三部分 情况说明, as structure rather than a string: sections of subheadings and
 * paragraphs, each paragraph a run of segments. A figure is a number the data gives (marked in the UI,
 * verified by the checker); a slot is what the accountant types (editable, and impossible to miss when
 * it is still empty); text is the fixed wording around them.
 */
import type { CellRef } from '../forms/types';
import type { Decimal } from '../money';
import type { Narrative, ThreePublicItem } from '../document/schema';

/** The twelve sections, in the order the reference prints them (一 … 十二). */
export const NARRATIVE_SECTIONS = [
  'changes', // 一、部门预算收支数据变动情况及原因
  'income', // 二、收入预算情况说明
  'expenditure', // 三、支出预算情况说明
  'fiscalAppropriation', // 四、财政拨款收支预算总体情况说明
  'generalBudget', // 五、一般公共预算支出情况说明
  'basicExpenditure', // 六、一般公共预算基本支出情况说明
  'threePublic', // 七、“三公”经费增减变动原因说明
  'operatingExpenses', // 八、机关运行经费增减变动原因说明
  'procurement', // 九、政府采购情况
  'performance', // 十、绩效管理情况
  'assets', // 十一、国有资产占有使用情况
  'otherNotes', // 十二、其他说明
] as const;
export type NarrativeSectionKey = (typeof NARRATIVE_SECTIONS)[number];

type Assets = Narrative['assets'];

/** A typed amount or count of doc.narrative, as a dotted path (e.g. 'lastYear.totalIncome'). */
export type NarrativeValueField =
  | `lastYear.${Exclude<keyof Narrative['lastYear'], 'threePublic'>}`
  | `lastYear.threePublic.${ThreePublicItem}`
  | `procurement.${keyof Narrative['procurement']}`
  | `assets.${Exclude<keyof Assets, 'asOf' | 'vehicles' | 'vehicleNote'>}`
  | `assets.vehicles.${keyof Assets['vehicles']}`;

/** A typed text of doc.narrative, as a dotted path (e.g. 'reasons.total'). */
export type NarrativeTextField =
  `reasons.${keyof Narrative['reasons']}` | 'assets.asOf' | 'assets.vehicleNote' | 'otherNotes';

/** Where a figure comes from: a computed cell, a typed narrative value, or null when it is derived. */
export type FigureSource = CellRef | { readonly narrative: NarrativeValueField } | null;

/**
 * What a derived figure (source null) is: a change from last year (its magnitude; the word 增加/减少
 * beside it carries the sign), a change rate (magnitude, in percent, divided by last year's figure), a
 * share of a whole (in percent), a count of units or projects, or a sum of other figures.
 */
export type FigureRole = 'change' | 'changeRate' | 'share' | 'count' | 'sum';

/**
 * amount: 万元, two decimals; area: 平方米, two decimals; percent: whole percent (shares of one whole
 * rounded by largest remainder, so a share's text may differ by one from rounding its value alone);
 * count: an integer.
 */
export type FigureFormat = 'amount' | 'area' | 'percent' | 'count';

export interface TextSegment {
  readonly kind: 'text';
  readonly text: string;
}

export interface FigureSegment {
  readonly kind: 'figure';
  /** The exact value (unrounded; percentages on the 0–100 scale). */
  readonly value: Decimal;
  readonly format: FigureFormat;
  /** As printed: '621.43', '9%'. The unit (万元, 个, 辆…) is in the text that follows. */
  readonly text: string;
  readonly source: FigureSource;
  readonly role?: FigureRole;
}

/** What the accountant types into the narrative: a text, or a last-year figure while it is blank. */
export type NarrativeField = NarrativeTextField | NarrativeValueField;

export interface SlotSegment {
  readonly kind: 'slot';
  readonly field: NarrativeField;
  /** The typed text ('' when unfilled; always '' for a value field, which is a slot only while blank). */
  readonly text: string;
  /** What to type, e.g. 收支增减变动的主要原因. */
  readonly placeholder: string;
  /** A required slot left empty is unfilled (【待填写：…】); an optional one then prints nothing. */
  readonly required: boolean;
}

export type Segment = TextSegment | FigureSegment | SlotSegment;

export type NarrativeBlock =
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly segments: readonly Segment[] };

export interface NarrativeSection {
  readonly key: NarrativeSectionKey;
  /** '一、部门预算收支数据变动情况及原因'. */
  readonly heading: string;
  readonly blocks: readonly NarrativeBlock[];
}
