/**
 * The calendar's views, per engineer: a day with a column each (time downwards), a week and a month
 * with a row each (time across; 50 engineers' week would be 350 columns side by side).
 */
export const calendarViews = [
  { name: 'resourceTimeGridDay', label: 'day' },
  { name: 'resourceTimelineWeek', label: 'week' },
  { name: 'resourceTimelineMonth', label: 'month' },
] as const;

export type CalendarViewName = (typeof calendarViews)[number]['name'];
