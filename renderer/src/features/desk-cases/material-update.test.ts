import { describe, expect, it } from 'vitest';
import { documentExpiry, expiryUpdate, receivedUpdate, verifiedUpdate, type MaterialView } from './material-update';

const caseId = '0190a8d0-0000-7000-8000-000000000001';
const permit: MaterialView = { kind: 'account-opening-permit', received: true, receivedOn: '2026-12-01', expiresOn: '2027-05-29', validDays: 180, lastValidDay: '2027-05-29', version: 2 };

describe('material updates', () => {
  it("tells the document's expiry from the bank's own limit", () => {
    expect(documentExpiry(permit)).toBeNull();
    expect(documentExpiry({ ...permit, expiresOn: '2027-01-31' })).toBe('2027-01-31');
    expect(documentExpiry({ ...permit, validDays: null, expiresOn: '2030-01-01' })).toBe('2030-01-01');
    expect(documentExpiry({ kind: 'tax-registration', received: false, validDays: null, lastValidDay: null, version: null })).toBeNull();
  });

  it('marks received on a day, keeping the verification only while the day stays', () => {
    const verified = { ...permit, verifiedBy: 'li.desk', verifiedAt: '2026-12-01T02:00:00Z' };
    expect(receivedUpdate(caseId, verified, '2026-12-01')).toEqual({ caseId, kind: permit.kind, receivedOn: '2026-12-01', verified: true, expiresOn: null });
    expect(receivedUpdate(caseId, verified, '2026-12-02').verified).toBe(false);
    expect(receivedUpdate(caseId, { ...verified, expiresOn: '2027-01-31' }, null)).toEqual({ caseId, kind: permit.kind, receivedOn: null, verified: false, expiresOn: null });
  });

  it("verifies and sets the expiry, sending the document's expiry again", () => {
    const withExpiry = { ...permit, expiresOn: '2027-01-31' };
    expect(verifiedUpdate(caseId, withExpiry, true)).toEqual({ caseId, kind: permit.kind, receivedOn: '2026-12-01', verified: true, expiresOn: '2027-01-31' });
    expect(expiryUpdate(caseId, permit, '2027-02-28')).toEqual({ caseId, kind: permit.kind, receivedOn: '2026-12-01', verified: false, expiresOn: '2027-02-28' });
  });
});
