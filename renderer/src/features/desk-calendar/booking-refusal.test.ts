import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../../shared/errors/reason';
import { BridgeError } from '../../bridge/rebind-api';
import { answerOf, answerOfError, clashesOn } from './booking-refusal';
import type { CalendarEntry } from './calendar-entries';

const reasons: Reason[] = [
  { code: 'booking-engineer-double-booked', params: { engineer: '孙工程师', start: '2026-12-07 10:00', end: '2026-12-07 11:00', zone: 'Asia/Shanghai' } },
  { code: 'booking-outside-bank-windows', params: { bank: 'Acquirer B', day: '2026-12-07', start: '12:00', end: '13:00', zone: 'Asia/Shanghai', windows: '09:00–12:00, 13:30–18:00' } },
];

describe('answerOf', () => {
  it('keeps every reason of a refused booking, in order', () => {
    expect(answerOf({ booked: false, reasons })).toEqual({ kind: 'refused', reasons });
  });

  it('passes a booking on as done', () => {
    const outcome = { booked: true as const, appointment: {} as never, caseState: 'scheduled' };
    expect(answerOf(outcome)).toEqual({ kind: 'done', outcome });
  });
});

describe('answerOfError', () => {
  it('says a race lost at commit as the double booking it is, with its parameters', () => {
    const lost = new BridgeError({ code: 'conflict', message: 'x', reason: 'booking-engineer-double-booked', params: { ...reasons[0]!.params, appointment: 'id' } });
    expect(answerOfError(lost)).toEqual({ kind: 'refused', reasons: [{ code: 'booking-engineer-double-booked', params: { ...reasons[0]!.params, appointment: 'id' } }] });
  });

  it('tells a stale version (someone moved it meanwhile) apart, so the calendar reloads', () => {
    expect(answerOfError(new BridgeError({ code: 'conflict', message: 'x', reason: 'record-changed', params: { entity: 'appointment' } }))).toEqual({
      kind: 'stale',
      reasons: [{ code: 'record-changed', params: { entity: 'appointment' } }],
    });
  });

  it('leaves anything without a reason, or not a refusal, to the general error text', () => {
    const plain = new Error('boom');
    expect(answerOfError(plain)).toEqual({ kind: 'failed', error: plain });
    const internal = new BridgeError({ code: 'internal', message: 'x', reason: 'unexpected-error', params: { logFile: '/tmp/x' } });
    expect(answerOfError(internal)).toEqual({ kind: 'failed', error: internal });
  });
});

describe('clashesOn', () => {
  const at = (id: string, engineerId: string, start: string, end: string, status: CalendarEntry['status'] = 'confirmed') =>
    ({ id, engineerId, start, end, status, merchantName: id }) as CalendarEntry;
  const entries = [
    at('same-engineer-overlap', 'e1', '2026-12-07T02:00:00.000Z', '2026-12-07T03:00:00.000Z'),
    at('same-engineer-touching', 'e1', '2026-12-07T03:00:00.000Z', '2026-12-07T04:00:00.000Z'),
    at('other-engineer', 'e2', '2026-12-07T02:00:00.000Z', '2026-12-07T03:00:00.000Z'),
    at('cancelled', 'e1', '2026-12-07T02:00:00.000Z', '2026-12-07T03:00:00.000Z', 'cancelled'),
  ];

  it('finds the engineer\'s live appointments the slot overlaps (touching ends do not), except the one being moved', () => {
    expect(clashesOn(entries, 'e1', '2026-12-07T02:30:00.000Z', '2026-12-07T03:00:00.000Z').map((e) => e.id)).toEqual(['same-engineer-overlap']);
    expect(clashesOn(entries, 'e1', '2026-12-07T02:30:00.000Z', '2026-12-07T03:30:00.000Z', 'same-engineer-overlap').map((e) => e.id)).toEqual(['same-engineer-touching']);
  });
});
