// Checklist templates: the list, one version, an admin's save (a new version, never an edit of an
// old one) and the shipped templates loaded into an install that has none.
import { checkTemplate, checklistAuditActions, type ChecklistTemplateContent, type StoredChecklistTemplate } from '../../../shared/checklist';
import type { Actor } from '../../../shared/auth/session';
import { reason } from '../../../shared/errors/reason';
import { AppError } from '../app-error';
import type { AuditedWrite } from '../db/audited';
import { newRecordMeta } from '../db/record-meta';
import { isConstraintViolation } from './constraint-violation';
import { joinReasons } from '../desk/cases/case-transition';
import type { ReferenceRepository } from '../desk/reference/reference-repository';
import type { ChecklistRepository } from './checklist-repository';

export interface TemplateServiceDeps {
  repo: ChecklistRepository;
  reference: Pick<ReferenceRepository, 'bankByCode'>;
  audited: AuditedWrite;
  now: () => Date;
}

export type TemplateService = ReturnType<typeof createTemplateService>;

export function createTemplateService({ repo, reference, audited, now }: TemplateServiceDeps) {
  const changedMeanwhile = (bankCode: string, opened: number) => {
    const latest = repo.latestTemplate(bankCode)?.templateVersion ?? 0;
    return new AppError('conflict', reason('checklist-template-changed', { bank: bankCode, version: opened, latest }));
  };

  return {
    list: (bankCode: string | undefined, allVersions: boolean) => ({ templates: repo.templateSummaries(bankCode, allVersions) }),

    get(templateId: string): StoredChecklistTemplate {
      const found = repo.template(templateId);
      if (!found) throw new AppError('not-found', reason('checklist-template-not-found'));
      return found;
    },

    /** Version n+1 of the bank's template; refused when `basedOn` is not the newest version any more. */
    save(actor: Actor, content: ChecklistTemplateContent, basedOn: { templateId: string; templateVersion: number } | null): StoredChecklistTemplate {
      const problems = checkTemplate(content.steps);
      if (problems.length > 0) throw new AppError('invalid-input', joinReasons(problems), 'steps');
      if (!reference.bankByCode(content.bankCode)) throw new AppError('invalid-input', reason('checklist-template-bank-unknown', { bank: content.bankCode }), 'bankCode');
      const at = now();
      try {
        return audited(
          (saved: StoredChecklistTemplate) => ({
            actor: actor.username,
            action: checklistAuditActions.templateVersionCreated,
            entity: { type: 'checklist-template', id: saved.id },
            payload: { bankCode: saved.bankCode, templateVersion: saved.templateVersion, basedOn: basedOn?.templateVersion ?? null, steps: saved.steps.length },
            at,
            changes: [{ entity: 'checklist-template', id: saved.id, baseVersion: null, change: { bank_code: saved.bankCode, template_version: saved.templateVersion } }],
          }),
          () => {
            const latest = repo.latestTemplate(content.bankCode);
            if ((latest?.id ?? null) !== (basedOn?.templateId ?? null)) throw changedMeanwhile(content.bankCode, basedOn?.templateVersion ?? 0);
            const saved: StoredChecklistTemplate = { ...newRecordMeta(actor.username, at), ...content, templateVersion: (latest?.templateVersion ?? 0) + 1, source: 'edited' };
            repo.insertTemplate(saved);
            return saved;
          },
        );
      } catch (error) {
        // Another process saved the same version number between our read and our write.
        if (isConstraintViolation(error)) throw changedMeanwhile(content.bankCode, basedOn?.templateVersion ?? 0);
        throw error;
      }
    },

    /** Loads the shipped templates as version 1 when the install has none; false when it has some. */
    loadShipped(actorName: string, templates: readonly ChecklistTemplateContent[]): boolean {
      if (repo.hasTemplates() || templates.length === 0) return false;
      const at = now();
      const rows = templates.map((content): StoredChecklistTemplate => ({ ...newRecordMeta(actorName, at), ...content, templateVersion: 1, source: 'shipped' }));
      audited(
        (changes: ReturnType<ChecklistRepository['insertTemplate']>[]) => ({
          actor: actorName,
          action: checklistAuditActions.templatesLoaded,
          entity: { type: 'checklist-template', id: 'shipped' },
          payload: { banks: rows.map((r) => r.bankCode) },
          at,
          changes,
        }),
        () => (repo.hasTemplates() ? [] : rows.map((row) => repo.insertTemplate(row))),
      );
      return true;
    },
  };
}
