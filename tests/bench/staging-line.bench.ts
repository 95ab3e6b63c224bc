// Staging a 4 KiB parameter set over the simulator's line model, against the line's own limit:
// every byte of both directions on the wire at 10 bits a byte, plus one turnaround per terminal
// transmission (docs/simulator.md §4, lineLimitMs). The difference is what the host (and the
// simulator's own event loop) adds. Run: npx tsx tests/bench/staging-line.bench.ts
import { performance } from 'node:perf_hooks';
import { canonicalParameterSet } from '../../shared/rtp';
import { SAMPLE_NEW_PARAMETERS } from '../fixtures/rtp-vectors';
import { RtpDriver } from '../../electron/main/terminal/driver/rtp-driver';
import { planStageChunks } from '../../electron/main/terminal/driver/stage-plan';
import { createMemoryLogSink } from '../../electron/main/terminal/link/link-log';
import type { LinkLogEntry } from '../../electron/main/terminal/link/link-log';
import { createMemoryPortPair } from '../../electron/main/terminal/port/memory-port';
import { createSimulator, defaultSimulatorState, INSTANT_PROCESSING_TIMES, lineLimitMs } from '../../electron/main/terminal/simulator';
import type { LineModel } from '../../electron/main/terminal/simulator';
import { printBench } from './report';

const SET_BYTES = 4096;
const TURNAROUND_MS = 16;
const GOAL_OVERHEAD = 0.05;
const RUNS = 3;

/** A valid canonical set of exactly SET_BYTES: the sample new bank's set with long host names (the only unbounded text fields). */
function fourKibSet(): Uint8Array {
  const base = canonicalParameterSet(SAMPLE_NEW_PARAMETERS).length;
  // Two hosts of about the same length; each TLV stays under a 4096-byte page.
  const room = SET_BYTES - base + SAMPLE_NEW_PARAMETERS.A011!.length;
  const half = Math.floor(room / 2);
  const build = (a: number, b: number) => canonicalParameterSet({ ...SAMPLE_NEW_PARAMETERS, A011: `${'a'.repeat(a)}.example:8443`, A012: `${'b'.repeat(b)}.example:8443` });
  for (let a = half - 40; a < half + 40; a++) {
    for (let b = half - 40; b < half + 40; b++) {
      if (build(a, b).length === SET_BYTES) return build(a, b);
    }
  }
  throw new Error('no 4 KiB combination found');
}

interface Scenario {
  name: string;
  maxBody: number;
  run: (driver: RtpDriver) => Promise<void>;
}

const validSet = fourKibSet();
const rawSet = Uint8Array.from({ length: SET_BYTES }, (_, i) => (i * 31 + 7) & 0xff);

const scenarios: Scenario[] = [
  {
    name: 'valid 4 KiB set, maxBody 4096: BEGIN, PUT×2, VERIFY, COMMIT, GET_PARAMS read-back',
    maxBody: 4096,
    run: async (driver) => {
      const staged = await driver.stageParameterSet(validSet);
      await driver.commit();
      const read = await driver.getParams();
      if (read.digestHex !== staged.digestHex) throw new Error('read-back digest differs');
    },
  },
  {
    name: '4 KiB of raw chunk bytes, maxBody 1024: BEGIN, PUT×5, ABORT_STAGE',
    maxBody: 1024,
    run: async (driver) => {
      await driver.beginStage(rawSet.length, new Uint8Array(32));
      let offset = 0;
      for (const { length } of planStageChunks(rawSet.length, 1024)) {
        offset = await driver.putStage(offset, rawSet.subarray(offset, offset + length));
      }
      await driver.abortStage();
    },
  },
];

interface Measurement {
  elapsedMs: number;
  limitMs: number;
  bytes: number;
  exchanges: number;
  retries: number;
}

