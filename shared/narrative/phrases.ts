/**
 * Building blocks of the narrative's sentences: figures with their sources, slots for typed text, the
 * change-from-last-year phrase and the share lists. Sections (generate.ts) compose these.
 */
import type { Amount } from '../money';
import { Decimal, formatPlain, isBlank, sum, toDecimal } from '../money';
import {
  changeRatePercent,
  changeRateText,
  countText,
  largestRemainderPercents,
  percentText,
  sharePercent,
} from './percent';
import type {
  FigureRole,
  FigureSegment,
  FigureSource,
  NarrativeBlock,
  NarrativeField,
  NarrativeTextField,
  NarrativeValueField,
  Segment,
  SlotSegment,
} from './types';

/** A piece of a sentence: fixed wording, a segment, or a list of pieces. */
export type Phrase = string | Segment | readonly Phrase[];

function flatten(phrase: Phrase, into: Segment[]): void {
  if (typeof phrase === 'string') {
    if (phrase === '') return;
    const last = into.at(-1);
    if (last?.kind === 'text') into[into.length - 1] = { kind: 'text', text: last.text + phrase };
    else into.push({ kind: 'text', text: phrase });
  } else if ('kind' in phrase) {
    if (phrase.kind === 'text') flatten(phrase.text, into);
    else into.push(phrase);
  } else {
    for (const part of phrase) flatten(part, into);
  }
}

/** A paragraph of the pieces, with neighbouring fixed wording joined into one text segment. */
export function paragraph(...phrases: Phrase[]): NarrativeBlock {
  const segments: Segment[] = [];
  flatten(phrases, segments);
  return { kind: 'paragraph', segments };
}

export function subheading(text: string): NarrativeBlock {
  return { kind: 'subheading', text };
}

/** An amount in 万元 followed by its unit: 621.43万元. */
export function wan(value: Decimal, source: FigureSource, role?: FigureRole): Phrase {
  const figure: FigureSegment = { kind: 'figure', value, format: 'amount', text: formatPlain(value), source };
  return [role ? { ...figure, role } : figure, '万元'];
}

/** A typed amount of doc.narrative in 万元. */
export function typedWan(field: NarrativeValueField, stored: Amount): Phrase {
  return wan(toDecimal(stored), { narrative: field });
}

/** A count (units, projects, vehicles…); the unit word (家, 个, 辆) follows in the text. */
function count(value: Decimal, source: FigureSource, role?: FigureRole): FigureSegment {
  const figure: FigureSegment = { kind: 'figure', value, format: 'count', text: countText(value), source };
  return role ? { ...figure, role } : figure;
}

/** A count of what the document lists (units, projects). */
export function tally(items: readonly unknown[]): FigureSegment {
  return count(new Decimal(items.length), null, 'count');
}

/** A typed count of doc.narrative (blank counts as 0). */
export function typedCount(field: NarrativeValueField, stored: string): FigureSegment {
  return count(toDecimal(stored), { narrative: field });
}

/** A typed floor area of doc.narrative in 平方米. */
export function area(field: NarrativeValueField, stored: Amount): FigureSegment {
  const value = toDecimal(stored);
  return { kind: 'figure', value, format: 'area', text: formatPlain(value), source: { narrative: field } };
}

/** A percentage, printed as `shown` whole percent. */
function percent(exact: Decimal, shown: string, role: FigureRole): FigureSegment {
  return { kind: 'figure', value: exact, format: 'percent', text: shown, source: null, role };
}

/** part ÷ whole, rounded on its own (a single share, not one of several shares of a whole). */
export function share(part: Decimal, whole: Decimal): FigureSegment | null {
  const exact = sharePercent(part, whole);
  return exact === null ? null : percent(exact, percentText(exact), 'share');
}

/** Where the accountant types: `typed` is what is there now (trimmed). */
export function slot(
  field: NarrativeField,
  typed: string,
  placeholder: string,
  required: boolean,
): SlotSegment {
  return { kind: 'slot', field, text: typed.trim(), placeholder, required };
}

/** One part of a whole: its name, its amount and where the amount comes from. */
export interface SharePart {
  readonly label: string;
  readonly value: Decimal;
  readonly source: FigureSource;
}

/**
 * 一般公共预算621.43万元，占100%；政府性基金预算0.00万元，占0%: the parts of one whole with their
 * shares (largest remainder, so they add up to 100), joined by ；. Without shares when the whole is zero.
 */
export function shareList(parts: readonly SharePart[]): Phrase {
  const shares = largestRemainderPercents(parts.map((part) => part.value));
  const whole = sum(parts.map((part) => part.value));
  return parts.map((part, index) => {
    const shown = shares?.[index];
    const exact = sharePercent(part.value, whole);
    return [
      index === 0 ? '' : '；',
      part.label,
      wan(part.value, part.source),
      shown === undefined || exact === null ? '' : ['，占', percent(exact, `${shown}%`, 'share')],
    ];
  });
}

/**
 * 比上年减少59.12万元，下降9% / 与上年持平 / 比上年增加5.00万元（上年为0，不计算增减率）. `since` is
 * 上年 or 2023年. The rate is divided by last year's figure, never this year's.
 */
function change(current: Decimal, lastYear: Decimal, since: string): Phrase {
  const difference = current.minus(lastYear);
  if (difference.isZero()) return `与${since}持平`;
  const increase = difference.isPositive();
  const amount = [`比${since}${increase ? '增加' : '减少'}`, wan(difference.abs(), null, 'change')];
  const rate = changeRatePercent(current, lastYear);
  if (rate === null) return [amount, `（${since}为0，不计算增减率）`];
  return [amount, increase ? '，增长' : '，下降', percent(rate.abs(), changeRateText(rate), 'changeRate')];
}

/** Where the reason for a change is typed, and what to type there. */
export interface ReasonField {
  readonly field: NarrativeTextField;
  readonly typed: string;
  readonly placeholder: string;
}

/** A figure of last year's, typed in doc.narrative.lastYear. */
export interface LastYearInput {
  readonly field: NarrativeValueField;
  readonly stored: Amount;
  /** What it is, asked for while it is blank: 上年预算收入总计. */
  readonly label: string;
}

/**
 * The change from last year and its reason: 比上年减少59.12万元，下降9%，主要原因是…. Last year's figure
 * is the sum of `lastYear` (one input, or the four 三公 items). While one of them is blank no comparison
 * can be stated, so each blank one is asked for instead (a typed 0 is a figure: 上年为0). The reason is
 * required when the figure changed (C2); otherwise a typed reason is still printed and an empty one
 * prints nothing (its slot stays in place, so the UI can offer it).
 */
export function changeWithReason(
  current: Decimal,
  lastYear: readonly LastYearInput[],
  since: string,
  why: ReasonField,
): Phrase {
  const missing = lastYear.filter((input) => isBlank(input.stored));
  const previous = sum(lastYear.map((input) => toDecimal(input.stored)));
  const changed = missing.length === 0 && !current.eq(previous);
  const comparison =
    missing.length > 0
      ? [`比${since}`, missing.map((input) => slot(input.field, '', `${input.label}（万元）`, true))]
      : change(current, previous, since);
  // Sentence punctuation is the narrative's: a reason typed with a closing 。 or ； does not double it.
  const reason = slot(why.field, why.typed.replace(/[。；;，,\s]+$/u, ''), why.placeholder, changed);
  const printed = reason.required || reason.text !== '';
  return [comparison, printed ? ['，主要原因是', reason] : reason];
}
