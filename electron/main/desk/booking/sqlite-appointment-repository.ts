import type Database from 'better-sqlite3';
import { maxAppointmentHours } from '../../db/migrations/0010-desk';
import { recordTable } from '../../db/record-table';
import { prepared } from '../../db/statement-cache';
import type { AppointmentFields, AppointmentRepository, CalendarEntry } from './appointment-repository';

const appointments = recordTable<AppointmentFields>('appointments', 'appointment', [
  { field: 'caseId', column: 'case_id' },
  { field: 'engineerId', column: 'engineer_id' },
  { field: 'start', column: 'starts_at' },
  { field: 'end', column: 'ends_at' },
  { field: 'zone', column: 'zone' },
  { field: 'status', column: 'status' },
  { field: 'cancelReason', column: 'cancel_reason' },
]);

// Only appointments starting less than the longest one before the span's start can reach into it:
// the range on appointments_by_engineer (engineer_id, starts_at) stays half a day wide, whatever
// the table holds.
const earliestReach = `strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-${maxAppointmentHours} hours')`;
const around = `engineer_id = ? AND status <> 'cancelled' AND starts_at < ? AND starts_at > ${earliestReach}`;

// One query for a whole calendar view: per engineer an index range on appointments_by_engineer
// (json_each turns the list into a join, so 50 engineers are 50 ranges, not a scan of the time
// range), with the merchant's name and the case state beside each. A week of 50 engineers is some
// 2,500 rows, and their cost is in handing them to JS, not in SQLite (the joins and ranges take
// about 3 ms of it; docs/benchmarks.md): rows come as arrays, the engineer as its index in the list
// (one string fewer a row), and they are sorted here, because SQLite's ORDER BY copies every
// 10-column row through a temporary b-tree and cost as much as the reads.
const calendarSql = `
  SELECT a.id, a.case_id, e.key, a.starts_at, a.ends_at, a.zone, a.status, a.version, m.name, c.state
  FROM json_each(?) AS e
  JOIN appointments a INDEXED BY appointments_by_engineer
    ON a.engineer_id = e.value AND a.status <> 'cancelled' AND a.starts_at < ? AND a.starts_at > ${earliestReach}
  JOIN cases c ON c.id = a.case_id
  JOIN merchants m ON m.id = c.merchant_id
  WHERE a.ends_at > ?`;

type CalendarRow = [id: string, caseId: string, engineer: number, start: string, end: string, zone: string, status: CalendarEntry['status'], version: number, merchantName: string, caseState: string];

// By start, then by engineer id: stored instants all have one form (storedInstant), so text order is time order.
const byStartThenEngineer = (a: CalendarEntry, b: CalendarEntry): number =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : a.engineerId < b.engineerId ? -1 : a.engineerId > b.engineerId ? 1 : 0;

function calendarOf(db: Database.Database, from: string, to: string, engineerIds: readonly string[]): CalendarEntry[] {
  const rows = prepared<[string, string, string, string], CalendarRow>(db, calendarSql).raw(true).all(JSON.stringify(engineerIds), to, from, from);
  const entries = rows.map(([id, caseId, engineer, start, end, zone, status, version, merchantName, caseState]): CalendarEntry => ({
    id,
    caseId,
    engineerId: engineerIds[engineer]!,
    start,
    end,
    zone,
    status,
    version,
    merchantName,
    caseState,
  }));
  return entries.sort(byStartThenEngineer);
}

/** The appointments in the app's SQLite file. */
export function createSqliteAppointmentRepository(connection: () => Database.Database): AppointmentRepository {
  const db = connection;
  return {
    get: (id) => appointments.get(db(), id),
    insert: (appointment) => appointments.insert(db(), appointment),
    update: (appointment, base) => appointments.update(db(), appointment, base),
    engineerAround: (engineerId, start, end) => appointments.select(db(), around, [engineerId, end, start], 'starts_at'),
    clash: (engineerId, start, end, except) =>
      appointments.select(db(), `${around} AND ends_at > ? AND id <> ?`, [engineerId, end, start, start, except ?? ''], 'starts_at')[0],
    calendar: (from, to, engineerIds) => calendarOf(db(), from, to, engineerIds),
    activeOfCase: (caseId) => appointments.select(db(), "case_id = ? AND status IN ('tentative', 'confirmed')", [caseId], 'starts_at')[0],
  };
}
