// Merchants and terminals composed: the SQLite repository, the service, the CSV service and their
// channel handlers, for the desk module (the app) and `rebind import|export` (the CLI).
import type Database from 'better-sqlite3';
import type { AuditedWrite } from '../../db/audited';
import type { FieldEncryption } from '../../crypto/field-encryption';
import type { FilePicker } from '../../platform/file-picker';
import type { ReferenceRepository } from '../reference/reference-repository';
import { createMerchantCsvService } from './merchant-csv-service';
import { createMerchantHandlers } from './merchant-handlers';
import { createMerchantService } from './merchant-service';
import { createSqliteMerchantRepository } from './sqlite-merchant-repository';

export type { MerchantChannel } from './merchant-handlers';

export interface MerchantDeskDeps {
  connection: () => Database.Database;
  audited: AuditedWrite;
  reference: ReferenceRepository;
  encryption: FieldEncryption;
  now: () => Date;
  picker?: Pick<FilePicker, 'chooseCsvSource' | 'chooseCsvTarget'>;
}

export function createMerchantDesk(deps: MerchantDeskDeps) {
  const repo = createSqliteMerchantRepository(deps.connection);
  const merchants = createMerchantService({ ...deps, repo });
  const csv = createMerchantCsvService({ ...deps, repo });
  return { repo, merchants, csv, handlers: createMerchantHandlers(merchants, csv) };
}
