import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { InvokeInput, InvokeOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';
import { answerOf, answerOfError, type BookingAnswer } from './booking-refusal';
import type { CalendarEntry } from './calendar-entries';
import { calendarQueries } from './calendar-range';

type Reference = InvokeOutput<'desk:reference'>;

/** The calendar: engineers and banks from reference data, the appointments of the range shown, and booking. */
export const useCalendarStore = defineStore('desk-calendar', () => {
  const reference = ref<Reference | null>(null);
  // Replaced whole, never changed in place: no deep proxies over a thousand rows the calendar copies anyway.
  const entries = shallowRef<CalendarEntry[]>([]);
  /** How many times a range's appointments have arrived (the calendar measures its rows after each). */
  const loads = ref(0);
  const { busy, track } = useBusyAction();
  // A slower answer for an earlier range must not replace a newer one.
  let asked = 0;

  const loadReference = () =>
    track(async () => {
      reference.value = await invoke('desk:reference', {});
    });

  /** The appointments of the engineers in the range, in calls of at most CALENDAR_MAX_ENGINEERS. */
  const loadRange = (range: { from: string; to: string }, engineerIds: readonly string[]) =>
    track(async () => {
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

  /** Forgets the last range's appointments (a page opened afresh shows nothing stale, and draws them once). */
  const forgetRange = () => {
    asked += 1;
    entries.value = [];
  };

  return { reference, entries, loads, busy, loadReference, loadRange, forgetRange, caseDetail, findSlots, book, reschedule, cancel };
});
