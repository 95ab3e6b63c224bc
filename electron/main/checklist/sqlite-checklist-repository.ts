import type Database from 'better-sqlite3';
import type { ChecklistTemplateSummary, StoredAnswer, StoredChecklistTemplate, StoredRun } from '../../../shared/checklist';
import { recordTable } from '../db/record-table';
import { prepared } from '../db/statement-cache';
import type { ChecklistRepository } from './checklist-repository';

type TemplateFields = Omit<StoredChecklistTemplate, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'version'>;
type RunFields = Omit<StoredRun, 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'version'> & { outcomeKind: string | null; failureCause: string | null };

const templates = recordTable<TemplateFields>('checklist_templates', 'checklist-template', [
  { field: 'bankCode', column: 'bank_code' },
  { field: 'templateVersion', column: 'template_version' },
  { field: 'source', column: 'source' },
  { field: 'title', column: 'title', json: true },
  { field: 'steps', column: 'steps', json: true },
]);

const runs = recordTable<RunFields>('checklist_runs', 'checklist-run', [
  { field: 'appointmentId', column: 'appointment_id' },
  { field: 'caseId', column: 'case_id' },
  { field: 'templateId', column: 'template_id' },
  { field: 'status', column: 'status' },
  { field: 'operationId', column: 'operation_id' },
  { field: 'outcomeKind', column: 'outcome' },
  { field: 'outcome', column: 'outcome_json', json: true },
  { field: 'failureCause', column: 'failure_cause' },
  { field: 'finishedAt', column: 'finished_at' },
  { field: 'finishedBy', column: 'finished_by' },
]);

// The run's bank and template version come from its template row, so a run names one version only.
const runSelect = `SELECT r.*, t.bank_code, t.template_version FROM checklist_runs r JOIN checklist_templates t ON t.id = r.template_id`;
type RunRow = Record<string, unknown> & { bank_code: string; template_version: number };

function runOf(row: RunRow | undefined): StoredRun | undefined {
  if (row === undefined) return undefined;
  const { failureCause: _cause, outcomeKind: _kind, ...stored } = runs.fromRow(row);
  return {
    ...stored,
    bankCode: row.bank_code,
    templateVersion: row.template_version,
    operationId: stored.operationId ?? null,
    outcome: stored.outcome ?? null,
    finishedAt: stored.finishedAt ?? null,
    finishedBy: stored.finishedBy ?? null,
  };
}

// The outcome column holds the kind alone, for the Reports page's counts; outcome_json the whole.
function runFields(run: StoredRun): RunFields & { id: string } {
  return { ...run, outcomeKind: run.outcome?.kind ?? null, failureCause: run.outcome?.kind === 'failed' ? run.outcome.cause : null };
}

interface AnswerRow {
  id: string;
  run_id: string;
  step_id: string;
  source: StoredAnswer['source'];
  value: string;
  answered_at: string;
  answered_by: string;
  replaces: string | null;
}
const answerOf = (row: AnswerRow): StoredAnswer => ({
  id: row.id,
  runId: row.run_id,
  stepId: row.step_id,
  value: JSON.parse(row.value) as StoredAnswer['value'],
  source: row.source,
  answeredAt: row.answered_at,
  answeredBy: row.answered_by,
  replaces: row.replaces,
});

const summarySql = (where: string) => `
  SELECT id, bank_code, template_version, title, source, created_at, created_by,
         json_array_length(steps) AS step_count,
         (SELECT COUNT(*) FROM json_each(steps) WHERE json_extract(value, '$.required') = 1) AS required_count,
         template_version = (SELECT MAX(template_version) FROM checklist_templates n WHERE n.bank_code = t.bank_code) AS latest
  FROM checklist_templates t WHERE ${where}
  ORDER BY bank_code, template_version DESC`;
interface SummaryRow {
  id: string;
  bank_code: string;
  template_version: number;
  title: string;
  source: ChecklistTemplateSummary['source'];
  created_at: string;
  created_by: string;
  step_count: number;
  required_count: number;
  latest: number;
}

