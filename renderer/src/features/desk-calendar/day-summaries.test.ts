import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from './calendar-entries';
import { CELL_MAX_APPOINTMENTS, eventsForView } from './day-summaries';

const sun = '019a0000-0000-7000-8000-00000000000a';
const zhou = '019a0000-0000-7000-8000-00000000000b';
let n = 0;
/** An hour's appointment from `utcHour` on 7 December 2026 (UTC) for `engineerId`. */
const at = (engineerId: string, utcHour: number, over: Partial<CalendarEntry> = {}): CalendarEntry => {
  n += 1;
  const hh = (h: number) => String(h).padStart(2, '0');
  return {
    id: `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    caseId: '019a0000-0000-7000-8000-0000000000ff',
    engineerId,
    start: `2026-12-07T${hh(utcHour)}:00:00.000Z`,
    end: `2026-12-07T${hh(utcHour + 1)}:00:00.000Z`,
    zone: 'Asia/Shanghai',
    status: 'confirmed',
    version: 1,
    merchantName: `商户${n}`,
    caseState: 'scheduled',
    ...over,
  };
};

describe('eventsForView', () => {
  it('draws every appointment in the day view, however busy the day', () => {
    const busy = [1, 2, 3, 4].map((h) => at(sun, h));
    const events = eventsForView(busy, 'Asia/Shanghai', true, 'resourceTimeGridDay');
    expect(events.map((e) => e.title)).toEqual(busy.map((e) => e.merchantName));
    expect(events.every((e) => e.editable)).toBe(true);
  });

  it(`keeps a day of up to ${CELL_MAX_APPOINTMENTS} appointments as they are in the week and month rows`, () => {
    const quiet = [at(sun, 1), at(sun, 5)];
    for (const view of ['resourceTimelineWeek', 'resourceTimelineMonth'] as const) {
      expect(eventsForView(quiet, 'Asia/Shanghai', true, view).map((e) => 'entry' in e.extendedProps && e.extendedProps.entry.id)).toEqual(quiet.map((e) => e.id));
    }
  });

  it("draws a busier engineer-day as one summary of its count and span in the zone shown, not draggable; other engineers' days stay", () => {
    const busy = [at(sun, 6), at(sun, 1), at(sun, 3, { status: 'tentative' })];
    const other = at(zhou, 2);
    const events = eventsForView([...busy, other], 'Asia/Shanghai', true, 'resourceTimelineWeek');
    expect(events).toHaveLength(2);
    const summary = events.find((e) => 'summary' in e.extendedProps)!;
    expect(summary).toMatchObject({
      resourceIds: [sun],
      start: '2026-12-07T09:00:00',
      end: '2026-12-07T15:00:00',
      editable: false,
      extendedProps: { summary: { engineerId: sun, date: '2026-12-07', count: 3, from: '09:00', to: '15:00', tentative: 1 } },
    });
    expect(summary.classNames).toContain('appointment-tentative');
    expect(events.find((e) => 'entry' in e.extendedProps)!.extendedProps).toEqual({ entry: other });
  });

  it("groups by the day in the zone shown: the same instants fall on two days in Berlin's evening and one in Shanghai's", () => {
    // 22:00–01:00 UTC: Shanghai 06:00–09:00 on the 8th; Berlin 23:00 on the 7th, then 00:00 and 01:00 on the 8th.
    const late = ['2026-12-07T22:00:00.000Z', '2026-12-07T23:00:00.000Z', '2026-12-08T00:00:00.000Z'].map((start) =>
      at(sun, 0, { start, end: new Date(Date.parse(start) + 3_600_000).toISOString() }),
    );
    expect(eventsForView(late, 'Asia/Shanghai', true, 'resourceTimelineWeek')).toHaveLength(1);
    expect(eventsForView(late, 'Europe/Berlin', true, 'resourceTimelineWeek')).toHaveLength(3);
  });
});
