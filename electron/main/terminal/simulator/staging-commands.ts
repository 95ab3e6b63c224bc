// The commands that change parameters: BEGIN, PUT, VERIFY, COMMIT, ABORT, ROLLBACK, CONFIRM.
// The executor has already answered 01, 02, 0A and the request value checks (03).
import { canonicalParameterSet, decimalTlv, findTlv, ResultCode, Tag, textTlv, tlvDecimal } from '../../../../shared/rtp';
import { parameterDigest } from '../parameter-digest';
import { batchBlocksCommit } from './batch';
import { answer } from './command-context';
import type { CommandEntry } from './command-context';
import { Stage } from './stage';
import { activeDigest, otherSlot } from './terminal-state';

/** BEGIN_STAGE: opens a stage, discarding any open one. */
export const beginStage: CommandEntry = {
  run: async (ctx) => {
    const length = tlvDecimal(findTlv(ctx.request.tlvs, Tag.F060)!)!;
    const digest = findTlv(ctx.request.tlvs, Tag.F008)!.value.slice();
    ctx.setStage(new Stage(length, digest));
    return answer(ResultCode.OK);
  },
};

/** PUT_STAGE: appends a chunk at exactly the bytes received so far. */
export const putStage: CommandEntry = {
  run: async (ctx) => {
    const stage = ctx.getStage();
    if (stage === undefined) return answer(ResultCode.WRONG_STATE);
    const offset = tlvDecimal(findTlv(ctx.request.tlvs, Tag.F061)!)!;
    const result = stage.put(offset, findTlv(ctx.request.tlvs, Tag.F062)!.value);
    if (result.ok) return answer(ResultCode.OK, [decimalTlv(Tag.F061, result.received)]);
    if (result.rc === ResultCode.WRONG_STATE) return answer(result.rc, [decimalTlv(Tag.F061, result.received)]);
    return answer(result.rc, [textTlv(Tag.F020, result.tag)]);
  },
};

/** VERIFY_STAGE: 04 without a complete stage; else the stage's checks, always with F008. */
export const verifyStage: CommandEntry = {
  run: async (ctx) => {
    const stage = ctx.getStage();
    if (stage === undefined || !stage.complete) return answer(ResultCode.WRONG_STATE);
    const result = stage.verify();
    const digest = { tag: Tag.F008, value: result.digest };
    return answer(result.rc, result.offendingTag === undefined ? [digest] : [textTlv(Tag.F020, result.offendingTag), digest]);
  },
};

/**
 * COMMIT: 04 without a verified stage, 05 with a batch; then writes the inactive slot, works
 * for commitMs, and flips the pointer with STAN reset in one atomic save. A power loss between
 * the two saves leaves the old slot active.
 */
export const commit: CommandEntry = {
  ownsTiming: true,
  run: async (ctx) => {
    const params = ctx.getStage()?.verified;
    if (params === undefined) return answer(ResultCode.WRONG_STATE);
    if (batchBlocksCommit(ctx.state())) return answer(ResultCode.BATCH_NOT_EMPTY);
    const before = ctx.state();
    const target = otherSlot(before.activeSlot);
    // Writing over the inactive slot destroys an unconfirmed previous set, so ROLLBACK is gone from here on.
    if (!ctx.persist({ ...before, slots: { ...before.slots, [target]: params }, previousPresent: false })) return answer(ResultCode.STORAGE_ERROR);
    ctx.emit({ type: 'lifecycle', what: 'slot-written', message: `Slot ${target} written; slot ${before.activeSlot} still active.` });
    if (!(await ctx.sleep(ctx.times.commitMs))) return undefined;
    if (!ctx.checkpoint(ctx.request.cmd)) return undefined;
    const written = ctx.state();
    if (!ctx.persist({ ...written, activeSlot: target, previousPresent: true, stan: 1 })) return answer(ResultCode.STORAGE_ERROR);
    ctx.setStage(undefined);
    ctx.emit({ type: 'lifecycle', what: 'slot-flipped', message: `Slot ${target} is now active; slot ${before.activeSlot} kept until CONFIRM.` });
    return answer(ResultCode.OK, [textTlv(Tag.F007, target), { tag: Tag.F008, value: parameterDigest(canonicalParameterSet(params)) }]);
  },
};

/** ABORT_STAGE: drops the stage, if any. */
export const abortStage: CommandEntry = {
  run: async (ctx) => {
    ctx.setStage(undefined);
    return answer(ResultCode.OK);
  },
};

/** ROLLBACK: back to the previous slot, discarding the set it leaves; 04 without one. */
export const rollback: CommandEntry = {
  run: async (ctx) => {
    const state = ctx.state();
    if (!state.previousPresent) return answer(ResultCode.WRONG_STATE);
    const restored = otherSlot(state.activeSlot);
    const next = { ...state, activeSlot: restored, previousPresent: false, slots: { ...state.slots, [state.activeSlot]: null } };
    if (!ctx.persist(next)) return answer(ResultCode.STORAGE_ERROR);
    return answer(ResultCode.OK, [textTlv(Tag.F007, restored), { tag: Tag.F008, value: activeDigest(next) }]);
  },
};

/** CONFIRM: drops the previous slot; a no-op answered 00 without one. */
export const confirm: CommandEntry = {
  run: async (ctx) => {
    const state = ctx.state();
    if (!state.previousPresent) return answer(ResultCode.OK);
    const next = { ...state, previousPresent: false, slots: { ...state.slots, [otherSlot(state.activeSlot)]: null } };
    return answer(ctx.persist(next) ? ResultCode.OK : ResultCode.STORAGE_ERROR);
  },
};
