/**
 * Editing what the accountant types into 第三部分 情况说明: the reasons and other texts, last year's
 * figures, 政府采购, and 国有资产 counts and area. Pure functions: each returns a new document (unchanged
 * parts shared) and the change for the check session, or a failure with a Chinese message.
 *
 * None of these values is in a form (the forms read only the tables and projects), so an edit touches
 * the area 'narrative' only; the checks reading them (C1, C2, C5, C7, B7, D1) all declare that area.
 */
import type { DocumentChange } from '../checks/session';
import type { BudgetDocument, Narrative } from '../document/schema';
import { parseAmountInput, type Amount } from '../money';
import {
  ASSET_LABELS,
  LAST_YEAR_LABELS,
  PROCUREMENT_LABELS,
  THREE_PUBLIC_LABELS,
  VEHICLE_KINDS,
} from './labels';
import type { NarrativeField, NarrativeTextField, NarrativeValueField } from './types';

export type NarrativeEdit =
  | { readonly ok: true; readonly doc: BudgetDocument; readonly change: DocumentChange }
  | { readonly ok: false; readonly message: string };

const NARRATIVE_CHANGE: DocumentChange = { kind: 'areas', areas: ['narrative'] };

const fail = (message: string): NarrativeEdit => ({ ok: false, message });
const done = (doc: BudgetDocument): NarrativeEdit => ({ ok: true, doc, change: NARRATIVE_CHANGE });

// ---------------------------------------------------------------------------------------------------
// Reading input

export type ParsedCount = { ok: true; count: string } | { ok: false; message: string };

const FULL_WIDTH_DIGITS = /[０-９]/g;

/**
 * Reads a count (车辆, 设备, 人数) as typed: digits (full-width too), surrounding spaces, '' for blank.
 * Stored without leading zeros. Anything else (a sign, a decimal, a unit) is refused.
 */
export function parseCountInput(text: string): ParsedCount {
  const halfWidth = text.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const trimmed = halfWidth.replace(/\u3000/g, ' ').trim();
  if (trimmed === '') return { ok: true, count: '' };
  if (!/^\d+$/.test(trimmed)) {
    return { ok: false, message: `“${text.trim()}”不是个数，请输入不带单位的整数，如 12` };
  }
  return { ok: true, count: trimmed.replace(/^0+(?=\d)/, '') };
}

// ---------------------------------------------------------------------------------------------------
// Fields

/** The value fields that are counts (个, 辆, 台（套）); the others are amounts (万元, 平方米). */
const COUNT_FIELDS: ReadonlySet<string> = new Set([
  'assets.vehicleQuota',
  'assets.vehicleActual',
  'assets.equipmentOver50',
  'assets.equipmentOver100',
]);

function isCountField(field: NarrativeValueField): boolean {
  return COUNT_FIELDS.has(field) || field.startsWith('assets.vehicles.');
}

/** Each field of `labels` under `path`, its label after `before` (上年, 政府采购). */
function labelled(path: string, labels: Readonly<Record<string, string>>, before = ''): [string, string][] {
  return Object.entries(labels).map(([key, label]) => [`${path}.${key}`, `${before}${label}`]);
}

/** What a field is, in the accountant's words, for messages: as a file problem names it (labels.ts). */
const FIELD_LABELS: Readonly<Record<string, string>> = Object.fromEntries([
  ...labelled('lastYear', LAST_YEAR_LABELS, '上年'),
  ...labelled('lastYear.threePublic', THREE_PUBLIC_LABELS, '上年'),
  ...labelled('procurement', PROCUREMENT_LABELS, '政府采购'),
  ...labelled('assets', ASSET_LABELS),
  ...labelled('assets.vehicles', Object.fromEntries(VEHICLE_KINDS)),
]);

