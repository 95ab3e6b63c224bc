// A desk ready to book: the sample reference data, a desk user, engineers with profiles, and cases
// at `agreement-signed` with every material verified. Merchants, terminals and cases are written
// with SQL here: their services belong to other parts of issue 10 and this suite tests booking.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { MainContext, MainContextOptions } from '../../../electron/main/main-context';
import type { SenderInfo } from '../../../electron/main/ipc/router';
import type { IpcError } from '../../../shared/ipc/result';
import { callAs, createFirstAdmin, signInNewOperator, testMainContext, testWindow } from '../support/main-context';

/** Tuesday 1 December 2026, 10:00 in Shanghai: the suite's now. */
export const fixtureNow = new Date('2026-12-01T02:00:00.000Z');

const weekdays = (start: string, end: string) => ({ 1: [{ start, end }], 2: [{ start, end }], 3: [{ start, end }], 4: [{ start, end }], 5: [{ start, end }], 6: [], 7: [] });

export interface Desk {
  ctx: MainContext;
  admin: SenderInfo;
  desk: SenderInfo;
  deskOperatorId: number;
  engineers: { id: string; operatorId: number; window: SenderInfo; username: string }[];
  modelIds: Record<string, string>;
}

function insertRow(db: Database.Database, table: string, values: Record<string, unknown>): string {
  const id = uuidv7();
  const at = fixtureNow.toISOString();
  const row = { id, created_at: at, created_by: 'fixture', updated_at: at, updated_by: 'fixture', version: 1, ...values };
  db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row));
  return id;
}

/** What a seeded case may vary. */
export interface CaseSeed {
  model?: string;
  firmware?: string | null;
  bank?: string;
  state?: string;
  accountStatus?: 'normal' | 'frozen' | 'arrears';
  accountCheckedOn?: string | null;
  approved?: boolean;
  agreement?: boolean;
  /** Material kinds left out. */
  missing?: readonly string[];
  shortName?: string;
  area?: string;
  serial?: string;
  tid?: string;
}

let serial = 0;

/** A merchant, its terminal and a case on it; returns the case id and the terminal's serial and TID. */
export function seedCase(db: Database.Database, modelIds: Record<string, string>, seed: CaseSeed = {}): { caseId: string; serial: string; tid: string; mid: string } {
  serial += 1;
  const n = String(serial).padStart(6, '0');
  const merchantId = insertRow(db, 'merchants', {
    name: `上海浦东测试商贸有限公司${n}`,
    uscc: `91310115MA1K${n}`,
    legal_rep: '张三',
    legal_rep_id: 'v1:fixture',
    legal_rep_id_last4: '002X',
    contact: '李四',
    phone: '13800000000',
    address: `上海市浦东新区世纪大道 ${serial} 号`,
    area: seed.area ?? '310115',
    settlement_bank: '测试银行',
    settlement_branch: '浦东支行',
    cnaps: '102290000000',
    account_no: 'v1:fixture',
    account_no_last4: '1234',
    swift: null,
    account_status: seed.accountStatus ?? 'normal',
    account_checked_on: seed.accountCheckedOn === undefined ? '2026-11-30' : seed.accountCheckedOn,
    short_name: seed.shortName ?? `浦东测试${n}`,
  });
  const tid = seed.tid ?? `9${n.slice(-7)}`.padStart(8, '0');
  const mid = `10231000000${n.slice(-4)}`;
  const terminalSerial = seed.serial ?? `SN-FIX-${n}`;
  const terminalId = insertRow(db, 'terminals', {
    model_id: modelIds[seed.model ?? 'PAX A930'],
    serial: terminalSerial,
    tid,
    mid,
    firmware: seed.firmware === undefined ? 'PayDroid 7.2.0' : seed.firmware,
    current_bank: 'acquirer-c',
    merchant_id: merchantId,
  });
  const approved = seed.approved ?? true;
  const agreement = seed.agreement ?? true;
  const caseId = insertRow(db, 'cases', {
    state: seed.state ?? 'agreement-signed',
    terminal_id: terminalId,
    merchant_id: merchantId,
    target_bank: seed.bank ?? 'acquirer-b',
    review_decision: approved ? 'approved' : null,
    review_by: approved ? 'desk.wang' : null,
    review_at: approved ? '2026-11-25T02:00:00.000Z' : null,
    review_reason: null,
    agreement_signed_on: agreement ? '2026-11-26' : null,
    agreement_signatory: agreement ? '张三' : null,
    agreement_attachment_id: agreement ? uuidv7() : null,
    closing_reason: null,
  });
  for (const kind of ['business-licence', 'tax-registration', 'legal-rep-id', 'account-opening-permit', 'terminal-model-number']) {
    if (seed.missing?.includes(kind)) continue;
    insertRow(db, 'case_materials', { case_id: caseId, kind, received_on: '2026-11-20', verified_by: 'desk.wang', verified_at: '2026-11-21T02:00:00.000Z', expires_on: null });
  }
  return { caseId, serial: terminalSerial, tid, mid };
}

/** An app on `dataDir` with the samples, a desk user and `engineerCount` engineers (PAX, area 310115, weekdays 09:00–18:00 Shanghai). */
export async function openDesk(dataDir: string, engineerCount = 2, now: () => Date = () => fixtureNow, zone = 'Asia/Shanghai', extra: Partial<MainContextOptions> = {}): Promise<Desk> {
  const ctx = testMainContext(dataDir, {}, { now, ...extra });
  const admin = testWindow();
  await createFirstAdmin(ctx, admin);
  const { window: desk, operatorId: deskOperatorId } = await signInNewOperator(ctx, admin, 'desk.wang', 'desk');
  const engineers: Desk['engineers'] = [];
  for (let i = 1; i <= engineerCount; i++) {
    const username = `eng.${i}`;
    const { window, operatorId } = await signInNewOperator(ctx, admin, username, 'engineer');
    const profile = (await callAs(ctx, admin, 'desk:save-engineer', {
      base: null,
      record: { operatorId, skills: ['PAX'], areas: ['310115'], timeZone: zone, hours: weekdays('09:00', '18:00'), absences: [] },
    })) as { id: string };
    engineers.push({ id: profile.id, operatorId, window, username });
  }
  const reference = (await callAs(ctx, admin, 'desk:reference', {})) as { models: { id: string; vendor: string; model: string }[] };
  const modelIds = Object.fromEntries(reference.models.map((m) => [`${m.vendor} ${m.model}`, m.id]));
  return { ctx, admin, desk, deskOperatorId, engineers, modelIds };
}

/** Calls a channel that must refuse; returns the whole error (code, reason, params). */
export async function refusalOf(ctx: MainContext, sender: SenderInfo, channel: string, input: unknown): Promise<IpcError> {
  const result = await ctx.router.handle(channel, input, sender);
  if (result.ok) throw new Error(`${channel} was not refused: ${JSON.stringify(result.value)}`);
  return result.error;
}
