import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ManualAnswerValue, RunOutcome, RunView, StepState } from '../../../../shared/checklist';
import type { FinishResult } from '../../../../shared/ipc/contract-checklist';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';
import type { CheckedUpload } from '../attachments/checked-upload';

/**
 * The checklist run of the appointment open on the On-site page. Every answer is its own call and
 * is stored when the call returns (main's transaction); the step's state (current answer and
 * history) is replaced by what main answered, never guessed. Answers to one step are sent in the
 * order given, so a quick second answer cannot overtake the first.
 */
export const useChecklistRunStore = defineStore('checklist-run', () => {
  const view = ref<RunView | null>(null);
  const appointmentId = ref<string | null>(null);
  /** Steps with an answer on its way to main. */
  const saving = ref<Record<string, boolean>>({});
  /** Why a step's last answer was refused (said with describeError where shown). */
  const refused = ref<Record<string, unknown>>({});
  /** Pictures of image evidence by attachment id (data URLs), read once. */
  const thumbnails = ref<Record<string, string>>({});
  const { busy, track } = useBusyAction();
  const queues = new Map<string, Promise<unknown>>();

  const current = () => {
    if (!view.value) throw new Error('no checklist run loaded');
    return view.value;
  };

  function replaceStep(step: StepState, missing: RunView['missing']) {
    const run = current();
    view.value = { ...run, steps: run.steps.map((s) => (s.stepId === step.stepId ? step : s)), missing };
  }

  /** The appointment's newest run (null: none started), and the pictures of its image evidence. */
  const load = (forAppointment: string) =>
    track(async () => {
      if (appointmentId.value !== forAppointment) {
        view.value = null;
        thumbnails.value = {};
        refused.value = {};
      }
      appointmentId.value = forAppointment;
      view.value = await invoke('checklist:run-get', { appointmentId: forAppointment });
      void readThumbnails();
    });

  const start = () =>
    track(async () => {
      if (!appointmentId.value) throw new Error('no appointment');
      view.value = await invoke('checklist:run-start', { appointmentId: appointmentId.value });
    });

  /** Sends `work` for `stepId` after the step's earlier answers, marking the step as saving. */
  function queued<T>(stepId: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(stepId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        saving.value = { ...saving.value, [stepId]: true };
        try {
          const result = await work();
          const { [stepId]: _cleared, ...rest } = refused.value;
          refused.value = rest;
          return result;
        } catch (error) {
          refused.value = { ...refused.value, [stepId]: error };
          throw error;
        } finally {
          const { [stepId]: _done, ...rest } = saving.value;
          saving.value = rest;
        }
      });
    queues.set(stepId, next);
    return next;
  }

  const answer = (stepId: string, value: ManualAnswerValue) =>
    queued(stepId, async () => {
      const result = await invoke('checklist:answer', { runId: current().run.id, stepId, value });
      replaceStep(result.step, result.missing);
    });

  /** One checked file for an evidence step: stored, and the step's answer names it with the earlier ones. */
  const addEvidence = (stepId: string, upload: CheckedUpload) =>
    queued(stepId, async () => {
      const { attachment, result } = await invoke('checklist:evidence-add', { runId: current().run.id, stepId, fileName: upload.fileName, dataBase64: upload.dataBase64 });
      const run = current();
      view.value = { ...run, evidence: [...run.evidence.filter((e) => e.id !== attachment.id), attachment] };
      if (upload.mediaType.startsWith('image/')) thumbnails.value = { ...thumbnails.value, [attachment.id]: `data:${upload.mediaType};base64,${upload.dataBase64}` };
      replaceStep(result.step, result.missing);
    });

  /** The step's files without one: a new answer (the earlier one stays in the history). */
  function removeEvidence(stepId: string, attachmentId: string) {
    const value = current().steps.find((s) => s.stepId === stepId)?.current?.value;
    const ids = value?.kind === 'evidence' ? value.attachmentIds : [];
    return answer(stepId, { kind: 'evidence', attachmentIds: ids.filter((id) => id !== attachmentId) });
  }

  const fillAutomatic = () =>
    track(async () => {
      view.value = await invoke('checklist:fill-automatic', { runId: current().run.id });
    });

  const finish = (outcome: RunOutcome) =>
    track(async (): Promise<FinishResult> => {
      const result = await invoke('checklist:finish', { runId: current().run.id, outcome });
      if (result.finished) view.value = result.view;
      else view.value = { ...current(), missing: result.missing };
      return result;
    });

  async function readThumbnails() {
    for (const file of view.value?.evidence ?? []) {
      if (!file.mediaType.startsWith('image/') || thumbnails.value[file.id]) continue;
      try {
        const { dataUrl } = await invoke('desk:attachment-get', { attachmentId: file.id });
        thumbnails.value = { ...thumbnails.value, [file.id]: dataUrl };
      } catch {
        // A picture that cannot be read shows as its type and name; the file itself is still listed.
      }
    }
  }

  const openFile = (attachmentId: string) => invoke('desk:attachment-get', { attachmentId });

  return { view, appointmentId, saving, refused, thumbnails, busy, load, start, answer, addEvidence, removeEvidence, fillAutomatic, finish, openFile };
});
