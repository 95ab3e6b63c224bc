// A known data set for the Reports page, written with SQL (the case, booking and checklist
// services have their own suites): cases with their transitions, done appointments and finished
// checklist runs at chosen local times in Shanghai (UTC+8, no DST), so every figure can be worked
// out by hand in the test.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { seedCase } from '../desk/booking-fixture';

/** `YYYY-MM-DD HH:MM[:SS.mmm]` on Shanghai's clocks as the stored UTC instant. */
export function shanghai(local: string): string {
  const [date, time] = local.split(' ') as [string, string];
  const clock = time.length === 5 ? `${time}:00.000` : time;
  return new Date(Date.parse(`${date}T${clock}+08:00`)).toISOString();
}

function insertRow(db: Database.Database, table: string, values: Record<string, unknown>, at: string): string {
  const id = uuidv7();
  const row = { id, created_at: at, created_by: 'fixture', updated_at: at, updated_by: 'fixture', version: 1, ...values };
  db.prepare(`INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row));
  return id;
}

/** One transition of a case at a local time. */
export interface Step {
  at: string;
  action: 'start-on-site' | 'record-rebound' | 'record-failure' | 'sign-off' | 'schedule';
  from: string;
  to: string;
}

/** One visit: its engineer, the run's start and outcome at local times. */
export interface VisitSeed {
  engineerId: string;
  runStarted: string;
  finished: string;
  outcome: 'completed' | 'restored' | 'failed' | 'open';
  cause?: string;
}

export function seedReportCase(db: Database.Database, modelIds: Record<string, string>, seed: { bank: string; model: string; steps: Step[]; visits: VisitSeed[] }): string {
  const { caseId } = seedCase(db, modelIds, { bank: seed.bank, model: seed.model, state: 'agreement-signed' });
  for (const step of seed.steps) {
    insertRow(db, 'case_transitions', { case_id: caseId, from_state: step.from, to_state: step.to, action: step.action, reason: step.action === 'record-failure' ? 'the visit failed' : null }, shanghai(step.at));
  }
  const template = db.prepare('SELECT id FROM checklist_templates WHERE bank_code = ? ORDER BY template_version DESC LIMIT 1').get(seed.bank) as { id: string };
  for (const visit of seed.visits) {
    const start = shanghai(visit.runStarted);
    const appointment = insertRow(db, 'appointments', {
      case_id: caseId,
      engineer_id: visit.engineerId,
      starts_at: new Date(Date.parse(start) - 30 * 60_000).toISOString(),
      ends_at: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
      zone: 'Asia/Shanghai',
      status: visit.outcome === 'open' ? 'confirmed' : 'done',
      cancel_reason: null,
    }, start);
    const finished = visit.outcome !== 'open';
    const outcome = visit.outcome === 'failed' ? { kind: 'failed', cause: visit.cause, text: 'the visit failed' } : { kind: visit.outcome, note: 'the visit ended' };
    insertRow(db, 'checklist_runs', {
      appointment_id: appointment,
      case_id: caseId,
      template_id: template.id,
      status: finished ? 'finished' : 'open',
      operation_id: null,
      outcome: finished ? visit.outcome : null,
      failure_cause: visit.outcome === 'failed' ? visit.cause : null,
      outcome_json: finished ? JSON.stringify(outcome) : null,
      finished_at: finished ? shanghai(visit.finished) : null,
      finished_by: finished ? 'fixture' : null,
    }, start);
  }
  return caseId;
}

/**
 * The Reports test's data set (eng.1 = e1, eng.2 = e2; Shanghai local times):
 * C1 acquirer-b, PAX A920, eng.1: on site 11-03 09:00, rebound 10:00, completed 10:30 (90 min). Fixed first time.
 * C2 acquirer-b, PAX A930: eng.2 on site 11-04 14:00, failed host-unreachable 15:00 (60 min);
 *    eng.1 on site 11-10 09:00, rebound 09:30, completed 10:15 (75 min). Counted, not fixed.
 * C3 acquirer-c, PAX A920, eng.1: on site 11-15 23:40, rebound 23:55, restored 11-16 00:10 (30 min,
 *    a Monday locally, Sunday in UTC) with record-failure after the rebound: not fixed.
 * C4 acquirer-c, PAX A930, eng.2: run started 11-20 09:50, failed merchant-absent at 10:00 from
 *    scheduled (start-on-site and record-failure written at the outcome): 10 min. Not fixed.
 * C5 acquirer-b, PAX A920, eng.1: everything on 10-30: before the period.
 * C6 acquirer-c, PAX A920, eng.2: rebound 12-13 23:30 (in), completed 12-14 00:00:00.000 (the first
 *    instant after the period's last day: out). Fixed first time, counted by its rebound.
 * C7 acquirer-b, PAX A920, eng.1: a run still open on 11-25: no outcome.
 */
export function seedReportDataSet(db: Database.Database, modelIds: Record<string, string>, [e1, e2]: [string, string]): void {
  const seed = (bank: string, model: string, steps: Step[], visits: VisitSeed[]) => seedReportCase(db, modelIds, { bank, model, steps, visits });
  seed('acquirer-b', 'PAX A920', [
    { at: '2026-11-03 09:00', action: 'start-on-site', from: 'scheduled', to: 'on-site' },
    { at: '2026-11-03 10:00', action: 'record-rebound', from: 'on-site', to: 'rebound' },
    { at: '2026-11-03 10:30', action: 'sign-off', from: 'rebound', to: 'closed' },
  ], [{ engineerId: e1, runStarted: '2026-11-03 10:05', finished: '2026-11-03 10:30', outcome: 'completed' }]);
  seed('acquirer-b', 'PAX A930', [
    { at: '2026-11-04 14:00', action: 'start-on-site', from: 'scheduled', to: 'on-site' },
    { at: '2026-11-04 15:00', action: 'record-failure', from: 'on-site', to: 'failed' },
    { at: '2026-11-05 10:00', action: 'schedule', from: 'failed', to: 'scheduled' },
    { at: '2026-11-10 09:00', action: 'start-on-site', from: 'scheduled', to: 'on-site' },
    { at: '2026-11-10 09:30', action: 'record-rebound', from: 'on-site', to: 'rebound' },
    { at: '2026-11-10 10:15', action: 'sign-off', from: 'rebound', to: 'closed' },
  ], [
    { engineerId: e2, runStarted: '2026-11-04 14:40', finished: '2026-11-04 15:00', outcome: 'failed', cause: 'host-unreachable' },
    { engineerId: e1, runStarted: '2026-11-10 09:35', finished: '2026-11-10 10:15', outcome: 'completed' },
  ]);
  seed('acquirer-c', 'PAX A920', [
    { at: '2026-11-15 23:40', action: 'start-on-site', from: 'scheduled', to: 'on-site' },
    { at: '2026-11-15 23:55', action: 'record-rebound', from: 'on-site', to: 'rebound' },
    { at: '2026-11-16 00:10', action: 'record-failure', from: 'rebound', to: 'failed' },
  ], [{ engineerId: e1, runStarted: '2026-11-15 23:56', finished: '2026-11-16 00:10', outcome: 'restored' }]);
  seed('acquirer-c', 'PAX A930', [
    { at: '2026-11-20 10:00', action: 'start-on-site', from: 'scheduled', to: 'on-site' },
    { at: '2026-11-20 10:00', action: 'record-failure', from: 'on-site', to: 'failed' },
  ], [{ engineerId: e2, runStarted: '2026-11-20 09:50', finished: '2026-11-20 10:00', outcome: 'failed', cause: 'merchant-absent' }]);
  seed('acquirer-b', 'PAX A920', [
    { at: '2026-10-30 09:00', action: 'start-on-site', from: 'scheduled', to: 'on-site' },
    { at: '2026-10-30 09:30', action: 'record-rebound', from: 'on-site', to: 'rebound' },
  ], [{ engineerId: e1, runStarted: '2026-10-30 09:31', finished: '2026-10-30 09:45', outcome: 'completed' }]);
  seed('acquirer-c', 'PAX A920', [
    { at: '2026-12-13 23:00', action: 'start-on-site', from: 'scheduled', to: 'on-site' },
    { at: '2026-12-13 23:30', action: 'record-rebound', from: 'on-site', to: 'rebound' },
  ], [{ engineerId: e2, runStarted: '2026-12-13 23:31', finished: '2026-12-14 00:00:00.000', outcome: 'completed' }]);
  seed('acquirer-b', 'PAX A920', [{ at: '2026-11-25 09:00', action: 'start-on-site', from: 'scheduled', to: 'on-site' }], [
    { engineerId: e1, runStarted: '2026-11-25 09:10', finished: '', outcome: 'open' },
  ]);
}

