import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ReportPeriod, ServiceReport } from '../../../../shared/reports';
import { plusDays, localDateOf } from '../../../../shared/desk/time/zoned';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';

/** The desk's zone: the machine's own, as the cases list reads days. */
export const deskZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The last 90 days up to today, on the desk's clocks. */
export function defaultPeriod(now: number = Date.now(), zone: string = deskZone()): ReportPeriod {
  const today = localDateOf(now, zone);
  return { from: plusDays(today, -89), to: today, zone };
}

/** The Reports page: one call to main per period, its figures kept as they came. */
export const useReportsStore = defineStore('reports', () => {
  const period = ref<ReportPeriod>(defaultPeriod());
  const report = ref<ServiceReport | null>(null);
  const { busy, track } = useBusyAction();

  const show = (next: ReportPeriod = period.value) =>
    track(async () => {
      report.value = await invoke('reports:service', next);
      period.value = next;
    });

  return { period, report, busy, show };
});
