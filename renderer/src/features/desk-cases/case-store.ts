import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CaseAction } from '../../../../shared/desk/case-states';
import type { CaseDetailView } from '../../../../shared/ipc/contract-desk-cases';
import type { InvokeInput } from '../../../../shared/ipc/contract';
import { BridgeError, invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';
import { checkedUpload } from '../attachments/checked-upload';
import type { MaterialUpdate } from './material-update';

type Purpose = InvokeInput<'desk:attachment-add'>['purpose'];

/** True for main's "changed meanwhile" refusal: the page reloads and says so. */
export const isRecordChanged = (error: unknown) => error instanceof BridgeError && error.detail.reason === 'record-changed';

/**
 * One case as its page shows it. Every change is sent with the version read and followed by a
 * reload, so the page shows main's state (timeline, gate, actions) and never a guess of it; a
 * stale version is refused by main (`record-changed`), and the store reloads before rethrowing.
 */
export const useCaseStore = defineStore('desk-case', () => {
  const detail = ref<CaseDetailView | null>(null);
  const { busy, track } = useBusyAction();

  const load = (caseId: string) =>
    track(async () => {
      if (detail.value?.case.id !== caseId) detail.value = null;
      detail.value = await invoke('desk:case-get', { caseId });
    });

  const current = () => {
    if (!detail.value) throw new Error('no case loaded');
    return detail.value;
  };

  const change = <T>(work: (view: CaseDetailView) => Promise<T>) =>
    track(async () => {
      const view = current();
      try {
        return await work(view);
      } finally {
        detail.value = await invoke('desk:case-get', { caseId: view.case.id });
      }
    });

  const updateMaterial = (update: MaterialUpdate) => change(() => invoke('desk:material-update', update));

  /** Checks the file as main would (checkedUpload), then sends it; returns the stored attachment. */
  const attach = (file: File, purpose: Purpose) =>
    change(async (view) => {
      const { fileName, dataBase64 } = await checkedUpload(file);
      return invoke('desk:attachment-add', { caseId: view.case.id, purpose, fileName, dataBase64 });
    });

  const openAttachment = (attachmentId: string) => track(() => invoke('desk:attachment-get', { attachmentId }));

  const transition = (action: CaseAction, reason?: string) =>
    change((view) => invoke('desk:case-transition', { caseId: view.case.id, version: view.case.version, action, ...(reason ? { reason } : {}) }));

  const review = (decision: 'approved' | 'rejected', reason?: string) =>
    change((view) => invoke('desk:case-review', { caseId: view.case.id, version: view.case.version, decision, ...(reason ? { reason } : {}) }));

  /** Uploads the signed document (purpose `agreement`) and records the agreement with it. */
  const recordAgreement = (signedOn: string, signatory: string, file: File) =>
    change(async (view) => {
      const { fileName, dataBase64 } = await checkedUpload(file);
      const document = await invoke('desk:attachment-add', { caseId: view.case.id, purpose: 'agreement', fileName, dataBase64 });
      return invoke('desk:case-agreement', { caseId: view.case.id, version: view.case.version, signedOn, signatory, attachmentId: document.id });
    });

  return { detail, busy, load, updateMaterial, attach, openAttachment, transition, review, recordAgreement };
});
