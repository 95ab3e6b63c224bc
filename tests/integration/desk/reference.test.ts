import { describe, expect, it } from 'vitest';
import { readAuditPage } from '../../../electron/main/audit/audit-rows';
import { callAs, createFirstAdmin, signInNewOperator, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-desk-reference-');

interface StoredBank { id: string; version: number; code: string; name: string; [field: string]: unknown }
interface Reference { banks: StoredBank[]; models: { id: string; vendor: string; model: string }[]; compatibility: { support: string }[]; engineers: { operatorId: number; username: string }[] }

const week = { 1: [{ start: '09:00', end: '17:00' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
const newBank = {
  code: 'acquirer-x', name: 'Acquirer X', timeZone: 'Europe/Berlin', windows: week, exceptions: [], templateId: 'acquirer-b',
  requiredMaterials: [{ kind: 'business-licence', validDays: 365 }], notices: [], feeRates: { debitPercent: 0.5, creditPercent: 0.6 }, areas: ['310115'],
};

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the call was not refused');
}

describe('desk reference data', () => {
  // The checklist's shipped templates load into a new install too, as their own operation
  // (tests/integration/checklist); these tests count the reference data's rows alone.
  const withoutTemplates = { seedChecklistTemplates: false } as const;

  it('loads the shipped samples into a new install as one audited operation with its outbox rows', async () => {
    const ctx = testMainContext(tempDir(), {}, withoutTemplates);
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    const data = (await callAs(ctx, admin, 'desk:reference', {})) as Reference;
    expect(data.banks.map((b) => b.code)).toEqual(['acquirer-b', 'acquirer-c']);
    expect(data.models.map((m) => `${m.vendor} ${m.model}`)).toContain('PAX A920');
    expect(data.compatibility.map((c) => c.support).sort()).toContain('from-firmware');
    const db = ctx.database.current();
    const loaded = readAuditPage(db, 0, 50).filter((r) => r.action === 'reference.samples-loaded');
    expect(loaded).toHaveLength(1);
    expect(JSON.parse(loaded[0]!.payload)).toEqual({ banks: 2, models: data.models.length, compatibility: data.compatibility.length });
    const outbox = db.prepare('SELECT DISTINCT operation_id AS op, audit_seq AS seq FROM outbox').all() as { op: string; seq: number }[];
    expect(outbox).toEqual([{ op: expect.any(String), seq: loaded[0]!.seq }]);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 2 + data.models.length + data.compatibility.length });
    await expect(callAs(ctx, admin, 'desk:load-samples', {})).rejects.toMatchObject({ code: 'conflict' });
    await ctx.close();
  });

  it('saves a new bank and an edit on the version read, and refuses an edit made on an older version without changing anything', async () => {
    const ctx = testMainContext(tempDir(), {}, { ...withoutTemplates, seedDeskSamples: false });
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    const created = (await callAs(ctx, admin, 'desk:save-bank', { base: null, record: newBank })) as StoredBank;
    expect(created).toMatchObject({ code: 'acquirer-x', version: 1, createdBy: 'test.admin' });
    const edited = (await callAs(ctx, admin, 'desk:save-bank', { base: { id: created.id, version: 1 }, record: { ...newBank, name: 'Acquirer X (Berlin)' } })) as StoredBank;
    expect(edited).toMatchObject({ id: created.id, version: 2, name: 'Acquirer X (Berlin)' });
    const stale = await refusal(callAs(ctx, admin, 'desk:save-bank', { base: { id: created.id, version: 1 }, record: { ...newBank, name: 'Overwritten' } }));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/Someone changed this bank/);
    const banks = ((await callAs(ctx, admin, 'desk:reference', {})) as Reference).banks;
    expect(banks.map((b) => [b.name, b.version])).toEqual([['Acquirer X (Berlin)', 2]]);
    const outbox = ctx.database.current().prepare('SELECT entity, base_version AS base, change FROM outbox ORDER BY seq').all() as { entity: string; base: number | null; change: string }[];
    expect(outbox.map((r) => [r.entity, r.base])).toEqual([['bank', null], ['bank', 1]]);
    expect(Object.keys(JSON.parse(outbox[1]!.change)).sort()).toEqual(['name', 'updated_at', 'version']);
    const actions = readAuditPage(ctx.database.current(), 0, 50).map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('bank.'))).toEqual(['bank.created', 'bank.updated']);
    await ctx.close();
  });

  it('refuses a taken code, an unknown template, and a bad zone or window, naming the field', async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    expect(await refusal(callAs(ctx, admin, 'desk:save-bank', { base: null, record: { ...newBank, code: 'acquirer-b' } }))).toMatchObject({ code: 'conflict', field: 'code' });
    expect(await refusal(callAs(ctx, admin, 'desk:save-bank', { base: null, record: { ...newBank, templateId: 'acquirer-z' } }))).toMatchObject({ code: 'invalid-input', field: 'templateId' });
    expect(await refusal(callAs(ctx, admin, 'desk:save-bank', { base: null, record: { ...newBank, timeZone: 'Mars/Olympus' } }))).toMatchObject({ code: 'invalid-input', field: 'record.timeZone' });
    expect(await refusal(callAs(ctx, admin, 'desk:save-bank', { base: null, record: { ...newBank, windows: { ...week, 1: [{ start: '17:00', end: '09:00' }] } } }))).toMatchObject({ code: 'invalid-input' });
    await ctx.close();
  });

  it('lets every role read the reference data and only admins change it', async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    const desk = await signInNewOperator(ctx, admin, 'li.desk', 'desk');
    const engineer = await signInNewOperator(ctx, admin, 'wang.eng', 'engineer');
    for (const who of [desk.window, engineer.window]) {
      expect(((await callAs(ctx, who, 'desk:reference', {})) as Reference).banks).toHaveLength(2);
      expect(await refusal(callAs(ctx, who, 'desk:save-bank', { base: null, record: newBank }))).toMatchObject({ code: 'forbidden' });
    }
    await ctx.close();
  });

  it('gives engineers, and only engineers, one booking profile each', async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    const desk = await signInNewOperator(ctx, admin, 'li.desk', 'desk');
    const engineer = await signInNewOperator(ctx, admin, 'wang.eng', 'engineer');
    const profile = { operatorId: engineer.operatorId, skills: ['PAX'], areas: ['310115'], timeZone: 'Asia/Shanghai', hours: week, absences: [] };
    await callAs(ctx, admin, 'desk:save-engineer', { base: null, record: profile });
    expect(await refusal(callAs(ctx, admin, 'desk:save-engineer', { base: null, record: profile }))).toMatchObject({ code: 'conflict', field: 'operatorId' });
    const notEngineer = await refusal(callAs(ctx, admin, 'desk:save-engineer', { base: null, record: { ...profile, operatorId: desk.operatorId } }));
    expect(notEngineer).toMatchObject({ code: 'invalid-input', field: 'operatorId' });
    expect(notEngineer.message).toMatch(/li\.desk is not an engineer \(role: desk\)/);
    const engineers = ((await callAs(ctx, admin, 'desk:reference', {})) as Reference).engineers;
    expect(engineers.map((e) => [e.username, e.operatorId])).toEqual([['wang.eng', engineer.operatorId]]);
    await ctx.close();
  });
});
