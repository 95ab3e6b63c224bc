import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { InvokeOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../bridge/rebind-api';
import { casesQuery, noFilters, type CaseFilters, type CasesQuery } from './cases-query';
import { mergeTotal, type ListTotal } from './list-total';
import { pagesToLoad, widen, type RowWindow } from './paging-window';

export type CaseListRow = InvokeOutput<'desk:cases-list'>['rows'][number];

/** Rows fetched per call: a screen is some 15 rows, so one page covers several screens. */
export const CASES_PAGE_SIZE = 100;

/** The desk's own zone, in which "opened on" days are read. */
const deskZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The cases list as a sparse window over `desk:cases-list`: only the pages the viewport has shown
 * are fetched, kept outside Vue's deep reactivity (10k rows would otherwise each be proxied);
 * `loaded` ticks when a page lands. A change of filters starts a new generation, and an answer
 * from an older one is dropped. A search's total may be a lower bound that grows as pages land
 * (list-total.ts).
 */
export const useCasesListStore = defineStore('desk-cases-list', () => {
  const filters = ref<CaseFilters>(noFilters());
  const total = ref<ListTotal | null>(null);
  const loaded = ref(0);
  const rows = shallowRef(new Map<number, CaseListRow>());
  const known = new Set<number>();
  let generation = 0;
  // Every page of a generation asks the same query, worked out once (reading the zone costs an Intl object).
  let query: CasesQuery = {};

  async function loadPage(page: number): Promise<void> {
    const asked = generation;
    known.add(page);
    try {
      const answer = await invoke('desk:cases-list', { ...query, offset: page * CASES_PAGE_SIZE, limit: CASES_PAGE_SIZE });
      if (asked !== generation) return;
      answer.rows.forEach((row, i) => rows.value.set(page * CASES_PAGE_SIZE + i, row));
      total.value = mergeTotal(total.value, answer);
      loaded.value += 1;
    } catch (error) {
      if (asked === generation) known.delete(page);
      throw error;
    }
  }

  /** Starts over with the current filters: the first page and the total. */
  async function reload(): Promise<void> {
    generation += 1;
    known.clear();
    rows.value = new Map();
    total.value = null;
    query = casesQuery(filters.value, deskZone());
    await loadPage(0);
  }

  /**
   * Fetches the pages the window shows that are not loaded or on their way, then those within a
   * page either side: scrolling on, the next rows are there before they come into view.
   */
  async function show(window: RowWindow): Promise<void> {
    const shown = pagesToLoad(window, CASES_PAGE_SIZE, known).map(loadPage);
    const ahead = total.value === null ? [] : pagesToLoad(widen(window, CASES_PAGE_SIZE, total.value.count), CASES_PAGE_SIZE, known).map(loadPage);
    await Promise.all([...shown, ...ahead]);
  }

  return { filters, total, loaded, rows, reload, show };
});
