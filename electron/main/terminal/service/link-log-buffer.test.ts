import { describe, expect, it } from 'vitest';
import { eventContract, invokeContract } from '../../../../shared/ipc/contract';
import { LINK_LOG_FIELD_MAX_CHARS } from '../../../../shared/terminal/link-log-line';
import { linkLogFromJsonLines } from '../link/link-log-export';
import { createLinkLogBuffer } from './link-log-buffer';
import { formatLinkLogJsonl, formatLinkLogLine } from './link-log-format';

const line = (text: string) => ({
  index: 1,
  epochMs: Date.UTC(2026, 10, 26, 8, 0, 0, 7),
  monoMs: 10,
  port: '/dev/ttyUSB0',
  direction: 'out' as const,
  kind: 'control' as const,
  hex: '05',
  text,
});

describe('link log buffer', () => {
  it('numbers lines and returns those after a sequence number', () => {
    const log = createLinkLogBuffer();
    log.append(line('a'));
    log.append(line('b'));
    log.append(line('c'));
    expect(log.since(0).map((l) => [l.seq, l.text])).toEqual([[1, 'b'], [2, 'c']]);
  });

  it('keeps only the newest lines', () => {
    const log = createLinkLogBuffer({ capacity: 10 });
    for (let i = 0; i < 100; i++) log.append(line(String(i)));
    const kept = log.since();
    expect(kept).toHaveLength(10);
    expect(kept[9]?.text).toBe('99');
  });

  it('pushes new lines to listeners in batches', async () => {
    const log = createLinkLogBuffer({ capacity: 100, flushMs: 10 });
    const batches: number[][] = [];
    log.subscribe((entries) => batches.push(entries.map((e) => e.seq)));
    log.append(line('a'));
    log.append(line('b'));
    await new Promise((r) => setTimeout(r, 40));
    log.append(line('c'));
    await new Promise((r) => setTimeout(r, 40));
    expect(batches).toEqual([[0, 1], [2]]);
  });
});

describe('lines the IPC contract would refuse', () => {
  it.each([5_893, LINK_LOG_FIELD_MAX_CHARS + 1])('passes a %i-character line to listeners through the terminal:log contract, and answers terminal:link-log', async (length) => {
    const errors: unknown[] = [];
    const log = createLinkLogBuffer({ flushMs: 5, onError: (_what, error) => errors.push(error) });
    const emitted: unknown[] = [];
    // The app's listener: main-context emits through the event bus, which parses with the contract
    // (a ZodError thrown here would be an uncaught error in the buffer's timer).
    log.subscribe((entries) => emitted.push(eventContract['terminal:log'].parse(entries)));
    log.append({ ...line('x'.repeat(length)), hex: '41'.repeat(length / 2 + 1) });
    await new Promise((r) => setTimeout(r, 30));
    expect(errors).toEqual([]);
    expect(emitted).toHaveLength(1);
    expect(invokeContract['terminal:link-log'].output.safeParse({ entries: log.since() }).success).toBe(true);
  });

  it('answers at most the lines asked for, the newest', () => {
    const log = createLinkLogBuffer({ capacity: 100 });
    for (let i = 0; i < 100; i++) log.append(line(String(i)));
    expect(log.since(-1, 7).map((l) => l.text)).toEqual(['93', '94', '95', '96', '97', '98', '99']);
    expect(log.since(97, 7).map((l) => l.text)).toEqual(['98', '99']);
    expect(log.since(-1, 1000)).toHaveLength(100);
  });

  it('cuts a line longer than the one limit where it comes in, so every reader still takes it', () => {
    const log = createLinkLogBuffer();
    log.append({ ...line('y'.repeat(LINK_LOG_FIELD_MAX_CHARS + 50_000)), hex: '41 '.repeat(100_000).trim() });
    const [kept] = log.since();
    expect(kept!.text.length).toBe(LINK_LOG_FIELD_MAX_CHARS);
    expect(kept!.hex.length).toBe(LINK_LOG_FIELD_MAX_CHARS);
    expect(invokeContract['terminal:link-log'].output.safeParse({ entries: log.since() }).success).toBe(true);
    expect(linkLogFromJsonLines(formatLinkLogJsonl(log.since()))).toHaveLength(1);
  });

  it('reports a listener that throws instead of throwing from its timer, and keeps the lines', async () => {
    const errors: string[] = [];
    const log = createLinkLogBuffer({ flushMs: 5, onError: (what) => errors.push(what) });
    log.subscribe(() => {
      throw new Error('renderer gone');
    });
    const later: number[] = [];
    log.subscribe((entries) => later.push(entries.length));
    log.append(line('a'));
    await new Promise((r) => setTimeout(r, 30));
    expect(errors).toHaveLength(1);
    expect(later).toEqual([1]);
    expect(log.since()).toHaveLength(1);
  });

  it('drops, and reports, a line that is not a link log line at all', () => {
    const errors: string[] = [];
    const log = createLinkLogBuffer({ onError: (what) => errors.push(what) });
    log.append({ ...line('a'), kind: 'gossip' as never });
    log.append(line('b'));
    expect(errors).toHaveLength(1);
    expect(log.since().map((l) => [l.seq, l.text])).toEqual([[0, 'b']]);
  });
});

describe('link log format', () => {
  it('writes millisecond UTC timestamps, direction, meaning and hex', () => {
    expect(formatLinkLogLine({ ...line('ENQ'), seq: 0 })).toBe('2026-11-26T08:00:00.007Z -> ENQ  [05]');
  });

  it('writes one JSON object per line, the link\'s own line that the link log reader takes', () => {
    const text = formatLinkLogJsonl([{ ...line('a'), seq: 0 }, { ...line('b'), seq: 1 }]);
    expect(text.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['a', 'b']);
    expect(linkLogFromJsonLines(text)).toEqual([line('a'), line('b')]);
  });
});