function labelOf(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** A string-valued record of the narrative and the narrative with that record replaced. */
interface Slot {
  readonly record: Readonly<Record<string, string>>;
  readonly key: string;
  readonly write: (record: Record<string, string>) => Narrative;
}

/** Where a dotted field lives; null when the narrative has no such string field. */
function slotOf(n: Narrative, field: string): Slot | null {
  const parts = field.split('.');
  const [head, middle, last] = parts;
  let slot: Slot | null = null;
  if (parts.length === 1 && head === 'otherNotes') {
    slot = {
      record: { otherNotes: n.otherNotes },
      key: head,
      write: (r) => ({ ...n, otherNotes: r.otherNotes ?? n.otherNotes }),
    };
  } else if (parts.length === 2 && middle !== undefined) {
    if (head === 'reasons') {
      slot = { record: n.reasons, key: middle, write: (r) => ({ ...n, reasons: { ...n.reasons, ...r } }) };
    } else if (head === 'procurement') {
      slot = {
        record: n.procurement,
        key: middle,
        write: (r) => ({ ...n, procurement: { ...n.procurement, ...r } }),
      };
    } else if (head === 'lastYear' && middle !== 'threePublic') {
      const { threePublic, ...figures } = n.lastYear;
      slot = {
        record: figures,
        key: middle,
        write: (r) => ({ ...n, lastYear: { ...n.lastYear, ...r, threePublic } }),
      };
    } else if (head === 'assets' && middle !== 'vehicles') {
      const { vehicles, ...assets } = n.assets;
      slot = {
        record: assets,
        key: middle,
        write: (r) => ({ ...n, assets: { ...n.assets, ...r, vehicles } }),
      };
    }
  } else if (parts.length === 3 && last !== undefined) {
    if (head === 'lastYear' && middle === 'threePublic') {
      const threePublic = n.lastYear.threePublic;
      slot = {
        record: threePublic,
        key: last,
        write: (r) => ({ ...n, lastYear: { ...n.lastYear, threePublic: { ...threePublic, ...r } } }),
      };
    } else if (head === 'assets' && middle === 'vehicles') {
      const vehicles = n.assets.vehicles;
      slot = {
        record: vehicles,
        key: last,
        write: (r) => ({ ...n, assets: { ...n.assets, vehicles: { ...vehicles, ...r } } }),
      };
    }
  }
  return slot && typeof slot.record[slot.key] === 'string' && Object.hasOwn(slot.record, slot.key)
    ? slot
    : null;
}

const TEXT_FIELDS: ReadonlySet<string> = new Set(['assets.asOf', 'assets.vehicleNote', 'otherNotes']);

/** A field typed as text (reasons, notes), as opposed to a figure. */
export function isTextField(field: string): field is NarrativeTextField {
  return TEXT_FIELDS.has(field) || field.startsWith('reasons.');
}

/** The stored text of a narrative text field ('' when there is no such field). */
export function narrativeText(doc: BudgetDocument, field: NarrativeTextField): string {
  const slot = isTextField(field) ? slotOf(doc.narrative, field) : null;
  return slot?.record[slot.key] ?? '';
}

/** The stored amount or count of a narrative value field ('' for blank, or when there is no such field). */
export function narrativeValue(doc: BudgetDocument, field: NarrativeValueField): string {
  const slot = isTextField(field) ? null : slotOf(doc.narrative, field);
  return slot?.record[slot.key] ?? '';
}

function write(doc: BudgetDocument, slot: Slot, value: string): NarrativeEdit {
  if (slot.record[slot.key] === value) return done(doc);
  return done({ ...doc, narrative: slot.write({ [slot.key]: value }) });
}

// ---------------------------------------------------------------------------------------------------
// Edits

/** Sets a reason, the 国有资产 date or vehicle note, or 其他说明. The text is stored as typed. */
export function setNarrativeText(
  doc: BudgetDocument,
  field: NarrativeTextField,
  text: string,
): NarrativeEdit {
  const slot = isTextField(field) ? slotOf(doc.narrative, field) : null;
  if (!slot) return fail(`情况说明没有文字栏目“${field}”`);
  return write(doc, slot, text);
}

/**
 * Sets a typed figure from what the user typed: an amount (万元, or 平方米 for the office area) read by
 * parseAmountInput, or a count as a whole number. Blank clears it; negative figures are refused.
 */
export function setNarrativeValue(
  doc: BudgetDocument,
  field: NarrativeValueField,
  input: string,
): NarrativeEdit {
  const slot = isTextField(field) ? null : slotOf(doc.narrative, field);
  if (!slot) return fail(`情况说明没有数值栏目“${field}”`);
  const label = labelOf(field);
  let value: Amount;
  if (isCountField(field)) {
    const parsed = parseCountInput(input);
    if (!parsed.ok) return fail(`${label}：${parsed.message}`);
    value = parsed.count;
  } else {
    const parsed = parseAmountInput(input);
    if (!parsed.ok) return fail(`${label}：${parsed.message}`);
    if (parsed.amount.startsWith('-')) return fail(`${label}：不能为负数`);
    value = parsed.amount;
  }
  return write(doc, slot, value);
}

/** What an editor shows for a field: its stored text or figure ('' when blank). */
export function narrativeFieldText(doc: BudgetDocument, field: NarrativeField): string {
  return isTextField(field) ? narrativeText(doc, field) : narrativeValue(doc, field);
}

/** Sets any field of the narrative from what the user typed: a text as typed, a figure parsed. */
export function setNarrativeField(doc: BudgetDocument, field: NarrativeField, input: string): NarrativeEdit {
  return isTextField(field) ? setNarrativeText(doc, field, input) : setNarrativeValue(doc, field, input);
}
