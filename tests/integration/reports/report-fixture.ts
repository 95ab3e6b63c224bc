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
