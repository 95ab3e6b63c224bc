// The cases list's total as the pages report it. A search counts its matches only up to a cap
// beyond the page asked (desk:cases-list's `totalCapped`): the list then knows "at least N", shows
// "N+" and grows as deeper pages report further, until a page counts the end and the total is exact.

export interface ListTotal {
  count: number;
  /** True while `count` is a lower bound ("1,000+"), not the exact number of cases. */
  capped: boolean;
}

/** What the list knows after one more page's answer: an exact count wins, a lower bound only raises. */
export function mergeTotal(known: ListTotal | null, answer: { total: number; totalCapped: boolean }): ListTotal {
  if (!answer.totalCapped) return { count: answer.total, capped: false };
  if (known === null || answer.total > known.count) return { count: answer.total, capped: true };
  return known;
}
