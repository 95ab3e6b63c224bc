// The desk's reference data: banks, terminal models and their bank compatibility, and engineers'
// booking profiles. Admins keep it; everyone signed in reads it (the desk books with it, the
// engineer's day shows it). Every save is one audited operation with its outbox row.
import type { Bank, Compatibility } from '../../../../shared/desk/model';
import { deskAuditActions } from '../../../../shared/desk/desk-audit';
import { reason } from '../../../../shared/errors/reason';
import type { Actor } from '../../../../shared/auth/session';
import { AppError } from '../../app-error';
import type { AuditedWrite } from '../../db/audited';
import { newRecordMeta } from '../../db/record-meta';
import type { Stored } from '../../db/record-table';
import { saveRecord, type RecordBase } from '../records/save-record';
import type { EngineerFields, ModelFields, ReferenceRepository } from './reference-repository';
import type { ReferenceSamples } from './reference-samples';

/** Everything the reference pages and the booking show. */
export interface ReferenceData {
  banks: Stored<Bank>[];
  models: Stored<ModelFields>[];
  compatibility: Stored<Compatibility>[];
  engineers: (Stored<EngineerFields> & { username: string; displayName: string })[];
}

export interface ReferenceServiceDeps {
  repo: ReferenceRepository;
  audited: AuditedWrite;
  now: () => Date;
  /** The ids of the bank parameter templates the app ships (resources/bank-templates). */
  templateIds: () => readonly string[];
}

export type ReferenceService = ReturnType<typeof createReferenceService>;

