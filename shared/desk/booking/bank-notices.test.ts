import { describe, expect, it } from 'vitest';
import { berlinBank } from '../../../tests/fixtures/desk-samples';
import { noticesOn } from './bank-notices';

describe('bank notices', () => {
  it('are shown from their first to their last day, both included; open ends never stop', () => {
    const bank = {
      ...berlinBank,
      notices: [
        { id: 'window', text: 'Windows change in April.', from: '2026-03-01', until: '2026-03-31' },
        { id: 'always', text: 'Bring the original licence.' },
        { id: 'later', text: 'New fee rates.', from: '2026-07-01' },
      ],
    };
    expect(noticesOn(bank, '2026-02-28').map((n) => n.id)).toEqual(['always']);
    expect(noticesOn(bank, '2026-03-01').map((n) => n.id)).toEqual(['window', 'always']);
    expect(noticesOn(bank, '2026-03-31').map((n) => n.id)).toEqual(['window', 'always']);
    expect(noticesOn(bank, '2026-07-01').map((n) => n.id)).toEqual(['always', 'later']);
  });
});
