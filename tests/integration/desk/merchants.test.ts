import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { callAs, createFirstAdmin, signInNewOperator, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { merchantForm, terminalIds } from './merchant-fixtures';
import type { MainContext } from '../../../electron/main/main-context';
import type { SenderInfo } from '../../../electron/main/ipc/router';

const tempDir = useTempDir('rebinddesk-desk-merchants-');

interface View { id: string; version: number; name: string; uscc: string; legalRepId: string; settlement: { accountNo: string; swift?: string }; phone: string; shortName: string; terminals: { serial: string; tid: string }[] }
interface Reference { banks: { code: string }[]; models: { id: string; vendor: string; model: string }[] }

async function setUp() {
  const ctx = testMainContext(tempDir());
  const admin = testWindow();
  await createFirstAdmin(ctx, admin);
  const desk = await signInNewOperator(ctx, admin, 'li.desk', 'desk');
  const engineer = await signInNewOperator(ctx, admin, 'wang.eng', 'engineer');
  const reference = (await callAs(ctx, admin, 'desk:reference', {})) as Reference;
  return { ctx, admin, desk: desk.window, engineer: engineer.window, modelId: reference.models[0]!.id, bank: reference.banks[0]!.code };
}

/** The refusal of a call, as the renderer gets it. */
async function refusedWith(ctx: MainContext, sender: SenderInfo, channel: string, input: unknown) {
  const result = await ctx.router.handle(channel, input, sender);
  if (result.ok) throw new Error(`${channel} was not refused`);
  return result.error;
}

const saveMerchant = (ctx: MainContext, who: SenderInfo, n: number, overrides: Record<string, unknown> = {}) => callAs(ctx, who, 'desk:merchant-save', { base: null, record: merchantForm(n, overrides) }) as Promise<View>;

describe('desk merchants and terminals', () => {
  it('stores the ID and account numbers encrypted, in the row and in the outbox, and reads them back masked', async () => {
    const { ctx, desk } = await setUp();
    const form = merchantForm(1);
    const saved = await saveMerchant(ctx, desk, 1);
    expect(saved).toMatchObject({ name: form.name, uscc: form.uscc, version: 1, createdBy: 'li.desk', legalRepId: '••••0010', settlement: { accountNo: '••••0001' }, terminals: [] });
    const db = ctx.database.current();
    const row = db.prepare('SELECT * FROM merchants WHERE id = ?').get(saved.id) as Record<string, string>;
    expect(row['legal_rep_id']).toMatch(/^v1:/);
    expect(row['account_no']).toMatch(/^v1:/);
    expect([row['legal_rep_id_last4'], row['account_no_last4']]).toEqual(['0010', '0001']);
    const wholeRow = JSON.stringify(row);
    expect(wholeRow).not.toContain(form.legalRepId);
    expect(wholeRow).not.toContain(form.settlement.accountNo);
    const outbox = db.prepare("SELECT change FROM outbox WHERE entity = 'merchant'").all() as { change: string }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.change).not.toContain(form.legalRepId);
    expect(outbox[0]!.change).not.toContain(form.settlement.accountNo);
    expect(JSON.parse(outbox[0]!.change)).toMatchObject({ uscc: form.uscc, account_no: row['account_no'] });
    const audit = readAuditPage(db, 0, 100).filter((r) => r.action === 'merchant.created');
    expect(audit.map((r) => JSON.parse(r.payload))).toEqual([{ uscc: form.uscc }]);
    expect(await callAs(ctx, desk, 'desk:merchant-get', { id: saved.id })).toEqual(saved);
    await ctx.close();
  });

  it('reveals a number to the desk through sensitive:reveal, audited, and refuses engineers, also audited', async () => {
    const { ctx, desk, engineer } = await setUp();
    const saved = await saveMerchant(ctx, desk, 2);
    const reveal = (field: string) => ({ entityType: 'merchant', entityId: saved.id, field });
    expect(await callAs(ctx, desk, 'sensitive:reveal', reveal('accountNo'))).toEqual({ value: merchantForm(2).settlement.accountNo });
    expect(await callAs(ctx, desk, 'sensitive:reveal', reveal('legalRepId'))).toEqual({ value: merchantForm(2).legalRepId });
    const refused = await refusedWith(ctx, engineer, 'sensitive:reveal', reveal('accountNo'));
    expect(refused).toMatchObject({ code: 'forbidden' });
    const entries = readAuditPage(ctx.database.current(), 0, 100).filter((r) => r.action.startsWith('sensitive.'));
    expect(entries.map((r) => [r.action, r.actor, r.entityType, r.entityId, JSON.parse(r.payload).field])).toEqual([
      ['sensitive.revealed', 'li.desk', 'merchant', saved.id, 'accountNo'],
      ['sensitive.revealed', 'li.desk', 'merchant', saved.id, 'legalRepId'],
      ['sensitive.reveal-refused', 'wang.eng', 'merchant', saved.id, 'accountNo'],
    ]);
    expect(JSON.stringify(entries)).not.toContain(merchantForm(2).settlement.accountNo);
    await ctx.close();
  });

  it('keeps the stored numbers when an edit leaves them out, and refuses an edit made on an older version without changing anything', async () => {
    const { ctx, desk, admin } = await setUp();
    const saved = await saveMerchant(ctx, desk, 3);
    const { legalRepId: _id, ...withoutId } = merchantForm(3, { phone: '0591-22223333' });
    const edit = { ...withoutId, settlement: { ...merchantForm(3).settlement, accountNo: '' } };
    const edited = (await callAs(ctx, desk, 'desk:merchant-save', { base: { id: saved.id, version: 1 }, record: edit })) as View;
    expect(edited).toMatchObject({ version: 2, phone: '0591-22223333', legalRepId: saved.legalRepId, settlement: { accountNo: saved.settlement.accountNo } });
    expect(await callAs(ctx, admin, 'sensitive:reveal', { entityType: 'merchant', entityId: saved.id, field: 'accountNo' })).toEqual({ value: merchantForm(3).settlement.accountNo });
    const stale = await refusedWith(ctx, admin, 'desk:merchant-save', { base: { id: saved.id, version: 1 }, record: merchantForm(3, { name: 'Overwritten' }) });
    expect(stale).toMatchObject({ code: 'conflict', reason: 'record-changed' });
    expect(((await callAs(ctx, desk, 'desk:merchant-get', { id: saved.id })) as View).name).toBe(merchantForm(3).name);
    const outbox = ctx.database.current().prepare("SELECT base_version AS base, change FROM outbox WHERE entity = 'merchant' ORDER BY seq").all() as { base: number | null; change: string }[];
    expect(outbox.map((r) => r.base)).toEqual([null, 1]);
    expect(Object.keys(JSON.parse(outbox[1]!.change)).sort()).toEqual(['phone', 'updated_at', 'version']);
    await ctx.close();
  });

  it('refuses a taken credit code as a conflict, a refused field with its reason, and a new merchant without its numbers', async () => {
    const { ctx, desk } = await setUp();
    await saveMerchant(ctx, desk, 4);
    expect(await refusedWith(ctx, desk, 'desk:merchant-save', { base: null, record: merchantForm(4, { name: '另一家' }) })).toMatchObject({
      code: 'conflict',
      field: 'record.uscc',
      reason: 'merchant-uscc-taken',
    });
    const bad = await refusedWith(ctx, desk, 'desk:merchant-save', { base: null, record: merchantForm(5, { uscc: '91350100M000100Y44' }) });
    expect(bad).toMatchObject({ code: 'invalid-input', field: 'record.uscc', reason: 'input-field-refused' });
    expect(bad.params).toMatchObject({ why: { code: 'uscc-bad-check' } });
    const noAccount = await refusedWith(ctx, desk, 'desk:merchant-save', { base: null, record: merchantForm(6, { settlement: { ...merchantForm(6).settlement, accountNo: '' } }) });
    expect(noAccount).toMatchObject({ code: 'invalid-input', field: 'record.settlement.accountNo', reason: 'input-field-refused' });
    expect(noAccount.params).toMatchObject({ why: { code: 'merchant-sensitive-required' } });
    const future = await refusedWith(ctx, desk, 'desk:merchant-save', { base: null, record: merchantForm(7, { accountCheckedOn: '2999-01-01' }) });
    expect(future).toMatchObject({ code: 'invalid-input', field: 'record.accountCheckedOn' });
    expect(ctx.database.current().prepare('SELECT count(*) AS n FROM merchants').get()).toEqual({ n: 1 });
    await ctx.close();
  });

  it('saves terminals whose model, bank and merchant exist, one per serial and TID', async () => {
    const { ctx, desk, modelId, bank } = await setUp();
    const merchant = await saveMerchant(ctx, desk, 8);
    const terminal = { modelId, ...terminalIds(1), currentBank: bank, merchantId: merchant.id };
    const saved = (await callAs(ctx, desk, 'desk:terminal-save', { base: null, record: terminal })) as { id: string; version: number; serial: string };
    expect(saved).toMatchObject({ ...terminal, version: 1, createdBy: 'li.desk' });
    const other = { ...terminal, ...terminalIds(2) };
    expect(await refusedWith(ctx, desk, 'desk:terminal-save', { base: null, record: { ...other, serial: terminal.serial } })).toMatchObject({ code: 'conflict', field: 'record.serial', reason: 'terminal-serial-taken' });
    expect(await refusedWith(ctx, desk, 'desk:terminal-save', { base: null, record: { ...other, tid: terminal.tid } })).toMatchObject({ code: 'conflict', field: 'record.tid', reason: 'terminal-tid-taken' });
    expect(await refusedWith(ctx, desk, 'desk:terminal-save', { base: null, record: { ...other, modelId: merchant.id } })).toMatchObject({ code: 'not-found', field: 'record.modelId', reason: 'model-unknown' });
    expect(await refusedWith(ctx, desk, 'desk:terminal-save', { base: null, record: { ...other, currentBank: 'acquirer-z' } })).toMatchObject({ code: 'not-found', field: 'record.currentBank', reason: 'bank-unknown' });
    expect(await refusedWith(ctx, desk, 'desk:terminal-save', { base: null, record: { ...other, merchantId: modelId } })).toMatchObject({ code: 'not-found', field: 'record.merchantId', reason: 'terminal-merchant-unknown' });
    expect(await refusedWith(ctx, desk, 'desk:terminal-save', { base: null, record: { ...other, tid: '1234' } })).toMatchObject({ code: 'invalid-input', field: 'record.tid', reason: 'input-field-refused' });
    const moved = (await callAs(ctx, desk, 'desk:terminal-save', { base: { id: saved.id, version: 1 }, record: { ...terminal, firmware: 'PayDroid 7.1.2' } })) as { version: number };
    expect(moved.version).toBe(2);
    expect(await refusedWith(ctx, desk, 'desk:terminal-save', { base: { id: saved.id, version: 1 }, record: terminal })).toMatchObject({ code: 'conflict', reason: 'record-changed' });
    expect(((await callAs(ctx, desk, 'desk:merchant-get', { id: merchant.id })) as View).terminals.map((t) => t.serial)).toEqual([terminal.serial]);
    const actions = readAuditPage(ctx.database.current(), 0, 100).map((r) => r.action).filter((a) => a.startsWith('terminal.'));
    expect(actions).toEqual(['terminal.created', 'terminal.updated']);
    await ctx.close();
  });

  it('finds merchants by a part of the name, a credit code, TID, MID or serial prefix, with their terminals, masked, a page at a time', async () => {
    const { ctx, desk, engineer, modelId, bank } = await setUp();
    const merchants: View[] = [];
    for (let n = 10; n < 15; n += 1) merchants.push(await saveMerchant(ctx, desk, n));
    await saveMerchant(ctx, desk, 20, { name: '厦门海景咖啡馆' });
    for (let n = 0; n < 5; n += 1) await callAs(ctx, desk, 'desk:terminal-save', { base: null, record: { modelId, ...terminalIds(100 + n), currentBank: bank, merchantId: merchants[n]!.id } });
    const search = async (text: string, extra: Record<string, unknown> = {}) => (await callAs(ctx, engineer, 'desk:merchants-search', { text, ...extra })) as { merchants: View[]; more: boolean };
    expect((await search('示例便利店')).merchants.map((m) => m.uscc)).toEqual(merchants.map((m) => m.uscc));
    expect((await search('海景')).merchants.map((m) => m.name)).toEqual(['厦门海景咖啡馆']);
    expect((await search(merchants[2]!.uscc)).merchants.map((m) => m.id)).toEqual([merchants[2]!.id]);
    expect((await search(merchants[2]!.uscc.slice(0, 14).toLowerCase())).merchants).toHaveLength(6);
    expect((await search(terminalIds(103).tid)).merchants.map((m) => m.id)).toEqual([merchants[3]!.id]);
    expect((await search(terminalIds(101).mid)).merchants.map((m) => m.id)).toEqual([merchants[1]!.id]);
    expect((await search(terminalIds(104).serial)).merchants.map((m) => m.id)).toEqual([merchants[4]!.id]);
    const found = (await search(terminalIds(104).serial)).merchants[0]!;
    expect(found.terminals.map((t) => t.serial)).toEqual([terminalIds(104).serial]);
    expect(found.legalRepId).toMatch(/^••••\w{4}$/);
    expect(found.settlement.accountNo).toMatch(/^••••\d{4}$/);
    expect(await search('nobody-has-this')).toEqual({ merchants: [], more: false });
    // Letters and digits that are no key's start are looked for in the names.
    await saveMerchant(ctx, desk, 21, { name: 'Lawson7便利店' });
    expect((await search('Lawson7')).merchants.map((m) => m.name)).toEqual(['Lawson7便利店']);
    // Two characters, a whole name or a part (FTS5's trigrams find neither), and one character.
    await saveMerchant(ctx, desk, 22, { name: '茶庄', shortName: '茶庄' });
    expect((await search('茶庄')).merchants.map((m) => m.name)).toEqual(['茶庄']);
    expect((await search('海景')).merchants.map((m) => m.name)).toEqual(['厦门海景咖啡馆']);
    expect((await search('庄')).merchants.map((m) => m.name)).toEqual(['茶庄']);
    expect((await search('景咖啡馆')).merchants.map((m) => m.name)).toEqual(['厦门海景咖啡馆']);
    expect((await search('景咖馆')).merchants).toEqual([]);
    const first = await search('示例便利店', { limit: 2 });
    const second = await search('示例便利店', { limit: 2, offset: 2 });
    expect([first.more, second.more, (await search('示例便利店', { limit: 2, offset: 4 })).more]).toEqual([true, true, false]);
    expect([...first.merchants, ...second.merchants].map((m) => m.id)).toEqual(merchants.slice(0, 4).map((m) => m.id));
    expect(await refusedWith(ctx, desk, 'desk:merchants-search', { text: '店', limit: 1000 })).toMatchObject({ code: 'invalid-input' });
    await ctx.close();
  });

  it('lets engineers read merchants but not change them', async () => {
    const { ctx, desk, engineer } = await setUp();
    const saved = await saveMerchant(ctx, desk, 30);
    expect(((await callAs(ctx, engineer, 'desk:merchant-get', { id: saved.id })) as View).shortName).toBe('示例便利店30');
    expect(await refusedWith(ctx, engineer, 'desk:merchant-save', { base: null, record: merchantForm(31) })).toMatchObject({ code: 'forbidden' });
    expect(await refusedWith(ctx, engineer, 'desk:terminal-save', { base: null, record: {} })).toMatchObject({ code: 'forbidden' });
    await ctx.close();
  });
});