async function measure(scenario: Scenario, line: LineModel): Promise<Measurement> {
  const pair = createMemoryPortPair('bench');
  const state = defaultSimulatorState();
  const sim = createSimulator({ line, processing: INSTANT_PROCESSING_TIMES, initialState: { identity: { ...state.identity, maxBody: scenario.maxBody }, journal: [] } });
  sim.attach(pair.terminal);
  const log = createMemoryLogSink(100_000);
  const driver = new RtpDriver(pair.host, { baudRate: line.baudRate, log, initialSeq: 1 });
  try {
    await driver.open();
    await driver.hello();
    log.clear();
    const started = performance.now();
    await scenario.run(driver);
    const elapsedMs = performance.now() - started;
    const entries = log.entries();
    const bytes = entries.filter((e) => e.direction !== 'note').reduce((sum, e) => sum + byteCount(e), 0);
    // One turnaround per transmission the terminal starts: each ACK, NAK, response frame or EOT.
    const exchanges = entries.filter((e) => e.direction === 'in' && (e.kind === 'control' || e.kind === 'frame')).length;
    const retries = entries.filter((e) => e.kind === 'retry' || e.kind === 'timer').length;
    return { elapsedMs, limitMs: lineLimitMs(bytes, exchanges, line), bytes, exchanges, retries };
  } finally {
    await driver.close();
    await sim.close();
  }
}

function byteCount(entry: LinkLogEntry): number {
  return entry.hex === '' ? 0 : entry.hex.split(' ').length;
}

const rows: (string | number)[][] = [];
const json: unknown[] = [];
for (const baudRate of [115200, 9600]) {
  const line: LineModel = { baudRate, turnaroundMs: TURNAROUND_MS };
  for (const scenario of scenarios) {
    const samples: Measurement[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await measure(scenario, line));
    samples.sort((a, b) => a.elapsedMs - b.elapsedMs);
    const m = samples[Math.floor(samples.length / 2)]!;
    const overhead = m.elapsedMs / m.limitMs - 1;
    rows.push([
      `${baudRate} baud`,
      scenario.name,
      m.bytes,
      m.exchanges,
      m.limitMs.toFixed(1),
      m.elapsedMs.toFixed(1),
      (m.elapsedMs / m.limitMs).toFixed(3),
      `${(overhead * 100).toFixed(1)} %`,
      overhead <= GOAL_OVERHEAD ? 'yes' : 'NO',
      m.retries,
    ]);
    json.push({ baudRate, scenario: scenario.name, ...m, ratio: Math.round((m.elapsedMs / m.limitMs) * 1000) / 1000, met: overhead <= GOAL_OVERHEAD });
  }
}

printBench({
  title: 'Staging a 4 KiB parameter set over the line model',
  command: 'npx tsx tests/bench/staging-line.bench.ts',
  headers: ['line', 'scenario', 'bytes on the wire', 'terminal transmissions', 'line limit (ms)', 'measured (median ms)', 'measured / limit', 'host overhead', `≤ ${GOAL_OVERHEAD * 100} %`, 'retries/timeouts'],
  rows,
  notes: [
    `Simulator on an in-memory line with its line model (${TURNAROUND_MS} ms turnaround, 10 bits a byte), processing times 0; the driver is told the baud rate. Median of ${RUNS} runs; Node ${process.version}.`,
    'Line limit = lineLimitMs(bytes, transmissions): every byte both ways as counted from the link log (frames, ACKs), plus one turnaround per transmission the terminal starts.',
    'A valid canonical set cannot reach 4 KiB with maxBody 1024: GET_PARAMS pages hold whole TLVs, so the two host names (the only unbounded text fields) must each fit a page. The valid set therefore runs on a terminal advertising maxBody 4096; the 1024-byte case stages 4 KiB of raw bytes with BEGIN and PUT (VERIFY would refuse them) and ends with ABORT_STAGE.',
    'Host overhead includes the simulator’s own event-loop latency, since both run in this process.',
  ],
});
console.log(`BENCH_JSON ${JSON.stringify({ bench: 'staging-line', goal: `overhead ≤ ${GOAL_OVERHEAD * 100} %`, node: process.version, results: json })}`);
