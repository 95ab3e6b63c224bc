import { describe, expect, it } from 'vitest';
import { canonicalParameterSet, Command, decimalTlv, encodeFrame, encodeRequest, encodeResponse, FrameDecoder, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import { SAMPLE_NEW_PARAMETERS } from '../../../../tests/fixtures/rtp-vectors';
import { createMemoryLogSink, LinkLogger } from './link-log';
import type { LinkLogEntry } from './link-log';
import { linkLogFromJsonLines, linkLogToJsonLines, linkLogToText } from './link-log-export';
import { SecretMasker } from './log-mask';
import { RawTracker, UNFRAMED_PREFIX_BYTES } from './raw-tracker';
import { LINK_LOG_FIELD_MAX_CHARS, linkLogLineSchema } from '../../../../shared/terminal/link-log-line';

describe('LinkLogger', () => {
  it('numbers entries and stamps both clocks', () => {
    const sink = createMemoryLogSink();
    const log = new LinkLogger('/dev/ttyUSB0', sink);
    const before = Date.now();
    log.record('out', 'control', Uint8Array.of(0x05), '→ ENQ');
    log.note('timer', 'T1 expired');
    const [a, b] = sink.entries();
    expect(a).toMatchObject({ index: 1, port: '/dev/ttyUSB0', direction: 'out', kind: 'control', hex: '05', text: '→ ENQ' });
    expect(b).toMatchObject({ index: 2, direction: 'note', kind: 'timer', hex: '', text: '· T1 expired' });
    expect(a!.epochMs).toBeGreaterThanOrEqual(before);
    expect(b!.monoMs).toBeGreaterThanOrEqual(a!.monoMs);
  });

  it('keeps working when the sink throws', () => {
    const log = new LinkLogger('p', { append: () => { throw new Error('view gone'); } });
    expect(() => log.note('state', 'x')).not.toThrow();
  });

  it('keeps only the newest entries in a memory sink', () => {
    const sink = createMemoryLogSink(10);
    const log = new LinkLogger('p', sink);
    for (let i = 0; i < 100; i++) log.note('state', String(i));
    const kept = sink.entries();
    expect(kept).toHaveLength(10);
    expect(kept[0]!.index).toBe(91);
  });
});

describe('secret masking in hex', () => {
  it('masks the E0E1 value in a GET_PARAMS page', () => {
    const frame = encodeFrame(encodeResponse({ seq: 4, cmd: Command.GET_PARAMS, rc: 0, tlvs: [textTlv(Tag.E0E0, '01'), textTlv(Tag.E0E1, 'A1B2C3')] }));
    const hex = new SecretMasker().hex(frame);
    expect(hex).toContain('E0 E1 06 ** ** ** ** ** **');
    expect(hex).not.toContain('41 31 42 32 43 33');
  });

  it('masks a KCV split across two PUT_STAGE chunks', () => {
    const set = canonicalParameterSet(SAMPLE_NEW_PARAMETERS);
    const cut = set.length - 4; // E0 E1 06 33 46 | 39 41 30 43 ... cut inside the value
    const put = (offset: number, chunk: Uint8Array) =>
      encodeFrame(encodeRequest({ seq: 1, cmd: Command.PUT_STAGE, tlvs: [decimalTlv(Tag.F061, offset), { tag: Tag.F062, value: chunk }] }));
    const masker = new SecretMasker();
    const first = masker.hex(put(0, set.subarray(0, cut)));
    const second = masker.hex(put(cut, set.subarray(cut)));
    expect(first.endsWith('E0 E1 06 ** ** 03 ' + first.slice(-2))).toBe(true);
    expect(second).toMatch(/F0 62 04 \*\* \*\* \*\* \*\* 03/);
  });
});

describe('RawTracker', () => {
  it('gives each decoder event exactly its bytes, across chunks', () => {
    const good = encodeFrame(encodeResponse({ seq: 1, cmd: 1, rc: ResultCode.OK, tlvs: [] }));
    const badLrc = good.slice();
    badLrc[badLrc.length - 1] = 0;
    const stream = Uint8Array.from([0xff, 0x41, ...good, 0x06, ...badLrc, 0x02, 0x00, 0x03, 0x01, 0x81, 0x00, 0xee, 0x00, 0x99, 0x02, 0x00]);
    const decoder = new FrameDecoder();
    const tracker = new RawTracker();
    const seen: string[] = [];
    let now = 0;
    for (let i = 0; i < stream.length; i += 3) {
      const chunk = stream.subarray(i, i + 3);
      tracker.push(chunk);
      for (const event of decoder.push(chunk, now)) seen.push(`${event.type}:${Buffer.from(tracker.take(event).bytes).toString('hex')}`);
    }
    now += 500;
    for (const event of decoder.tick(now)) seen.push(`${event.type}:${Buffer.from(tracker.take(event).bytes).toString('hex')}`);
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(seen).toEqual([
      'noise:ff41',
      `frame:${hex(good)}`,
      'control:06',
      `bad-frame:${hex(badLrc)}`,
      'discarding:020003018100ee',
      'bad-frame:00990200',
    ]);
  });
});

describe('a flood from the line', () => {
  it('counts what a discard throws away and keeps a short prefix, in memory and in the entry', () => {
    const decoder = new FrameDecoder();
    const tracker = new RawTracker();
    const sink = createMemoryLogSink();
    const log = new LinkLogger('p', sink);
    const take = (events: ReturnType<FrameDecoder['push']>) => {
      for (const event of events) {
        const raw = tracker.take(event);
        log.record('in', event.type === 'bad-frame' ? 'bad-frame' : 'discarding', raw.bytes, event.type, raw.omitted);
      }
    };
    // STX, LEN 9999 (over maxBody 1024), then 4 MiB of garbage in 4 KiB chunks.
    const header = Uint8Array.of(0x02, 0x27, 0x0f);
    tracker.push(header);
    take(decoder.push(header, 0));
    const chunk = new Uint8Array(4096).map((_, i) => (i * 7) & 0xff);
    for (let i = 0; i < 1024; i++) {
      tracker.push(chunk);
      take(decoder.push(chunk, i * 0.01));
      if (decoder.discarding) tracker.elideDiscard();
    }
    take(decoder.tick(1000));
    const [discarding, bad] = sink.entries();
    expect(discarding).toMatchObject({ hex: '02 27 0F' });
    expect(bad!.hex.split(' ')).toHaveLength(UNFRAMED_PREFIX_BYTES);
    expect(bad!.text).toBe(`bad-frame [${(4 * 2 ** 20).toLocaleString('en-US')} bytes, the first ${UNFRAMED_PREFIX_BYTES} shown]`);
  });

  it('cuts a noise burst to the same prefix', () => {
    const tracker = new RawTracker();
    const burst = new Uint8Array(100_000).fill(0x41);
    tracker.push(burst);
    const raw = tracker.take({ type: 'noise', count: burst.length });
    expect(raw.bytes).toHaveLength(UNFRAMED_PREFIX_BYTES);
    expect(raw.omitted).toBe(burst.length - UNFRAMED_PREFIX_BYTES);
  });

  it('holds every entry to the one schema of a link log line, however long its text', () => {
    const sink = createMemoryLogSink();
    const log = new LinkLogger('p', sink);
    log.note('state', 'x'.repeat(LINK_LOG_FIELD_MAX_CHARS * 3));
    const [entry] = sink.entries();
    expect(entry!.text.length).toBeLessThanOrEqual(LINK_LOG_FIELD_MAX_CHARS);
    expect(entry!.text).toMatch(/more characters cut\)$/);
    expect(linkLogLineSchema.safeParse(entry).success).toBe(true);
  });
});

