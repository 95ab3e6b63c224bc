// A desk ready to book, seeded through the bridge as the signed-in admin (no SQL): the sample
// reference data, engineers (operators with role engineer and their profiles) and cases driven
// through their own channels to `agreement-signed` (materials verified, approved, agreement on file).
import type { Page } from '@playwright/test';
import { merchantForm, terminalIds } from '../../integration/desk/merchant-fixtures';

const weekdays = (start: string, end: string) => ({ 1: [{ start, end }], 2: [{ start, end }], 3: [{ start, end }], 4: [{ start, end }], 5: [{ start, end }], 6: [], 7: [] });

// The first bytes are what main checks of a PDF.
const agreementPdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

/** Calls a channel in the page's window and returns its value; a refusal fails the test with main's message. */
export async function call<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(([c, i]) => window.rebind.invoke(c as never, i as never), [channel, input] as const);
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.reason ?? result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The sample banks and models: loaded by desk:load-samples, or there already (a new install seeds them itself). */
export async function ensureSamples(page: Page): Promise<void> {
  const result = await page.evaluate(() => window.rebind.invoke('desk:load-samples', {}));
  if (!result.ok && result.error.reason !== 'samples-not-empty') throw new Error(`desk:load-samples refused: ${result.error.message}`);
  const reference = await call<{ banks: { code: string }[] }>(page, 'desk:reference', {});
  if (!reference.banks.some((b) => b.code === 'acquirer-b')) throw new Error('the sample bank acquirer-b is missing');
}

export interface SeededEngineer {
  id: string;
  username: string;
  displayName: string;
}

/** Operators with role engineer and their profiles: PAX, area 310115, weekdays 09:00–18:00 in `zone`. */
export async function seedEngineers(page: Page, names: readonly string[], zone = 'Asia/Shanghai'): Promise<SeededEngineer[]> {
  const engineers: SeededEngineer[] = [];
  for (const [i, displayName] of names.entries()) {
    const username = `eng.${i + 1}`;
    const created = await call<{ operator: { id: number } }>(page, 'operators:create', { username, displayName, role: 'engineer' });
    const profile = await call<{ id: string }>(page, 'desk:save-engineer', {
      base: null,
      record: { operatorId: created.operator.id, skills: ['PAX'], areas: ['310115'], timeZone: zone, hours: weekdays('09:00', '18:00'), absences: [] },
    });
    engineers.push({ id: profile.id, username, displayName });
  }
  return engineers;
}

/** Dates the case's paperwork carries (materials received, account checked, agreement signed): before the booking day. */
export interface PaperworkDates {
  receivedOn: string;
  signedOn: string;
}

/** A merchant in area 310115, its PAX A930 terminal and a case to acquirer-b taken to agreement-signed; returns the case id and the merchant's name. */
export async function seedBookableCase(page: Page, n: number, dates: PaperworkDates): Promise<{ caseId: string; merchantName: string }> {
  const modelId = (await call<{ models: { id: string; vendor: string; model: string }[] }>(page, 'desk:reference', {})).models.find((m) => m.vendor === 'PAX' && m.model === 'A930')!.id;
  const form = merchantForm(n, { name: `上海浦东示例餐饮${n}号有限公司`, area: '310115', accountCheckedOn: dates.receivedOn, shortName: `浦东餐饮${n}` });
  const merchant = await call<{ id: string }>(page, 'desk:merchant-save', { base: null, record: form });
  const ids = terminalIds(n);
  const terminal = await call<{ id: string }>(page, 'desk:terminal-save', {
    base: null,
    record: { modelId, serial: ids.serial, tid: ids.tid, mid: ids.mid, firmware: 'PayDroid 7.2.0', currentBank: 'acquirer-c', merchantId: merchant.id },
  });
  type Stored = { id: string; version: number };
  let current = await call<Stored>(page, 'desk:case-open', { terminalId: terminal.id, targetBank: 'acquirer-b' });
  for (const kind of ['business-licence', 'tax-registration', 'legal-rep-id', 'account-opening-permit', 'terminal-model-number']) {
    await call(page, 'desk:material-update', { caseId: current.id, kind, receivedOn: dates.receivedOn, verified: true, expiresOn: null });
  }
  current = await call<Stored>(page, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'complete-materials' });
  current = await call<Stored>(page, 'desk:case-transition', { caseId: current.id, version: current.version, action: 'submit-for-review' });
  current = await call<Stored>(page, 'desk:case-review', { caseId: current.id, version: current.version, decision: 'approved' });
  const document = await call<{ id: string }>(page, 'desk:attachment-add', { caseId: current.id, purpose: 'agreement', fileName: 'agreement.pdf', dataBase64: agreementPdf });
  await call(page, 'desk:case-agreement', { caseId: current.id, version: current.version, signedOn: dates.signedOn, signatory: '张三', attachmentId: document.id });
  return { caseId: current.id, merchantName: form.name };
}
