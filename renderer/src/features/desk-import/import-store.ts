import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CsvKind } from '../../../../shared/desk/csv/csv-columns';
import type { ImportPreview } from '../../../../shared/ipc/contract-desk-merchants';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';
import type { CsvProblemView } from './problem-rows';

export type ForcedEncoding = 'utf-8' | 'gb18030';

/** The CSV import (one file previewed, then committed as previewed) and the export. */
export const useImportStore = defineStore('desk-import', () => {
  const kind = ref<CsvKind>('merchants');
  const file = ref<{ name: string; size: number; base64: string } | null>(null);
  // null: main decides (BOM, strict UTF-8, then GB18030).
  const encoding = ref<ForcedEncoding | null>(null);
  const preview = ref<ImportPreview | null>(null);
  const result = ref<{ imported: number; encoding: string } | null>(null);
  // Problems the commit found that the preview had not (the database changed in between).
  const commitProblems = ref<CsvProblemView[]>([]);
  const { busy, track } = useBusyAction();

  const forced = () => (encoding.value === null ? {} : { encoding: encoding.value });

  const read = () =>
    track(async () => {
      result.value = null;
      commitProblems.value = [];
      if (!file.value) return;
      preview.value = await invoke('desk:import-preview', { kind: kind.value, source: { from: 'bytes', base64: file.value.base64 }, ...forced() });
    });

  // Another file is read afresh: the encoding forced for the last one says nothing about it.
  const choose = (chosen: { name: string; size: number; base64: string }) => {
    file.value = chosen;
    encoding.value = null;
    return read();
  };

  const commit = () =>
    track(async () => {
      if (!preview.value) return;
      const done = await invoke('desk:import-commit', { kind: preview.value.kind, base64: preview.value.base64, ...forced() });
      if ('problems' in done) commitProblems.value = done.problems;
      else {
        result.value = done;
        // Imported: the same file again would only be refused as duplicates.
        preview.value = null;
        file.value = null;
      }
    });

  const exportFile = (exportKind: CsvKind, exportEncoding: 'utf-8' | 'gbk', includeSensitive: boolean) =>
    track(() => invoke('desk:export', { kind: exportKind, encoding: exportEncoding, includeSensitive: exportKind === 'merchants' && includeSensitive }));

  return { kind, file, encoding, preview, result, commitProblems, busy, read, choose, commit, exportFile };
});
