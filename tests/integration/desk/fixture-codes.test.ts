import { describe, expect, it } from 'vitest';
import { checkResidentId } from '../../../shared/desk/validators/resident-id';
import { checkUscc } from '../../../shared/desk/validators/uscc';
import { idNumber, usccNumber } from '../../fixtures/desk-csv/desk-codes';

// The CSV fixtures must hold codes the validators accept, or every CSV test would fail for the wrong reason.
describe('desk CSV fixture codes', () => {
  it('are distinct USCCs the validator accepts without a warning', () => {
    const codes = Array.from({ length: 2000 }, (_, n) => usccNumber(n * 37));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(checkUscc(code)).toEqual({ value: code, ok: true, errors: [], warnings: [] });
  });

  it('are ID numbers the validator accepts', () => {
    for (let n = 0; n < 200; n++) expect(checkResidentId(idNumber(n), { today: '2026-12-01' }).errors).toEqual([]);
  });
});
