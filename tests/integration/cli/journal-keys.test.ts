// The app and the `rebind` command line share one data directory and read each other's journal,
// whose key check values are encrypted: the real CLI (bin/rebind.mjs) in a child process opens the
// data keys with the command-line passphrase, the app side with its key protector.
//
// Stand-in: the app's OS keychain (Electron safeStorage) cannot run without Electron, so the test
// protector takes its place; everything else is what main-context.ts wires (keyProtectorsFor, the
// security services' keyring, the engine, the backup service, setCliPassphrase) over a real SQLite
// file, and the terminal is the simulator on a real pty.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecurityServices } from '../../../electron/main/auth/security-services';
import { openBackupHistory } from '../../../electron/main/backup/backup-history';
import { createBackupService } from '../../../electron/main/backup/backup-service';
import { passphraseEnvVar } from '../../../electron/cli/cli-keyring';
import { cliKeyFilePath } from '../../../electron/main/crypto/cli-key-file';
import { setCliPassphrase } from '../../../electron/main/crypto/cli-passphrase';
import { keyProtectorsFor } from '../../../electron/main/crypto/file-key-protector';
import { createTestKeyProtector } from '../../../electron/main/crypto/test-key-protector';
import { takeExclusiveHold } from '../../../electron/main/db/data-dir-hold';
import { openDatabaseHolder } from '../../../electron/main/db/database-holder';
import { latestSchemaVersion, migrations } from '../../../electron/main/db/migrations';
import { databaseFileName } from '../../../electron/main/main-context';
import type { FilePicker } from '../../../electron/main/platform/file-picker';
import { createRebindEngine } from '../../../electron/main/rebind/rebind-engine';
import { protocolTiming } from '../../../electron/main/terminal/link/link-timing';
import { SAMPLE_NEW_DIGEST_HEX, SAMPLE_NEW_PARAMETERS, SAMPLE_OLD_PARAMETERS } from '../../fixtures/rtp-vectors';
import { ptyTerminal, recordedSimulator, TEST_POLICY, type RecordedSimulator } from '../rebind/support/rebind-rig';
import { clearSecretHits } from '../rebind/support/secret-scan';
import { rebindBin, runRebind, type RebindEnd } from '../support/rebind-cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-journal-keys-');
const passphrase = 'Depot bench 7, north wall';
/** A lower scrypt cost than the app's (2^17), so each CLI run derives quickly; the file carries it, the code path is the same. */
const testKdf = { ln: 14, r: 8, p: 1 };
const kcvs = [SAMPLE_OLD_PARAMETERS['E0E1']!, SAMPLE_NEW_PARAMETERS['E0E1']!];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** This process's environment with `pass` as the passphrase variable (undefined: not set). */
function passphraseEnv(pass: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env[passphraseEnvVar];
  if (pass !== undefined) env[passphraseEnvVar] = pass;
  return env;
}

/** Runs the real CLI with `pass` as the passphrase variable. */
function rebind(args: string[], pass: string | undefined): Promise<RebindEnd> {
  return runRebind(args, { env: passphraseEnv(pass), withinMs: 120_000 });
}

/** The simulator on a pty; after COMMIT it locks and its host goes down, so a run is left open (rollback refused). */
async function terminal(leaveOpen: boolean): Promise<{ path: string; rec: RecordedSimulator; access: Awaited<ReturnType<typeof ptyTerminal>>['access'] }> {
  const holder: { rec?: RecordedSimulator } = {};
  const rec = recordedSimulator(
    {
      onEvent: (event) => {
        if (leaveOpen && event.type === 'command' && event.command === 'COMMIT' && holder.rec) {
          holder.rec.sim.setHostReachable(false);
          holder.rec.sim.setLocked(true);
        }
      },
    },
    protocolTiming,
  );
  holder.rec = rec;
  const pty = await ptyTerminal(rec.sim, protocolTiming);
  cleanups.push(async () => {
    await rec.sim.close();
    await pty.close();
  });
  return { path: pty.access.path, rec, access: pty.access };
}

/** What the app wires in main-context.ts, with the test protector standing in for safeStorage. */
function appSide(dir: string) {
  const holder = openDatabaseHolder(join(dir, databaseFileName), { migrations });
  const connection = () => holder.current();
  const protectors = keyProtectorsFor(dir, createTestKeyProtector());
  const security = createSecurityServices({ connection, protectors });
  security.encryption.ensureKey();
  const engine = createRebindEngine({ connection, encryption: security.encryption, policy: TEST_POLICY });
  const backups = createBackupService({
    holder,
    history: openBackupHistory(join(dir, 'backup-history.json')),
    picker: {} as FilePicker,
    backupsDir: join(dir, 'backups'),
    latestSchema: latestSchemaVersion,
    migrations,
    holdExclusively: () => takeExclusiveHold(dir, () => engine.store.countOpen()),
  });
  const setPassphrase = (value: string) => setCliPassphrase({ db: connection(), keyring: security.keyring, dataDir: dir, protectors, now: new Date(), kdf: testKdf }, { operatorId: 1, username: 'admin', role: 'admin' }, value);
  return { holder, security, engine, backups, setPassphrase, close: () => holder.close() };
}

