import { describe, expect, it } from 'vitest';
import { formatMinute, stateTagType } from './list-format';

describe('list cells', () => {
  it('shows a time as YYYY-MM-DD HH:mm on the local clock, in either language', () => {
    const iso = '2026-12-01T17:27:40.000Z';
    const local = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    const expected = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
    expect(formatMinute(iso, 'zh-CN')).toBe(expected);
    expect(formatMinute(iso, 'en-US')).toBe(expected);
  });

  it('colours the states by who waits', () => {
    expect(stateTagType('draft')).toBe('default');
    expect(stateTagType('under-review')).toBe('warning');
    expect(stateTagType('scheduled')).toBe('info');
    expect(stateTagType('closed')).toBe('success');
    expect(stateTagType('failed')).toBe('error');
  });
});
