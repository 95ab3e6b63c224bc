import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ChecklistTemplateContent, ChecklistTemplateSummary, StoredChecklistTemplate } from '../../../../shared/checklist';
import { invoke } from '../../bridge/rebind-api';
import { useBusyAction } from '../../composables/use-busy-action';

// A plain copy: the draft is a reactive proxy, which structuredClone and the bridge cannot copy.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The admin's template editor: the newest template per bank, one bank's versions, and a draft of
 * the newest version. Saving sends the version the draft was opened from; main writes the next
 * version, or refuses when someone saved a newer one meanwhile.
 */
export const useChecklistTemplatesStore = defineStore('checklist-templates', () => {
  const latest = ref<ChecklistTemplateSummary[]>([]);
  const versions = ref<ChecklistTemplateSummary[]>([]);
  const opened = ref<StoredChecklistTemplate | null>(null);
  const draft = ref<ChecklistTemplateContent | null>(null);
  const { busy, track } = useBusyAction();

  const refresh = () =>
    track(async () => {
      latest.value = (await invoke('checklist:templates', { allVersions: false })).templates;
    });

  /** Opens a version: the newest is edited as a draft; an older one is shown as it was. */
  const open = (templateId: string) =>
    track(async () => {
      const template = await invoke('checklist:template-get', { templateId });
      opened.value = template;
      versions.value = (await invoke('checklist:templates', { bankCode: template.bankCode, allVersions: true })).templates;
      const newest = versions.value.find((v) => v.latest);
      draft.value = newest?.id === template.id ? plain({ bankCode: template.bankCode, title: template.title, steps: template.steps }) : null;
    });

  /**
   * A first template for a bank that has none, as a draft: the steps of another bank's newest
   * template to start from (banks' checklists differ in a few steps), or none. Saving it makes
   * version 1; main refuses it when someone saved one for that bank meanwhile.
   */
  const startNew = (bankCode: string, fromTemplateId: string | null) =>
    track(async () => {
      const from = fromTemplateId ? await invoke('checklist:template-get', { templateId: fromTemplateId }) : null;
      opened.value = null;
      versions.value = [];
      draft.value = plain({ bankCode, title: from?.title ?? { 'zh-CN': '', 'en-US': '' }, steps: from?.steps ?? [] });
    });

  const save = () =>
    track(async () => {
      if (!draft.value) throw new Error('no draft');
      const saved = await invoke('checklist:template-save', {
        content: plain(draft.value),
        basedOn: opened.value ? { templateId: opened.value.id, templateVersion: opened.value.templateVersion } : null,
      });
      await refresh();
      await open(saved.id);
      return saved;
    });

  return { latest, versions, opened, draft, busy, refresh, open, startNew, save };
});
