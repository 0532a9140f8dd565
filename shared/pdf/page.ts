/**
 * The printed page: A4 in points, and the margins of GB/T 9704 (党政机关公文格式).
 */
const MM = 72 / 25.4;

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Left, top, right, bottom: 28 mm, 37 mm, 26 mm, 35 mm. */
export const PAGE_MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, 26 * MM, 35 * MM];

/** The width and height between a page's margins, in points (a landscape page turns A4 on its side). */
export function textArea(orientation: 'portrait' | 'landscape' = 'portrait'): {
  readonly width: number;
  readonly height: number;
} {
  const [left, top, right, bottom] = PAGE_MARGINS;
  const [width, height] = orientation === 'landscape' ? [A4.height, A4.width] : [A4.width, A4.height];
  return { width: width - left - right, height: height - top - bottom };
}
