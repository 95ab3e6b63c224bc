import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AuditRecord, AuditVerifyResult } from '../../../../shared/audit/audit-entry';
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

  /** Loads the newest page. */
  const refresh = () =>
    track(async () => {
      const page = await invoke('audit:list', { limit: pageSize });
      entries.value = page.entries;
      total.value = page.total;
      head.value = page.head;
    });

  /** Appends the next older page. */
  const loadMore = () =>
    track(async () => {
      const oldest = entries.value[entries.value.length - 1];
      if (!oldest) return;
      const page = await invoke('audit:list', { before: oldest.seq, limit: pageSize });
      entries.value = entries.value.concat(page.entries);
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

  return { entries, total, head, verify, busy, refresh, loadMore, check, exportCsv };
});
