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
