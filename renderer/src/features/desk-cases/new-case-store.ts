import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { InvokeOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';

type Merchant = InvokeOutput<'desk:merchants-search'>['merchants'][number];
/** A terminal found, beside the merchant it belongs to. */
export interface FoundTerminal {
  terminal: Merchant['terminals'][number];
  merchantName: string;
  uscc: string;
}
export type Candidate = InvokeOutput<'desk:case-candidates'>['candidates'][number];

/** How many merchants one search shows; more means "type more". */
export const FIND_LIMIT = 20;

/** The new-case dialog: find the terminal, see the candidate banks, open the case. */
export const useNewCaseStore = defineStore('desk-new-case', () => {
  const found = ref<FoundTerminal[] | null>(null);
  const more = ref(false);
  const chosen = ref<FoundTerminal | null>(null);
  const candidates = ref<Candidate[] | null>(null);
  const { busy, track } = useBusyAction();

  const reset = () => {
    found.value = null;
    more.value = false;
    chosen.value = null;
    candidates.value = null;
  };

  // The channel returns merchants with their terminals; a search by serial or TID names the merchant
  // of that terminal, so its terminals are listed with it.
  const find = (text: string) =>
    track(async () => {
      const answer = await invoke('desk:merchants-search', { text, limit: FIND_LIMIT, offset: 0 });
      found.value = answer.merchants.flatMap((m) => m.terminals.map((terminal) => ({ terminal, merchantName: m.name, uscc: m.uscc })));
      more.value = answer.more;
      chosen.value = null;
      candidates.value = null;
    });

  const choose = (terminal: FoundTerminal) =>
    track(async () => {
      chosen.value = terminal;
      candidates.value = null;
      candidates.value = (await invoke('desk:case-candidates', { terminalId: terminal.terminal.id })).candidates;
    });

  const open = (targetBank: string) =>
    track(async () => {
      if (!chosen.value) throw new Error('no terminal chosen');
      return invoke('desk:case-open', { terminalId: chosen.value.terminal.id, targetBank });
    });

  return { found, more, chosen, candidates, busy, reset, find, choose, open };
});
