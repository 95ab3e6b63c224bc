import { AppError } from '../../../electron/main/app-error';
import { createTestKeyProtector } from '../../../electron/main/crypto/test-key-protector';
import { createMainContext, type MainContext, type MainContextOptions } from '../../../electron/main/main-context';
import type { SenderInfo } from '../../../electron/main/ipc/router';

/** File dialog answers a test sets (read when the dialog opens); null or unset is "cancelled". */
export interface PickerAnswers {
  backupTarget?: string | null;
  backupSource?: string | null;
  linkLogTarget?: string | null;
  auditTarget?: string | null;
  csvSource?: string | null;
  csvTarget?: string | null;
}

/** The admin every signed-in test window uses. */
export const testAdmin = { username: 'test.admin', displayName: 'Test Admin', password: 'blue terminal 42' } as const;

/** A window of the app, as the router tells windows apart. */
export function testWindow(id: string | number = 'main'): SenderInfo {
  return { url: 'test://app', id };
}

/**
 * The one main context of the tests, benchmarks and browser e2e: over `dataDir` as the app wires
 * it, with a test key protector, cheap scrypt, scripted file dialogs and no serial hardware
 * unless `extra` says otherwise.
 */
export function testMainContext(dataDir: string, answers: PickerAnswers = {}, extra: Partial<MainContextOptions> = {}): MainContext {
  return createMainContext({
    dataDir,
    appVersion: 'test',
    runtime: 'node',
    isTrustedSender: () => true,
    keyProtector: createTestKeyProtector(),
    scrypt: { log2N: 10, r: 8, p: 1 },
    picker: {
      chooseBackupTarget: async () => answers.backupTarget ?? null,
      chooseBackupSource: async () => answers.backupSource ?? null,
      chooseLinkLogTarget: async () => answers.linkLogTarget ?? null,
      chooseAuditExportTarget: async () => answers.auditTarget ?? null,
      chooseCsvSource: async () => answers.csvSource ?? null,
      chooseCsvTarget: async () => answers.csvTarget ?? null,
    },
    // No serial hardware by default; the terminal service is exercised in its own suites.
    listSystemPorts: async () => ({ ports: [], problem: null }),
    openPort: () => Promise.reject(new Error('no serial ports in this test')),
    ...extra,
  });
}

/** Calls a channel from `sender` and returns its value; a failure envelope is thrown as an AppError. */
export async function callAs(ctx: MainContext, sender: SenderInfo, channel: string, input: unknown): Promise<never> {
  const result = await ctx.router.handle(channel, input, sender);
  // The envelope's English is kept as it came (renderer-worded reasons have no shared English).
  if (!result.ok) throw new AppError(result.error.code, { code: 'detail-text', params: { text: result.error.message } }, result.error.field);
  return result.value as never;
}

/** Creates the first admin from `sender`, which signs that window in. */
export async function createFirstAdmin(ctx: MainContext, sender: SenderInfo = testWindow()): Promise<void> {
  await callAs(ctx, sender, 'auth:create-first-admin', testAdmin);
}

/**
 * Creates an operator with `role` from the admin's window and signs them in on a window of their
 * own, past the forced password change; returns that window and the operator's id.
 */
export async function signInNewOperator(ctx: MainContext, admin: SenderInfo, username: string, role: 'desk' | 'engineer' | 'admin'): Promise<{ window: SenderInfo; operatorId: number }> {
  const made = (await callAs(ctx, admin, 'operators:create', { username, displayName: username, role })) as { temporaryPassword: string; operator: { id: number } };
  const window = testWindow(username);
  await callAs(ctx, window, 'auth:sign-in', { username, password: made.temporaryPassword });
  await callAs(ctx, window, 'auth:replace-temporary-password', { newPassword: `${username} lamp green 77` });
  return { window, operatorId: made.operator.id };
}