describe('the app and the CLI read each other’s journal', () => {
  it('an operation the app left open is finished by the CLI, and one the CLI left open by the app; no key check value is in clear in the database, its WAL or a backup', async () => {
    const dir = tempDir();
    const app = appSide(dir);
    expect(app.setPassphrase(passphrase)).toMatchObject({ wrapped: 1, unreadable: [] });
    expect(app.security.encryption.status().cliPassphraseSetAt).not.toBeNull();

    // App → CLI.
    const first = await terminal(true);
    const left = await app.engine.run({ terminal: first.access, params: SAMPLE_NEW_PARAMETERS, workOrder: {}, actor: 'engineer' });
    expect(left).toMatchObject({ outcome: 'needs-attention', reason: 'rollback-refused', operationOpen: true });
    first.rec.sim.setLocked(false);
    first.rec.sim.setHostReachable(true);
    const recovered = await rebind(['recover', '--port', first.path, '--data-dir', dir, '--json'], passphrase);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(JSON.parse(recovered.stdout)).toMatchObject({ outcome: 'rebound', operationId: left.operationId, finalDigest: SAMPLE_NEW_DIGEST_HEX });

    // CLI → app.
    const second = await terminal(true);
    const paramsFile = join(dir, 'bank-b.json');
    writeFileSync(paramsFile, JSON.stringify(SAMPLE_NEW_PARAMETERS));
    const started = await rebind(['run', '--port', second.path, '--params', paramsFile, '--data-dir', dir, '--json'], passphrase);
    expect(started.code, started.stderr).toBe(4);
    const open = JSON.parse(started.stdout) as { operationId: number; operationOpen: boolean };
    expect(open.operationOpen).toBe(true);
    second.rec.sim.setLocked(false);
    second.rec.sim.setHostReachable(true);
    expect(app.engine.store.get(open.operationId)?.targetParams).toEqual(SAMPLE_NEW_PARAMETERS);
    expect(app.engine.store.backup(open.operationId)?.params['E0E1']).toBe(SAMPLE_OLD_PARAMETERS['E0E1']);
    const finished = await app.engine.recover({ terminal: second.access, mode: 'resume', actor: 'engineer' });
    expect(finished).toMatchObject({ outcome: 'rebound', operationId: open.operationId });

    // The bytes on disk: the live file and its WAL, then a backup file as the app writes it.
    const dbPath = join(dir, databaseFileName);
    expect(clearSecretHits(readFileSync(dbPath), kcvs)).toEqual([]);
    if (existsSync(`${dbPath}-wal`)) expect(clearSecretHits(readFileSync(`${dbPath}-wal`), kcvs)).toEqual([]);
    const backup = await app.backups.create({ destination: 'default' });
    expect(backup).not.toBeNull();
    expect(clearSecretHits(readFileSync(backup!.location), kcvs)).toEqual([]);
    app.close();
    expect(clearSecretHits(readFileSync(dbPath), kcvs)).toEqual([]);
  });

  it('a wrong, missing or never-set passphrase stops the CLI with what to do, before anything reaches the terminal', async () => {
    const dir = tempDir();
    const app = appSide(dir);
    const paramsFile = join(dir, 'bank-b.json');
    writeFileSync(paramsFile, JSON.stringify(SAMPLE_NEW_PARAMETERS));
    const term = await terminal(false);
    const run = (pass: string | undefined) => rebind(['run', '--port', term.path, '--params', paramsFile, '--data-dir', dir], pass);

    // The keys are under the (stand-in) OS keychain and no passphrase was set yet.
    const notSet = await run(passphrase);
    expect(notSet.code).toBe(2);
    expect(notSet.stderr).toContain('no command-line passphrase is set');
    expect(notSet.stderr).toContain('Settings → Security');
    expect(notSet.stderr).toContain(cliKeyFilePath(dir));

    app.setPassphrase(passphrase);
    const wrong = await run('Depot bench 7, south wall');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/The passphrase does not open .*cli-key\.json: it is wrong, or an admin set a new one/);
    expect(wrong.stderr).toContain('Nothing was sent to the terminal');

    // No variable, and stdin is not a terminal (execFile): it cannot ask either.
    const missing = await run(undefined);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`set ${passphraseEnvVar}, or run in a terminal to be asked`);

    expect(term.rec.commands()).toEqual([]);
    expect(app.engine.store.openOperations()).toEqual([]);
    app.close();
  });

  it('asks for the passphrase on a terminal without echoing it (a real pty through socat)', async () => {
    const dir = tempDir();
    const app = appSide(dir);
    app.setPassphrase(passphrase);
    app.close();
    /** Runs `rebind recover --list` on a pty, types `typed` once the prompt shows, and returns what the terminal showed. */
    const onTerminal = (typed: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn('socat', ['-', `EXEC:${process.execPath} ${rebindBin} recover --list --data-dir ${dir},pty,setsid,ctty,stderr,rawer`], { env: passphraseEnv(undefined) });
        let shown = '';
        let sent = false;
        child.stdout.on('data', (chunk: Buffer) => {
          shown += chunk.toString('utf8');
          if (!sent && shown.includes('passphrase for the RebindDesk data keys: ')) {
            sent = true;
            child.stdin.write(`${typed}\r`);
          }
        });
        child.on('error', reject);
        child.on('close', () => resolve(shown));
      });
    const right = await onTerminal(passphrase);
    expect(right).toContain('Command-line passphrase for the RebindDesk data keys: ');
    expect(right).toContain('No interrupted rebind.');
    expect(right).not.toContain(passphrase);
    const wrong = await onTerminal('not the passphrase at all');
    expect(wrong).toContain('The passphrase does not open');
    expect(wrong).not.toContain('not the passphrase at all');
  });
});
