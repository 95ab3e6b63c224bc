// The checklist feature (issue 11 points 1 and 2): templates, runs, answers, outcome
// (docs/checklist.md). Composed in main-context.ts; the shipped templates are loaded into an
// install that has none, as the desk's reference samples are.
import type Database from 'better-sqlite3';
import { systemActor } from '../../../shared/audit/audit-actions';
import { attachmentsDirOf } from '../data-dir';
import { auditedOn } from '../db/audited';
import { openContentStore } from '../fs/content-store';
import type { FeatureModule } from '../ipc/compose-modules';
import { createSqliteAppointmentRepository } from '../desk/booking/sqlite-appointment-repository';
import { createSqliteCaseRepository } from '../desk/cases/sqlite-case-repository';
import { createSqliteReferenceRepository } from '../desk/reference/sqlite-reference-repository';
import { createJournalReader } from './journal-reader';
import { createRunService, type RunService } from './run-service';
import { readShippedTemplates } from './shipped-templates';
import { createSqliteChecklistRepository } from './sqlite-checklist-repository';
import { createTemplateService, type TemplateService } from './template-service';

export type ChecklistChannel =
  | 'checklist:templates'
  | 'checklist:template-get'
  | 'checklist:template-save'
  | 'checklist:run-start'
  | 'checklist:run-get'
  | 'checklist:answer'
  | 'checklist:evidence-add'
  | 'checklist:fill-automatic'
  | 'checklist:finish';

export interface ChecklistModuleDeps {
  connection: () => Database.Database;
  now: () => Date;
  logError: (what: string, error: unknown) => void;
  /** The data directory: evidence goes to its attachments/ folder with the case attachments. */
  dataDir: string;
  /** resources/checklists/. */
  templatesDir: string;
  /** Load the shipped templates into an install without any (true in the app; tests may start empty). */
  seedTemplates: boolean;
}

export function createChecklistModule(deps: ChecklistModuleDeps): FeatureModule<ChecklistChannel> & { templates: TemplateService; runs: RunService } {
  const audited = auditedOn(deps.connection);
  const repo = createSqliteChecklistRepository(deps.connection);
  const reference = createSqliteReferenceRepository(deps.connection);
  const templates = createTemplateService({ repo, reference, audited, now: deps.now });
  if (deps.seedTemplates && !repo.hasTemplates()) {
    try {
      templates.loadShipped(systemActor, readShippedTemplates(deps.templatesDir));
    } catch (error) {
      // A broken shipped file leaves the install without templates, as it was; an admin adds them.
      deps.logError('checklist shipped templates', error);
    }
  }
  const runs = createRunService({
    repo,
    cases: createSqliteCaseRepository(deps.connection),
    appointments: createSqliteAppointmentRepository(deps.connection),
    reference,
    journal: createJournalReader(deps.connection),
    attachments: openContentStore(attachmentsDirOf(deps.dataDir)),
    audited,
    now: deps.now,
  });
  return {
    templates,
    runs,
    handlers: {
      'checklist:templates': ({ bankCode, allVersions }) => templates.list(bankCode, allVersions),
      'checklist:template-get': ({ templateId }) => templates.get(templateId),
      'checklist:template-save': ({ content, basedOn }, { caller }) => templates.save(caller, content, basedOn),
      'checklist:run-start': ({ appointmentId }, { caller }) => runs.start(caller, appointmentId),
      'checklist:run-get': (input) => runs.get(input),
      'checklist:answer': ({ runId, stepId, value }, { caller }) => runs.answer(caller, runId, stepId, value),
      'checklist:evidence-add': ({ dataBase64, ...input }, { caller }) => runs.evidenceAdd(caller, { ...input, bytes: Buffer.from(dataBase64, 'base64') }),
      'checklist:fill-automatic': ({ runId }, { caller }) => runs.fillAutomatic(caller, runId),
      'checklist:finish': ({ runId, outcome }, { caller }) => runs.finish(caller, runId, outcome),
    },
  };
}
