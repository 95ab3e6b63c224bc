// Training mode per window (docs/training.md): a window enters and leaves it; while in it, its
// calls reach the modules composed over the training file (the router asks `inTraining`). Entering
// and leaving are audited on the real file; the training file keeps its own audit chain.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { systemActor } from '../../../shared/audit/audit-actions';
import { reason } from '../../../shared/errors/reason';
import { trainingAuditActions, trainingDatabaseFileName, trainingFileAuditActions, type TrainingLeaveCause, type TrainingStatus } from '../../../shared/training/training';
import { AppError } from '../app-error';
import type { Caller } from '../auth/session-service';
import { auditedOn, type AuditedWrite } from '../db/audited';
import type { WindowModes } from '../ipc/router';
import { createSqliteTrainingRepository } from './sqlite-training-repository';
import { readTrainingMarker, writeTrainingMarker, type TrainingWindow } from './training-marker';
import type { TrainingPerson } from './training-repository';
import { callerOf, seedProfiles, seedTrainingCase } from './training-seed';
import type { OpenTrainingWorkspace, TrainingWorkspace } from './training-workspace';

export interface TrainingServiceDeps {
  /** The training folder in the data directory (training file, its attachments, demo terminal state, marker). */
  trainingDir: string;
  /** audited() on the real file: entering, leaving and resetting are recorded there. */
  audited: AuditedWrite;
  open: OpenTrainingWorkspace;
  /** The real operators (names and roles), copied into the training file on each entry. */
  people: () => TrainingPerson[];
  now: () => Date;
  logError: (what: string, error: unknown) => void;
}

export interface TrainingService extends WindowModes {
  status(window: string): TrainingStatus;
  enter(caller: Caller, window: string): Promise<TrainingStatus>;
  leave(caller: Caller, window: string): TrainingStatus;
  reset(caller: Caller, window: string): Promise<TrainingStatus>;
  /** Resolves when no rebind runs on the training terminal (tests, and a shutdown that waits). */
  idle(): Promise<void>;
  /** Closes the training file (at shutdown). */
  close(): Promise<void>;
}

