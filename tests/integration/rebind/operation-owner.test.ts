// Owners and leases of rebind operations (migration 0004, docs/rebind-engine.md §3.3): an open
// operation belongs to the process that runs it; another may take it over only when that owner is
// gone (lease expired, or the same host and its pid dead), and a process that lost its operation
// writes nothing more and sends nothing more to the terminal. Time is driven by injected clocks.
import { createTestFieldEncryption } from '../../../electron/main/crypto/test-key-protector';
import { createParamsSealer } from '../../../electron/main/rebind/sealed-params';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { inEnglish } from '../../../shared/errors/reasons-en';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/main/db/migrate';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import { createRebindEngine } from '../../../electron/main/rebind/rebind-engine';
import { newOwner, OperationNotOwned, OperationOwnedElsewhere } from '../../../electron/main/rebind/operation-owner';
import type { OperationOwner } from '../../../electron/main/rebind/operation-owner';
import { RebindStore } from '../../../electron/main/rebind/rebind-store';
import { rebindAuditActions } from '../../../shared/rebind/rebind-audit';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS } from '../../fixtures/rtp-vectors';
import { useTempDir } from '../support/temp-dir';
import { MEMORY_TIMING, memoryAccess, recordedSimulator, TEST_POLICY } from './support/rebind-rig';

const tempDir = useTempDir('rebinddesk-owner-');
const LEASE_MS = 30_000;

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-12-01T08:00:00Z')): { now: () => Date; advance(ms: number): void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

function openDb(path: string): Database.Database {
  return openAppDatabase(path, { migrations }).db;
}

function newOperation(store: RebindStore): number {
  return store.createOperation({ portPath: '/dev/ttyUSB0', workOrder: {}, targetParams: { ...SAMPLE_NEW_PARAMETERS }, targetDigest: SAMPLE_NEW_DIGEST_HEX }, 'tester').id;
}

/** A pid that existed and is gone now (a child that ran and was reaped). */
/** An engine of its own owner on `db`, on the test's clock (and renewal timer, when given). */
function engineOn(db: Database.Database, clock: { now: () => Date }, every?: Parameters<typeof createRebindEngine>[0]['every']) {
  return createRebindEngine({ connection: () => db, encryption: createTestFieldEncryption(() => db), policy: TEST_POLICY, owner: newOwner(), clock: { now: clock.now }, ...(every === undefined ? {} : { every }) });
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
  return child.pid!;
}

/** An owner on this host with a pid of our choosing (another process, as the journal records it). */
function otherOwner(pid: number): OperationOwner {
  return { ...newOwner(), pid };
}

describe('migration 0004 rebind owner', () => {
  it('adds the owner columns; operations journaled before it have no owner and may be taken over', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const first = new Database(path);
    migrate(first, migrations.slice(0, 3));
    first
      .prepare(
        `INSERT INTO rebind_operations (status, phase, port_path, actor, work_order_json, target_params_json, target_digest, serial_number, created_at, updated_at)
         VALUES ('open', 'stage', '/dev/ttyUSB0', 'cli', '{}', '{}', ?, 'SN1', 't', 't')`,
      )
      .run(SAMPLE_NEW_DIGEST_HEX);
    first.close();
    const { db, applied } = openAppDatabase(path, { migrations: migrations.slice(0, 4) });
    expect(applied).toEqual([4]);
    const columns = db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'rebind_operations\')').all().map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['owner_instance', 'owner_pid', 'owner_host', 'lease_expires_at']));
    // The store writes audit entries in today's schema: go on with every migration applied.
    db.close();
    const { db: current } = openAppDatabase(path, { migrations });
    const store = new RebindStore(() => current, () => new Date(), createParamsSealer(createTestFieldEncryption(() => current)));
    const op = store.openOperations()[0]!;
    expect(op.owner).toEqual({ instanceId: null, pid: null, host: null, leaseExpiresAt: null });
    expect(store.ownerOf(op)).toBe('gone');
    const taken = store.takeOver(op.id, 'tester', 'recover-resume');
    expect(taken?.operation.owner.instanceId).toBe(store.owner.instanceId);
    expect(() => current.prepare("UPDATE rebind_operations SET owner_pid = 0").run()).toThrow(/CHECK/);
    current.close();
  });
});