// A step's current answer is the one no other replaces (the UNIQUE index on replaces answers NOT EXISTS).
const currentSql = 'SELECT * FROM checklist_answers a WHERE run_id = ? AND NOT EXISTS (SELECT 1 FROM checklist_answers b WHERE b.replaces = a.id)';

/** The checklist's tables in the app's SQLite file. */
export function createSqliteChecklistRepository(connection: () => Database.Database): ChecklistRepository {
  const db = connection;
  // Template versions never change (triggers refuse it) and ids are never reused, so a parsed
  // version can be kept: an answer reads its run's template without parsing its steps again.
  const parsed = new Map<string, StoredChecklistTemplate>();
  const latestWhere = 'template_version = (SELECT MAX(template_version) FROM checklist_templates n WHERE n.bank_code = t.bank_code)';
  return {
    hasTemplates: () => prepared(db(), 'SELECT 1 FROM checklist_templates LIMIT 1').get() !== undefined,
    template(id) {
      const known = parsed.get(id);
      if (known) return known;
      const found = templates.get(db(), id);
      if (found) parsed.set(id, found);
      return found;
    },
    latestTemplate: (bankCode) => templates.select(db(), 'bank_code = ?', [bankCode], 'template_version DESC')[0],
    templateSummaries(bankCode, allVersions) {
      const where = [allVersions ? '1' : latestWhere, bankCode === undefined ? '1' : 'bank_code = ?'].join(' AND ');
      const rows = prepared<unknown[], SummaryRow>(db(), summarySql(where)).all(...(bankCode === undefined ? [] : [bankCode]));
      return rows.map((row) => ({
        id: row.id,
        bankCode: row.bank_code,
        templateVersion: row.template_version,
        title: JSON.parse(row.title) as ChecklistTemplateSummary['title'],
        stepCount: row.step_count,
        requiredCount: row.required_count,
        source: row.source,
        createdAt: row.created_at,
        createdBy: row.created_by,
        latest: row.latest === 1,
      }));
    },
    insertTemplate: (template) => templates.insert(db(), template),

    run: (id) => runOf(prepared<[string], RunRow>(db(), `${runSelect} WHERE r.id = ?`).get(id)),
    openRunOf: (appointmentId) => runOf(prepared<[string], RunRow>(db(), `${runSelect} WHERE r.appointment_id = ? AND r.status = 'open'`).get(appointmentId)),
    latestRunOf: (appointmentId) => runOf(prepared<[string], RunRow>(db(), `${runSelect} WHERE r.appointment_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT 1`).get(appointmentId)),
    insertRun: (run) => runs.insert(db(), runFields(run) as Parameters<typeof runs.insert>[1]),
    updateRun: (run, baseVersion) => runs.update(db(), runFields(run) as Parameters<typeof runs.update>[1], baseVersion),

    answers: (runId) => prepared<[string], AnswerRow>(db(), 'SELECT * FROM checklist_answers WHERE run_id = ? ORDER BY rowid').all(runId).map(answerOf),
    currentAnswer(runId, stepId) {
      const row = prepared<[string, string], AnswerRow>(db(), `${currentSql} AND step_id = ?`).get(runId, stepId);
      return row === undefined ? undefined : answerOf(row);
    },
    currentAnswers: (runId) => prepared<[string], AnswerRow>(db(), currentSql).all(runId).map(answerOf),
    stepAnswers: (runId, stepId) => prepared<[string, string], AnswerRow>(db(), 'SELECT * FROM checklist_answers WHERE run_id = ? AND step_id = ? ORDER BY rowid').all(runId, stepId).map(answerOf),
    insertAnswer(answer) {
      const change = {
        id: answer.id,
        run_id: answer.runId,
        step_id: answer.stepId,
        source: answer.source,
        value: JSON.stringify(answer.value),
        answered_at: answer.answeredAt,
        answered_by: answer.answeredBy,
        replaces: answer.replaces,
      };
      prepared(db(), 'INSERT INTO checklist_answers (id, run_id, step_id, source, value, answered_at, answered_by, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        change.id, change.run_id, change.step_id, change.source, change.value, change.answered_at, change.answered_by, change.replaces,
      );
      return { entity: 'checklist-answer', id: answer.id, baseVersion: null, change };
    },
  };
}
