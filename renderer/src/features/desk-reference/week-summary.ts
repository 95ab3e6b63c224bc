import type { WeekWindows } from '../../../../shared/desk/model';
import type { Language } from '../../../../shared/settings/settings';

const weekdayNames: Record<Language, readonly string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  'en-US': ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/**
 * A week of windows in one line per run of days with the same hours ("周一–周五 09:00–12:00,
 * 13:30–18:00"), leaving out closed days; empty when closed all week.
 */
export function summariseWeek(windows: WeekWindows, language: Language): string[] {
  const names = weekdayNames[language];
  const hoursOf = (day: number) => (windows[String(day) as keyof WeekWindows] ?? []).map((w) => `${w.start}–${w.end}`).join(', ');
  const lines: string[] = [];
  let day = 1;
  while (day <= 7) {
    const hours = hoursOf(day);
    let last = day;
    while (last < 7 && hoursOf(last + 1) === hours) last += 1;
    if (hours) lines.push(`${last === day ? names[day - 1] : `${names[day - 1]}–${names[last - 1]}`} ${hours}`);
    day = last + 1;
  }
  return lines;
}
