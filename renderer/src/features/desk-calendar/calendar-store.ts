import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { InvokeInput, InvokeOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';
import { answerOf, answerOfError, type BookingAnswer } from './booking-refusal';
import type { CalendarEntry } from './calendar-entries';
import { calendarQueries } from './calendar-range';

type Opening = InvokeOutput<'desk:calendar-open'>;
type Reference = Pick<Opening, 'engineers' | 'banks'>;

const rangeKey = (range: { from: string; to: string }, engineerIds: readonly string[]) => `${range.from} ${range.to} ${engineerIds.join(',')}`;

/** The calendar: its engineers and banks, the appointments of the range shown, and booking. */
export const useCalendarStore = defineStore('desk-calendar', () => {
  // Both replaced whole, never changed in place: no deep proxies over what the calendar copies anyway.
  const reference = shallowRef<Reference | null>(null);
  const entries = shallowRef<CalendarEntry[]>([]);
  /** How many times a range's appointments have arrived (the calendar measures its rows after each). */
  const loads = ref(0);
  const { busy, track } = useBusyAction();
  // A slower answer for an earlier range must not replace a newer one.
  let asked = 0;

  // The range and engineers the opening read, until the calendar first asks for them (it is created with them).
  let opened: string | null = null;

  /**
   * The page opening on the week `range`: what the last visit showed is forgotten (nothing stale is
   * drawn, and the calendar is created once, with this week's appointments), then the engineers,
   * banks and every engineer's appointments in the range arrive in one call.
   */
  const open = (range: { from: string; to: string }) =>
    track(async () => {
      const ticket = ++asked;
      reference.value = null;
      entries.value = [];
      opened = null;
      const answer = await invoke('desk:calendar-open', { from: range.from, to: range.to });
      if (ticket !== asked) return;
      opened = rangeKey(range, answer.engineers.map((e) => e.id));
      entries.value = answer.appointments;
      reference.value = { engineers: answer.engineers, banks: answer.banks };
      loads.value += 1;
    });

  /** The appointments of the engineers in the range, in calls of at most CALENDAR_MAX_ENGINEERS (none when the opening just read them). */
  const loadRange = (range: { from: string; to: string }, engineerIds: readonly string[]) =>
    track(async () => {
      const key = rangeKey(range, engineerIds);
      if (key === opened) {
        opened = null;
        return;
      }
      opened = null;
      const ticket = ++asked;
      const answers = await Promise.all(calendarQueries(range, engineerIds).map((query) => invoke('desk:calendar', query)));
      if (ticket !== asked) return;
      entries.value = answers.flatMap((answer) => answer.appointments);
      loads.value += 1;
    });

  const settle = async (call: () => Promise<InvokeOutput<'desk:book'>>): Promise<BookingAnswer> => {
    try {
      return answerOf(await track(call));
    } catch (error) {
      return answerOfError(error);
    }
  };

  const caseDetail = (caseId: string) => track(() => invoke('desk:case-get', { caseId }));
  const findSlots = (input: InvokeInput<'desk:find-slots'>) => track(() => invoke('desk:find-slots', input));
  const book = (input: InvokeInput<'desk:book'>) => settle(() => invoke('desk:book', input));
  const reschedule = (input: InvokeInput<'desk:reschedule'>) => settle(() => invoke('desk:reschedule', input));
  const cancel = (input: InvokeInput<'desk:cancel-appointment'>) =>
    track(async () => {
      const result = await invoke('desk:cancel-appointment', input);
      // desk:calendar leaves cancelled appointments out; the one just cancelled stays in sight, greyed, until the next load.
      entries.value = entries.value.map((e) => (e.id === result.appointment.id ? { ...e, status: 'cancelled', version: result.appointment.version, caseState: result.caseState } : e));
      return result;
    });

  return { reference, entries, loads, busy, open, loadRange, caseDetail, findSlots, book, reschedule, cancel };
});