export function createReferenceService({ repo, audited, now, templateIds }: ReferenceServiceDeps) {
  const checkBank = (bank: Bank, base: RecordBase | null): void => {
    const sameCode = repo.bankByCode(bank.code);
    if (sameCode && sameCode.id !== base?.id) throw new AppError('conflict', reason('bank-code-taken', { code: bank.code }), 'code');
    if (!templateIds().includes(bank.templateId)) throw new AppError('invalid-input', reason('bank-template-unknown', { templateId: bank.templateId }), 'templateId');
  };

  const checkModel = (model: ModelFields, base: RecordBase | null): void => {
    const same = repo.models().find((m) => m.vendor === model.vendor && m.model === model.model);
    if (same && same.id !== base?.id) throw new AppError('conflict', reason('model-taken', { vendor: model.vendor, model: model.model }), 'model');
    const usb = repo.modelByUsb(model.usbVendorId, model.usbProductId);
    if (usb && usb.id !== base?.id) {
      throw new AppError('conflict', reason('model-usb-taken', { usbId: `${model.usbVendorId}:${model.usbProductId}`, other: `${usb.vendor} ${usb.model}` }), 'usbProductId');
    }
  };

  const checkCompatibility = (row: Compatibility, base: RecordBase | null): void => {
    if (!repo.model(row.modelId)) throw new AppError('not-found', reason('model-unknown'), 'modelId');
    if (!repo.bankByCode(row.bankCode)) throw new AppError('not-found', reason('bank-unknown', { code: row.bankCode }), 'bankCode');
    const same = repo.compatibilityOf(row.modelId, row.bankCode);
    if (same && same.id !== base?.id) throw new AppError('conflict', reason('compatibility-taken', { bank: row.bankCode }), 'bankCode');
  };

  const checkEngineer = (engineer: EngineerFields, base: RecordBase | null): void => {
    const operator = repo.operator(engineer.operatorId);
    if (!operator) throw new AppError('not-found', reason('operator-unknown'), 'operatorId');
    if (operator.role !== 'engineer') throw new AppError('invalid-input', reason('operator-not-engineer', { username: operator.username, role: operator.role }), 'operatorId');
    const same = repo.engineerOfOperator(engineer.operatorId);
    if (same && same.id !== base?.id) throw new AppError('conflict', reason('engineer-profile-taken', { username: operator.username }), 'operatorId');
  };

  return {
    list(): ReferenceData {
      const engineers = repo.engineers().map((e) => {
        const operator = repo.operator(e.operatorId);
        return { ...e, username: operator?.username ?? '', displayName: operator?.displayName ?? '' };
      });
      return { banks: repo.banks(), models: repo.models(), compatibility: repo.compatibility(), engineers };
    },

    saveBank(actor: Actor, base: RecordBase | null, bank: Bank): Stored<Bank> {
      checkBank(bank, base);
      return saveRecord(audited, { entity: 'bank', actions: { created: deskAuditActions.bankCreated, updated: deskAuditActions.bankUpdated }, current: (id) => repo.banks().find((b) => b.id === id), insert: repo.insertBank, update: repo.updateBank, describe: (b) => ({ code: b.code }) }, actor.username, now(), base, bank);
    },

    saveModel(actor: Actor, base: RecordBase | null, model: ModelFields): Stored<ModelFields> {
      checkModel(model, base);
      return saveRecord(audited, { entity: 'terminal-model', actions: { created: deskAuditActions.modelCreated, updated: deskAuditActions.modelUpdated }, current: repo.model, insert: repo.insertModel, update: repo.updateModel, describe: (m) => ({ vendor: m.vendor, model: m.model }) }, actor.username, now(), base, model);
    },

    saveCompatibility(actor: Actor, base: RecordBase | null, row: Compatibility): Stored<Compatibility> {
      checkCompatibility(row, base);
      return saveRecord(audited, { entity: 'compatibility', actions: { created: deskAuditActions.compatibilityCreated, updated: deskAuditActions.compatibilityUpdated }, current: (id) => repo.compatibility().find((c) => c.id === id), insert: repo.insertCompatibility, update: repo.updateCompatibility, describe: (c) => ({ modelId: c.modelId, bank: c.bankCode, support: c.support }) }, actor.username, now(), base, row);
    },

    saveEngineer(actor: Actor, base: RecordBase | null, engineer: EngineerFields): Stored<EngineerFields> {
      checkEngineer(engineer, base);
      return saveRecord(audited, { entity: 'engineer', actions: { created: deskAuditActions.engineerCreated, updated: deskAuditActions.engineerUpdated }, current: repo.engineer, insert: repo.insertEngineer, update: repo.updateEngineer, describe: (e) => ({ operatorId: e.operatorId }) }, actor.username, now(), base, engineer);
    },

    /**
     * Loads the shipped sample banks, models and compatibility into an empty install, as one
     * audited operation; refused once any exists, so it never overwrites what an admin entered.
     */
    loadSamples(actor: string, samples: ReferenceSamples): { banks: number; models: number; compatibility: number } {
      const at = now();
      const counts = { banks: samples.banks.length, models: samples.models.length, compatibility: samples.compatibility.length };
      audited(
        (changes) => ({ actor, action: deskAuditActions.samplesLoaded, entity: { type: 'reference', id: 'samples' }, payload: counts, at, changes }),
        () => {
          if (!repo.isEmpty()) throw new AppError('conflict', reason('samples-not-empty'));
          const changes = [];
          const modelIds = new Map<string, string>();
          for (const bank of samples.banks) changes.push(repo.insertBank({ ...bank, ...newRecordMeta(actor, at) }));
          for (const model of samples.models) {
            const meta = newRecordMeta(actor, at);
            modelIds.set(`${model.vendor} ${model.model}`, meta.id);
            changes.push(repo.insertModel({ ...model, ...meta }));
          }
          for (const { model, ...row } of samples.compatibility) {
            const modelId = modelIds.get(model);
            if (!modelId) throw new Error(`The sample compatibility names the model ${model}, which the samples lack.`);
            changes.push(repo.insertCompatibility({ ...row, modelId, ...newRecordMeta(actor, at) } as Stored<Compatibility>));
          }
          return changes;
        },
      );
      return counts;
    },
  };
}
