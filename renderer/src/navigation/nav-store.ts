import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Pages of the app frame. Only pages that work are listed; later features add theirs. */
export const pages = ['terminal', 'settings'] as const;
/** A page id. */
export type PageId = (typeof pages)[number];

function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '');
  return (pages as readonly string[]).includes(id) ? (id as PageId) : 'terminal';
}

/** The current page, kept in the URL hash so a reload stays on it. */
export const useNavStore = defineStore('nav', () => {
  const current = ref<PageId>(pageFromHash(window.location.hash));

  /** Shows a page. */
  function go(page: PageId): void {
    current.value = page;
    window.location.hash = `#/${page}`;
  }

  window.addEventListener('hashchange', () => {
    current.value = pageFromHash(window.location.hash);
  });

  return { current, go };
});
