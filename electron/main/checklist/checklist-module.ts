// The checklist feature (issue 11 points 1 and 2): templates, runs, answers, outcome. Composed in
// main-context.ts. The contract (shared/ipc/contract-checklist.ts) lands before the service, so
// until checklist-service.ts is wired here every channel answers with an internal error.
import type { FeatureModule } from '../ipc/compose-modules';

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

const pending = (): never => {
  throw new Error('The checklist service is not wired yet (issue 11, helper checklist-main).');
};

export function createChecklistModule(): FeatureModule<ChecklistChannel> {
  return {
    handlers: {
      'checklist:templates': pending,
      'checklist:template-get': pending,
      'checklist:template-save': pending,
      'checklist:run-start': pending,
      'checklist:run-get': pending,
      'checklist:answer': pending,
      'checklist:evidence-add': pending,
      'checklist:fill-automatic': pending,
      'checklist:finish': pending,
    },
  };
}
