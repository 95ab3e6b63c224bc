// Test setup for the simulator on an in-memory line: a simulator, a raw host on the other end,
// the events it reported, and one cleanup. Give `clock` a SimulatedClock and simulator, line and
// host all run on simulated time; without it, on the process's clock.
import { systemClock } from '../../../electron/main/platform/clock';
import type { Clock } from '../../../electron/main/platform/clock';
import { createMemoryPortPair } from '../../../electron/main/terminal/port/memory-port';
import type { MemoryPortPair } from '../../../electron/main/terminal/port/memory-port';
import { scaledTiming } from '../../../electron/main/terminal/link/link-timing';
import { createSimulator, INSTANT_PROCESSING_TIMES } from '../../../electron/main/terminal/simulator';
import type { SimulatorEvent, SimulatorOptions, TerminalSimulator } from '../../../electron/main/terminal/simulator';
import { bytesToHex, decodeUtf8 } from '../../../shared/bytes';
import { canonicalParameterSet, Command, decimalTlv, Tag, tagToText } from '../../../shared/rtp';
import { parameterDigest } from '../../../electron/main/terminal/parameter-digest';
import type { Tlv } from '../../../shared/rtp';
import { RawHost } from './raw-host';
import type { Exchange, RawHostOptions } from './raw-host';

/** A simulator wired to a raw host. */
export interface Rig {
  readonly simulator: TerminalSimulator;
  readonly host: RawHost;
  readonly pair: MemoryPortPair;
  readonly events: SimulatorEvent[];
  /** The clock all of it runs on. */
  readonly clock: Clock;
  /** Messages of the fault events, in order. */
  faults(): string[];
  close(): Promise<void>;
}

/** The timing most unit tests use: the protocol's timers divided by 10 (T1 = 100 ms). */
export const FAST_TIMING = scaledTiming(10);

/** Starts a simulator on a memory pair; instant processing and FAST_TIMING unless overridden. */
export function startRig(options: SimulatorOptions = {}, hostOptions: RawHostOptions = {}): Rig {
  const events: SimulatorEvent[] = [];
  const clock = options.clock ?? systemClock;
  const simulator = createSimulator({
    timing: FAST_TIMING,
    ...options,
    clock,
    processing: { ...INSTANT_PROCESSING_TIMES, ...options.processing },
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  // On the process's clock the pair keeps its own next-turn delivery, as the app's memory line does.
  const pair = createMemoryPortPair('sim', clock === systemClock ? undefined : clock);
  simulator.attach(pair.terminal);
  const host = new RawHost(pair.host, { clock, ...hostOptions });
  return {
    simulator,
    host,
    pair,
    events,
    clock,
    faults: () => events.flatMap((e) => (e.type === 'fault' ? [e.fault] : [])),
    close: async () => {
      host.close();
      await simulator.close();
      await pair.host.close();
    },
  };
}

/** The TLVs of a response as a map from tag text to UTF-8 text (binary values as hex). */
export function tlvMap(response: { readonly tlvs: readonly Tlv[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of response.tlvs) {
    const key = tagToText(item.tag);
    out[key] = item.tag === Tag.F008 || item.tag === Tag.F010 ? bytesToHex(item.value) : (decodeUtf8(item.value) ?? bytesToHex(item.value));
  }
  return out;
}

/** Runs BEGIN, PUT (in chunks) and VERIFY for `params`; returns the VERIFY answer and the next SEQ. */
export function stageParameters(
  host: RawHost,
  firstSeq: number,
  params: Readonly<Record<string, string>>,
  chunkSize = 128,
): Promise<{ verify: Exchange; nextSeq: number; digest: Uint8Array; canonical: Uint8Array }> {
  return stageBytes(host, firstSeq, canonicalParameterSet(params), chunkSize);
}

/** Runs BEGIN, PUT (in chunks) and VERIFY for any staged bytes, announcing their true digest. */
export async function stageBytes(
  host: RawHost,
  firstSeq: number,
  canonical: Uint8Array,
  chunkSize = 128,
): Promise<{ verify: Exchange; nextSeq: number; digest: Uint8Array; canonical: Uint8Array }> {
  const digest = parameterDigest(canonical);
  let seq = firstSeq;
  const begin = await host.exchange(seq++, Command.BEGIN_STAGE, [decimalTlv(Tag.F060, canonical.length), { tag: Tag.F008, value: digest }]);
  if (begin.final.rc !== 0) throw new Error(`BEGIN_STAGE answered RC ${begin.final.rc}.`);
  for (let offset = 0; offset < canonical.length; offset += chunkSize) {
    const chunk = canonical.subarray(offset, offset + chunkSize);
    const put = await host.exchange(seq++, Command.PUT_STAGE, [decimalTlv(Tag.F061, offset), { tag: Tag.F062, value: chunk }]);
    if (put.final.rc !== 0) throw new Error(`PUT_STAGE at ${offset} answered RC ${put.final.rc}.`);
  }
  const verify = await host.exchange(seq++, Command.VERIFY_STAGE);
  return { verify, nextSeq: seq, digest, canonical };
}
