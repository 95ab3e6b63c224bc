// An engineer's day for the browser e2e, seeded through the bridge as the desk does it: the sample
// reference data, an engineer with a profile, a merchant and the demo terminal's record (PAX A920,
// serial 1170012345, TID 12345678, PayDroid 7.1.2), a case taken to agreement-signed through its
// channels, and an appointment that day, booked with desk:book. Main's clock is moved to 09:00 in
// Shanghai on the next weekday first, so "today" is a working day whatever the real date is.
import type { Page } from '@playwright/test';
import { plusDays, weekdayOf } from '../../../shared/desk/time/zoned';
import type { MainClock } from './harness';

/** The seeded day: the engineer's credentials, the case and appointment ids, the day (YYYY-MM-DD in Shanghai). */
export interface SeededDay {
  engineer: { username: string; displayName: string; temporaryPassword: string };
  caseId: string;
  appointmentId: string;
  day: string;
}

const SHANGHAI_MS = 8 * 3_600_000;
const shanghaiDate = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);

/** Moves main's clock to 09:00 Shanghai time on the next weekday after its today; returns that day. */
export function placeOnNextWorkingDay(clock: MainClock): string {
  let day = plusDays(shanghaiDate(clock.now().getTime()), 1);
  while (Number(weekdayOf(day)) > 5) day = plusDays(day, 1);
  clock.advance(Date.parse(`${day}T09:00:00+08:00`) - clock.now().getTime());
  return day;
}

/** Seeds the day in a window signed in as an admin; the window stays signed in as that admin. */
export async function seedEngineerDay(page: Page, day: string, engineer: { username: string; displayName: string }): Promise<SeededDay> {
  const before = plusDays(day, -1);
  return page.evaluate(
    async ({ day, before, engineer }) => {
      const call = async <T>(channel: string, input: unknown): Promise<T> => {
        const result = await window.rebind.invoke(channel as never, input as never);
        if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
        return result.value as T;
      };
      // An install starts with the samples; loading them again is refused as not empty, which is fine.
      const loaded = await window.rebind.invoke('desk:load-samples', {});
      if (!loaded.ok && loaded.error.reason !== 'samples-not-empty') throw new Error(`desk:load-samples: ${JSON.stringify(loaded.error)}`);
      const created = await call<{ operator: { id: number }; temporaryPassword: string }>('operators:create', { username: engineer.username, displayName: engineer.displayName, role: 'engineer' });
      const hours = { 1: [{ start: '09:00', end: '18:00' }], 2: [{ start: '09:00', end: '18:00' }], 3: [{ start: '09:00', end: '18:00' }], 4: [{ start: '09:00', end: '18:00' }], 5: [{ start: '09:00', end: '18:00' }], 6: [], 7: [] };
      const profile = await call<{ id: string }>('desk:save-engineer', { base: null, record: { operatorId: created.operator.id, skills: ['PAX'], areas: ['310115'], timeZone: 'Asia/Shanghai', hours, absences: [] } });
      const reference = await call<{ models: { id: string; model: string }[] }>('desk:reference', {});
      const merchant = await call<{ id: string }>('desk:merchant-save', {
        base: null,
        record: {
          name: '上海浦东示例便利店有限公司',
          uscc: '91350100M000100Y43',
          legalRep: '王芳',
          legalRepId: '11010519491231002X',
          contact: '李伟',
          phone: '021-58881234',
          address: '上海市浦东新区世纪大道 100 号',
          area: '310115',
          settlement: { bank: '中国银行', branch: '上海浦东支行', cnaps: '104290003011', accountNo: '4061234567890123' },
          accountStatus: 'normal',
          accountCheckedOn: before,
          shortName: '浦东便利',
        },
      });
      const modelId = reference.models.find((m) => m.model === 'A920')!.id;
      const terminal = await call<{ id: string }>('desk:terminal-save', {
        base: null,
        record: { modelId, serial: '1170012345', tid: '12345678', mid: '898310048140001', firmware: 'PayDroid 7.1.2', currentBank: 'acquirer-c', merchantId: merchant.id },
      });
      type Stored = { id: string; version: number };
      let current = await call<Stored>('desk:case-open', { terminalId: terminal.id, targetBank: 'acquirer-b' });
      const detail = await call<{ materials: { kind: string }[] }>('desk:case-get', { caseId: current.id });
      for (const { kind } of detail.materials) await call('desk:material-update', { caseId: current.id, kind, receivedOn: before, verified: true, expiresOn: null });
      current = await call<Stored>('desk:case-transition', { caseId: current.id, version: current.version, action: 'complete-materials' });
      current = await call<Stored>('desk:case-transition', { caseId: current.id, version: current.version, action: 'submit-for-review' });
      current = await call<Stored>('desk:case-review', { caseId: current.id, version: current.version, decision: 'approved' });
      const pdf = btoa('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      const document = await call<{ id: string }>('desk:attachment-add', { caseId: current.id, purpose: 'agreement', fileName: 'agreement.pdf', dataBase64: pdf });
      current = await call<Stored>('desk:case-agreement', { caseId: current.id, version: current.version, signedOn: before, signatory: '王芳', attachmentId: document.id });
      const booked = await call<{ booked: boolean; appointment?: { id: string }; reasons?: unknown }>('desk:book', {
        caseId: current.id,
        engineerId: profile.id,
        zone: 'Asia/Shanghai',
        slot: { date: day, time: '14:00', durationMinutes: 60 },
      });
      if (!booked.booked || !booked.appointment) throw new Error(`desk:book refused: ${JSON.stringify(booked.reasons)}`);
      return { engineer: { ...engineer, temporaryPassword: created.temporaryPassword }, caseId: current.id, appointmentId: booked.appointment.id, day };
    },
    { day, before, engineer },
  );
}

/** Signs the window out and in as the seeded engineer, replacing the temporary password with `password`. */
export async function signInAsSeededEngineer(page: Page, seeded: SeededDay, password: string): Promise<void> {
  const result = await page.evaluate(
    async ({ username, temporary, password }) => {
      await window.rebind.invoke('auth:sign-out', {});
      const signedIn = await window.rebind.invoke('auth:sign-in', { username, password: temporary });
      if (!signedIn.ok) return signedIn;
      return window.rebind.invoke('auth:change-password', { currentPassword: temporary, newPassword: password });
    },
    { username: seeded.engineer.username, temporary: seeded.engineer.temporaryPassword, password },
  );
  if (!result.ok) throw new Error(`Could not sign in as ${seeded.engineer.username}: ${JSON.stringify(result.error)}`);
}
