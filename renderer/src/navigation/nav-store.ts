import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { ChannelRoles } from '../../../shared/auth/roles';
import { invokeContract } from '../../../shared/ipc/contract';
import { useAuthStore } from '../features/auth/auth-store';

/** Pages of the app frame. Only pages that work are listed; later features add theirs. */
export const pages = ['terminal', 'onsite', 'operators', 'audit', 'settings'] as const;
/** A page id. */
export type PageId = (typeof pages)[number];

/** Who may open each page: the roles of the channel the page cannot work without, so the two never disagree. */
export const pageRoles: Record<PageId, ChannelRoles> = {
  terminal: invokeContract['terminal:state'].roles,
  onsite: invokeContract['rebind:start'].roles,
  operators: invokeContract['operators:list'].roles,
  audit: invokeContract['audit:list'].roles,
  settings: invokeContract['settings:update'].roles,
};

function pageFromHash(hash: string): PageId | null {
  const id = hash.replace(/^#\/?/, '');
  return (pages as readonly string[]).includes(id) ? (id as PageId) : null;
}

/** The current page, kept in the URL hash so a reload stays on it. */
export const useNavStore = defineStore('nav', () => {
  const auth = useAuthStore();
  const requested = ref<PageId | null>(pageFromHash(window.location.hash));

  /** The pages the signed-in operator may open, in menu order. */
  const allowed = computed(() => pages.filter((page) => auth.may(pageRoles[page])));
  /** The page shown: the one asked for (even a refused one, which then says so), else the first allowed. */
  const current = computed<PageId>(() => requested.value ?? allowed.value[0] ?? 'settings');
  /** True when the operator may not open the current page (typed into the address, or a role changed). */
  const refused = computed(() => !allowed.value.includes(current.value));

  /** Shows a page. */
  function go(page: PageId): void {
    requested.value = page;
    window.location.hash = `#/${page}`;
  }

  window.addEventListener('hashchange', () => {
    requested.value = pageFromHash(window.location.hash);
  });

  // Someone else signed in: start them on a page they may use rather than on the last one's page.
  watch(
    () => auth.session?.username,
    (now, before) => {
      if (before === undefined || now === before || !requested.value || allowed.value.includes(requested.value)) return;
      requested.value = null;
      // The address follows without a hashchange, so typing the refused page again is noticed.
      window.history.replaceState(null, '', `#/${current.value}`);
    },
  );

  return { current, allowed, refused, go };
});
