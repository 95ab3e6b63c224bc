// The run page's data from the tables: the run, its template version, each step's answers in
// template order (history oldest first, the current last), the evidence any answer named, and
// what still blocks completion.
import { missingSteps, type EvidenceAttachment, type RunView, type StepState, type StoredAnswer, type StoredChecklistTemplate, type StoredRun } from '../../../shared/checklist';
import type { CaseRepository } from '../desk/cases/case-repository';
import type { ChecklistRepository } from './checklist-repository';

/** Every answer grouped into the template's steps. A step's answers form one chain, so the last given is the current one. */
export function stepStates(template: StoredChecklistTemplate, answers: readonly StoredAnswer[]): StepState[] {
  const byStep = new Map<string, StoredAnswer[]>();
  for (const answer of answers) byStep.set(answer.stepId, [...(byStep.get(answer.stepId) ?? []), answer]);
  return template.steps.map((step) => {
    const history = byStep.get(step.id) ?? [];
    return { stepId: step.id, current: history[history.length - 1] ?? null, history };
  });
}

export function buildRunView(run: StoredRun, repo: ChecklistRepository, cases: Pick<CaseRepository, 'attachment'>): RunView {
  const template = repo.template(run.templateId)!;
  const steps = stepStates(template, repo.answers(run.id));
  const ids = new Set(steps.flatMap((s) => s.history.flatMap((a) => (a.value.kind === 'evidence' ? a.value.attachmentIds : []))));
  const evidence = [...ids].flatMap((id): EvidenceAttachment[] => {
    const row = cases.attachment(id);
    if (!row) return [];
    return [{ id: row.id, sha256: row.sha256, fileName: row.fileName, mediaType: row.mediaType as EvidenceAttachment['mediaType'], size: row.size, createdAt: row.createdAt, createdBy: row.createdBy }];
  });
  return { run, template, steps, evidence, missing: missingSteps(template.steps, steps) };
}
