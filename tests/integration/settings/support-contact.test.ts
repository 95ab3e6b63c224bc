import { describe, expect, it } from 'vitest';
import type { MainContext } from '../../../electron/main/main-context';
import { callAs, createFirstAdmin, signInNewOperator, testMainContext, testWindow } from '../support/main-context';
import { useTempDir } from '../support/temp-dir';

// The desk's support contact through the real router over a real database file: an admin sets it
// (audited as a settings change), everyone signed in reads it for the guide, bad input and other
// roles are refused by reason with nothing written, and it survives a restart.
const tempDir = useTempDir('rebinddesk-support-contact-');

const contact = { supportName: '服务台 王敏', supportPhone: '400-820-8820', supportEmail: 'desk@example.com', supportHours: '工作日 09:00–18:00' };
const empty = { supportName: '', supportPhone: '', supportEmail: '', supportHours: '' };

const auditRows = (ctx: MainContext) =>
  ctx.database
    .current()
    .prepare<[], { actor: string; action: string; entity_type: string; entity_id: string; payload: string }>('SELECT actor, action, entity_type, entity_id, payload FROM audit_log ORDER BY seq')
    .all();

describe('the support contact setting', () => {
  it('is set by an admin, audited with each changed field, read by every role, and kept across a restart', async () => {
    const dir = tempDir();
    const ctx = testMainContext(dir);
    const admin = testWindow('admin');
    await createFirstAdmin(ctx, admin);
    const desk = await signInNewOperator(ctx, admin, 'li.desk', 'desk');
    const engineer = await signInNewOperator(ctx, admin, 'zhao.engineer', 'engineer');

    expect(await callAs(ctx, desk.window, 'settings:support-contact', {})).toEqual(empty);
    const auditBefore = auditRows(ctx).length;
    expect(await callAs(ctx, admin, 'settings:support-contact-update', { ...contact, supportName: '  服务台　王敏 ' })).toEqual(contact);
    const written = auditRows(ctx).slice(auditBefore);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ actor: 'test.admin', action: 'settings.changed', entity_type: 'settings', entity_id: 'support-contact' });
    expect(JSON.parse(written[0]!.payload)).toEqual({
      changes: {
        supportName: { from: '', to: contact.supportName },
        supportPhone: { from: '', to: contact.supportPhone },
        supportEmail: { from: '', to: contact.supportEmail },
        supportHours: { from: '', to: contact.supportHours },
      },
    });

    // Only what changed is written and audited; the same contact again writes nothing.
    await callAs(ctx, admin, 'settings:support-contact-update', { ...contact, supportPhone: '0591-87654321 转 8001' });
    expect(JSON.parse(auditRows(ctx).at(-1)!.payload)).toEqual({ changes: { supportPhone: { from: '400-820-8820', to: '0591-87654321 转 8001' } } });
    const count = auditRows(ctx).length;
    await callAs(ctx, admin, 'settings:support-contact-update', { ...contact, supportPhone: '0591-87654321 转 8001' });
    expect(auditRows(ctx).length).toBe(count);

    for (const who of [desk.window, engineer.window]) expect(await callAs(ctx, who, 'settings:support-contact', {})).toEqual({ ...contact, supportPhone: '0591-87654321 转 8001' });
    // The device's settings are unchanged by it (the screens before sign-in read those publicly).
    expect(Object.keys(await callAs(ctx, admin, 'settings:get', {}))).not.toContain('supportName');
    await ctx.close();

    const reopened = testMainContext(dir);
    const again = testWindow('again');
    await callAs(reopened, again, 'auth:sign-in', { username: 'li.desk', password: 'li.desk lamp green 77' });
    expect(await callAs(reopened, again, 'settings:support-contact', {})).toEqual({ ...contact, supportPhone: '0591-87654321 转 8001' });
    await reopened.close();
  });

  it('refuses bad fields and other roles by reason, and writes nothing', async () => {
    const ctx = testMainContext(tempDir());
    const admin = testWindow('admin');
    await createFirstAdmin(ctx, admin);
    const desk = await signInNewOperator(ctx, admin, 'li.desk', 'desk');
    await callAs(ctx, admin, 'settings:support-contact-update', contact);
    const before = auditRows(ctx).length;

    const refusals: [unknown, { field: string; reason: string; why?: string }][] = [
      [{ ...contact, supportEmail: 'desk@example' }, { field: 'supportEmail', reason: 'input-field-refused', why: 'support-email-bad' }],
      [{ ...contact, supportPhone: '400-CALL' }, { field: 'supportPhone', reason: 'input-field-refused', why: 'support-phone-bad-character' }],
      [{ ...contact, supportPhone: '', supportEmail: '' }, { field: 'supportPhone', reason: 'input-field-refused', why: 'support-contact-unreachable' }],
      [{ ...contact, supportName: 'x'.repeat(61) }, { field: 'supportName', reason: 'input-field-refused', why: 'support-name-too-long' }],
      [{ ...contact, supportHours: undefined }, { field: 'supportHours', reason: 'input-missing-or-wrong-type' }],
      [{ ...contact, extra: 'x' }, { field: 'extra', reason: 'input-unknown-fields' }],
    ];
    for (const [input, expected] of refusals) {
      const result = await ctx.router.handle('settings:support-contact-update', input, admin);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: expected.field, reason: expected.reason } });
      if (expected.why && !result.ok) {
        // The field is named and the validator's reason carried, so the renderer says both in the user's language.
        expect(result.error.params).toMatchObject({ field: { code: `field-${expected.field}` }, why: { code: expected.why } });
      }
    }
    expect(await ctx.router.handle('settings:support-contact-update', empty, desk.window)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'role-not-allowed' } });
    expect(await ctx.router.handle('settings:support-contact', {}, testWindow('nobody'))).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    expect(auditRows(ctx).length).toBe(before);
    expect(await callAs(ctx, desk.window, 'settings:support-contact', {})).toEqual(contact);

    // Clearing every field is allowed: the guide then says "not set".
    expect(await callAs(ctx, admin, 'settings:support-contact-update', empty)).toEqual(empty);
    expect(auditRows(ctx).length).toBe(before + 1);
    await ctx.close();
  });
});
