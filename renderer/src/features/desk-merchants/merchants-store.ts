import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MerchantFormInput, TerminalFormInput } from '../../../../shared/desk/forms';
import type { MerchantView, TerminalView } from '../../../../shared/ipc/contract-desk-merchants';
import type { ReferenceDataView } from '../../../../shared/ipc/contract-desk';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';

type Base = { id: string; version: number } | null;
export type RevealableMerchantField = 'legalRepId' | 'accountNo';

/** Merchants and their terminals: the search, the merchant open, and saving either. */
export const useMerchantsStore = defineStore('desk-merchants', () => {
  const query = ref('');
  const searched = ref<string | null>(null);
  const results = ref<MerchantView[]>([]);
  const more = ref(false);
  const current = ref<MerchantView | null>(null);
  const reference = ref<ReferenceDataView | null>(null);
  // Clear values revealed for the merchant open now; forgotten when another one opens.
  const revealed = ref<Partial<Record<RevealableMerchantField, string>>>({});
  const { busy, track } = useBusyAction();

  const loadReference = () =>
    track(async () => {
      reference.value = await invoke('desk:reference', {});
    });

  const search = (text: string) =>
    track(async () => {
      const found = await invoke('desk:merchants-search', { text: text.trim(), limit: 50, offset: 0 });
      results.value = found.merchants;
      more.value = found.more;
      searched.value = text.trim();
    });

  const show = (merchant: MerchantView) => {
    if (current.value?.id !== merchant.id) revealed.value = {};
    current.value = merchant;
    results.value = results.value.map((m) => (m.id === merchant.id ? merchant : m));
  };

  const open = (id: string) => track(async () => show(await invoke('desk:merchant-get', { id })));

  const close = () => {
    current.value = null;
    revealed.value = {};
  };

  const saveMerchant = (base: Base, record: MerchantFormInput) =>
    track(async () => {
      const saved = await invoke('desk:merchant-save', { base, record });
      // A save replaces the secrets the page may have revealed: read them again on request.
      revealed.value = {};
      show(saved);
      return saved;
    });

  const saveTerminal = (base: Base, record: TerminalFormInput) =>
    track(async (): Promise<TerminalView> => {
      const saved = await invoke('desk:terminal-save', { base, record });
      show(await invoke('desk:merchant-get', { id: saved.merchantId }));
      return saved;
    });

  /** The clear value of a masked field, through sensitive:reveal (main audits it). */
  const reveal = (field: RevealableMerchantField) =>
    track(async () => {
      const merchant = current.value;
      if (!merchant) return;
      const { value } = await invoke('sensitive:reveal', { entityType: 'merchant', entityId: merchant.id, field });
      if (current.value?.id === merchant.id) revealed.value = { ...revealed.value, [field]: value ?? '' };
    });

  return { query, searched, results, more, current, reference, revealed, busy, loadReference, search, open, close, saveMerchant, saveTerminal, reveal };
});
