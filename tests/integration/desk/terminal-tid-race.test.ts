import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditedOn } from '../../../electron/main/db/audited';
import { migrations } from '../../../electron/main/db/migrations';
import { openAppDatabase } from '../../../electron/main/db/open-database';
import type { FieldEncryption } from '../../../electron/main/crypto/field-encryption';
import { AppError } from '../../../electron/main/app-error';
import type { Actor } from '../../../shared/auth/session';
import { createMerchantService } from '../../../electron/main/desk/merchants/merchant-service';
import { createSqliteMerchantRepository } from '../../../electron/main/desk/merchants/sqlite-merchant-repository';
import { createSqliteReferenceRepository } from '../../../electron/main/desk/reference/sqlite-reference-repository';
import { callAs, createFirstAdmin, signInNewOperator, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';
import { merchantForm, terminalIds } from './merchant-fixtures';

const tempDir = useTempDir('rebinddesk-terminal-tid-race-');

describe('one terminal per TID across two desks on one file', () => {
  it('refuses the desk that checked before the other committed, as terminal-tid-taken on the TID field, and stores one terminal', async () => {
    const dir = tempDir();
    const ctx = testMainContext(dir);
    const admin = testWindow();
    await createFirstAdmin(ctx, admin);
    const desk = (await signInNewOperator(ctx, admin, 'li.desk', 'desk')).window;
    const reference = (await callAs(ctx, admin, 'desk:reference', {})) as { banks: { code: string }[]; models: { id: string }[] };
    const merchant = (await callAs(ctx, desk, 'desk:merchant-save', { base: null, record: merchantForm(1) })) as { id: string };
    const form = { modelId: reference.models[0]!.id, firmware: undefined, currentBank: reference.banks[0]!.code, merchantId: merchant.id };
    const mine = { ...form, ...terminalIds(1) };
    const theirs = { ...form, ...terminalIds(2), tid: mine.tid };

    // Two desks: the real service and repository each, on two connections to the same file. Desk
    // A's TID check runs and finds nothing; only then does desk B save the same TID and commit —
    // the interleaving two desks can hit, made certain here instead of left to timing.
    const services = (db: Database.Database, repo = createSqliteMerchantRepository(() => db)) =>
      createMerchantService({ repo, reference: createSqliteReferenceRepository(() => db), audited: auditedOn(() => db), encryption: {} as FieldEncryption, now: () => new Date() });
    const deskB = services(ctx.database.current());
    const { db } = openAppDatabase(join(dir, 'rebinddesk.sqlite'), { migrations });
    const repo = createSqliteMerchantRepository(() => db);
    let otherDeskSaved = false;
    const checkedFirst = {
      ...repo,
      terminalByTid: (tid: string) => {
        const seen = repo.terminalByTid(tid);
        if (!otherDeskSaved) {
          otherDeskSaved = true;
          deskB.saveTerminal({ username: 'li.desk', role: 'desk' } as Actor, null, theirs);
        }
        return seen;
      },
    };
    const deskA = services(db, checkedFirst);
    let refused: unknown = null;
    try {
      deskA.saveTerminal({ username: 'wang.desk', role: 'desk' } as Actor, null, mine);
    } catch (error) {
      refused = error;
    }
    expect(otherDeskSaved).toBe(true);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'conflict', field: 'record.tid', refusal: { reason: 'terminal-tid-taken', params: { tid: mine.tid, serial: theirs.serial } } });
    expect(db.prepare('SELECT serial FROM terminals WHERE tid = ?').pluck().all(mine.tid)).toEqual([theirs.serial]);
    db.close();
    await ctx.close();
  });
});
