// The checklist's tables (migration 0015). Writes return their outbox change; call them inside the
// audited operation that records them. Template versions and answers are only ever inserted.
import type { StoredAnswer, StoredChecklistTemplate, StoredRun, ChecklistTemplateSummary } from '../../../shared/checklist';
import type { RecordChange } from '../db/outbox';

export interface ChecklistRepository {
  hasTemplates(): boolean;
  template(id: string): StoredChecklistTemplate | undefined;
  /** The bank's newest version. */
  latestTemplate(bankCode: string): StoredChecklistTemplate | undefined;
  /** Newest version per bank, or every version of `bankCode` (newest first) when `allVersions`. */
  templateSummaries(bankCode: string | undefined, allVersions: boolean): ChecklistTemplateSummary[];
  insertTemplate(template: StoredChecklistTemplate): RecordChange;

  run(id: string): StoredRun | undefined;
  openRunOf(appointmentId: string): StoredRun | undefined;
  /** The appointment's newest run, open or finished. */
  latestRunOf(appointmentId: string): StoredRun | undefined;
  insertRun(run: StoredRun): RecordChange;
  /** Null when the run moved on from `baseVersion`. */
  updateRun(run: StoredRun, baseVersion: number): RecordChange | null;

  /** Every answer of the run, in the order given. */
  answers(runId: string): StoredAnswer[];
  /** The step's current answer: the one no other answer replaces. */
  currentAnswer(runId: string, stepId: string): StoredAnswer | undefined;
  /** Every step's current answer (the answers no other replaces), without the history. */
  currentAnswers(runId: string): StoredAnswer[];
  /** One step's answers, oldest first. */
  stepAnswers(runId: string, stepId: string): StoredAnswer[];
  insertAnswer(answer: StoredAnswer): RecordChange;
}
