import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { FakeRefusal, installFakeBridge, type FakeBridge } from '../../bridge/fake-bridge';
import type { InvokeOutput } from '../../../../shared/ipc/contract';
import { useOnsiteStore } from '../onsite/onsite-store';
import { useTodayStore } from './today-store';
import type { AppointmentWorkOrder, TodayEntry, TodayView } from './today-view';

// The Today store and its hand-over to On-site against a fake bridge (a unit test has no main
// process; bridge/fake-bridge.ts checks every call against the contract's input schemas).
const caseId = '019a0000-0000-7000-8000-0000000000c1';
const appointmentId = '019a0000-0000-7000-8000-0000000000a1';
const entry: TodayEntry = {
  appointment: { id: appointmentId, caseId, engineerId: '019a0000-0000-7000-8000-0000000000e1', start: '2026-12-01T06:00:00.000Z', end: '2026-12-01T07:00:00.000Z', zone: 'Asia/Shanghai', status: 'confirmed', version: 1 },
  caseState: 'scheduled',
  merchant: { shortName: '浦东便利', address: '上海市浦东新区' },
  terminal: { serial: '1170012345', tid: '12345678', model: 'A920' },
  bank: { code: 'acquirer-b', name: 'Acquirer B', templateId: 'acquirer-b' },
};
const order: AppointmentWorkOrder = {
  appointmentId,
  caseId,
  templateId: 'acquirer-b',
  bank: { code: 'acquirer-b', name: 'Acquirer B' },
  merchant: { tid: '12345678', mid: '898310048140001', name: '浦东便利', mcc: '' },
  workOrder: { caseRef: caseId, expectedSerial: '1170012345', expectedTid: '12345678', expectedModel: 'A920' },
};
const terminalId = '019a0000-0000-7000-8000-0000000000f1';
const merchantId = '019a0000-0000-7000-8000-0000000000d1';
const meta = { createdAt: '2026-11-30T02:00:00.000Z', createdBy: 'li.desk', updatedAt: '2026-12-01T06:30:00.000Z', updatedBy: 'wang.gong' };
// desk:case-get's answer for the case in `state` (the fake checks it against the contract's output).
const caseDetail = (state: 'scheduled' | 'rebound' | 'failed'): InvokeOutput<'desk:case-get'> => ({
  case: { id: caseId, ...meta, version: 4, state, terminalId, merchantId, targetBank: 'acquirer-b', materials: [], review: null, agreement: null },
  terminal: { id: terminalId, serial: '1170012345', tid: '12345678', mid: '898310048140001', modelId: '019a0000-0000-7000-8000-0000000000b1', firmware: null, currentBank: 'acquirer-c', merchantId },
  merchant: { id: merchantId, name: '上海浦东便利有限公司', uscc: '91350100M000100Y43', area: '310115', accountStatus: 'normal', accountCheckedOn: null },
  timeline: [],
  materials: [],
  attachments: [],
  gateReasons: [],
  actions: [],
});
const day = (date: string, appointments: TodayEntry[] = []): TodayView => ({ date, zone: 'Asia/Shanghai', appointments });
const outcome = (kind: 'rebound' | 'refused') => ({
  type: 'outcome' as const,
  outcome: {
    operationId: 3,
    outcome: kind,
    reason: kind === 'rebound' ? ('confirmed' as const) : ('work-order-mismatch' as const),
    message: { code: kind === 'rebound' ? 'outcome-rebound' : 'outcome-refused', params: {} },
    known: [],
    nextSteps: [],
    operationOpen: false,
    serialNumber: '1170012345',
    digestBefore: null,
    targetDigest: 'a'.repeat(64),
    finalDigest: null,
    backupId: null,
    steps: [],
    receipt: null,
  },
});

let bridge: FakeBridge;
let caseState: 'scheduled' | 'rebound' | 'failed' = 'rebound';
beforeEach(() => {
  setActivePinia(createPinia());
  caseState = 'rebound';
  bridge = installFakeBridge({
    'desk:today': ({ date }) => day(date ?? '2026-12-01', date === undefined || date === '2026-12-01' ? [entry] : []),
    'desk:appointment-work-order': () => order,
    'rebind:templates': () => ({ templates: [] }),
    'rebind:pending': () => ({ operations: [] }),
    'rebind:start': () => ({ started: true }),
    'desk:case-get': () => caseDetail(caseState),
  });
});

describe('Today store', () => {
  it("reads the engineer's today, then steps to the next and previous day by date", async () => {
    const store = useTodayStore();
    await store.today();
    expect(store.day).toEqual(day('2026-12-01', [entry]));
    await store.next();
    expect(store.day).toEqual(day('2026-12-02'));
    await store.previous();
    await store.previous();
    expect(store.day?.date).toBe('2026-11-30');
    expect(bridge.calls.filter((c) => c.channel === 'desk:today').map((c) => c.input)).toEqual([{}, { date: '2026-12-02' }, { date: '2026-12-01' }, { date: '2026-11-30' }]);
  });

  it('keeps why the day could not be read, and forgets it once a day reads', async () => {
    const store = useTodayStore();
    bridge.answers['desk:today'] = () => {
      throw new FakeRefusal({ code: 'not-found', message: 'no profile', reason: 'appointment-no-engineer-profile' });
    };
    await store.today();
    expect(store.failure).toMatchObject({ detail: { reason: 'appointment-no-engineer-profile' } });
    bridge.answers['desk:today'] = () => day('2026-12-01');
    await store.today();
    expect(store.failure).toBeNull();
  });

  it('opening an appointment fills On-site, and its start names the case by id; the case is read back after the outcome', async () => {
    const store = useTodayStore();
    const onsite = useOnsiteStore();
    await onsite.load();
    await store.today();
    await store.open(entry);
    expect(onsite.form).toMatchObject({ templateId: 'acquirer-b', merchant: { name: '浦东便利', tid: '12345678' }, order: { caseRef: caseId, expectedSerial: '1170012345', expectedModel: 'A920' } });
    expect(onsite.visit).toMatchObject({ caseId, appointmentId, caseState: 'scheduled', from: '14:00', to: '15:00' });
    await onsite.start({ templateId: 'acquirer-b', merchant: { ...onsite.form.merchant, mcc: '5411' }, workOrder: { caseRef: caseId } });
    expect(bridge.calls.find((c) => c.channel === 'rebind:start')?.input).toMatchObject({ caseId, workOrder: { caseRef: caseId } });
    bridge.emit('rebind:event', outcome('rebound'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bridge.calls.at(-1)).toEqual({ channel: 'desk:case-get', input: { caseId } });
    expect(onsite.caseAfter).toEqual({ caseId, before: 'scheduled', after: 'rebound' });
    expect(onsite.visit?.caseState).toBe('rebound');
  });

  it('without a visit (depot use) the start names no case and nothing is read back', async () => {
    const store = useTodayStore();
    const onsite = useOnsiteStore();
    await onsite.load();
    await store.today();
    await store.open(entry);
    onsite.detachVisit();
    expect(onsite.form.order.caseRef).toBe('');
    await onsite.start({ templateId: 'acquirer-b', merchant: { tid: '12345678', mid: '898310048140001', name: 'Bench', mcc: '5411' }, workOrder: { caseRef: 'bench 3' } });
    expect(bridge.calls.find((c) => c.channel === 'rebind:start')?.input).not.toHaveProperty('caseId');
    bridge.emit('rebind:event', outcome('refused'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bridge.calls.some((c) => c.channel === 'desk:case-get')).toBe(false);
    expect(onsite.caseAfter).toBeNull();
  });
});
