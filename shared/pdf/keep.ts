/**
 * Page breaks a typesetter would make that pdfmake does not (it has no widow or orphan control and cannot
 * keep a heading with what it heads, or a table's last rows with its 备注). While pdfmake lays a run out,
 * it asks, node by node, whether the node should start a page (pageBreakBefore); the renderer answers with
 * these rules, from where the nodes landed:
 *
 * - A paragraph that would leave its first line alone at the foot of a page (an orphan) starts the next
 *   page; so does one with a few lines at the foot of a page that would leave its last line alone at the
 *   top of the next (a widow), or its end as a page of its own (with more lines, it stays: moving it would
 *   leave a gap of many lines).
 * - A heading that would be last on its page, or whose paragraph must start the next page, starts it
 *   (with what it heads).
 * - A table's 备注 at the top of a page (or running onto the next): the run is laid out again with the
 *   table's last rows kept with it (report.ts tableSection).
 */
import type { FormId } from '../forms/types';
import { FLOW_MARGINS } from './styles';

/** Where a node landed (from pdfmake's node information). */
export interface LaidNode {
  readonly id: string;
  /** Its style: heading, subheading, body, remark (others are not weighed). */
  readonly style: string;
  /** The page it starts on. */
  readonly page: number;
  /** The page it ends on. */
  readonly lastPage: number;
  /** How far its first line is below the top of its page's text area, in points. */
  readonly top: number;
  /** The height of that page's text area, in points. */
  readonly pageHeight: number;
}

const FLOW_ID = 'flow-';
const REMARK_ID = 'remark-';

/** The node id of the report's n-th paragraph or subheading. */
export function flowId(n: number): string {
  return `${FLOW_ID}${n}`;
}

/** The node id of a table's 备注. */
export function remarkId(form: FormId): string {
  return `${REMARK_ID}${form}`;
}

/** Whether a node is a paragraph or subheading of the report (listed headings have ids of their own). */
export function isFlowId(id: string): boolean {
  return id.startsWith(FLOW_ID);
}

export function isRemarkId(id: string): boolean {
  return id.startsWith(REMARK_ID);
}

/** A paragraph moves whole to the next page (for its widow or its end) only with this many lines or fewer above the break. */
const MAX_LINES_CARRIED = 3;

/** Nearer the top of a page than this is at its top (positions are in points). */
const AT_TOP = 0.5;

function isHeading(node: LaidNode): boolean {
  return node.style === 'heading' || node.style === 'subheading';
}

/** A heading, subheading or paragraph: what the rules weigh (a part's title starts its own page). */
export function isFlow(node: LaidNode): boolean {
  return isHeading(node) || node.style === 'body';
}

function marginTop(style: string): number {
  return style in FLOW_MARGINS ? FLOW_MARGINS[style as keyof typeof FLOW_MARGINS][1] : 0;
}

/**
 * Whether a heading or paragraph should start a page. `before` is the flow node just above it on its
 * page (if any); `after`, the flow nodes below it there and on the next page, in order. `bodyLine` is the
 * height of a line of body text in the run's font (styles.ts bodyLineHeight).
 */
export function startsPage(
  node: LaidNode,
  before: LaidNode | undefined,
  after: readonly LaidNode[],
  bodyLine: number,
): boolean {
  // At the top of its page already (under its own margin): a break would only leave that page blank.
  if (node.top <= marginTop(node.style) + AT_TOP) return false;
  if (isHeading(node)) return headingMoves(node, after, bodyLine);
  // A paragraph right under a heading goes with it: the heading decided (and stays, at a page's top).
  if (before && isHeading(before)) return false;
  return node.style === 'body' && paragraphMoves(node, after[0], bodyLine);
}

function headingMoves(heading: LaidNode, after: readonly LaidNode[], bodyLine: number): boolean {
  const [next, ...rest] = after;
  if (!next || !isFlow(next)) return false;
  if (next.page !== heading.lastPage) return true;
  return isHeading(next) ? headingMoves(next, rest, bodyLine) : paragraphMoves(next, rest[0], bodyLine);
}

function paragraphMoves(paragraph: LaidNode, next: LaidNode | undefined, bodyLine: number): boolean {
  if (paragraph.lastPage !== paragraph.page + 1) return false;
  const linesHere = Math.floor((paragraph.pageHeight - paragraph.top) / bodyLine);
  // An orphan.
  if (linesHere < 2) return true;
  // pdfmake cannot carry one line over, only the whole paragraph: with more lines than this above the
  // break, the gap it would leave at the page's foot is worse than what it avoids.
  if (linesHere > MAX_LINES_CARRIED) return false;
  // Nothing below it on its last page: that page would hold only its end.
  if (!next || next.page !== paragraph.lastPage) return true;
  // A widow.
  const end = next.top - FLOW_MARGINS.body[3] - marginTop(next.style);
  return end < 1.5 * bodyLine;
}

/** The table whose 备注 a node is, when it starts a page or runs onto the next; null otherwise. */
export function lonelyRemark(node: LaidNode): FormId | null {
  if (!isRemarkId(node.id)) return null;
  const startsItsPage = node.top <= FLOW_MARGINS.remark[1] + AT_TOP;
  return startsItsPage || node.lastPage > node.page ? (node.id.slice(REMARK_ID.length) as FormId) : null;
}
