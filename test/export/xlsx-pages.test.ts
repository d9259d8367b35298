/** The page plan of a worksheet: breaks where a page fills, the closing block kept whole, none past Excel's limit. */
import { describe, expect, it } from 'vitest';
import { MAX_MANUAL_BREAKS, PagePlan, pageRoom } from '../../src/export/xlsx-pages.js';

/** Portrait, 80 units wide (420 points, no scaling): 755 points of room, less the margin for rounding. */
const PORTRAIT = { landscape: false, widths: [10, 40, 15, 15] };

function planned(heights: readonly number[], kept?: number, title = 3): PagePlan {
  const plan = new PagePlan(PORTRAIT);
  heights.forEach((height, i) => plan.add(i + 1, height, i + 1 === title));
  if (kept !== undefined) plan.keepTogether(kept);
  return plan;
}

describe('the room on a page', () => {
  it('is the printable height, and more as a wide sheet is scaled down to the width', () => {
    expect(pageRoom(PORTRAIT)).toBeCloseTo((841.89 - 86.4) * 0.98, 3);
    const wide = pageRoom({ landscape: false, widths: [200] });
    expect(wide).toBeCloseTo(((841.89 - 86.4) / ((595.28 - 72) / (200 * 5.25))) * 0.98, 3);
    expect(pageRoom({ landscape: true, widths: [80] })).toBeLessThan(pageRoom(PORTRAIT));
  });
});

describe('page breaks', () => {
  it('end each page at the last row that fits, the title row counted again on every later page', () => {
    const room = pageRoom(PORTRAIT);
    const perFirst = Math.floor(room / 15);
    const perLater = Math.floor((room - 30) / 15);
    const heights = Array.from({ length: 120 }, (_, i) => (i === 2 ? 30 : 15));
    const breaks = planned(heights).rowBreaks();
    // Rows 1–2 and the title (30) take the first page's first 60 points.
    expect(breaks[0]).toBe(perFirst - 1);
    expect(breaks[1]! - breaks[0]!).toBe(perLater);
    expect(breaks).toHaveLength(Math.ceil((120 - breaks[0]!) / perLater));
  });

  it('move the last break before the kept block when a page would cut it, so the signatures go with the table’s end', () => {
    const room = pageRoom(PORTRAIT);
    const rows = Math.floor(room / 15);
    // A page and two rows: without keeping, the last two rows (the signatures) go over alone.
    const heights = Array.from({ length: rows + 2 }, () => 15);
    expect(planned(heights).rowBreaks()).toEqual([rows]);
    expect(planned(heights, rows - 3).rowBreaks()).toEqual([rows - 4]);
  });

  it('leave a kept block that fits where it is, and one taller than a page cut where it fills', () => {
    const rows = Math.floor(pageRoom(PORTRAIT) / 15);
    expect(planned(Array.from({ length: rows - 5 }, () => 15), 10).rowBreaks()).toEqual([]);
    const tall = Array.from({ length: rows * 3 }, () => 15);
    expect(planned(tall, 5).rowBreaks()).toEqual(planned(tall).rowBreaks());
  });

  it('never break right after the title row', () => {
    const rows = Math.floor(pageRoom(PORTRAIT) / 15);
    const heights = Array.from({ length: rows + 2 }, () => 15);
    expect(planned(heights, 4, 3).rowBreaks()).toEqual([rows]);
  });

  it('are left to the spreadsheet program past Excel’s 1,026 manual breaks', () => {
    const rows = Math.floor(pageRoom(PORTRAIT) / 15);
    // The first page holds `rows`, each later one a row fewer, under the repeated title.
    const pages = (count: number) => Array.from({ length: rows + (rows - 1) * count }, () => 15);
    expect(planned(pages(MAX_MANUAL_BREAKS)).rowBreaks()).toHaveLength(MAX_MANUAL_BREAKS);
    expect(planned(pages(MAX_MANUAL_BREAKS + 1)).rowBreaks()).toEqual([]);
  });

  it('count the pages they make, or none past the limit, and a copy goes on without changing the plan', () => {
    const rows = Math.floor(pageRoom(PORTRAIT) / 15);
    const plan = planned(Array.from({ length: rows * 2 }, () => 15));
    expect(plan.pageCount()).toBe(3);
    const copy = plan.copy();
    for (let n = rows * 2 + 1; n <= rows * 4; n++) copy.add(n, 15);
    expect([plan.pageCount(), copy.pageCount()]).toEqual([3, 5]);
    expect(plan.rowBreaks()).toHaveLength(2);
    expect(planned(Array.from({ length: rows + (rows - 1) * (MAX_MANUAL_BREAKS + 1) }, () => 15)).pageCount()).toBeNull();
  });
});

