import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameDecoder } from './frame-decoder';
import type { DecoderEvent } from './frame-decoder';
import { encodeFrame } from './frame-encoder';

const HELLO = Uint8Array.of(0x02, 0x00, 0x02, 0x01, 0x01, 0x03, 0x01);

/** Events as plain data, bodies as number arrays, so toEqual shows readable diffs. */
function plain(events: DecoderEvent[]): unknown[] {
  return events.map((e) => (e.type === 'frame' ? { type: 'frame', body: [...e.body] } : { ...e }));
}

function bytes(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

describe('FrameDecoder: good frames', () => {
  it('decodes the HELLO frame in one chunk', () => {
    expect(plain(new FrameDecoder().push(HELLO, 0))).toEqual([{ type: 'frame', body: [0x01, 0x01] }]);
  });

  it('decodes the same frame fed one byte at a time', () => {
    const decoder = new FrameDecoder();
    const events: DecoderEvent[] = [];
    HELLO.forEach((b, i) => events.push(...decoder.push(bytes(b), i * 10)));
    expect(plain(events)).toEqual([{ type: 'frame', body: [0x01, 0x01] }]);
  });

  it('decodes several frames in one chunk', () => {
    const decoder = new FrameDecoder();
    const second = bytes(0x02, 0x00, 0x01, 0x33, 0x03, 0x31);
    const events = decoder.push(bytes(...HELLO, ...second, ...HELLO), 0);
    expect(plain(events)).toEqual([
      { type: 'frame', body: [0x01, 0x01] },
      { type: 'frame', body: [0x33] },
      { type: 'frame', body: [0x01, 0x01] },
    ]);
  });

  it('decodes an empty body', () => {
    expect(plain(new FrameDecoder().push(bytes(0x02, 0x00, 0x00, 0x03, 0x03), 0))).toEqual([{ type: 'frame', body: [] }]);
  });

  it('treats control bytes and STX inside a body as data', () => {
    // Body 06 15 02 04: LRC = 00^04^06^15^02^04^03 = 12
    const frame = bytes(0x02, 0x00, 0x04, 0x06, 0x15, 0x02, 0x04, 0x03, 0x12);
    expect(plain(new FrameDecoder().push(frame, 0))).toEqual([{ type: 'frame', body: [0x06, 0x15, 0x02, 0x04] }]);
  });

  it('hands out a copy that later input does not overwrite', () => {
    const decoder = new FrameDecoder();
    const [first] = decoder.push(HELLO, 0);
    decoder.push(bytes(0x02, 0x00, 0x02, 0x07, 0x08, 0x03, 0x0e), 1);
    expect(first?.type === 'frame' && [...first.body]).toEqual([0x01, 0x01]);
  });

  it('accepts a body of exactly maxBody and refuses one byte more', () => {
    const decoder = new FrameDecoder({ maxBody: 16 });
    expect(decoder.push(encodeFrame(new Uint8Array(16), { maxBody: 16 }), 0).map((e) => e.type)).toEqual(['frame']);
    expect(decoder.push(encodeFrame(new Uint8Array(17), { maxBody: 17 }), 1).map((e) => e.type)).toEqual(['discarding']);
  });

  it('accepts larger bodies after setMaxBody (HELLO F002) and refuses bad values', () => {
    const decoder = new FrameDecoder();
    const big = encodeFrame(new Uint8Array(2000).fill(7), { maxBody: 4096 });
    expect(decoder.push(big, 0).map((e) => e.type)).toEqual(['discarding']);
    decoder.tick(1000);
    decoder.setMaxBody(4096);
    expect(decoder.maxBody).toBe(4096);
    const events = decoder.push(big, 2000);
    expect(events.length).toBe(1);
    expect(events[0]?.type === 'frame' && events[0].body.length).toBe(2000);
    expect(() => decoder.setMaxBody(0)).toThrow(/maxBody/);
    expect(() => decoder.setMaxBody(70000)).toThrow(/maxBody/);
  });

  it('keeps a partial frame when maxBody grows in the middle of it', () => {
    const decoder = new FrameDecoder({ maxBody: 8 });
    const frame = encodeFrame(bytes(1, 2, 3, 4, 5, 6), { maxBody: 8 });
    decoder.push(frame.subarray(0, 5), 0);
    decoder.setMaxBody(64);
    expect(plain(decoder.push(frame.subarray(5), 1))).toEqual([{ type: 'frame', body: [1, 2, 3, 4, 5, 6] }]);
  });
});

describe('FrameDecoder: control bytes and noise', () => {
  it('reports each control byte outside frames', () => {
    expect(plain(new FrameDecoder().push(bytes(0x06, 0x15, 0x04, 0x05), 0))).toEqual([
      { type: 'control', byte: 0x06 },
      { type: 'control', byte: 0x15 },
      { type: 'control', byte: 0x04 },
      { type: 'control', byte: 0x05 },
    ]);
  });

  it('skips noise before STX and reports how much', () => {
    expect(plain(new FrameDecoder().push(bytes(0xff, 0x00, 0x41, ...HELLO), 0))).toEqual([
      { type: 'noise', count: 3 },
      { type: 'frame', body: [0x01, 0x01] },
    ]);
  });

  it('keeps noise and control bytes in order', () => {
    expect(plain(new FrameDecoder().push(bytes(0x30, 0x06, 0x31, 0x32, 0x03), 0))).toEqual([
      { type: 'noise', count: 1 },
      { type: 'control', byte: 0x06 },
      { type: 'noise', count: 3 },
    ]);
  });

  it('does not report noise for an empty push', () => {
    expect(new FrameDecoder().push(new Uint8Array(0), 0)).toEqual([]);
  });
});

describe('FrameDecoder: errors (PROTOCOL.md §1)', () => {
  it('answers a bad LRC with an immediate NAK event and resynchronises', () => {
    const decoder = new FrameDecoder();
    expect(plain(decoder.push(bytes(0x02, 0x00, 0x02, 0x01, 0x01, 0x03, 0x00), 0))).toEqual([{ type: 'bad-frame', reason: 'lrc', discarded: 0 }]);
    expect(plain(decoder.push(HELLO, 1))).toEqual([{ type: 'frame', body: [0x01, 0x01] }]);
  });

  it('discards after LEN over maxBody and NAKs only once the line has been quiet for 100 ms', () => {
    const decoder = new FrameDecoder();
    expect(plain(decoder.push(bytes(0x02, 0x04, 0x01, 0xaa, 0xbb), 0))).toEqual([{ type: 'discarding', reason: 'len-over-max' }]);
    expect(decoder.deadlineMs()).toBe(100);
    // More bytes keep the line busy, HELLO included: it is discarded too.
    expect(decoder.push(HELLO, 60)).toEqual([]);
    expect(decoder.tick(159)).toEqual([]);
    expect(plain(decoder.tick(160))).toEqual([{ type: 'bad-frame', reason: 'len-over-max', discarded: 2 + HELLO.length }]);
    expect(decoder.tick(500)).toEqual([]);
    expect(plain(decoder.push(HELLO, 600))).toEqual([{ type: 'frame', body: [0x01, 0x01] }]);
  });

  it('discards after a wrong byte where ETX belongs, swallowing control bytes until quiet', () => {
    const decoder = new FrameDecoder();
    expect(plain(decoder.push(bytes(0x02, 0x00, 0x02, 0x01, 0x01, 0x99, 0x06), 0))).toEqual([{ type: 'discarding', reason: 'no-etx' }]);
    expect(decoder.push(bytes(0x05), 99)).toEqual([]);
    // The NAK is released by the push that arrives after the quiet period, before its own bytes.
    expect(plain(decoder.push(HELLO, 199))).toEqual([
      { type: 'bad-frame', reason: 'no-etx', discarded: 2 },
      { type: 'frame', body: [0x01, 0x01] },
    ]);
  });

  it('refuses a non-decimal BCD length like an oversized one', () => {
    const decoder = new FrameDecoder({ lengthEncoding: 'bcd' });
    expect(plain(decoder.push(bytes(0x02, 0x00, 0x1a), 0))).toEqual([{ type: 'discarding', reason: 'len-invalid' }]);
    expect(plain(decoder.tick(100))).toEqual([{ type: 'bad-frame', reason: 'len-invalid', discarded: 0 }]);
  });

  it('drops a frame that stalls for more than 100 ms, without a NAK', () => {
    const decoder = new FrameDecoder();
    decoder.push(HELLO.subarray(0, 4), 0);
    expect(decoder.busy).toBe(true);
    expect(decoder.deadlineMs()).toBe(100);
    expect(decoder.tick(100)).toEqual([]);
    expect(plain(decoder.tick(100.5))).toEqual([{ type: 'stalled', received: 4 }]);
    expect(decoder.busy).toBe(false);
    expect(decoder.deadlineMs()).toBeUndefined();
  });

  it('completes a frame whose bytes are exactly 100 ms apart', () => {
    const decoder = new FrameDecoder();
    decoder.push(HELLO.subarray(0, 3), 0);
    expect(plain(decoder.push(HELLO.subarray(3), 100))).toEqual([{ type: 'frame', body: [0x01, 0x01] }]);
  });

  it('treats the bytes after a stall as new input', () => {
    const decoder = new FrameDecoder();
    decoder.push(HELLO.subarray(0, 5), 0);
    // The tail 03 01 arrives too late: the frame is dropped, then 03 and 01 are noise.
    expect(plain(decoder.push(bytes(0x03, 0x01, ...HELLO), 250))).toEqual([
      { type: 'stalled', received: 5 },
      { type: 'noise', count: 2 },
      { type: 'frame', body: [0x01, 0x01] },
    ]);
  });

  it('takes custom timers', () => {
    const decoder = new FrameDecoder({ interByteTimeoutMs: 20, quietMs: 50 });
    decoder.push(HELLO.subarray(0, 2), 0);
    expect(decoder.tick(21).map((e) => e.type)).toEqual(['stalled']);
    decoder.push(bytes(0x02, 0xff, 0xff), 100);
    expect(decoder.tick(149)).toEqual([]);
    expect(decoder.tick(150).map((e) => e.type)).toEqual(['bad-frame']);
  });

  it('forgets everything on reset()', () => {
    const decoder = new FrameDecoder();
    decoder.push(bytes(0x41, 0x02, 0xff, 0xff), 0);
    decoder.reset();
    expect(decoder.busy).toBe(false);
    expect(decoder.tick(1000)).toEqual([]);
    expect(plain(decoder.push(HELLO, 1001))).toEqual([{ type: 'frame', body: [0x01, 0x01] }]);
  });

  it('survives a time that is not a number', () => {
    const decoder = new FrameDecoder();
    decoder.push(HELLO.subarray(0, 3), 0);
    expect(decoder.push(HELLO.subarray(3, 5), Number.NaN)).toEqual([]);
    expect(decoder.tick(Number.POSITIVE_INFINITY)).toEqual([]);
    expect(decoder.tick(101).map((e) => e.type)).toEqual(['stalled']);
  });
});

describe('FrameDecoder: properties', () => {
  type Unit = { kind: 'frame'; body: Uint8Array } | { kind: 'control'; byte: number };
  const unitArb: fc.Arbitrary<Unit> = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((body): Unit => ({ kind: 'frame', body })),
    fc.constantFrom(0x04, 0x05, 0x06, 0x15).map((byte): Unit => ({ kind: 'control', byte })),
  );

  it('decodes frames and control bytes the same under any chunking and timing within 100 ms', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { maxLength: 12 }), fc.array(fc.nat(4000), { maxLength: 20 }), fc.array(fc.integer({ min: 0, max: 100 })), (units, cuts, gaps) => {
        const stream = Uint8Array.from(units.flatMap((u) => (u.kind === 'frame' ? [...encodeFrame(u.body)] : [u.byte])));
        const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const decoder = new FrameDecoder();
        const events: DecoderEvent[] = [];
        let start = 0;
        let now = 0;
        for (const [k, point] of [...points, stream.length].entries()) {
          now += gaps[k % Math.max(gaps.length, 1)] ?? 0;
          events.push(...decoder.push(stream.subarray(start, point), now));
          start = point;
        }
        events.push(...decoder.tick(now + 50));
        const seen = events.map((e) => (e.type === 'frame' ? { kind: 'frame', body: [...e.body] } : e.type === 'control' ? { kind: 'control', byte: e.byte } : e));
        expect(seen).toEqual(units.map((u) => (u.kind === 'frame' ? { kind: 'frame', body: [...u.body] } : u)));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes and times, and resynchronises after 100 ms of quiet', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 300 })), { maxLength: 20 }), fc.integer({ min: 2, max: 4096 }), (chunks, maxBody) => {
        const decoder = new FrameDecoder({ maxBody });
        let now = 0;
        for (const [chunk, gap] of chunks) {
          now += gap;
          for (const event of decoder.push(chunk, now)) {
            expect(['frame', 'bad-frame', 'discarding', 'stalled', 'control', 'noise']).toContain(event.type);
            if (event.type === 'frame') expect(event.body.length).toBeLessThanOrEqual(maxBody);
          }
        }
        decoder.tick(now + 101);
        const events = decoder.push(HELLO, now + 102);
        expect(plain(events)).toEqual([{ type: 'frame', body: [0x01, 0x01] }]);
      }),
      { numRuns: 500 },
    );
  });

  it('answers every damaged frame exactly once: NAK for LRC/LEN/ETX damage, nothing for a stall', () => {
    const damageArb = fc.constantFrom('body', 'lrc', 'etx', 'len', 'cut');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), damageArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (body, damage, at, flip) => {
        const frame = encodeFrame(body);
        const last = frame.length - 1;
        let input = frame.slice();
        const flipAt = (index: number) => input.set([input[index]! ^ flip], index);
        let expected: unknown;
        if (damage === 'body') {
          // Changing one body byte always changes the XOR.
          flipAt(3 + (at % body.length));
          expected = { type: 'bad-frame', reason: 'lrc', discarded: 0 };
        } else if (damage === 'lrc') {
          flipAt(last);
          expected = { type: 'bad-frame', reason: 'lrc', discarded: 0 };
        } else if (damage === 'etx') {
          flipAt(last - 1);
          expected = { type: 'bad-frame', reason: 'no-etx', discarded: 1 };
        } else if (damage === 'len') {
          // LEN 0x04FF or more: always over 1024.
          input.set([0x04 + (flip % 0xfc), 0xff], 1);
          expected = { type: 'bad-frame', reason: 'len-over-max', discarded: frame.length - 3 };
        } else {
          input = frame.slice(0, 1 + (at % last));
          expected = { type: 'stalled', received: input.length };
        }
        const decoder = new FrameDecoder();
        const events = [...decoder.push(input, 0), ...decoder.tick(200)].filter((e) => e.type !== 'discarding');
        expect(events).toEqual([expected]);
      }),
      { numRuns: 1000 },
    );
  });
});
