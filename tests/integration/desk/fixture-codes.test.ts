import { describe, expect, it } from 'vitest';
import { idCheck, idNumber, organisationCheck, usccCheck, usccNumber } from '../../fixtures/desk-csv/desk-codes';

// The fixtures' codes must be ones the field validators accept, so their check characters are
// computed by the standards' rules and checked here against published examples.
describe('desk fixture codes', () => {
  it('compute the published check characters', () => {
    expect(usccCheck('91350100M000100Y4')).toBe('3'); // 91350100M000100Y43 (GB 32100 example)
    expect(organisationCheck('M000100Y')).toBe('4'); // its organisation code M000100Y-4 (GB 11714)
    expect(idCheck('11010519491231002')).toBe('X'); // 11010519491231002X (GB 11643 example)
  });

  it('give many distinct well-formed codes', () => {
    const codes = new Set(Array.from({ length: 1000 }, (_, n) => usccNumber(n)));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^91350100\d{8}[0-9X][0-9A-HJ-NPQRTUWXY]$/);
    expect(idNumber(5)).toMatch(/^11010519800106\d{3}[0-9X]$/);
  });
});
