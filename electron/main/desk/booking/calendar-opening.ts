// What the calendar page needs before it can draw anything, read at once: the engineers it shows
// as rows, the banks a booking reads its zone and name from, and every engineer's appointments in
// the first view's range. Asked as reference data and then the appointments of its engineers, the
// page waited for two round trips one after the other (docs/benchmarks.md).
import type { CalendarEntry } from './appointment-repository';
import type { ReferenceRepository } from '../reference/reference-repository';

export interface CalendarOpening {
  engineers: { id: string; displayName: string; areas: string[]; skills: string[]; timeZone: string }[];
  banks: { code: string; name: string; timeZone: string }[];
  appointments: CalendarEntry[];
}

/** The engineers in reference data's order (the rows' order), and their appointments in `range` as desk:calendar reads them. */
export function calendarOpening(
  reference: Pick<ReferenceRepository, 'engineers' | 'operator' | 'banks'>,
  calendar: (request: { from: string; to: string; engineerIds: readonly string[] }) => { appointments: CalendarEntry[] },
  range: { from: string; to: string },
): CalendarOpening {
  const engineers = reference.engineers().map((e) => ({ id: e.id, displayName: reference.operator(e.operatorId)?.displayName ?? '', areas: e.areas, skills: e.skills, timeZone: e.timeZone }));
  const banks = reference.banks().map((b) => ({ code: b.code, name: b.name, timeZone: b.timeZone }));
  const appointments = engineers.length === 0 ? [] : calendar({ ...range, engineerIds: engineers.map((e) => e.id) }).appointments;
  return { engineers, banks, appointments };
}