describe('an operation and its owner', () => {
  it('a store whose operation was closed by someone else refuses the next write, and writes nothing', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const clock = manualClock();
    const dbA = openDb(path);
    const dbB = openDb(path);
    const a = new RebindStore(() => dbA, clock.now, createParamsSealer(createTestFieldEncryption(() => dbA)), newOwner());
    const b = new RebindStore(() => dbB, clock.now, createParamsSealer(createTestFieldEncryption(() => dbB)), newOwner());
    const id = newOperation(a);
    a.stepStarted(id, 1, 1, 'identify', 'tester');
    // B sees a live owner (this very process, lease running): it may not take it or close it.
    expect(() => b.takeOver(id, 'desk', 'recover-resume')).toThrow(OperationOwnedElsewhere);
    expect(() => b.abandon(id, 'dealt with on the bench by hand', 'desk')).toThrow(OperationOwnedElsewhere);
    // The lease runs out (A hung, or its laptop slept): B closes the operation by hand.
    clock.advance(LEASE_MS + 1);
    b.abandon(id, 'dealt with on the bench by hand', 'desk');
    const stepsBefore = a.steps(id).length;
    const auditBefore = (dbA.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(() => a.stepStarted(id, 1, 1, 'backup', 'tester')).toThrow(OperationNotOwned);
    expect(() => a.stepStarted(id, 1, 1, 'backup', 'tester')).toThrow(/closed by another process/);
    expect(() => a.recordOutcome(id, { outcome: 'rebound' } as never, true, 'tester')).toThrow(OperationNotOwned);
    expect(() => a.saveLinkLog(id, 1, 0, '')).toThrow(OperationNotOwned);
    expect(() => a.assertOwned(id)).toThrow(OperationNotOwned);
    expect(a.steps(id)).toHaveLength(stepsBefore);
    expect((dbA.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
    expect(a.get(id)).toMatchObject({ status: 'closed', reason: 'abandoned' });
    // The closing process is named as the owner, and the takeover is audited with why.
    expect(a.get(id)?.owner.instanceId).toBe(b.owner.instanceId);
    const taken = dbA.prepare('SELECT payload FROM audit_log WHERE action = ?').all(rebindAuditActions.takenOver) as { payload: string }[];
    expect(taken.map((t) => JSON.parse(t.payload))).toEqual([expect.objectContaining({ purpose: 'abandon', why: 'lease-expired' })]);
    dbA.close();
    dbB.close();
  });

  it('an owner keeps its operation while it renews the lease; a taken-over store refuses every write', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const clock = manualClock();
    const dbA = openDb(path);
    const a = new RebindStore(() => dbA, clock.now, createParamsSealer(createTestFieldEncryption(() => dbA)), newOwner());
    const b = new RebindStore(() => dbA, clock.now, createParamsSealer(createTestFieldEncryption(() => dbA)), newOwner());
    const id = newOperation(a);
    for (let i = 0; i < 5; i++) {
      clock.advance(LEASE_MS - 1000);
      expect(a.renewLease(id)).toBe(true);
      expect(b.ownerOf(b.get(id)!)).toBe('live');
    }
    clock.advance(LEASE_MS);
    const taken = b.takeOver(id, 'desk', 'recover-resume');
    expect(taken?.previousOwner?.instanceId).toBe(a.owner.instanceId);
    expect(a.renewLease(id)).toBe(false);
    for (const write of [
      () => a.identify(id, { serialNumber: 'SN1', identity: {} as never, digestBefore: SAMPLE_NEW_DIGEST_HEX, overrideReason: null, mismatches: [] }, 't'),
      () => a.startSession(id, 't', 'resume'),
      () => a.stepFinished(id, 1, 'identify', 'ok', 1, null, null, 't'),
      () => a.storeBackup(id, { serialNumber: 'SN1', identity: {} as never, params: {}, digest: SAMPLE_NEW_DIGEST_HEX, batch: {} as never, journal: [] }, 't'),
      () => a.addBatchExport(id, {} as never, [], 't'),
      () => a.recordOutcome(id, { outcome: 'rebound' } as never, false, 't'),
      () => a.saveLinkLog(id, 1, 0, ''),
    ]) {
      expect(write).toThrow(/taken over by another process/);
    }
    dbA.close();
  });

  it('an owner on this host whose pid is gone is gone at once, lease or not', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const db = openDb(path);
    const dead = new RebindStore(() => db, () => new Date(), createParamsSealer(createTestFieldEncryption(() => db)), otherOwner(deadPid()));
    const alive = new RebindStore(() => db, () => new Date(), createParamsSealer(createTestFieldEncryption(() => db)), otherOwner(process.pid));
    const me = new RebindStore(() => db, () => new Date(), createParamsSealer(createTestFieldEncryption(() => db)), newOwner());
    const deadOp = newOperation(dead);
    dead.identify(deadOp, { serialNumber: 'SN-DEAD', identity: {} as never, digestBefore: SAMPLE_NEW_DIGEST_HEX, overrideReason: null, mismatches: [] }, 'cli');
    const liveOp = newOperation(alive);
    expect(me.ownerOf(me.get(deadOp)!)).toBe('gone');
    expect(me.ownerOf(me.get(liveOp)!)).toBe('live');
    const taken = me.takeOver(deadOp, 'desk', 'recover-resume');
    expect(taken?.previousOwner?.pid).toBe(dead.owner.pid);
    const payload = JSON.parse((db.prepare('SELECT payload FROM audit_log WHERE action = ?').get(rebindAuditActions.takenOver) as { payload: string }).payload);
    expect(payload).toMatchObject({ why: 'process-gone', previousOwner: { pid: dead.owner.pid, host: dead.owner.host } });
    db.close();
  });

  it("pending (interrupted) never closes or lists an operation another live process runs, even before identify", () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const db = openDb(path);
    const cli = new RebindStore(() => db, () => new Date(), createParamsSealer(createTestFieldEncryption(() => db)), otherOwner(process.pid));
    const gone = new RebindStore(() => db, () => new Date(), createParamsSealer(createTestFieldEncryption(() => db)), otherOwner(deadPid()));
    const liveUnidentified = newOperation(cli);
    const liveIdentified = newOperation(cli);
    cli.identify(liveIdentified, { serialNumber: 'SN-LIVE', identity: {} as never, digestBefore: SAMPLE_NEW_DIGEST_HEX, overrideReason: null, mismatches: [] }, 'cli');
    const deadUnidentified = newOperation(gone);
    const app = createRebindEngine({ connection: () => db, encryption: createTestFieldEncryption(() => db), owner: newOwner() });
    expect(app.interrupted('desk')).toEqual([]);
    expect(app.interruptedFor('SN-LIVE')).toBeUndefined();
    expect(() => app.abandon(liveIdentified, 'closing it from the app by mistake', 'desk')).toThrow(/running in another process/);
    expect(app.store.get(liveUnidentified)?.status).toBe('open');
    expect(app.store.get(liveIdentified)?.status).toBe('open');
    // The dead process's operation never got past identify: closed as before.
    expect(app.store.get(deadUnidentified)).toMatchObject({ status: 'closed', reason: 'interrupted-before-identify' });
    db.close();
  });
});

