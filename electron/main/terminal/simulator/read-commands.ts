// Commands that only read: HELLO, GET_BATCH, GET_PARAMS, EXPORT_JOURNAL, PRINT_TEST.
import { encodeUtf8 } from '../../../../shared/bytes';
import { decimalTlv, findText, parseCursor, ResultCode, Tag, tagFromText, tagToText, textTlv } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { batchSummary, journalRecordTlv } from './batch';
import { answer } from './command-context';
import type { CommandContext, CommandEntry, CommandResult } from './command-context';
import { cursorInRange, pageOf } from './paging';
import { activeDigest, activeParams, reportedParams } from './terminal-state';

const flag = (value: boolean): string => (value ? '1' : '0');

/** HELLO: identity, binding and slot status, in the order of PROTOCOL.md §3. */
export const hello: CommandEntry = {
  run: async (ctx) => {
    const state = ctx.state();
    const params = activeParams(state);
    return answer(ResultCode.OK, [
      textTlv(Tag.F001, '1'),
      decimalTlv(Tag.F002, state.identity.maxBody),
      textTlv(Tag.F003, state.identity.vendor),
      textTlv(Tag.F004, state.identity.model),
      textTlv(Tag.F005, state.identity.serialNumber),
      textTlv(Tag.F006, state.identity.firmware),
      textTlv(Tag.A001, params['A001'] ?? ''),
      textTlv(Tag.A002, params['A002'] ?? ''),
      textTlv(Tag.A010, params['A010'] ?? ''),
      textTlv(Tag.F007, state.activeSlot),
      { tag: Tag.F008, value: activeDigest(state) },
      textTlv(Tag.F009, flag(state.previousPresent)),
      textTlv(Tag.F00A, flag(state.locked)),
    ]);
  },
};

/** GET_BATCH: the open batch's totals. */
export const getBatch: CommandEntry = {
  run: async (ctx) => {
    const summary = batchSummary(ctx.state());
    return answer(ResultCode.OK, [
      decimalTlv(Tag.F011, summary.count),
      decimalTlv(Tag.F012, summary.totalFen),
      textTlv(Tag.F013, flag(summary.reversalPending)),
      decimalTlv(Tag.F014, summary.offlinePending),
      textTlv(Tag.A00A, summary.batchNumber),
    ]);
  },
};

/** GET_PARAMS: every parameter sorted by tag, volatile ones included, paged. */
export const getParams: CommandEntry = {
  run: async (ctx) => {
    const items: Tlv[] = Object.entries(reportedParams(ctx.state()))
      .map(([key, value]) => ({ tag: tagFromText(key) ?? 0, value: encodeUtf8(value) }))
      .sort((a, b) => a.tag - b.tag);
    return paged(ctx, items, ctx.paging.paramsPerPage);
  },
};

/** EXPORT_JOURNAL: the open batch, one F050 group per record, paged. */
export const exportJournal: CommandEntry = {
  run: async (ctx) => paged(ctx, ctx.state().journal.map(journalRecordTlv), ctx.paging.recordsPerPage),
};

/** PRINT_TEST: prints a slip with the binding and returns its lines (docs/protocol.md §7.14). */
export const printTest: CommandEntry = {
  ownsTiming: true,
  run: async (ctx) => {
    if (!ctx.checkpoint(ctx.request.cmd)) return undefined;
    if (!(await ctx.sleep(ctx.times.printTestMs))) return undefined;
    const params = activeParams(ctx.state());
    const lines = ['RebindDesk print test', `TID ${params['A001'] ?? ''}`, `MID ${params['A002'] ?? ''}`, `ACQ ${params['A010'] ?? ''}`];
    return answer(ResultCode.OK, [textTlv(Tag.F070, lines.join('\n'))]);
  },
};

/** One page from the F040 cursor (format already checked); RC 03 naming F040 when it points past the items. */
function paged(ctx: CommandContext, items: readonly Tlv[], perPage: number | undefined): CommandResult {
  const cursorText = findText(ctx.request.tlvs, Tag.F040);
  let start = 0;
  if (cursorText !== undefined) {
    const cursor = parseCursor(cursorText);
    if (cursor === undefined || !cursorInRange(cursor, items.length)) return answer(ResultCode.INVALID_VALUE, [textTlv(Tag.F020, tagToText(Tag.F040))]);
    start = cursor;
  }
  return answer(ResultCode.OK, pageOf(items, start, ctx.state().identity.maxBody, perPage));
}
