// Saving one desk record the one way: a new record gets fresh meta and is inserted; an edit names
// the id and version it was made on, gets the next meta and is written only if the row is still at
// that version, so two desks editing one record cannot silently overwrite each other. The change,
// its audit entry and its outbox row are one audited operation.
import type { DeskEntity } from '../../../../shared/errors/desk-record-reasons-en';
import { reason } from '../../../../shared/errors/reason';
import { AppError } from '../../app-error';
import type { AuditedWrite } from '../../db/audited';
import type { RecordChange } from '../../db/outbox';
import { newRecordMeta, nextRecordMeta } from '../../db/record-meta';
import type { Stored } from '../../db/record-table';

/** Which record an edit was made on: its id and the version the editor read. */
export interface RecordBase {
  id: string;
  version: number;
}

/** What saving one kind of record needs. */
export interface SaveRecordSpec<T> {
  entity: DeskEntity;
  /** Audit actions for a new record and an edit. */
  actions: { created: string; updated: string };
  current(id: string): Stored<T> | undefined;
  insert(record: Stored<T>): RecordChange;
  update(record: Stored<T>, baseVersion: number): RecordChange | null;
  /** What the audit entry says about the record besides the fields changed (a code, a name; never a secret). */
  describe?(record: T): Record<string, unknown>;
}

/** A record that changed since the editor read it: refused as a conflict the renderer explains. */
export function recordChanged(entity: DeskEntity): AppError {
  return new AppError('conflict', reason('record-changed', { entity: reason(`entity-${entity}`) }));
}

/** Saves `fields` as a new record (base null) or over `base`; returns the stored record. */
export function saveRecord<T extends object>(audited: AuditedWrite, spec: SaveRecordSpec<T>, actor: string, at: Date, base: RecordBase | null, fields: T): Stored<T> {
  if (base === null) {
    const record = { ...fields, ...newRecordMeta(actor, at) } as Stored<T>;
    audited(
      (change: RecordChange) => ({ actor, action: spec.actions.created, entity: { type: spec.entity, id: record.id }, payload: { ...spec.describe?.(fields) }, at, changes: [change] }),
      () => spec.insert(record),
    );
    return record;
  }
  const { record } = audited(
    (result: { record: Stored<T>; change: RecordChange }) => ({
      actor,
      action: spec.actions.updated,
      entity: { type: spec.entity, id: base.id },
      // Column names only: the values may be secret (an encrypted account number).
      payload: { ...spec.describe?.(fields), changed: Object.keys(result.change.change).filter((c) => !['updated_at', 'updated_by', 'version'].includes(c)) },
      at,
      changes: [result.change],
    }),
    () => {
      const before = spec.current(base.id);
      if (!before) throw new AppError('not-found', reason('record-not-found', { entity: reason(`entity-${spec.entity}`) }));
      if (before.version !== base.version) throw recordChanged(spec.entity);
      const record = { ...before, ...fields, ...nextRecordMeta(before, actor, at) } as Stored<T>;
      const change = spec.update(record, base.version);
      if (!change) throw recordChanged(spec.entity);
      return { record, change };
    },
  );
  return record;
}
