import { describe, expect, it } from 'vitest';
import { summariseWeek } from './week-summary';

const window = (start: string, end: string) => ({ start, end });

describe('summariseWeek', () => {
  it('joins runs of days with the same hours and leaves closed days out, in each language', () => {
    const weekdays = [window('09:00', '12:00'), window('13:30', '18:00')];
    const week = { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays, 6: [window('10:00', '16:00')], 7: [] };
    expect(summariseWeek(week, 'zh-CN')).toEqual(['周一–周五 09:00–12:00, 13:30–18:00', '周六 10:00–16:00']);
    expect(summariseWeek(week, 'en-US')).toEqual(['Mon–Fri 09:00–12:00, 13:30–18:00', 'Sat 10:00–16:00']);
  });

  it('says nothing for a week closed throughout and splits days whose hours differ', () => {
    expect(summariseWeek({ 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }, 'en-US')).toEqual([]);
    const a = [window('09:00', '17:00')];
    expect(summariseWeek({ 1: a, 2: [], 3: a, 4: a, 5: [], 6: [], 7: a }, 'en-US')).toEqual(['Mon 09:00–17:00', 'Wed–Thu 09:00–17:00', 'Sun 09:00–17:00']);
  });
});
