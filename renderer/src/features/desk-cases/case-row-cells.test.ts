import { describe, expect, it } from 'vitest';
import type { CaseListRow } from './cases-list-store';
import { caseRowCells, rememberedCells, type CellWords } from './case-row-cells';
import { formatMinute } from './list-format';

const row = (n: number, state: CaseListRow['state'] = 'draft'): CaseListRow => ({
  id: `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  version: 1,
  state,
  targetBank: 'acquirer-b',
  currentBank: 'acquirer-c',
  merchantName: `商户 ${n}`,
  uscc: '91350100M000100Y43',
  serial: `SN${n}`,
  tid: `T${n}`,
  mid: `M${n}`,
  openedAt: '2026-12-01T17:27:40.000Z',
  updatedAt: '2026-12-01T18:00:00.000Z',
});

function countingWords() {
  const calls = { state: 0, bankMove: 0 };
  const words: CellWords = {
    state: (state) => {
      calls.state += 1;
      return `state:${state}`;
    },
    bankMove: (from, to) => {
      calls.bankMove += 1;
      return `${from} → ${to}`;
    },
  };
  return { words, calls };
}

describe('a list row’s cells', () => {
  it('says the state, the banks and both times in the words given', () => {
    const { words } = countingWords();
    expect(caseRowCells(row(1, 'under-review'), words)).toEqual({
      merchantName: '商户 1',
      uscc: '91350100M000100Y43',
      serial: 'SN1',
      tid: 'T1',
      banks: 'acquirer-c → acquirer-b',
      state: 'state:under-review',
      stateTag: 'warning',
      opened: formatMinute('2026-12-01T17:27:40.000Z'),
      updated: formatMinute('2026-12-01T18:00:00.000Z'),
    });
  });

  it('works a row out once, and each state and bank pair once, however often it is shown', () => {
    const { words, calls } = countingWords();
    const cells = rememberedCells(words);
    const rows = [row(1), row(2), row(3, 'closed')];
    const first = rows.map(cells);
    for (let frame = 0; frame < 5; frame++) rows.forEach((r, i) => expect(cells(r)).toBe(first[i]));
    expect(calls).toEqual({ state: 2, bankMove: 1 });
  });

  it('works a row out anew for a new row object (a reload) and for new words (a language)', () => {
    const zh = rememberedCells(countingWords().words);
    const en = rememberedCells({ ...countingWords().words, state: (state) => `en:${state}` });
    const shown = row(1);
    expect(zh(shown)).not.toBe(zh(row(1)));
    expect(en(shown).state).toBe('en:draft');
    expect(zh(shown).state).toBe('state:draft');
  });
});
