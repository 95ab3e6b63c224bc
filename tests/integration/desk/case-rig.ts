// A desk with the sample banks and models, one merchant and one PAX A920 terminal bound to
// acquirer-b, a desk operator, and a clock the test moves (Monday 30 November 2026, 10:00 in Shanghai).
import { v7 as uuidv7 } from 'uuid';
import type { MainContext } from '../../../electron/main/main-context';
import type { SenderInfo } from '../../../electron/main/ipc/router';
import type { IpcError } from '../../../shared/ipc/result';
import { callAs, createFirstAdmin, signInNewOperator, testMainContext, testWindow, type PickerAnswers } from '../support/main-context';

export interface CaseRig {
  ctx: MainContext;
  admin: SenderInfo;
  desk: SenderInfo;
  clock: { at: Date };
  terminalId: string;
  merchantId: string;
  modelId: string;
  /** Adds another terminal of the same merchant; returns its id. */
  addTerminal(serial: string, fields?: { tid?: string; mid?: string; bank?: string; firmware?: string }): string;
  call(who: SenderInfo, channel: string, input: unknown): Promise<unknown>;
  /** The error a call is refused with (code, English message, reason code and parameters); fails when it succeeds. */
  refused(who: SenderInfo, channel: string, input: unknown): Promise<IpcError>;
}

const meta = (at: Date) => ({ id: uuidv7(), t: at.toISOString() });

export async function caseRig(dataDir: string, answers: PickerAnswers = {}): Promise<CaseRig> {
  const clock = { at: new Date('2026-11-30T02:00:00.000Z') };
  const ctx = testMainContext(dataDir, answers, { now: () => clock.at });
  const admin = testWindow();
  await createFirstAdmin(ctx, admin);
  const desk = (await signInNewOperator(ctx, admin, 'li.desk', 'desk')).window;
  const reference = (await callAs(ctx, admin, 'desk:reference', {})) as { models: { id: string; vendor: string; model: string }[] };
  const modelId = reference.models.find((m) => m.model === 'A920')!.id;
  const db = ctx.database.current();
  const merchant = meta(clock.at);
  db.prepare(
    `INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4, contact, phone, address, area,
       settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, swift, account_status, account_checked_on, short_name)
     VALUES (?, ?, 'test', ?, 'test', 1, '上海浦东示例餐饮有限公司', '91350100M000100Y43', '王芳', 'v1:x', '002X', '李伟', '13800138000', '上海市浦东新区', '310115',
       '示例银行', '浦东支行', '102290000011', 'v1:y', '1234', NULL, 'normal', '2026-11-27', '浦东示例餐饮')`,
  ).run(merchant.id, merchant.t, merchant.t);
  const addTerminal: CaseRig['addTerminal'] = (serial, fields = {}) => {
    const row = meta(clock.at);
    db.prepare(
      `INSERT INTO terminals (id, created_at, created_by, updated_at, updated_by, version, model_id, serial, tid, mid, firmware, current_bank, merchant_id)
       VALUES (?, ?, 'test', ?, 'test', 1, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(row.id, row.t, row.t, modelId, serial, fields.tid ?? '12345678', fields.mid ?? '123456789012345', fields.firmware ?? 'PayDroid 7.1.2', fields.bank ?? 'acquirer-b', merchant.id);
    return row.id;
  };
  const terminalId = addTerminal('1170012345', { tid: '10000001', mid: '898310000000001' });
  return { ctx, admin, desk, clock, terminalId, merchantId: merchant.id, modelId, addTerminal, call: (who, channel, input) => callAs(ctx, who, channel, input),
    async refused(who, channel, input) {
      const result = await ctx.router.handle(channel, input, who);
      if (result.ok) throw new Error(`${channel} was not refused`);
      return result.error;
    },
  };
}

/** A small valid PDF, JPEG and PNG (their first bytes are what is checked). */
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const sampleJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
export const samplePng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
