/**
 * The table layouts the report uses, by name. A report definition names them instead of carrying
 * functions, so that it is plain data: it can be handed to a worker thread (or across IPC to a preview)
 * and the renderer registers these once (pdfmake.setTableLayouts).
 */
import type { CustomTableLayout } from 'pdfmake/interfaces';

/** The width of a table rule, in points. */
export const RULE = 0.5;
/** A declaration cell's padding, in points (its size estimates use the same). */
export const DECLARATION_PADDING = { x: 2, y: 2 } as const;
/**
 * The padding above a declaration cell's text in a form set tight, to fit its page (declarations.ts): the
 * text sits low in its line, so the room above it can go.
 */
export const TIGHT_PADDING_TOP = 0.5;
/** The room above the signature line under a declaration, in points. */
export const SIGNATURE_PADDING_TOP = 4;

export const TABLE_LAYOUTS = {
  /** The thirteen tables: thin rules, tight rows. */
  form: {
    hLineWidth: () => RULE,
    vLineWidth: () => RULE,
    paddingTop: () => 1.5,
    paddingBottom: () => 1.5,
  },
  /** A declaration's grid. */
  declaration: {
    hLineWidth: () => RULE,
    vLineWidth: () => RULE,
    paddingLeft: () => DECLARATION_PADDING.x,
    paddingRight: () => DECLARATION_PADDING.x,
    paddingTop: () => DECLARATION_PADDING.y,
    paddingBottom: () => DECLARATION_PADDING.y,
  },
  /** A declaration's grid under a borderless caption row (no rule above the first row). */
  declarationCaptioned: {
    hLineWidth: (i) => (i === 0 ? 0 : RULE),
    vLineWidth: () => RULE,
    paddingLeft: () => DECLARATION_PADDING.x,
    paddingRight: () => DECLARATION_PADDING.x,
    paddingTop: () => DECLARATION_PADDING.y,
    paddingBottom: () => DECLARATION_PADDING.y,
  },
  /** A declaration's grid, set tight. */
  declarationTight: {
    hLineWidth: () => RULE,
    vLineWidth: () => RULE,
    paddingLeft: () => DECLARATION_PADDING.x,
    paddingRight: () => DECLARATION_PADDING.x,
    paddingTop: () => TIGHT_PADDING_TOP,
    paddingBottom: () => DECLARATION_PADDING.y,
  },
  /** The signature line under a declaration: no rules. */
  signatures: {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: () => DECLARATION_PADDING.x,
    paddingRight: () => DECLARATION_PADDING.x,
    paddingTop: () => SIGNATURE_PADDING_TOP,
    paddingBottom: () => 0,
  },
} satisfies Record<string, CustomTableLayout>;

export type TableLayoutName = keyof typeof TABLE_LAYOUTS;

/** The name, checked: `layout: tableLayout('form')`. */
export function tableLayout(name: TableLayoutName): TableLayoutName {
  return name;
}
