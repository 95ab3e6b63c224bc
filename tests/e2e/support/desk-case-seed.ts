// Desk data for the case pages' browser tests, through the bridge as the desk's own pages would send it.
import type { Page } from '@playwright/test';
import type { InvokeOutput } from '../../../shared/ipc/contract';
import { merchantForm, terminalIds } from '../../integration/desk/merchant-fixtures';

/**
 * The sample banks (loaded into an empty install; loading again is refused, which is fine) plus an
 * acquirer-a the terminal is bound to now, and one merchant in Shanghai Pudong (310115, served by
 * both sample banks) with a PAX A920 on firmware 7.1.2.
 */
export async function seedMerchantWithTerminal(page: Page, n: number): Promise<{ serial: string; tid: string; mid: string; terminalId: string }> {
  const seeded = await page.evaluate(
    async ({ merchant, ids }) => {
      const samples = await window.rebind.invoke('desk:load-samples', {});
      if (!samples.ok && samples.error.reason !== 'samples-not-empty') return { samples };
      const reference = await window.rebind.invoke('desk:reference', {});
      if (!reference.ok) return { reference };
      const data = reference.value as InvokeOutput<'desk:reference'>;
      const b = data.banks.find((bank) => bank.code === 'acquirer-b')!;
      const { timeZone, windows, exceptions, templateId, requiredMaterials, feeRates, areas } = b;
      const bank = await window.rebind.invoke('desk:save-bank', {
        base: null,
        record: { code: 'acquirer-a', name: '示例银行甲', timeZone, windows, exceptions, templateId, requiredMaterials, notices: [], feeRates, areas },
      });
      if (!bank.ok) return { bank };
      const modelId = data.models.find((m) => m.model === 'A920')!.id;
      const saved = await window.rebind.invoke('desk:merchant-save', { base: null, record: merchant });
      if (!saved.ok) return { saved };
      const terminal = await window.rebind.invoke('desk:terminal-save', {
        base: null,
        record: { modelId, ...ids, firmware: 'PayDroid 7.1.2', currentBank: 'acquirer-a', merchantId: (saved.value as { id: string }).id },
      });
      return { terminal };
    },
    { merchant: merchantForm(n, { area: '310115', address: '上海市浦东新区示例路 8 号' }), ids: terminalIds(n) },
  );
  if (!('terminal' in seeded) || !seeded.terminal?.ok) throw new Error(`Could not seed the merchant and terminal: ${JSON.stringify(seeded)}`);
  return { ...terminalIds(n), terminalId: (seeded.terminal.value as { id: string }).id };
}
