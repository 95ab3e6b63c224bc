import { describe, expect, it } from 'vitest';
import { createLinkLogBuffer } from './link-log-buffer';
import { formatLinkLogJsonl, formatLinkLogLine } from './link-log-format';

const line = (text: string) => ({ at: Date.UTC(2026, 10, 26, 8, 0, 0, 7), direction: 'out' as const, hex: '05', text });

describe('link log buffer', () => {
  it('numbers lines and returns those after a sequence number', () => {
    const log = createLinkLogBuffer();
    log.append(line('a'));
    log.append(line('b'));
    log.append(line('c'));
    expect(log.since(0).map((l) => [l.seq, l.text])).toEqual([[1, 'b'], [2, 'c']]);
  });

  it('keeps only the newest lines', () => {
    const log = createLinkLogBuffer(10);
    for (let i = 0; i < 100; i++) log.append(line(String(i)));
    const kept = log.since();
    expect(kept).toHaveLength(10);
    expect(kept[9]?.text).toBe('99');
  });

  it('pushes new lines to listeners in batches', async () => {
    const log = createLinkLogBuffer(100, 10);
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

describe('link log format', () => {
  it('writes millisecond UTC timestamps, direction, meaning and hex', () => {
    expect(formatLinkLogLine({ ...line('ENQ'), seq: 0 })).toBe('2026-11-26T08:00:00.007Z -> ENQ  [05]');
  });

  it('writes one JSON object per line', () => {
    const text = formatLinkLogJsonl([{ ...line('a'), seq: 0 }, { ...line('b'), seq: 1 }]);
    expect(text.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['a', 'b']);
  });
});