describe('exports', () => {
  const entries: LinkLogEntry[] = [
    { index: 1, epochMs: Date.UTC(2025, 5, 1, 2, 0, 0, 123), monoMs: 1000, port: 'COM3', direction: 'out', kind: 'control', hex: '05', text: '→ ENQ' },
    { index: 2, epochMs: Date.UTC(2025, 5, 1, 2, 0, 0, 130), monoMs: 1008, port: 'COM3', direction: 'in', kind: 'control', hex: '06', text: '← ACK' },
    { index: 3, epochMs: Date.UTC(2025, 5, 1, 2, 0, 1, 130), monoMs: 2008, port: 'COM3', direction: 'note', kind: 'timer', hex: '', text: '· T1 (1000 ms) expired' },
  ];

  it('round-trips JSON lines', () => {
    const text = linkLogToJsonLines(entries);
    expect(text.split('\n')).toHaveLength(4);
    expect(linkLogFromJsonLines(text)).toEqual(entries);
    expect(() => linkLogFromJsonLines('{"index":1}\n')).toThrow(/line 1/i);
  });

  it('writes one readable line per entry with local time, elapsed seconds, meaning and hex', () => {
    const lines = linkLogToText(entries).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# RebindDesk link log, port COM3, 3 entries, from 2025-06-01T02:00:00.123Z$/);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.123 {2}\+ +0\.000 s {2}→ ENQ {2}\[05\]$/);
    expect(lines[2]).toMatch(/\+ +0\.008 s {2}← ACK {2}\[06\]$/);
    expect(lines[3]).toMatch(/\+ +1\.008 s {2}· T1 \(1000 ms\) expired$/);
    expect(lines[3]).not.toContain('[');
    expect(linkLogToText([])).toBe('');
  });
});
