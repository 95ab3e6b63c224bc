import { describe, expect, it } from 'vitest';
import { appointmentSchema, bankSchema, caseSchema, compatibilitySchema, engineerSchema, terminalModelSchema, weekWindowsSchema } from '.';
import { berlinBank, engineer, ids, paxA920, readyCase, shanghaiBank, supportedFrom7 } from '../../../tests/fixtures/desk-samples';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('desk domain schemas', () => {
  it('accept the samples', () => {
    for (const bank of [berlinBank, shanghaiBank]) expect(bankSchema.parse(bank)).toEqual(bank);
    expect(terminalModelSchema.parse(paxA920)).toEqual(paxA920);
    expect(compatibilitySchema.parse(supportedFrom7)).toEqual(supportedFrom7);
    expect(engineerSchema.parse(engineer)).toEqual(engineer);
    expect(caseSchema.parse(readyCase)).toEqual(readyCase);
  });

  it('refuse a zone that is not IANA, a date that does not exist and windows that overlap', () => {
    const bad = {
      ...berlinBank,
      timeZone: 'Mars/Olympus',
      exceptions: [{ date: '2026-02-30', closed: true }],
      windows: { ...berlinBank.windows, '1': [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] },
    };
    expect(issuesOf(bankSchema.safeParse(bad))).toEqual([
      'timeZone: not an IANA time zone (for example Asia/Shanghai or Europe/Berlin)',
      'windows.1: windows of a day are in order and do not overlap',
      'exceptions.0.date: no such date',
    ]);
  });

  it('take 24:00 as the end of a day but never as its start, and refuse a window that ends before it starts', () => {
    const week = (day: unknown) => ({ ...berlinBank.windows, '3': day });
    expect(weekWindowsSchema.safeParse(week([{ start: '18:00', end: '24:00' }])).success).toBe(true);
    expect(issuesOf(weekWindowsSchema.safeParse(week([{ start: '24:00', end: '24:00' }])))).toEqual(['3.0.start: a time is HH:MM between 00:00 and 23:59', '3.0.end: a window ends after it starts']);
    expect(issuesOf(weekWindowsSchema.safeParse(week([{ start: '12:00', end: '09:00' }])))).toEqual(['3.0.end: a window ends after it starts']);
  });

  it('need all seven weekdays', () => {
    const { '7': _sunday, ...six } = berlinBank.windows;
    expect(weekWindowsSchema.safeParse(six).success).toBe(false);
  });

  it('want a minimum firmware exactly when support starts from one', () => {
    expect(compatibilitySchema.safeParse({ ...supportedFrom7, minFirmware: undefined }).success).toBe(false);
    expect(compatibilitySchema.safeParse({ ...supportedFrom7, support: 'supported' }).success).toBe(false);
    expect(compatibilitySchema.safeParse({ ...supportedFrom7, minFirmware: 'v7' }).success).toBe(false);
  });

  it('want a reason for a rejection, both who and when for a verification, and receipt before verification', () => {
    expect(issuesOf(caseSchema.safeParse({ ...readyCase, review: { decision: 'rejected', by: 'zhao.lead', at: '2026-05-22T09:00:00Z' } }))).toEqual(['review.reason: a rejection says why']);
    const material = { kind: 'site-photo', received: false, verifiedBy: 'li.desk' };
    expect(issuesOf(caseSchema.safeParse({ ...readyCase, materials: [material] }))).toEqual([
      'materials.0.verifiedAt: a verification names both who and when',
      'materials.0.verifiedBy: a material is received before it is verified',
    ]);
    expect(caseSchema.safeParse({ ...readyCase, materials: [...readyCase.materials, readyCase.materials[0]] }).success).toBe(false);
  });

  it('refuse an appointment that ends before it starts, a local time without Z, and an absence the wrong way round', () => {
    const appointment = { id: ids.appointment, caseId: ids.case, engineerId: ids.engineer, start: '2026-06-01T09:00:00Z', end: '2026-06-01T10:00:00Z', zone: 'Europe/Berlin', status: 'confirmed' };
    expect(appointmentSchema.safeParse(appointment).success).toBe(true);
    expect(issuesOf(appointmentSchema.safeParse({ ...appointment, end: '2026-06-01T08:00:00Z' }))).toEqual(['end: an appointment ends after it starts']);
    expect(appointmentSchema.safeParse({ ...appointment, start: '2026-06-01T09:00:00' }).success).toBe(false);
    expect(engineerSchema.safeParse({ ...engineer, absences: [{ from: '2026-06-20T00:00:00Z', until: '2026-06-15T00:00:00Z' }] }).success).toBe(false);
  });
});
