import { describe, expect, it } from 'vitest';
import { formatCount, formatMinute, stateTagType } from './list-format';

describe('list cells', () => {
  it('shows a time as YYYY-MM-DD HH:mm on the local clock, in either language', () => {
    const iso = '2026-12-01T17:27:40.000Z';
    const local = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    const expected = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
    expect(formatMinute(iso)).toBe(expected);
    // The same digits as Intl's own reading of the local clock, in both languages.
    for (const language of ['zh-CN', 'en-US']) {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(local).map((p) => [p.type, p.value]),
      );
      expect(formatMinute(iso)).toBe(`${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`);
    }
    expect(formatMinute('2026-01-05T03:04:00.000Z')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('groups a count by thousands in the language', () => {
    expect(formatCount(10000, 'zh-CN')).toBe('10,000');
    expect(formatCount(1000, 'en-US')).toBe('1,000');
    expect(formatCount(12, 'en-US')).toBe('12');
  });

  it('colours the states by who waits', () => {
    expect(stateTagType('draft')).toBe('default');
    expect(stateTagType('under-review')).toBe('warning');
    expect(stateTagType('scheduled')).toBe('info');
    expect(stateTagType('closed')).toBe('success');
    expect(stateTagType('failed')).toBe('error');
  });
});
