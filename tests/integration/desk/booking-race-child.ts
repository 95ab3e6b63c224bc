// Run by booking-race.test.ts as one of two OS processes on one database file: a desk that books,
// round after round, an engineer's slot that overlaps the other process's. Each round both wait on
// a barrier (a ready file each, then both seen) so their bookings start at the same instant.
// Prints one JSON line per round: won, or the reason codes it was refused with.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations';
import { auditedOn } from '../../../electron/main/db/audited';
import { AppError } from '../../../electron/main/app-error';
import { createBooking } from '../../../electron/main/desk/booking/booking-handlers';

interface Job {
  dbPath: string;
  barrierDir: string;
  name: string;
  other: string;
  engineerId: string;
  actor: { operatorId: number; username: string; role: 'desk' };
  now: string;
  rounds: { caseId: string; start: string; end: string }[];
}

const job = JSON.parse(process.argv[2]!) as Job;
const { db } = openAppDatabase(job.dbPath, { migrations });
const booking = createBooking({ connection: () => db, audited: auditedOn(() => db), now: () => new Date(job.now) });
const pause = new Int32Array(new SharedArrayBuffer(4));
const BARRIER_MS = 60_000;

function barrier(round: number): void {
  writeFileSync(join(job.barrierDir, `${round}-${job.name}`), '');
  const other = join(job.barrierDir, `${round}-${job.other}`);
  const deadline = Date.now() + BARRIER_MS;
  while (!existsSync(other)) {
    if (Date.now() > deadline) throw new Error(`round ${round}: the other process did not reach the barrier within ${BARRIER_MS} ms`);
    Atomics.wait(pause, 0, 0, 1);
  }
}

job.rounds.forEach((round, index) => {
  barrier(index);
  try {
    const outcome = booking.service.book(job.actor, { caseId: round.caseId, engineerId: job.engineerId, zone: 'Asia/Shanghai', slot: { start: round.start, end: round.end } });
    const line = outcome.booked ? { round: index, won: true } : { round: index, won: false, by: 'gate', codes: outcome.reasons.map((r) => r.code) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stdout.write(`${JSON.stringify({ round: index, won: false, by: 'commit', code: error.code, codes: [error.refusal?.reason], params: error.refusal?.params })}\n`);
  }
});
db.close();
