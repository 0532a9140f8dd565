import { describe, expect, it } from 'vitest';
import { lonelyRemark, remarkId, startsPage, type LaidNode } from './keep';

/** A line of body text in the bundled Noto Serif SC (1.437 em at 16 pt, spaced 1.45). */
const LINE = 33.3;
const PAGE = 638;

function node(id: string, style: string, page: number, top: number, lastPage = page): LaidNode {
  return { id, style, page, lastPage, top, pageHeight: PAGE };
}

const body = (id: string, page: number, top: number, lastPage = page) =>
  node(id, 'body', page, top, lastPage);
const heading = (id: string, page: number, top: number) => node(id, 'heading', page, top);
const subheading = (id: string, page: number, top: number) => node(id, 'subheading', page, top);

describe('startsPage', () => {
  it('moves a paragraph whose first line is alone at the foot of its page (an orphan)', () => {
    const orphan = body('flow-5', 4, PAGE - 1.5 * LINE, 5);
    const next = body('flow-6', 5, 3 * LINE + 6);
    expect(startsPage(orphan, body('flow-4', 4, 400), [next], LINE)).toBe(true);
    // Two lines at the foot: it may break there.
    const twoLines = body('flow-5', 4, PAGE - 2.2 * LINE, 5);
    expect(startsPage(twoLines, body('flow-4', 4, 400), [next], LINE)).toBe(false);
  });

  it('moves a short paragraph whose last line is alone at the top of the next page (a widow)', () => {
    // Three lines at the foot of page 37, one over.
    const paragraph = body('flow-11', 37, PAGE - 3.5 * LINE, 38);
    const before = body('flow-10', 37, 168);
    // What follows starts one line and the margins down the next page (a heading: 12 pt above it).
    expect(startsPage(paragraph, before, [heading('toc-20', 38, LINE + 6 + 12)], LINE)).toBe(true);
    // Two lines over: they stay.
    expect(startsPage(paragraph, before, [heading('toc-20', 38, 2 * LINE + 6 + 12)], LINE)).toBe(false);
    // Four lines above the widow: moving them would leave a larger gap than the widow; it stays.
    const longer = body('flow-11', 37, PAGE - 4.5 * LINE, 38);
    expect(startsPage(longer, before, [heading('toc-20', 38, LINE + 6 + 12)], LINE)).toBe(false);
  });

  it('moves a short paragraph whose end would be a page of its own (nothing of the run follows there)', () => {
    const last = body('flow-30', 5, PAGE - 2.5 * LINE, 6);
    expect(startsPage(last, body('flow-29', 5, 200), [], LINE)).toBe(true);
    expect(startsPage(last, body('flow-29', 5, 200), [heading('toc-31', 7, 12)], LINE)).toBe(true);
    // Seven lines above the break: they stay.
    expect(startsPage(body('flow-30', 5, PAGE - 7.5 * LINE, 6), body('flow-29', 5, 200), [], LINE)).toBe(
      false,
    );
  });

  it('leaves a paragraph on one page, or longer than two, where it is', () => {
    expect(startsPage(body('flow-1', 2, 300), body('flow-0', 2, 100), [], LINE)).toBe(false);
    expect(startsPage(body('flow-1', 2, 300, 4), body('flow-0', 2, 100), [], LINE)).toBe(false);
  });

  it('moves a heading that would be last on its page', () => {
    const atFoot = heading('toc-22', 38, 599.9);
    expect(startsPage(atFoot, body('flow-13', 38, 215), [subheading('flow-14', 39, 6)], LINE)).toBe(true);
    expect(startsPage(atFoot, body('flow-13', 38, 215), [body('flow-14', 38, 599.9 + LINE)], LINE)).toBe(
      false,
    );
  });

  it('moves a heading whose paragraph must start the next page, and not the paragraph itself', () => {
    const paragraph = body('flow-11', 37, PAGE - 3.5 * LINE, 38);
    const above = heading('toc-19', 37, paragraph.top - 39.6);
    const after = [paragraph, heading('toc-20', 38, LINE + 6 + 12)];
    expect(startsPage(above, body('flow-10', 37, 168), after, LINE)).toBe(true);
    expect(startsPage(paragraph, above, after.slice(1), LINE)).toBe(false);
    // A heading over a subheading that would be last on the page: both go.
    const chain = [subheading('flow-22', 41, 578.8), body('flow-23', 42, 0)];
    expect(startsPage(heading('toc-27', 41, 533.2), body('flow-21', 41, 415), chain, LINE)).toBe(true);
  });

  it('never moves what is at the top of its page already (under its own margin)', () => {
    const top = heading('toc-7', 8, 12);
    expect(startsPage(top, undefined, [heading('toc-8', 9, 12)], LINE)).toBe(false);
    expect(startsPage(body('flow-21', 6, 0, 7), undefined, [], LINE)).toBe(false);
  });
});

describe('lonelyRemark', () => {
  it('names the table whose 备注 starts a page or runs onto the next, and no other', () => {
    expect(lonelyRemark(node(remarkId('T2'), 'remark', 20, 4))).toBe('T2');
    expect(lonelyRemark(node(remarkId('T2'), 'remark', 19, 359.7, 20))).toBe('T2');
    expect(lonelyRemark(node(remarkId('T3'), 'remark', 13, 569.3))).toBeNull();
    expect(lonelyRemark(node('flow-3', 'body', 20, 4))).toBeNull();
  });
});
