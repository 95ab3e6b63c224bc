// Merchants and terminals in and out of CSV files, for the app's import page and `rebind import` /
// `rebind export` alike, on the CSV engine (desk/csv/). An import is planned and written inside one
// audited operation, so what the checks asked the database is still true when the rows go in, and
// a file with any bad row writes nothing. Exports are masked unless asked otherwise, which is audited.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { fitShortName } from '../../../../shared/desk/validators/receipt-short-name';
import { deskAuditActions } from '../../../../shared/desk/desk-audit';
import type { CsvKind } from '../../../../shared/desk/csv/csv-columns';
import type { CsvProblem } from '../../../../shared/desk/csv/csv-problem';
import type { MerchantCsvRecord, TerminalCsvRecord } from '../../../../shared/desk/csv/csv-records';
import type { ImportPreview } from '../../../../shared/ipc/contract-desk-merchants';
import { reason } from '../../../../shared/errors/reason';
import type { MainReason } from '../../../../shared/errors/reasons-en';
import { AppError } from '../../app-error';
import type { AuditedWrite } from '../../db/audited';
import type { RecordChange } from '../../db/outbox';
import { newRecordMeta } from '../../db/record-meta';
import type { Stored } from '../../db/record-table';
import type { FieldEncryption } from '../../crypto/field-encryption';
import type { FilePicker } from '../../platform/file-picker';
import type { ForcibleCsvEncoding } from '../csv/csv-decode';
import { exportCsv, type CsvExportEncoding, type ExportedCsv } from '../csv/csv-export';
import { planImport, type CsvImportPlan } from '../csv/csv-import-plan';
import type { ReferenceRepository } from '../reference/reference-repository';
import type { MerchantFields, MerchantRepository, TerminalFields } from './merchant-repository';
import { localDay, merchantSealedFields } from './merchant-service';
import { visibleTail } from '../../../../shared/auth/mask';

export interface MerchantCsvServiceDeps {
  repo: MerchantRepository;
  reference: ReferenceRepository;
  audited: AuditedWrite;
  encryption: FieldEncryption;
  now: () => Date;
  /** The app's file dialogs; the CLI has none. */
  picker?: Pick<FilePicker, 'chooseCsvSource' | 'chooseCsvTarget'>;
}

/** The largest file imported at once (some 100k merchants). */
export const csvImportMaxBytes = 20 * 1024 * 1024;

export type ImportOutcome = { imported: number; encoding: string } | { problems: CsvProblem[] };

// A masked export has no clear value to mask: it is written from the stored last 4 behind a fixed
// run of dots, which say nothing about the real length.
const maskedStandIn = (last4: string) => `${'•'.repeat(12)}${last4}`;
const exportPage = 2000;

export type MerchantCsvService = ReturnType<typeof createMerchantCsvService>;