describe('the engine renewing its lease', () => {
  it('keeps its operation through a step longer than the lease, and frees it when the run ends', async () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const db = openDb(path);
    const clock = manualClock(Date.now());
    const rec = recordedSimulator({}, MEMORY_TIMING);
    const timers: { ms: number; renew: () => void; stopped: boolean }[] = [];
    const every = (ms: number, renew: () => void) => {
      const timer = { ms, renew, stopped: false };
      timers.push(timer);
      return () => void (timer.stopped = true);
    };
    const owner = engineOn(db, clock, every);
    const other = engineOn(db, clock);
    const seen: string[] = [];
    try {
      const outcome = await owner.run({
        terminal: memoryAccess(rec.sim),
        params: SAMPLE_NEW_PARAMETERS,
        workOrder: {},
        actor: 'tester',
        onEvent: (e) => {
          // SETTLE with the old bank can take minutes: 50 s pass without a journal write, the timer renewing every 10 s.
          if (e.type === 'step-started' && e.step === 'settle') {
            for (let t = 0; t < 5; t++) {
              clock.advance(10_000);
              for (const timer of timers.filter((x) => !x.stopped)) timer.renew();
            }
            const op = other.store.get(e.operationId)!;
            seen.push(other.store.ownerOf(op));
            seen.push(String(other.interrupted('desk').length));
            seen.push(String(Date.parse(op.owner.leaseExpiresAt!) - clock.now().getTime()));
          }
        },
      });
      expect(outcome.outcome).toBe('rebound');
      expect(timers.map((t) => t.ms)).toEqual([10_000]);
      expect(seen).toEqual(['live', '0', String(LEASE_MS)]);
      expect(timers[0]!.stopped).toBe(true);
    } finally {
      await rec.sim.close();
      db.close();
    }
  });

  it('without renewals the same wait lets the lease run out', () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const db = openDb(path);
    const clock = manualClock();
    const a = new RebindStore(() => db, clock.now, createParamsSealer(createTestFieldEncryption(() => db)), newOwner());
    const b = new RebindStore(() => db, clock.now, createParamsSealer(createTestFieldEncryption(() => db)), newOwner());
    const id = newOperation(a);
    clock.advance(50_000);
    expect(b.ownerOf(b.get(id)!)).toBe('gone');
    db.close();
  });
});