const markerName = 'active-windows.json';
const entity = (operatorId: number) => ({ type: 'training', id: operatorId });
const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Creates the service; windows a crashed run left in training are recorded as having left ("restart"). */
export function createTrainingService(deps: TrainingServiceDeps): TrainingService {
  const markerPath = join(deps.trainingDir, markerName);
  const windows = new Map<string, TrainingWindow>();
  let workspace: TrainingWorkspace | null = null;

  const leftAfterCrash = readTrainingMarker(markerPath);
  if (leftAfterCrash.length > 0) {
    deps.audited(
      leftAfterCrash.map((w) => ({ actor: systemActor, action: trainingAuditActions.left, entity: entity(w.operatorId), payload: { username: w.username, since: w.since, cause: 'restart' satisfies TrainingLeaveCause }, at: deps.now() })),
      () => undefined,
    );
  }
  // Nothing to write on a start without training: the folder appears with the first entry.
  if (leftAfterCrash.length > 0) writeTrainingMarker(markerPath, []);

  const saveMarker = () => {
    try {
      if (windows.size > 0) mkdirSync(deps.trainingDir, { recursive: true });
      writeTrainingMarker(markerPath, [...windows.values()]);
    } catch (error) {
      // Only the "restart" entry after a crash depends on it; training itself goes on.
      deps.logError('the training marker could not be written', error);
    }
  };
  const opened = (): TrainingWorkspace => (workspace ??= deps.open());
  const statusOf = (window: string): TrainingStatus => {
    const mine = windows.get(window);
    const otherWindows = [...windows.keys()].filter((key) => key !== window).length;
    if (!mine) return { active: false, since: null, seed: null, otherWindows };
    return { active: true, since: mine.since, seed: createSqliteTrainingRepository(opened().connection).openCase(), otherWindows };
  };

  /** Copies the real operators in and seeds an empty file; runs on every entry (cheap when nothing changed). */
  const prepare = async (caller: Caller) => {
    const current = opened();
    const repo = createSqliteTrainingRepository(current.connection);
    const people = deps.people();
    auditedOn(current.connection)(
      (changed) => (changed === 0 ? null : { actor: caller.username, action: trainingFileAuditActions.peopleCopied, entity: { type: 'training', id: 'operators' }, payload: { changed }, at: deps.now() }),
      () => repo.copyPeople(people),
    );
    // The seed acts as an admin of the training file (it books nothing; it prepares a case), recorded under the trainee's name.
    const call = callerOf(current.handlers, { ...caller, role: 'admin' });
    await seedProfiles(call, people, repo.profiledOperatorIds());
    if (repo.isEmpty()) await seedTrainingCase(call, shanghaiDay(deps.now()));
  };

  const leave = (caller: { operatorId: number; username: string }, window: string, cause: TrainingLeaveCause) => {
    const mine = windows.get(window);
    if (!mine) return;
    deps.audited({ actor: caller.username, action: trainingAuditActions.left, entity: entity(caller.operatorId), payload: { since: mine.since, cause }, at: deps.now() }, () => windows.delete(window));
    saveMarker();
  };

  const service: TrainingService = {
    inTraining: (window) => windows.has(window),
    trainingHandlers: () => opened().handlers,
    sessionEnded(window, cause) {
      const mine = windows.get(window);
      if (!mine) return;
      try {
        leave({ operatorId: mine.operatorId, username: mine.username }, window, cause);
      } catch (error) {
        // The session is over either way; the window must not stay in training.
        windows.delete(window);
        saveMarker();
        deps.logError('leaving training at the end of a session', error);
      }
    },
    status: statusOf,
    idle: async () => workspace?.idle(),
    async enter(caller, window) {
      if (windows.has(window)) return statusOf(window);
      await prepare(caller);
      const since = deps.now().toISOString();
      deps.audited(
        { actor: caller.username, action: trainingAuditActions.entered, entity: entity(caller.operatorId), payload: { role: caller.role, file: `training/${trainingDatabaseFileName}` }, at: deps.now() },
        () => windows.set(window, { window, operatorId: caller.operatorId, username: caller.username, since }),
      );
      saveMarker();
      return statusOf(window);
    },
    leave(caller, window) {
      if (!windows.has(window)) throw new AppError('conflict', reason('training-not-active'));
      // The rebind would go on on the training terminal with nobody watching it; finish it first.
      if (workspace?.busy()) throw new AppError('conflict', reason('training-rebind-running'));
      leave(caller, window, 'left');
      return statusOf(window);
    },
    async reset(caller, window) {
      if (!windows.has(window)) throw new AppError('conflict', reason('training-not-active'));
      const others = [...windows.keys()].filter((key) => key !== window).length;
      if (others > 0) throw new AppError('conflict', reason('training-reset-others', { count: others }));
      if (workspace?.busy()) throw new AppError('conflict', reason('training-rebind-running'));
      await workspace?.close();
      workspace = null;
      // Everything in the folder but the marker: the file and its WAL, attachments, the demo terminal's state, keys.
      rmSync(deps.trainingDir, { recursive: true, force: true });
      mkdirSync(deps.trainingDir, { recursive: true });
      saveMarker();
      deps.audited({ actor: caller.username, action: trainingAuditActions.reset, entity: entity(caller.operatorId), payload: {}, at: deps.now() }, () => undefined);
      await prepare(caller);
      return statusOf(window);
    },
    async close() {
      // At an orderly shutdown the windows close with the app: record them, so the next start has none to recover.
      for (const window of [...windows.keys()]) service.sessionEnded(window, 'window-closed');
      await workspace?.close();
      workspace = null;
    },
  };
  return service;
}
