// The training data, made through the training side's own handlers (the same parsing, rules and
// audit entries as a desk would), so a seeded case is exactly what the desk would have made: a
// merchant, the demo terminal's record, and a case taken to "agreement signed", ready to book.
// The bank's windows and the engineers' hours in the training file cover every day 08:00–20:00,
// so the case can be booked for today whatever day someone trains.
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { InvokeChannel } from '../../../shared/ipc/channels';
import type { InvokeOutput } from '../../../shared/ipc/contract';
import { plusDays } from '../../../shared/desk/time/zoned';
import type { Caller } from '../auth/session-service';
import type { CallContext, ChannelHandlers } from '../ipc/router';
import type { TrainingPerson } from './training-repository';

/** The demo terminal's identity (terminal/simulator/default-state.ts) and the training merchant. */
export const trainingRecords = {
  merchantName: '培训示例商户（演示）',
  uscc: '91310115MA1TRAIN0X',
  serial: '1170012345',
  tid: '12345678',
  mid: '898310048140001',
  firmware: 'PayDroid 7.1.2',
  model: 'A920',
  currentBank: 'acquirer-c',
  targetBank: 'acquirer-b',
  area: '310115',
  zone: 'Asia/Shanghai',
} as const;

const everyDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [String(day), [{ start: '08:00', end: '20:00' }]]));

// A one-page PDF standing for the signed agreement (the case page only needs a document).
const agreementPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');

type Call = <C extends InvokeChannel>(channel: C, input: ParsedInput<C>) => Promise<InvokeOutput<C>>;

/** Calls the training handlers as `caller`, outside any window. */
export function callerOf(handlers: Partial<ChannelHandlers>, caller: Caller): Call {
  const context: CallContext = {
    caller,
    window: 'training-seed',
    locked: false,
    attachSession: () => {
      throw new Error('the training seed cannot sign in');
    },
    endSession: () => undefined,
    setLocked: () => undefined,
  };
  return async (channel, input) => {
    const handler = handlers[channel] as ((input: unknown, context: CallContext) => unknown) | undefined;
    if (!handler) throw new Error(`the training side does not answer ${channel}`);
    return (await handler(input, context)) as never;
  };
}

/** Gives each engineer a training profile (the desk trainee books one of them). */
export async function seedProfiles(call: Call, people: readonly TrainingPerson[], profiled: ReadonlySet<number>): Promise<number> {
  const wanted = people.filter((p) => !p.disabled && !profiled.has(p.id) && p.role === 'engineer');
  for (const person of wanted) {
    await call('desk:save-engineer', {
      base: null,
      record: { operatorId: person.id, skills: ['PAX'], areas: [trainingRecords.area], timeZone: trainingRecords.zone, hours: everyDay as never, absences: [] },
    });
  }
  return wanted.length;
}

/** Seeds an empty training file; returns the case's id. `today` is the trainee's day in Shanghai (YYYY-MM-DD). */
export async function seedTrainingCase(call: Call, today: string): Promise<string> {
  const before = plusDays(today, -1);
  const reference = await call('desk:reference', {});
  const bank = reference.banks.find((b) => b.code === trainingRecords.targetBank);
  if (bank) {
    const { id, version, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...record } = bank;
    await call('desk:save-bank', { base: { id, version }, record: { ...record, windows: everyDay as never, exceptions: [] } });
  }
  const modelId = reference.models.find((m) => m.model === trainingRecords.model)?.id;
  if (!modelId) throw new Error(`the training file has no terminal model ${trainingRecords.model}`);
  const merchant = await call('desk:merchant-save', {
    base: null,
    record: {
      name: trainingRecords.merchantName,
      uscc: trainingRecords.uscc,
      legalRep: '培训员',
      legalRepId: '11010519491231002X',
      contact: '培训联系人',
      phone: '021-58880000',
      address: '上海市浦东新区培训路 1 号',
      area: trainingRecords.area,
      settlement: { bank: '中国银行', branch: '上海浦东支行', cnaps: '104290003011', swift: undefined, accountNo: '4061234567890000' },
      accountStatus: 'normal',
      accountCheckedOn: before,
      shortName: '培训商户',
    },
  });
  const terminal = await call('desk:terminal-save', {
    base: null,
    record: { modelId, serial: trainingRecords.serial, tid: trainingRecords.tid, mid: trainingRecords.mid, firmware: trainingRecords.firmware, currentBank: trainingRecords.currentBank, merchantId: merchant.id },
  });
  let current: { id: string; version: number } = await call('desk:case-open', { terminalId: terminal.id, targetBank: trainingRecords.targetBank });
  const detail = await call('desk:case-get', { caseId: current.id });
  for (const { kind } of detail.materials) await call('desk:material-update', { caseId: current.id, kind, receivedOn: before, verified: true, expiresOn: null });
  current = await call('desk:case-transition', { caseId: current.id, version: current.version, action: 'complete-materials' });
  current = await call('desk:case-transition', { caseId: current.id, version: current.version, action: 'submit-for-review' });
  current = await call('desk:case-review', { caseId: current.id, version: current.version, decision: 'approved' });
  const document = await call('desk:attachment-add', { caseId: current.id, purpose: 'agreement', fileName: 'training-agreement.pdf', dataBase64: agreementPdf });
  current = await call('desk:case-agreement', { caseId: current.id, version: current.version, signedOn: before, signatory: '培训员', attachmentId: document.id });
  return current.id;
}
