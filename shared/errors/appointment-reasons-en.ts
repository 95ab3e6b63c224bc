// Why an appointment cannot be read, booked, moved or cancelled, beyond the booking gate's own
// reasons (booking-reasons-en.ts): the records it names, whose appointment it is, and the case
// moving under the booking. zh-CN in renderer/src/i18n/messages/reasons-zh-cn-appointments.ts.
export const appointmentReasonsEnglish = {
  'appointment-not-found': 'There is no such appointment: it may have been removed; reload the calendar.',
  'appointment-case-not-found': 'There is no such case: reload the case list.',
  'appointment-engineer-not-found': 'There is no such engineer profile: an admin must create it first.',
  'appointment-no-engineer-profile': 'You have no engineer profile yet: an admin must create one before you have appointments.',
  'appointment-not-yours': 'This appointment is another engineer’s: you can open only your own.',
  'appointment-already-cancelled': 'This appointment is cancelled already.',
  'appointment-already-done': 'This visit is done: its checklist recorded the outcome. Book a new appointment instead.',
  'appointment-reason-required': 'Say in a few words why (at least {min} characters).',
  'appointment-case-moved': 'Someone changed the case while you booked: reload it and try again.',
  'appointment-range-too-long': 'A calendar range covers at most {days} days: choose a shorter one.',
  'appointment-range-backwards': 'The calendar range ends before it starts.',
  'appointment-visit-failed': 'The rebind on site ended “{outcome}”: {why}',
} as const;
