/**
 * The printed pages of a worksheet fitted to the width of an A4 page, chosen by the writer
 * rather than left to the spreadsheet program: rows are counted in as they are written, each
 * page ends at a manual break a little before it would fill, so the program never breaks
 * sooner on its own, and the block that must stay together (the table's last row, its totals,
 * the notes, the date line, the signatures and the seal) starts a page rather than being cut.
 *
 * The page's room is worked out from the column widths (Excel's width unit is about seven
 * pixels of 11-point Calibri, 5.25 points) and the row heights, less a margin for the
 * program's own rounding. Excel keeps at most 1,026 manual breaks on a sheet; a longer sheet
 * is left to break where the program chooses.
 */

/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 } as const;
/** The worksheet's page margins, in inches, as its page setup writes them. */
export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;
const MARGINS = { across: (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72, down: (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72 } as const;
/** Points a column of width 1 takes, as Excel and LibreOffice draw 11-point Calibri. */
const POINTS_PER_WIDTH = 5.25;
/** The share of the page's estimated room filled before a break, for the program's own rounding. */
const FILL = 0.98;
export const MAX_MANUAL_BREAKS = 1026;

export interface PageShape {
  readonly landscape: boolean;
  /** Column widths in Excel's units. */
  readonly widths: readonly number[];
}

/** Room on a page for rows, in the sheet's points (before the fit-to-width scaling). */
export function pageRoom(shape: PageShape): number {
  const [across, down] = shape.landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  const sheetWidth = shape.widths.reduce((sum, w) => sum + w, 0) * POINTS_PER_WIDTH;
  const scale = sheetWidth > 0 ? Math.min(1, (across - MARGINS.across) / sheetWidth) : 1;
  return ((down - MARGINS.down) / scale) * FILL;
}

interface Counted {
  readonly number: number;
  readonly height: number;
}

export class PagePlan {
  private readonly room: number;
  /** Rows after which a page ends. */
  private breaks: number[] = [];
  /** The rows of the previous page and this one: what a kept block may move over. */
  private previous: Counted[] = [];
  private current: Counted[] = [];
  private used = 0;
  private titleHeight = 0;
  private titleRow: number | null = null;

  constructor(private readonly shape: PageShape) {
    this.room = pageRoom(shape);
  }

  /** Row `number`, `height` points tall, is printed next; the title row is repeated atop every later page. */
  add(number: number, height: number, title = false): void {
    if (title) {
      this.titleRow = number;
      this.titleHeight = height;
    }
    if (this.current.length > 0 && this.used + height > this.room) this.breakBefore(number);
    this.current.push({ number, height });
    this.used += height;
  }

  /**
   * Keeps the rows from `first` to the last added on one page, where they fit on one: the
   * last break is moved to just before `first` when it falls among them.
   */
  keepTogether(first: number): void {
    const last = this.breaks.at(-1);
    if (last === undefined || last < first) return;
    const kept = [...this.previous, ...this.current].filter((r) => r.number >= first);
    const height = kept.reduce((sum, r) => sum + r.height, this.titleHeight);
    const pageStart = this.previous[0]?.number ?? 0;
    if (kept.length === 0 || height > this.room || first - 1 <= pageStart || first - 1 === this.titleRow) return;
    this.breaks[this.breaks.length - 1] = first - 1;
  }

  /** The breaks to write: every one, or none past Excel's limit. */
  rowBreaks(): readonly number[] {
    return this.breaks.length <= MAX_MANUAL_BREAKS ? this.breaks : [];
  }

  /** The pages printed, where the plan decides them; null past Excel's limit, where the program does. */
  pageCount(): number | null {
    return this.breaks.length <= MAX_MANUAL_BREAKS ? this.breaks.length + 1 : null;
  }

  /** A plan that goes on from this one's state without changing it: for rows tried before they are written. */
  copy(): PagePlan {
    const copy = new PagePlan(this.shape);
    copy.breaks = [...this.breaks];
    copy.previous = [...this.previous];
    copy.current = [...this.current];
    copy.used = this.used;
    copy.titleHeight = this.titleHeight;
    copy.titleRow = this.titleRow;
    return copy;
  }

  private breakBefore(number: number): void {
    this.breaks.push(number - 1);
    this.previous = this.current;
    this.current = [];
    this.used = this.titleRow !== null && this.titleRow < number ? this.titleHeight : 0;
  }
}
