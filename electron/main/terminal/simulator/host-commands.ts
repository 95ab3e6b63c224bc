// Commands that talk to the acquirer's host: SETTLE, SIGN_ON, ECHO_TEST. Each uses one STAN
// (saved before the host is contacted, as a terminal does). The host is simulated by the state's
// `host` block: reachable or not, the field 39 it answers, whether SETTLE totals balance.
import { decimalTlv, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { batchSummary, settledState } from './batch';
import { answer } from './command-context';
import type { CommandContext, CommandEntry, CommandResult } from './command-context';
import { nextCounter } from './terminal-state';

/** SETTLE: interim progress, then sends reversal and offline records, clears the batch and bumps its number. */
export const settle: CommandEntry = {
  ownsTiming: true,
  run: async (ctx) => {
    if (!useStan(ctx)) return answer(ResultCode.STORAGE_ERROR);
    const host = ctx.state().host;
    if (!host.reachable) return unreachable(ctx, false);
    const steps = ctx.times.settleInterims + 1;
    const stepMs = ctx.times.settleMs / steps;
    for (let step = 1; step < steps; step++) {
      if (!(await ctx.sleep(stepMs))) return undefined;
      if (!(await ctx.interim(ctx.request, Math.round((100 * step) / steps)))) return undefined;
      // Mid-command: the acquirer is settling and the batch is not cleared yet.
      if (step === 1 && !ctx.checkpoint(ctx.request.cmd)) return undefined;
    }
    if (steps === 1 && !ctx.checkpoint(ctx.request.cmd)) return undefined;
    if (!(await ctx.sleep(stepMs))) return undefined;
    if (host.responseCode !== '00') return answer(ResultCode.HOST_FAILED, [textTlv(Tag.F030, host.responseCode)]);
    const state = ctx.state();
    const totals = batchSummary(state);
    if (!ctx.persist(settledState(state))) return answer(ResultCode.STORAGE_ERROR);
    return answer(ResultCode.OK, [decimalTlv(Tag.F011, totals.count), decimalTlv(Tag.F012, totals.totalFen), textTlv(Tag.F015, host.totalsBalance ? '1' : '0')]);
  },
};

/** SIGN_ON: logs on to the acquirer; F030 field 39 and F031 round trip, also on RC 08. */
export const signOn: CommandEntry = { ownsTiming: true, run: (ctx) => roundTrip(ctx, ctx.times.signOnMs) };

/** ECHO_TEST: checks the acquirer answers; same shape as SIGN_ON. */
export const echoTest: CommandEntry = { ownsTiming: true, run: (ctx) => roundTrip(ctx, ctx.times.echoTestMs) };

/** REBOOT: answers 00; the session restarts the terminal once the answer is out. */
export const reboot: CommandEntry = { run: async () => answer(ResultCode.OK) };

async function roundTrip(ctx: CommandContext, roundTripMs: number): Promise<CommandResult | undefined> {
  if (!ctx.checkpoint(ctx.request.cmd)) return undefined;
  if (!useStan(ctx)) return answer(ResultCode.STORAGE_ERROR);
  const host = ctx.state().host;
  if (!host.reachable) return unreachable(ctx, true);
  if (!(await ctx.sleep(roundTripMs))) return undefined;
  const rc = host.responseCode === '00' ? ResultCode.OK : ResultCode.HOST_FAILED;
  return answer(rc, [textTlv(Tag.F030, host.responseCode), decimalTlv(Tag.F031, Math.round(roundTripMs))]);
}

/** RC 08 after the connection attempt times out: F030 when configured, F031 for SIGN_ON and ECHO_TEST. */
async function unreachable(ctx: CommandContext, withRoundTrip: boolean): Promise<CommandResult | undefined> {
  if (!(await ctx.sleep(ctx.times.hostTimeoutMs))) return undefined;
  const code = ctx.state().host.unreachableCode;
  const tlvs: Tlv[] = code === null ? [] : [textTlv(Tag.F030, code)];
  if (withRoundTrip) tlvs.push(decimalTlv(Tag.F031, Math.round(ctx.times.hostTimeoutMs)));
  return answer(ResultCode.HOST_FAILED, tlvs);
}

function useStan(ctx: CommandContext): boolean {
  const state = ctx.state();
  return ctx.persist({ ...state, stan: nextCounter(state.stan) });
}
