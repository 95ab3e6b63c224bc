import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AuditRecord, AuditVerifyResult } from '../../../../shared/audit/audit-entry';
import type { AuditFilter, AuditRestoreSummary } from '../../../../shared/audit/audit-filter';
import { useBusyAction } from '../../composables/use-busy-action';
import { invoke } from '../../bridge/rebind-api';

const pageSize = 50;

/** The Audit page: the log newest first, page by page, the chain check and the export. */
export const useAuditStore = defineStore('audit', () => {
  const entries = ref<AuditRecord[]>([]);
  const total = ref(0);
  const head = ref<{ seq: number; hash: string } | null>(null);
  const verify = ref<AuditVerifyResult | null>(null);
  const { busy, track } = useBusyAction();
  /** Older entries match the filters too. */
  const hasMore = ref(false);
  /** The filters in force; main applies them, so paging keeps them. */
  const filter = ref<AuditFilter>({});
  /** What the newest restore did to the log, if one happened. */
  const lastRestore = ref<AuditRestoreSummary | null>(null);

  /** Loads the newest page under the filters. */
  const refresh = () =>
    track(async () => {
      const page = await invoke('audit:list', { ...filter.value, limit: pageSize });
      entries.value = page.entries;
      hasMore.value = page.hasMore;
      total.value = page.total;
      head.value = page.head;
      lastRestore.value = page.lastRestore;
    });

  /** Sets the filters (absent fields do not narrow) and loads their newest page. */
  const applyFilter = (next: AuditFilter) => {
    filter.value = Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)));
    return refresh();
  };

  /** Appends the next older page. */
  const loadMore = () =>
    track(async () => {
      const oldest = entries.value[entries.value.length - 1];
      if (!oldest) return;
      const page = await invoke('audit:list', { ...filter.value, before: oldest.seq, limit: pageSize });
      entries.value = entries.value.concat(page.entries);
      hasMore.value = page.hasMore;
      total.value = page.total;
    });

  /** Walks the whole chain in main. */
  const check = () =>
    track(async () => {
      verify.value = await invoke('audit:verify', {});
      // The head to copy is the one just verified, not the one the page loaded with.
      head.value = verify.value.head;
    });

  /** Writes the CSV where the user chooses; null when the dialog was cancelled. */
  const exportCsv = () => track(() => invoke('audit:export', {}));

  return { entries, total, hasMore, head, verify, busy, filter, lastRestore, refresh, applyFilter, loadMore, check, exportCsv };
});
