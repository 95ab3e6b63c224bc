// The list's filters as the user sets them → the `desk:cases-list` query. Dates are days in the
// desk's own zone: "opened from 1 Dec to 3 Dec" is from the start of 1 Dec to the start of 4 Dec
// there, found through the shared time module (never by adding hours by hand).
import type { InvokeInput } from '../../../../shared/ipc/contract';
import type { CaseState } from '../../../../shared/desk/model';
import { dayBounds, instantOf, plusDays } from '../../../../shared/desk/time/zoned';

export interface CaseFilters {
  search: string;
  states: CaseState[];
  bank: string | null;
  engineerId: string | null;
  /** YYYY-MM-DD, both ends included; null: no date filter. */
  opened: [from: string, to: string] | null;
}

export type CasesQuery = Omit<InvokeInput<'desk:cases-list'>, 'offset' | 'limit'>;

export const noFilters = (): CaseFilters => ({ search: '', states: [], bank: null, engineerId: null, opened: null });

/**
 * The channel's query for the filters (empty ones left out, so the channel sees no filter). The
 * zone is asked only for a date filter: reading the desk's zone makes the window's first Intl
 * object (~50 ms of ICU data) and would hold up the list's first page.
 */
export function casesQuery(filters: CaseFilters, zone: () => string): CasesQuery {
  const query: CasesQuery = {};
  const search = filters.search.trim();
  if (search !== '') query.search = search.slice(0, 100);
  if (filters.states.length > 0) query.states = [...filters.states];
  if (filters.bank) query.bank = filters.bank;
  if (filters.engineerId) query.engineerId = filters.engineerId;
  if (filters.opened) {
    const [from, to] = filters.opened[0] <= filters.opened[1] ? filters.opened : [filters.opened[1], filters.opened[0]];
    const deskZone = zone();
    query.openedFrom = instantOf(dayBounds(from, deskZone).start);
    query.openedBefore = instantOf(dayBounds(plusDays(to, 1), deskZone).start);
  }
  return query;
}

/** True when any filter or the search narrows the list (the empty state then says to clear them). */
export function isFiltered(filters: CaseFilters): boolean {
  return Object.keys(casesQuery(filters, () => 'UTC')).length > 0;
}
