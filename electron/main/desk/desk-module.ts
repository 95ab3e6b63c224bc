import type Database from 'better-sqlite3';
import { systemActor } from '../../../shared/audit/audit-actions';
import { attachmentsDirOf } from '../data-dir';
import { auditedOn } from '../db/audited';
import { openContentStore } from '../fs/content-store';
import type { FeatureModule } from '../ipc/compose-modules';
import { createBooking, type BookingChannel } from './booking/booking-handlers';
import { createCaseHandlers, type CaseChannel } from './cases/case-handlers';
import { createCaseService, type CaseService } from './cases/case-service';
import { createSqliteCaseRepository } from './cases/sqlite-case-repository';
import { createReferenceService, type ReferenceService } from './reference/reference-service';
import { readReferenceSamples } from './reference/reference-samples';
import { createSqliteReferenceRepository } from './reference/sqlite-reference-repository';
import { createMerchantDesk, type MerchantChannel, type MerchantDeskDeps } from './merchants/merchant-desk';

export interface DeskModuleDeps {
  connection: () => Database.Database;
  now: () => Date;
  logError: (what: string, error: unknown) => void;
  /** The data directory: attachments live in its attachments/ folder. */
  dataDir: string;
  /** The ids of the bank parameter templates On-site loaded. */
  templateIds: () => readonly string[];
  /** resources/desk-samples/reference.json. */
  samplesPath: string;
  /** Load the samples into an empty install at start-up (the demo and a new desk); off in tests that start empty. */
  seedSamples: boolean;
  encryption: MerchantDeskDeps['encryption'];
  picker: MerchantDeskDeps['picker'];
}

type DeskChannel = 'desk:reference' | 'desk:save-bank' | 'desk:save-model' | 'desk:save-compatibility' | 'desk:save-engineer' | 'desk:load-samples' | MerchantChannel | BookingChannel | CaseChannel;

/** The desk: reference data now; merchants, terminals, cases and the calendar join here. */
export function createDeskModule(deps: DeskModuleDeps): FeatureModule<DeskChannel> & { reference: ReferenceService; booking: ReturnType<typeof createBooking>; cases: CaseService } {
  const audited = auditedOn(deps.connection);
  const referenceRepo = createSqliteReferenceRepository(deps.connection);
  const reference = createReferenceService({ repo: referenceRepo, audited, now: deps.now, templateIds: deps.templateIds });
  const booking = createBooking({ connection: deps.connection, audited, now: deps.now });
  if (deps.seedSamples && referenceRepo.isEmpty()) {
    try {
      reference.loadSamples(systemActor, readReferenceSamples(deps.samplesPath));
    } catch (error) {
      // A broken sample file leaves the install empty, as it was; the admin can enter banks by hand.
      deps.logError('desk reference samples', error);
    }
  }
  const caseRepo = createSqliteCaseRepository(deps.connection);
  const cases = createCaseService({ repo: caseRepo, reference: referenceRepo, audited, now: deps.now, attachments: openContentStore(attachmentsDirOf(deps.dataDir)) });
  return {
    reference,
    booking,
    cases,
    handlers: {
      ...booking.handlers,
      ...createCaseHandlers({ cases, repo: caseRepo, reference: referenceRepo }),
      'desk:reference': () => reference.list(),
      'desk:save-bank': ({ base, record }, { caller }) => reference.saveBank(caller, base, record),
      'desk:save-model': ({ base, record }, { caller }) => reference.saveModel(caller, base, record),
      'desk:save-compatibility': ({ base, record }, { caller }) => reference.saveCompatibility(caller, base, record),
      'desk:save-engineer': ({ base, record }, { caller }) => reference.saveEngineer(caller, base, record),
      'desk:load-samples': (_input, { caller }) => reference.loadSamples(caller.username, readReferenceSamples(deps.samplesPath)),
      ...createMerchantDesk({ ...deps, audited, reference: referenceRepo }).handlers,
    },
  };
}
