// Double booking across two OS processes on one database file (issue 10 point 4): two desks book
// overlapping slots of one engineer at the same instant, round after round; exactly one wins each
// round, and the other is refused with booking-engineer-double-booked — by the gate when the
// winner had committed before it read, else by the overlap trigger inside its BEGIN IMMEDIATE.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileName } from '../../../electron/main/main-context';
import { useTempDir } from '../support/temp-dir';
import { fixtureNow, openDesk, seedCase } from './booking-fixture';

const tempDir = useTempDir('rebinddesk-desk-race-');
const ROUNDS = 50;

interface Line { round: number; won: boolean; by?: 'gate' | 'commit'; code?: string; codes?: string[]; params?: Record<string, unknown> }

function runChild(job: object): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'booking-race-child.ts'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').map((l) => JSON.parse(l) as Line)) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

// Five hour-long slots a weekday (Shanghai 09, 10, 14, 15, 16 o'clock) from Wednesday 2 December;
// the other desk asks for the half hour later, which overlaps.
function slotsOf(round: number): { a: { start: string; end: string }; b: { start: string; end: string } } {
  const days = ['02', '03', '04', '07', '08', '09', '10', '11', '14', '15'];
  const hoursUtc = [1, 2, 6, 7, 8];
  const day = days[Math.floor(round / hoursUtc.length)]!;
  const hour = hoursUtc[round % hoursUtc.length]!;
  const at = (h: number, m: number) => `2026-12-${day}T${String(h).padStart(2, '0')}:${m === 0 ? '00' : '30'}:00.000Z`;
  return { a: { start: at(hour, 0), end: at(hour + 1, 0) }, b: { start: at(hour, 30), end: at(hour + 1, 30) } };
}

describe('double booking across two processes', () => {
  it(`lets exactly one of two desk processes win each of ${ROUNDS} rounds; the other is refused with booking-engineer-double-booked`, async () => {
    const dataDir = tempDir();
    const { ctx, engineers, modelIds, deskOperatorId } = await openDesk(dataDir, 1);
    const db = ctx.database.current();
    const rounds = Array.from({ length: ROUNDS }, (_, i) => ({ ...slotsOf(i), caseA: seedCase(db, modelIds).caseId, caseB: seedCase(db, modelIds).caseId }));
    await ctx.close();
    const barrierDir = join(dataDir, 'barrier');
    mkdirSync(barrierDir);
    const common = { dbPath: join(dataDir, databaseFileName), barrierDir, engineerId: engineers[0]!.id, actor: { operatorId: deskOperatorId, username: 'desk.wang', role: 'desk' }, now: fixtureNow.toISOString() };
    const [a, b] = await Promise.all([
      runChild({ ...common, name: 'a', other: 'b', rounds: rounds.map((r) => ({ caseId: r.caseA, ...r.a })) }),
      runChild({ ...common, name: 'b', other: 'a', rounds: rounds.map((r) => ({ caseId: r.caseB, ...r.b })) }),
    ]);
    expect(a).toHaveLength(ROUNDS);
    expect(b).toHaveLength(ROUNDS);
    const refusedBy = { gate: 0, commit: 0 };
    for (let i = 0; i < ROUNDS; i++) {
      const pair = [a[i]!, b[i]!];
      expect(pair.map((l) => l.round)).toEqual([i, i]);
      expect(pair.filter((l) => l.won), `round ${i}`).toHaveLength(1);
      const loser = pair.find((l) => !l.won)!;
      expect(loser.codes, `round ${i}`).toContain('booking-engineer-double-booked');
      if (loser.by === 'commit') {
        expect(loser.code).toBe('conflict');
        expect(loser.params).toMatchObject({ engineer: 'eng.1', appointment: expect.any(String) });
      }
      refusedBy[loser.by!] += 1;
    }
    console.log(`two-process race, ${ROUNDS} rounds: loser refused by the gate ${refusedBy.gate}×, by the trigger at commit ${refusedBy.commit}×`);
    // What the file holds agrees: one appointment per round, none overlapping another, each case scheduled once.
    const { openAppDatabase } = await import('../../../electron/main/db/open-database');
    const { migrations } = await import('../../../electron/main/db/migrations');
    const check = openAppDatabase(join(dataDir, databaseFileName), { migrations }).db;
    expect(check.prepare("SELECT count(*) AS n FROM appointments WHERE status = 'confirmed'").get()).toEqual({ n: ROUNDS });
    expect(check.prepare('SELECT count(*) AS n FROM appointments x JOIN appointments y ON x.id < y.id AND x.engineer_id = y.engineer_id AND x.starts_at < y.ends_at AND y.starts_at < x.ends_at').get()).toEqual({ n: 0 });
    expect(check.prepare("SELECT count(*) AS n FROM cases WHERE state = 'scheduled'").get()).toEqual({ n: ROUNDS });
    expect(check.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.booked'").get()).toEqual({ n: ROUNDS });
    check.close();
  });
});
