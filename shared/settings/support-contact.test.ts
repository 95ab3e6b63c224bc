import { describe, expect, it } from 'vitest';
import { checkSupportContact, emptySupportContact, isSupportContactEmpty, supportContactInputSchema } from './support-contact';

const contact = { supportName: '服务台 王敏', supportPhone: '400-820-8820', supportEmail: 'desk@example.com', supportHours: '工作日 9:00–18:00' };

describe('the support contact check', () => {
  it('accepts a full contact and an empty one, normalising spaces and full-width forms', () => {
    expect(checkSupportContact(contact)).toEqual({ ok: true, value: contact });
    expect(checkSupportContact(emptySupportContact)).toEqual({ ok: true, value: emptySupportContact });
    const typed = { supportName: '  服务台\u3000王敏 ', supportPhone: '０５９１－８７６５４３２１ 转 8001', supportEmail: ' desk＠example.com', supportHours: '' };
    expect(checkSupportContact(typed)).toEqual({ ok: true, value: { supportName: '服务台 王敏', supportPhone: '0591-87654321 转 8001', supportEmail: 'desk@example.com', supportHours: '' } });
  });

  it('takes the numbers a desk line has: service numbers, short numbers, international and extensions', () => {
    for (const phone of ['95588', '800-810-8888', '+86 591 8765 4321', '(0591) 87654321 ext. 12', '13800138000', '021-12345678#99']) {
      expect(checkSupportContact({ ...contact, supportPhone: phone }).ok, phone).toBe(true);
    }
  });

  it('says what is wrong with each field, all at once', () => {
    const checked = checkSupportContact({ supportName: 'x'.repeat(61), supportPhone: '400-CALL-NOW', supportEmail: 'desk@example', supportHours: 'a\nb' });
    expect(checked).toEqual({
      ok: false,
      problems: [
        { field: 'supportName', reason: { code: 'support-name-too-long', params: { max: 60 } } },
        { field: 'supportHours', reason: { code: 'support-text-bad-character', params: { position: 2 } } },
        { field: 'supportPhone', reason: { code: 'support-phone-bad-character', params: { character: 'C' } } },
        { field: 'supportEmail', reason: { code: 'support-email-bad', params: { email: 'desk@example', example: 'desk@example.com' } } },
      ],
    });
    expect(checkSupportContact({ ...contact, supportPhone: '1234' })).toMatchObject({ ok: false, problems: [{ field: 'supportPhone', reason: { code: 'support-phone-digit-count', params: { count: 4 } } }] });
    expect(checkSupportContact({ ...contact, supportPhone: '400+820' })).toMatchObject({ ok: false, problems: [{ reason: { code: 'support-phone-bad-character', params: { character: '+' } } }] });
  });

  it('refuses a name or hours without any way to reach them', () => {
    expect(checkSupportContact({ ...emptySupportContact, supportName: '王敏' })).toEqual({
      ok: false,
      problems: [{ field: 'supportPhone', reason: { code: 'support-contact-unreachable', params: {} } }],
    });
    expect(checkSupportContact({ ...emptySupportContact, supportEmail: 'desk@example.com' }).ok).toBe(true);
  });

  it('is empty only when all four fields are', () => {
    expect(isSupportContactEmpty(emptySupportContact)).toBe(true);
    expect(isSupportContactEmpty({ ...emptySupportContact, supportHours: '9–18' })).toBe(false);
  });

  it('parses the channel input to the normalised contact, and carries each refusal as its reason under its field', () => {
    expect(supportContactInputSchema.parse({ ...contact, supportName: ' 王敏 ' })).toEqual({ ...contact, supportName: '王敏' });
    const parsed = supportContactInputSchema.safeParse({ ...contact, supportEmail: 'nobody' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toMatchObject([{ code: 'custom', path: ['supportEmail'], params: { reason: { code: 'support-email-bad' } } }]);
    expect(supportContactInputSchema.safeParse({ ...contact, extra: 1 }).success).toBe(false);
    expect(supportContactInputSchema.safeParse({ supportName: 'x' }).success).toBe(false);
  });
});