describe('the engine when its operation is taken from it', () => {
  it('stops at once: nothing more is sent to the terminal or written, and the outcome says so', async () => {
    const path = join(tempDir(), 'rebinddesk.sqlite');
    const db = openDb(path);
    const clock = manualClock(Date.now());
    const rec = recordedSimulator({}, MEMORY_TIMING);
    const owner = engineOn(db, clock, () => () => undefined);
    const other = engineOn(db, clock);
    let commandsAtTakeover: string[] = [];
    try {
      const outcome = await owner.run({
        terminal: memoryAccess(rec.sim),
        params: SAMPLE_NEW_PARAMETERS,
        workOrder: {},
        actor: 'tester',
        onEvent: (e) => {
          // The owner's laptop slept past its lease just as staging starts; the other closes it.
          if (e.type === 'step-started' && e.step === 'stage') {
            clock.advance(LEASE_MS + 1);
            other.abandon(e.operationId, 'the engineer finished this terminal by hand', 'desk');
            commandsAtTakeover = rec.commands();
          }
        },
      });
      expect(commandsAtTakeover.length).toBeGreaterThan(0);
      expect(rec.commands()).toEqual(commandsAtTakeover);
      expect(rec.commands().some((c) => c.startsWith('BEGIN_STAGE') || c.startsWith('COMMIT'))).toBe(false);
      expect(outcome).toMatchObject({ outcome: 'needs-attention', reason: 'taken-over', operationOpen: false });
      expect(inEnglish(outcome.message)).toMatch(/taken over or closed by another process/);
      const op = owner.store.get(outcome.operationId)!;
      expect(op).toMatchObject({ status: 'closed', reason: 'abandoned' });
      // The stage step the owner had started was marked interrupted by the abandon, never finished by the owner.
      expect(owner.store.steps(op.id).at(-1)).toMatchObject({ step: 'stage', status: 'interrupted' });
      expect(db.prepare('SELECT count(*) AS n FROM rebind_link_logs').get()).toEqual({ n: 0 });
    } finally {
      await rec.sim.close();
      db.close();
    }
  });
});
