import { describe, expect, it } from 'vitest';
import { summarizeAuditPayload, type AuditWording } from './audit-summary';

const plain: AuditWording = { field: (key) => `<${key}>`, value: (_key, value) => String(value) };

describe('audit payload summary', () => {
  it('lists plain fields with their labels and values, in the stored order', () => {
    expect(summarizeAuditPayload('{"method":"password","temporaryPassword":false}', plain)).toEqual([
      { key: 'method', label: '<method>', text: 'password' },
      { key: 'temporaryPassword', label: '<temporaryPassword>', text: 'false' },
    ]);
  });

  it('says each change as from → to, with the changed field as its label', () => {
    const parts = summarizeAuditPayload('{"changes":{"role":{"from":"desk","to":"admin"},"disabled":{"from":false,"to":true}},"username":"li.wei"}', plain);
    expect(parts.map((p) => `${p.label} ${p.text}`)).toEqual(['<role> desk → admin', '<disabled> false → true', '<username> li.wei']);
  });

  it('shortens hashes and long texts, and leaves nested details to the raw JSON', () => {
    const parts = summarizeAuditPayload(JSON.stringify({ finalDigest: 'a'.repeat(64), note: 'x'.repeat(200), detail: { lines: ['RebindDesk print test'] }, list: [1, 2] }), plain);
    expect(parts).toEqual([
      { key: 'finalDigest', label: '<finalDigest>', text: `${'a'.repeat(12)}…` },
      { key: 'note', label: '<note>', text: `${'x'.repeat(79)}…` },
    ]);
  });

  it('gives nothing for a payload that is not a JSON object', () => {
    expect(summarizeAuditPayload('not json', plain)).toEqual([]);
    expect(summarizeAuditPayload('[1,2]', plain)).toEqual([]);
    expect(summarizeAuditPayload('{}', plain)).toEqual([]);
  });

  it('hands each value to the wording with its field, so roles, steps and yes/no are said in the user language', () => {
    const wording: AuditWording = { field: (key) => key, value: (key, value) => (key === 'role' ? `role:${String(value)}` : typeof value === 'boolean' ? (value ? '是' : '否') : String(value)) };
    expect(summarizeAuditPayload('{"role":"desk","open":false}', wording).map((p) => p.text)).toEqual(['role:desk', '否']);
  });
});
