import type Database from 'better-sqlite3';
import type { Bank, Compatibility } from '../../../../shared/desk/model';
import { recordTable } from '../../db/record-table';
import { prepared } from '../../db/statement-cache';
import type { EngineerFields, ModelFields, OperatorView, ReferenceRepository } from './reference-repository';

const banks = recordTable<Bank>('banks', 'bank', [
  { field: 'code', column: 'code' },
  { field: 'name', column: 'name' },
  { field: 'timeZone', column: 'time_zone' },
  { field: 'templateId', column: 'template_id' },
  { field: 'windows', column: 'windows', json: true },
  { field: 'exceptions', column: 'exceptions', json: true },
  { field: 'requiredMaterials', column: 'required_materials', json: true },
  { field: 'notices', column: 'notices', json: true },
  { field: 'feeRates', column: 'fee_rates', json: true },
  { field: 'areas', column: 'areas', json: true },
]);

const models = recordTable<ModelFields>('terminal_models', 'terminal-model', [
  { field: 'vendor', column: 'vendor' },
  { field: 'model', column: 'model' },
  { field: 'usbVendorId', column: 'usb_vendor_id' },
  { field: 'usbProductId', column: 'usb_product_id' },
]);

const compatibility = recordTable<Compatibility>('compatibility', 'compatibility', [
  { field: 'modelId', column: 'model_id' },
  { field: 'bankCode', column: 'bank_code' },
  { field: 'support', column: 'support' },
  { field: 'minFirmware' as keyof Compatibility & string, column: 'min_firmware' },
]);

const engineers = recordTable<EngineerFields>('engineers', 'engineer', [
  { field: 'operatorId', column: 'operator_id' },
  { field: 'timeZone', column: 'time_zone' },
  { field: 'skills', column: 'skills', json: true },
  { field: 'areas', column: 'areas', json: true },
  { field: 'hours', column: 'hours', json: true },
  { field: 'absences', column: 'absences', json: true },
]);

const operatorSql = 'SELECT id, username, display_name AS displayName, role, disabled FROM operators WHERE id = ?';
const emptySql = 'SELECT (SELECT count(*) FROM banks) + (SELECT count(*) FROM terminal_models) AS n';

/** The reference data in the app's SQLite file. */
export function createSqliteReferenceRepository(connection: () => Database.Database): ReferenceRepository {
  const db = connection;
  return {
    banks: () => banks.select(db(), '1', [], 'code'),
    bankByCode: (code) => banks.select(db(), 'code = ?', [code])[0],
    insertBank: (bank) => banks.insert(db(), bank),
    updateBank: (bank, base) => banks.update(db(), bank, base),

    models: () => models.select(db(), '1', [], 'vendor, model'),
    model: (id) => models.get(db(), id),
    modelByUsb: (vendorId, productId) => models.select(db(), 'usb_vendor_id = ? AND usb_product_id = ?', [vendorId, productId])[0],
    insertModel: (model) => models.insert(db(), model),
    updateModel: (model, base) => models.update(db(), model, base),

    compatibility: () => compatibility.select(db(), '1', [], 'bank_code, model_id'),
    compatibilityOf: (modelId, bankCode) => compatibility.select(db(), 'model_id = ? AND bank_code = ?', [modelId, bankCode])[0],
    insertCompatibility: (row) => compatibility.insert(db(), row),
    updateCompatibility: (row, base) => compatibility.update(db(), row, base),

    engineers: () => engineers.select(db(), '1', [], 'operator_id'),
    engineer: (id) => engineers.get(db(), id),
    engineerOfOperator: (operatorId) => engineers.select(db(), 'operator_id = ?', [operatorId])[0],
    insertEngineer: (engineer) => engineers.insert(db(), engineer),
    updateEngineer: (engineer, base) => engineers.update(db(), engineer, base),
    operator(id) {
      const row = prepared<[number], Omit<OperatorView, 'disabled'> & { disabled: number }>(db(), operatorSql).get(id);
      return row ? { ...row, disabled: row.disabled === 1 } : undefined;
    },

    isEmpty: () => prepared<[], { n: number }>(db(), emptySql).get()!.n === 0,
  };
}