export function createMerchantCsvService({ repo, reference, audited, encryption, now, picker }: MerchantCsvServiceDeps) {
  const day = () => localDay(now());

  const modelIds = () => {
    const byName = new Map<string, string>();
    for (const model of reference.models()) {
      byName.set(`${model.vendor} ${model.model}`.toUpperCase(), model.id);
      // The model alone names it when no other vendor uses the same name.
      const alone = model.model.toUpperCase();
      byName.set(alone, byName.has(alone) ? '' : model.id);
    }
    return (name: string) => byName.get(name.trim().toUpperCase()) || undefined;
  };

  const plan = (kind: CsvKind, bytes: Uint8Array, encoding?: ForcibleCsvEncoding): CsvImportPlan<CsvKind> => {
    const modelId = modelIds();
    const lookups = {
      merchantExists: (uscc: string) => repo.merchantByUscc(uscc) !== undefined,
      terminalSerialExists: (serial: string) => repo.terminalBySerial(serial) !== undefined,
      terminalTidExists: (tid: string) => repo.terminalByTid(tid) !== undefined,
      modelExists: (model: string) => modelId(model) !== undefined,
      bankExists: (code: string) => reference.bankByCode(code) !== undefined,
    };
    return planImport(bytes, kind, lookups, { today: day(), ...(encoding ? { forcedEncoding: encoding } : {}) });
  };

  const merchantOf = (record: MerchantCsvRecord): MerchantFields => ({
    name: record.name,
    uscc: record.uscc,
    legalRep: record.legalRep,
    legalRepIdSealed: encryption.encrypt(merchantSealedFields.legalRepId, record.legalRepId),
    legalRepIdLast4: visibleTail(record.legalRepId),
    contact: record.contact,
    phone: record.phone,
    address: record.address,
    // Not in the file: the desk adds the area; the short name starts as the name cut to 40 bytes.
    area: '',
    settlementBank: record.bank,
    settlementBranch: record.branch,
    cnaps: record.cnaps,
    accountNoSealed: encryption.encrypt(merchantSealedFields.accountNo, record.accountNo),
    accountNoLast4: visibleTail(record.accountNo),
    accountStatus: record.accountStatus ?? 'normal',
    shortName: fitShortName(record.name),
  });

  const write = (actor: string, kind: CsvKind, records: readonly (MerchantCsvRecord | TerminalCsvRecord)[], at: Date): RecordChange[] => {
    if (kind === 'merchants') return (records as MerchantCsvRecord[]).map((record) => repo.insertMerchant({ ...merchantOf(record), ...newRecordMeta(actor, at) }));
    const modelId = modelIds();
    return (records as TerminalCsvRecord[]).map((record) => {
      const terminal: TerminalFields = { modelId: modelId(record.model)!, serial: record.serial, tid: record.tid, mid: record.mid, firmware: undefined, currentBank: record.bank, merchantId: repo.merchantByUscc(record.merchantUscc)!.id };
      return repo.insertTerminal({ ...terminal, ...newRecordMeta(actor, at) } as Stored<TerminalFields>);
    });
  };

  const merchantRecords = (includeSensitive: boolean): MerchantCsvRecord[] => {
    const out: MerchantCsvRecord[] = [];
    for (let after = '', page = repo.merchantsPage(after, exportPage); page.length > 0; after = page.at(-1)!.uscc, page = repo.merchantsPage(after, exportPage)) {
      for (const m of page) {
        out.push({
          name: m.name,
          uscc: m.uscc,
          legalRep: m.legalRep,
          legalRepId: includeSensitive ? encryption.decrypt(merchantSealedFields.legalRepId, m.legalRepIdSealed) : maskedStandIn(m.legalRepIdLast4),
          contact: m.contact,
          phone: m.phone,
          address: m.address,
          bank: m.settlementBank,
          branch: m.settlementBranch,
          cnaps: m.cnaps,
          accountNo: includeSensitive ? encryption.decrypt(merchantSealedFields.accountNo, m.accountNoSealed) : maskedStandIn(m.accountNoLast4),
          accountStatus: m.accountStatus,
        });
      }
    }
    return out;
  };

  const terminalRecords = (): TerminalCsvRecord[] => {
    const models = new Map(reference.models().map((m) => [m.id, `${m.vendor} ${m.model}`]));
    const out: TerminalCsvRecord[] = [];
    const uscc = new Map<string, string>();
    for (let after = '', page = repo.terminalsPage(after, exportPage); page.length > 0; after = page.at(-1)!.serial, page = repo.terminalsPage(after, exportPage)) {
      for (const t of page) {
        if (!uscc.has(t.merchantId)) uscc.set(t.merchantId, repo.merchant(t.merchantId)?.uscc ?? '');
        out.push({ serial: t.serial, tid: t.tid, mid: t.mid, model: models.get(t.modelId) ?? '', merchantUscc: uscc.get(t.merchantId)!, bank: t.currentBank });
      }
    }
    return out;
  };

  const service = {
    plan,
    /**
     * Imports the file in one audited operation, or writes nothing and gives every problem.
     * `dryRun` checks exactly as an import would and writes nothing.
     */
    commit(actor: string, kind: CsvKind, bytes: Uint8Array, encoding?: ForcibleCsvEncoding, options: { dryRun?: boolean } = {}): ImportOutcome {
      if (bytes.byteLength > csvImportMaxBytes) return { problems: [tooLarge(bytes.byteLength)] };
      const at = now();
      const outcome = audited<{ problems: CsvProblem[] } | { imported: number; encoding: string; changes?: RecordChange[] }>(
        (outcome) =>
          'imported' in outcome && outcome.changes
            ? { actor, action: kind === 'merchants' ? deskAuditActions.merchantsImported : deskAuditActions.terminalsImported, entity: { type: kind === 'merchants' ? 'merchant' : 'terminal', id: 'csv-import' }, payload: { rows: outcome.imported, encoding: outcome.encoding }, at, changes: outcome.changes }
            : null,
        () => {
          const planned = plan(kind, bytes, encoding);
          if (planned.problems.length > 0) return { problems: planned.problems };
          const result = { imported: planned.records.length, encoding: planned.encoding! };
          return options.dryRun ? result : { ...result, changes: write(actor, kind, planned.records, at) };
        },
      );
      return 'problems' in outcome ? { problems: outcome.problems } : { imported: outcome.imported, encoding: outcome.encoding };
    },
    /** The file's bytes; the clear numbers only with `includeSensitive`, audited in the same operation that reads them. */
    exportBytes(actor: string, kind: CsvKind, encoding: CsvExportEncoding, includeSensitive: boolean): ExportedCsv {
      if (kind === 'terminals') return exportCsv(terminalRecords(), 'terminals', { encoding });
      if (!includeSensitive) return exportCsv(merchantRecords(false), 'merchants', { encoding });
      return audited(
        (result: ExportedCsv) => (result.ok ? { actor, action: deskAuditActions.merchantsExportedSensitive, entity: { type: 'merchant', id: 'csv-export' }, payload: { rows: result.rows, encoding }, at: now() } : null),
        () => exportCsv(merchantRecords(true), 'merchants', { encoding, includeSensitive: true }),
      );
    },
    async preview(kind: CsvKind, source: { from: 'bytes'; base64: string } | { from: 'picker' }, encoding?: ForcibleCsvEncoding): Promise<ImportPreview | null> {
      let bytes: Uint8Array;
      if (source.from === 'bytes') bytes = Buffer.from(source.base64, 'base64');
      else {
        const path = await picker!.chooseCsvSource();
        if (path === null) return null;
        const size = (await stat(path)).size;
        if (size > csvImportMaxBytes) throw new AppError('invalid-input', tooLarge(size).reason as MainReason);
        bytes = await readFile(path);
      }
      const planned = plan(kind, bytes, encoding);
      return {
        kind,
        base64: Buffer.from(bytes).toString('base64'),
        encoding: planned.encoding,
        rowCount: planned.rowCount,
        problems: planned.problems,
        warnings: planned.warnings,
        preview: planned.preview.map((row) => ({ row: row.row, cells: row.cells })),
      };
    },
    async exportToPicker(actor: string, kind: CsvKind, encoding: CsvExportEncoding, includeSensitive: boolean): Promise<{ path: string; rows: number } | null> {
      const path = await picker!.chooseCsvTarget(`rebinddesk-${kind}-${day()}.csv`);
      if (path === null) return null;
      const exported = service.exportBytes(actor, kind, encoding, includeSensitive);
      if (!exported.ok) throw new AppError('invalid-input', exported.problems[0]!.reason as MainReason);
      await writeFile(path, exported.bytes);
      return { path, rows: exported.rows };
    },
  };
  return service;
}

function tooLarge(bytes: number): CsvProblem {
  return { row: null, line: null, column: null, reason: reason('csv-file-too-large', { megabytes: Math.ceil(bytes / 1024 / 1024), limit: csvImportMaxBytes / 1024 / 1024 }) };
}
