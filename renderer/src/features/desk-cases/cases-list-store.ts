import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { InvokeOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../bridge/rebind-api';
import { casesQuery, noFilters, type CaseFilters, type CasesQuery } from './cases-query';
import { mergeTotal, type ListTotal } from './list-total';
import { farPages, pagesToLoad, widen, type RowWindow } from './paging-window';

export type CaseListRow = InvokeOutput<'desk:cases-list'>['rows'][number];

/** Rows fetched per call: a screen is some 15 rows, so one page covers several screens. */
export const CASES_PAGE_SIZE = 100;

/**
 * Pages kept either side of the window's: scrolled past, a list lets go of the rest (fetched again
 * if scrolled back), so its heap, and the garbage collector's pauses while scrolling, do not grow
 * with every page seen (all 100 of them, scrolled to the end of 10k cases).
 */
const KEPT_PAGES = 3;

/** The desk's own zone, in which "opened on" days are read. */
const deskZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The cases list as a sparse window over `desk:cases-list`: only the pages the viewport has shown
 * are fetched, and only those near it kept, outside Vue's deep reactivity (10k rows would otherwise
 * each be proxied); `loaded` ticks when a page lands. A change of filters starts a new generation, and an answer
 * from an older one is dropped. A search's total may be a lower bound that grows as pages land
 * (list-total.ts).
 */
export const useCasesListStore = defineStore('desk-cases-list', () => {
  const filters = ref<CaseFilters>(noFilters());
  const total = ref<ListTotal | null>(null);
  const loaded = ref(0);
  const rows = shallowRef(new Map<number, CaseListRow>());
  // Pages asked for (on their way or landed), and those landed.
  const known = new Set<number>();
  const landed = new Set<number>();
  let generation = 0;
  // Every page of a generation asks the same query, worked out once.
  let query: CasesQuery = {};

  async function loadPage(page: number): Promise<void> {
    const asked = generation;
    known.add(page);
    try {
      const answer = await invoke('desk:cases-list', { ...query, offset: page * CASES_PAGE_SIZE, limit: CASES_PAGE_SIZE });
      if (asked !== generation) return;
      answer.rows.forEach((row, i) => rows.value.set(page * CASES_PAGE_SIZE + i, row));
      landed.add(page);
      total.value = mergeTotal(total.value, answer);
      loaded.value += 1;
    } catch (error) {
      if (asked === generation) known.delete(page);
      throw error;
    }
  }

  function forget(page: number) {
    const first = page * CASES_PAGE_SIZE;
    for (let index = first; index < first + CASES_PAGE_SIZE; index++) rows.value.delete(index);
    landed.delete(page);
    known.delete(page);
  }

  /** Starts over with the current filters: the first page and the total. */
  async function reload(): Promise<void> {
    generation += 1;
    known.clear();
    landed.clear();
    rows.value = new Map();
    total.value = null;
    query = casesQuery(filters.value, deskZone);
    await loadPage(0);
  }

  /**
   * Lets go of the pages far from the window, fetches the pages it shows that are not loaded or on
   * their way, then those within a page either side: scrolling on, the next rows are there before
   * they come into view.
   */
  async function show(window: RowWindow): Promise<void> {
    for (const page of farPages(window, CASES_PAGE_SIZE, landed, KEPT_PAGES)) forget(page);
    const shown = pagesToLoad(window, CASES_PAGE_SIZE, known).map(loadPage);
    const ahead = total.value === null ? [] : pagesToLoad(widen(window, CASES_PAGE_SIZE, total.value.count), CASES_PAGE_SIZE, known).map(loadPage);
    await Promise.all([...shown, ...ahead]);
  }

  return { filters, total, loaded, rows, reload, show };
});
