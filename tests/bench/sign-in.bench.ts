// Sign-in latency with the shipped scrypt parameters (goal 100–300 ms), and what the neighbouring
// parameter choices would cost on this machine. Run: npx tsx tests/bench/sign-in.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOperatorService } from '../../electron/main/auth/operator-service';
import { currentScryptParams, describeScryptParams, hashPassword, type ScryptParams } from '../../electron/main/auth/password-hash';
import { createSecurityPolicyService } from '../../electron/main/auth/security-policy-service';
import { createSessionService } from '../../electron/main/auth/session-service';
import { createSqliteAuthStore } from '../../electron/main/auth/sqlite-operator-repository';
import { createDataKeyring } from '../../electron/main/crypto/data-keyring';
import { createSqliteFieldEncryption } from '../../electron/main/crypto/sqlite-field-keys';
import { createTestKeyProtector } from '../../electron/main/crypto/test-key-protector';
import { migrations } from '../../electron/main/db/migrations';
import { openAppDatabase } from '../../electron/main/db/open-database';
import { median, printBench } from './report';
import { createSqliteSecurityPolicyStore } from '../../electron/main/auth/sqlite-security-policy-repository';

const runs = 11;
const password = 'blue terminal 42';
const dir = mkdtempSync(join(tmpdir(), 'rebinddesk-signin-bench-'));
const { db } = openAppDatabase(join(dir, 'rebinddesk.sqlite'), { migrations });
const connection = () => db;
const store = createSqliteAuthStore(connection);
const policy = createSecurityPolicyService(createSqliteSecurityPolicyStore(connection));
const encryption = createSqliteFieldEncryption({ connection, keyring: createDataKeyring([createTestKeyProtector()]) });
const operators = createOperatorService({ store });
const sessions = createSessionService({ store, policy, encryption });

await operators.createFirstAdmin({ username: 'an.admin', displayName: 'An Admin', password });

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const signIns: number[] = [];
for (let i = 0; i < runs; i++) {
  signIns.push(
    await timeMs(async () => {
      const step = await sessions.signIn({ username: 'an.admin', password });
      if (step.status !== 'signed-in') throw new Error('sign-in failed');
      sessions.signOut(step.sessionId);
    }),
  );
}
const wrong: number[] = [];
for (let i = 0; i < 3; i++) {
  wrong.push(await timeMs(() => sessions.signIn({ username: 'an.admin', password: 'wrong password 1' }).catch(() => undefined)));
}
const unknown: number[] = [];
for (let i = 0; i < 3; i++) {
  unknown.push(await timeMs(() => sessions.signIn({ username: 'no.such.user', password }).catch(() => undefined)));
}
db.close();
rmSync(dir, { recursive: true, force: true });

const candidates: ScryptParams[] = [
  { log2N: 15, r: 8, p: 1 },
  { log2N: 16, r: 8, p: 1 },
  { log2N: 17, r: 8, p: 1 },
];
const hashRows: (string | number)[][] = [];
for (const params of candidates) {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) samples.push(await timeMs(() => hashPassword(password, params)));
  const memoryMiB = (128 * 2 ** params.log2N * params.r) / 2 ** 20;
  const shipped = describeScryptParams(params) === describeScryptParams(currentScryptParams);
  hashRows.push([`scrypt ${describeScryptParams(params)}${shipped ? ' (shipped)' : ''}`, median(samples).toFixed(0), `${memoryMiB} MiB`]);
}

printBench({
  title: 'Sign-in latency (scrypt)',
  command: 'npx tsx tests/bench/sign-in.bench.ts',
  headers: ['what', 'median ms', 'memory'],
  rows: [
    [`signIn + signOut, right password (${describeScryptParams(currentScryptParams)})`, median(signIns).toFixed(0), ''],
    ['signIn, wrong password (counted, audited)', median(wrong).toFixed(0), ''],
    ['signIn, unknown username (dummy hash)', median(unknown).toFixed(0), ''],
    ...hashRows,
  ],
  notes: [`${runs} sign-ins, 5 hashes per parameter set, median; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; Node ${process.version}.`],
});
