import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { BackupEntry, RestoreOutcome } from '../../../../shared/backup/backup';
import { useBusyAction } from '../../composables/use-busy-action';
import { invoke } from '../../bridge/rebind-api';

/** Backup history and the backup/restore actions. */
export const useBackupStore = defineStore('backup', () => {
  const entries = ref<BackupEntry[]>([]);
  const last = ref<BackupEntry | null>(null);
  const { busy, track } = useBusyAction();

  async function refresh(): Promise<void> {
    const list = await invoke('backup:list', {});
    entries.value = list.entries;
    last.value = list.last;
  }

  // The history is re-read after every action, whether it worked or not.
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await track(work);
    } finally {
      await refresh();
    }
  };

  /** Makes a backup in the default folder or in a chosen file; null when the dialog was cancelled. */
  function create(destination: 'default' | 'choose'): Promise<BackupEntry | null> {
    return run(() => invoke('backup:create', { destination }));
  }

  /** Restores a backup from the history or a chosen file; null when the dialog was cancelled. */
  function restore(source: { kind: 'history'; id: string } | { kind: 'choose' }): Promise<RestoreOutcome | null> {
    return run(() => invoke('backup:restore', { source }));
  }

  return { entries, last, busy, refresh, create, restore };
});
