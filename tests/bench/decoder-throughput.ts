// Decoder throughput: how many MB/s FrameDecoder turns into events, on valid frames and on noise.
// Run: npx tsx tests/bench/decoder-throughput.ts. Prints a markdown table (between the markers
// scripts/bench-all.mjs collects) and one BENCH_JSON line with the same figures.
import { performance } from 'node:perf_hooks';
import { encodeFrame } from '../../shared/rtp/frame-encoder';
import { FrameDecoder } from '../../shared/rtp/frame-decoder';
import { printBench } from './report';

/** The goal for every scenario. */
const GOAL_MB_PER_S = 50;
/** Measure each scenario for at least this long. */
const MIN_MEASURE_MS = 1000;
const STREAM_BYTES = 8_000_000;

interface Scenario {
  readonly name: string;
  readonly stream: Uint8Array;
  readonly chunkSize: number;
  /** Clock advance per chunk: under 100 ms keeps frames whole; more lets discards end. */
  readonly msPerChunk: number;
  /** Frames the stream must yield per pass, checked so the figure measures real decoding. */
  readonly expectedFrames?: number;
}

/** Deterministic PRNG (xorshift32) so every run measures the same bytes. */
function randomBytes(length: number, seed: number, exclude?: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    let b = x & 0xff;
    if (b === exclude) b ^= 0x40;
    out[i] = b;
  }
  return out;
}

function validFrames(): { stream: Uint8Array; frames: number } {
  const parts: Uint8Array[] = [];
  const sizes = randomBytes(20_000, 7);
  const payload = randomBytes(1024, 11);
  let total = 0;
  let i = 0;
  while (total < STREAM_BYTES) {
    // Mixed sizes: mostly small requests/responses, some full 1024-byte pages.
    const r = sizes[i % sizes.length]!;
    const size = r < 64 ? 1024 : r < 160 ? 2 + (r * 3) % 200 : ((r * 37) % 1024) + 1;
    const frame = encodeFrame(payload.subarray(0, size));
    parts.push(frame);
    total += frame.length;
    i++;
  }
  const stream = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    stream.set(part, offset);
    offset += part.length;
  }
  return { stream, frames: parts.length };
}

function runOnce(scenario: Scenario): { frames: number; events: number } {
  const decoder = new FrameDecoder();
  const { stream, chunkSize, msPerChunk } = scenario;
  let now = 0;
  let frames = 0;
  let events = 0;
  for (let offset = 0; offset < stream.length; offset += chunkSize) {
    now += msPerChunk;
    for (const event of decoder.push(stream.subarray(offset, offset + chunkSize), now)) {
      events++;
      if (event.type === 'frame') frames++;
    }
  }
  events += decoder.tick(now + 1000).length;
  return { frames, events };
}

function measure(scenario: Scenario): { mbPerS: number; passes: number } {
  runOnce(scenario); // warm-up: let the JIT settle
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MEASURE_MS) {
    const { frames } = runOnce(scenario);
    if (scenario.expectedFrames !== undefined && frames !== scenario.expectedFrames) {
      throw new Error(`${scenario.name}: decoded ${frames} frames, expected ${scenario.expectedFrames}`);
    }
    passes++;
    elapsed = performance.now() - start;
  }
  const bytes = scenario.stream.length * passes;
  return { mbPerS: bytes / 1e6 / (elapsed / 1000), passes };
}

const valid = validFrames();
const noise = randomBytes(STREAM_BYTES, 12345);
const noiseWithoutStx = randomBytes(STREAM_BYTES, 54321, 0x02);
const scenarios: Scenario[] = [
  { name: 'valid frames, 4 KiB chunks', stream: valid.stream, chunkSize: 4096, msPerChunk: 1, expectedFrames: valid.frames },
  { name: 'valid frames, 64-byte chunks', stream: valid.stream, chunkSize: 64, msPerChunk: 0.01, expectedFrames: valid.frames },
  { name: 'random noise, 4 KiB chunks, 150 ms apart', stream: noise, chunkSize: 4096, msPerChunk: 150 },
  { name: 'random noise, 64-byte chunks, 150 ms apart', stream: noise, chunkSize: 64, msPerChunk: 150 },
  { name: 'noise without STX (control bytes reported), 4 KiB chunks', stream: noiseWithoutStx, chunkSize: 4096, msPerChunk: 1 },
];

const results = scenarios.map((scenario) => ({ scenario, ...measure(scenario) }));

printBench({
  title: 'RTP/1 frame decoder throughput',
  command: 'npx tsx tests/bench/decoder-throughput.ts',
  headers: ['scenario', 'MB/s', 'goal', 'met'],
  rows: results.map(({ scenario, mbPerS }) => [scenario.name, mbPerS.toFixed(1), `≥ ${GOAL_MB_PER_S}`, mbPerS >= GOAL_MB_PER_S ? 'yes' : 'NO']),
  notes: [
    `Each scenario decodes a ${(STREAM_BYTES / 1e6).toFixed(0)} MB stream repeatedly for at least ${MIN_MEASURE_MS} ms after a warm-up pass; MB = 10^6 bytes.`,
    'Valid frames mix bodies of 1 to 1024 bytes; every pass must yield every frame.',
    'Random noise contains STX bytes, so much of it is consumed by discard-until-quiet (each chunk arrives after the line was quiet, so it starts afresh); the STX-free noise run exercises the per-byte hunt for STX and the control-byte events.',
  ],
});
console.log(
  `BENCH_JSON ${JSON.stringify({
    bench: 'decoder-throughput',
    unit: 'MB/s',
    goal: GOAL_MB_PER_S,
    node: process.version,
    results: results.map(({ scenario, mbPerS, passes }) => ({ name: scenario.name, mbPerS: Math.round(mbPerS * 10) / 10, bytes: scenario.stream.length, passes, met: mbPerS >= GOAL_MB_PER_S })),
  })}`,
);
