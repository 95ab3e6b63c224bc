import type { Bank, Compatibility, Engineer, TerminalModel } from '../../../../shared/desk/model';
import type { RecordChange } from '../../db/outbox';
import type { Stored } from '../../db/record-table';

/** A terminal model without its id, which the record meta carries. */
export type ModelFields = Omit<TerminalModel, 'id'>;
/** An engineer profile without its id. */
export type EngineerFields = Omit<Engineer, 'id'>;
/** The role and name of an operator, to check that an engineer profile belongs to an engineer. */
export interface OperatorView {
  id: number;
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
}

/**
 * The desk's reference data: acquiring banks, terminal models with their bank compatibility, and
 * engineers' booking profiles. Writes return the outbox change; call them inside the audited
 * operation that records them. An update names the version it was made on and returns null when
 * the row has moved on.
 */
export interface ReferenceRepository {
  banks(): Stored<Bank>[];
  bankByCode(code: string): Stored<Bank> | undefined;
  insertBank(bank: Stored<Bank>): RecordChange;
  updateBank(bank: Stored<Bank>, baseVersion: number): RecordChange | null;

  models(): Stored<ModelFields>[];
  model(id: string): Stored<ModelFields> | undefined;
  modelByUsb(vendorId: string, productId: string): Stored<ModelFields> | undefined;
  insertModel(model: Stored<ModelFields>): RecordChange;
  updateModel(model: Stored<ModelFields>, baseVersion: number): RecordChange | null;

  compatibility(): Stored<Compatibility>[];
  compatibilityOf(modelId: string, bankCode: string): Stored<Compatibility> | undefined;
  insertCompatibility(row: Stored<Compatibility>): RecordChange;
  updateCompatibility(row: Stored<Compatibility>, baseVersion: number): RecordChange | null;

  engineers(): Stored<EngineerFields>[];
  engineer(id: string): Stored<EngineerFields> | undefined;
  engineerOfOperator(operatorId: number): Stored<EngineerFields> | undefined;
  insertEngineer(engineer: Stored<EngineerFields>): RecordChange;
  updateEngineer(engineer: Stored<EngineerFields>, baseVersion: number): RecordChange | null;
  operator(id: number): OperatorView | undefined;

  /** True when no bank, model or compatibility row exists yet (a new install, before the samples). */
  isEmpty(): boolean;
}
