// The week and month draw an engineer per row, and the calendar component builds every row it is
// given (seven day cells and each row's boxes, all measured): 50 engineers cost some 1.1 s before
// the first frame on an idle machine (docs/benchmarks.md). So it is given the rows on screen and a
// screen's worth below them, and more as the user scrolls towards the last row drawn; the line
// under the calendar says how many of how many are drawn, and a button draws the rest at once.
// The day view, an engineer per column, is given every engineer.
import type { CalendarViewName } from './calendar-views';

/** Rows drawn first: a 640 px week shows some 16 busy rows (two-line boxes), so a screen's worth more below. */
export const ROWS_FIRST = 24;
/** Rows added each time the user scrolls near the last row drawn. */
export const ROWS_STEP = 24;
/** How close (px) the last drawn row may come to the bottom of what is visible before more are drawn. */
export const ROWS_AHEAD_PX = 240;

/** Whether the view draws an engineer per row (and so only some of them at a time). */
export const drawsRows = (view: CalendarViewName): boolean => view !== 'resourceTimeGridDay';

/** How many engineers the view is given: all of them in the day view, else the first `limit`. */
export function rowsGiven(view: CalendarViewName, limit: number, total: number): number {
  return drawsRows(view) ? Math.min(limit, total) : total;
}

/**
 * The row limit after the user scrolled: one step more when the last row drawn has come within
 * ROWS_AHEAD_PX of the visible bottom (both as viewport y), unchanged otherwise or when all are drawn.
 */
export function limitAfterScroll(limit: number, total: number, lastRowTop: number, visibleBottom: number): number {
  if (limit >= total || lastRowTop > visibleBottom + ROWS_AHEAD_PX) return limit;
  return Math.min(total, limit + ROWS_STEP);
}
