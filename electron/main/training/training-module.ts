// Training mode's channels (issue 11 point 5, docs/training.md). The module also hands the router
// its `modes`: which windows train, and the handlers over the training file.
import type Database from 'better-sqlite3';
import { auditedOn } from '../db/audited';
import type { FeatureModule } from '../ipc/compose-modules';
import type { TrainingPerson } from './training-repository';
import { createTrainingService, type TrainingService } from './training-service';
import type { OpenTrainingWorkspace } from './training-workspace';

type TrainingChannel = 'training:status' | 'training:enter' | 'training:leave' | 'training:reset';

export interface TrainingModuleDeps {
  /** The real file's connection. */
  connection: () => Database.Database;
  trainingDir: string;
  open: OpenTrainingWorkspace;
  people: () => TrainingPerson[];
  now: () => Date;
  logError: (what: string, error: unknown) => void;
}

export function createTrainingModule(deps: TrainingModuleDeps): FeatureModule<TrainingChannel> & { service: TrainingService } {
  const service = createTrainingService({ ...deps, audited: auditedOn(deps.connection) });
  return {
    service,
    close: () => service.close(),
    handlers: {
      'training:status': (_input, { window }) => service.status(window),
      'training:enter': (_input, { caller, window }) => service.enter(caller, window),
      'training:leave': (_input, { caller, window }) => service.leave(caller, window),
      'training:reset': (_input, { caller, window }) => service.reset(caller, window),
    },
  };
}
