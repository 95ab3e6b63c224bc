// A list row's texts, worked out once per row and per language. A scrolled frame re-renders every
// row in the window; saying each row's state, bank move and two times there again (vue-i18n and
// Intl calls, some 100 a frame) was most of the frame's script.
import type { CaseState } from '../../../../shared/desk/model';
import type { CaseListRow } from './cases-list-store';
import { formatMinute, stateTagType } from './list-format';

export interface CaseRowCells {
  merchantName: string;
  uscc: string;
  serial: string;
  tid: string;
  /** Current bank → target bank, by their names. */
  banks: string;
  state: string;
  stateTag: ReturnType<typeof stateTagType>;
  opened: string;
  updated: string;
}

/** How the cells are said, in the user's language. */
export interface CellWords {
  bankMove: (from: string, to: string) => string;
  state: (state: CaseState) => string;
}

export function caseRowCells(row: CaseListRow, words: CellWords): CaseRowCells {
  return {
    merchantName: row.merchantName,
    uscc: row.uscc,
    serial: row.serial,
    tid: row.tid,
    banks: words.bankMove(row.currentBank, row.targetBank),
    state: words.state(row.state),
    stateTag: stateTagType(row.state),
    opened: formatMinute(row.openedAt),
    updated: formatMinute(row.updatedAt),
  };
}

/**
 * The cells of each row, remembered by the row itself (a reload brings new row objects, so nothing
 * stale is kept), as are the few states' and bank pairs' words. Make a new one when the words change.
 */
export function rememberedCells(words: CellWords): (row: CaseListRow) => CaseRowCells {
  const byRow = new WeakMap<CaseListRow, CaseRowCells>();
  const states = new Map<CaseState, string>();
  const moves = new Map<string, string>();
  const remembered: CellWords = {
    state: (state) => states.get(state) ?? states.set(state, words.state(state)).get(state)!,
    bankMove: (from, to) => {
      const key = `${from}\n${to}`;
      return moves.get(key) ?? moves.set(key, words.bankMove(from, to)).get(key)!;
    },
  };
  return (row) => {
    let cells = byRow.get(row);
    if (!cells) {
      cells = caseRowCells(row, remembered);
      byRow.set(row, cells);
    }
    return cells;
  };
}
