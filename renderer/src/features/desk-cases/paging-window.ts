// The virtual list's arithmetic: which rows the viewport shows, and which pages of the channel
// (offset/limit) must be fetched to fill them. Rows have one fixed height, so no row is measured.

export interface RowWindow {
  /** The first row rendered (index into the whole list). */
  first: number;
  /** One past the last row rendered. */
  end: number;
}

/** The rows to render for a scroll position, with `overscan` rows either side. */
export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan: number): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const first = Math.max(0, Math.min(top, total - 1) - overscan);
  const end = Math.min(total, top + visible + overscan);
  return { first, end: Math.max(first, end) };
}

/** The page numbers (page n starts at n × pageSize) covering the window that are neither loaded nor on their way. */
export function pagesToLoad(window: RowWindow, pageSize: number, known: ReadonlySet<number>): number[] {
  if (window.end <= window.first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(window.first / pageSize); page * pageSize < window.end; page++) if (!known.has(page)) pages.push(page);
  return pages;
}

/** The window grown by `rows` either side within the list: the rows to have fetched before they are scrolled to. */
export function widen(window: RowWindow, rows: number, total: number): RowWindow {
  if (window.end <= window.first) return window;
  return { first: Math.max(0, window.first - rows), end: Math.min(total, window.end + rows) };
}

/**
 * The pages among `pages` more than `keep` pages away from the window's own: the ones a list
 * scrolled far past lets go of, so the rows held stay a few pages however far it has scrolled.
 */
export function farPages(window: RowWindow, pageSize: number, pages: Iterable<number>, keep: number): number[] {
  const first = Math.floor(window.first / pageSize);
  const last = Math.floor(Math.max(window.first, window.end - 1) / pageSize);
  return [...pages].filter((page) => page < first - keep || page > last + keep);
}

/**
 * Which row each of `pool` reusable row elements shows: row i sits in slot i mod pool, so as the
 * window moves a row keeps its element and the elements never change order in the DOM (moving
 * them would lay out the whole list). Null: the slot shows nothing (the window is shorter than the pool).
 */
export function slotRows(window: RowWindow, pool: number): (number | null)[] {
  const slots: (number | null)[] = [];
  for (let slot = 0; slot < pool; slot++) {
    const index = window.first + ((((slot - window.first) % pool) + pool) % pool);
    slots.push(index < window.end ? index : null);
  }
  return slots;
}
