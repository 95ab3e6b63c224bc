import { defineStore } from 'pinia';
import { ref } from 'vue';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';
import { useOnsiteStore } from '../onsite/onsite-store';
import { onsiteFill, shiftDay, type TodayEntry, type TodayView } from './today-view';

/** The signed-in engineer's appointments of one day, in their zone, and opening one for On-site. */
export const useTodayStore = defineStore('desk-today', () => {
  const day = ref<TodayView | null>(null);
  /** Why the day could not be read (no engineer profile, a refusal); said by the page. */
  const failure = ref<unknown>(null);
  const { busy, track } = useBusyAction();

  /** Reads `date` (the engineer's today when absent); a failure is kept for the page to say. */
  const show = (date?: string) =>
    track(async () => {
      try {
        day.value = await invoke('desk:today', date === undefined ? {} : { date });
        failure.value = null;
      } catch (error) {
        failure.value = error;
      }
    });

  /** The day shown again (coming back to the page, after a run moved a case). */
  const refresh = () => show(day.value?.date);
  const previous = () => show(day.value ? shiftDay(day.value.date, -1) : undefined);
  const next = () => show(day.value ? shiftDay(day.value.date, 1) : undefined);
  const today = () => show();

  /** Fills the On-site view from the appointment's work order (main checks it is the engineer's own). */
  const open = (entry: TodayEntry) =>
    track(async () => {
      const order = await invoke('desk:appointment-work-order', { appointmentId: entry.appointment.id });
      useOnsiteStore().attachVisit(onsiteFill(order, entry, day.value?.zone ?? entry.appointment.zone));
    });

  return { day, failure, busy, show, refresh, previous, next, today, open };
});
