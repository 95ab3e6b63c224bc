// The cases' channels (shared/ipc/contract-desk-cases.ts) over the case service.
import type { Actor } from '../../../../shared/auth/session';
import type { InvokeOutput, ParsedInput } from '../../../../shared/ipc/contract';
import { reason } from '../../../../shared/errors/reason';
import { AppError } from '../../app-error';
import type { ReferenceRepository } from '../reference/reference-repository';
import { caseCandidates } from './case-candidates';
import type { CaseRepository } from './case-repository';
import type { CaseService } from './case-service';

export type CaseChannel =
  | 'desk:case-open'
  | 'desk:case-get'
  | 'desk:cases-list'
  | 'desk:case-transition'
  | 'desk:material-update'
  | 'desk:attachment-add'
  | 'desk:attachment-get'
  | 'desk:case-review'
  | 'desk:case-agreement'
  | 'desk:case-candidates';

// Typed by the contract here; desk-module.ts hands them to ipc/, whose handler type they must fit.
export type CaseHandlers = { [C in CaseChannel]: (input: ParsedInput<C>, context: { caller: Actor }) => InvokeOutput<C> };

export function createCaseHandlers(deps: { cases: CaseService; repo: CaseRepository; reference: ReferenceRepository }): CaseHandlers {
  const { cases, repo, reference } = deps;
  return {
    'desk:case-open': (input, { caller }) => cases.open(caller, input),
    'desk:case-get': ({ caseId }, { caller }) => cases.get(caller, caseId),
    'desk:cases-list': (input, { caller }) => cases.list(caller, input),
    'desk:case-transition': (input, { caller }) => cases.transition(caller, input),
    'desk:material-update': (input, { caller }) => cases.updateMaterial(caller, input),
    'desk:attachment-add': ({ dataBase64, ...input }, { caller }) => cases.addAttachment(caller, { ...input, bytes: Buffer.from(dataBase64, 'base64') }),
    'desk:attachment-get': ({ attachmentId }, { caller }) => cases.readAttachment(caller, attachmentId),
    'desk:case-review': (input, { caller }) => cases.review(caller, input),
    'desk:case-agreement': (input, { caller }) => cases.recordAgreement(caller, input),
    'desk:case-candidates': ({ terminalId }) => {
      const terminal = repo.terminal(terminalId);
      if (!terminal) throw new AppError('not-found', reason('case-terminal-unknown'), 'terminalId');
      return { candidates: caseCandidates(repo, reference, terminal, repo.merchant(terminal.merchantId)?.area ?? '') };
    },
  };
}
