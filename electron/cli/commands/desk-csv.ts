// `rebind import merchants|terminals FILE` and `rebind export merchants|terminals`: the desk's CSV
// files on the command line, through the same service as the app's import page (one audited
// transaction, all or nothing; masked exports unless --include-sensitive, which is audited).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { csvKinds, type CsvKind } from '../../../shared/desk/csv/csv-columns';
import type { CsvProblem } from '../../../shared/desk/csv/csv-problem';
import { inEnglish } from '../../../shared/errors/reasons-en';
import type { MainReason } from '../../../shared/errors/reasons-en';
import { auditedOn } from '../../main/db/audited';
import type { FieldEncryption } from '../../main/crypto/field-encryption';
import { csvExportEncodings, type CsvExportEncoding } from '../../main/desk/csv/csv-export';
import { createMerchantCsvService, csvImportMaxBytes } from '../../main/desk/merchants/merchant-csv-service';
import { createSqliteMerchantRepository } from '../../main/desk/merchants/sqlite-merchant-repository';
import { createSqliteReferenceRepository } from '../../main/desk/reference/sqlite-reference-repository';
import { currentCliActor } from '../cli-actor';
import { exitCodes, UsageError, type CliIo } from '../cli-io';
import { openCliKeys } from '../cli-keyring';
import { parseOptions } from '../parse-options';
import { cliDataDir, DATABASE_FILE, openHeldDatabase, openHeldExistingDatabase } from '../rebind-cli-support';

function kindOf(word: string | undefined, verb: string): CsvKind {
  if (word === undefined || !(csvKinds as readonly string[]).includes(word)) {
    throw new UsageError(`say what to ${verb}: ${csvKinds.join(' or ')}${word === undefined ? '' : `, not "${word}"`}`);
  }
  return word as CsvKind;
}

function csvService(db: Database.Database, encryption: FieldEncryption | null) {
  return createMerchantCsvService({
    repo: createSqliteMerchantRepository(() => db),
    reference: createSqliteReferenceRepository(() => db),
    audited: auditedOn(() => db),
    // Terminals and masked exports hold nothing encrypted: they run without the data keys.
    encryption: encryption ?? {
      encrypt: () => {
        throw new Error('the data keys were not opened');
      },
      decrypt: () => {
        throw new Error('the data keys were not opened');
      },
    } as unknown as FieldEncryption,
    now: () => new Date(),
  });
}

/** One problem as people read it: the row as the spreadsheet shows it, the column, what to fix. */
function problemLine(problem: CsvProblem): string {
  const where = [problem.row === null ? 'file' : `row ${problem.row}`, problem.column === null ? null : `column ${problem.column}`].filter(Boolean).join(', ');
  return `${where}: ${inEnglish(problem.reason as MainReason)}`;
}

/** `rebind import merchants|terminals FILE [--data-dir DIR] [--dry-run] [--json]`. */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const [word, file, ...rest] = args;
  const kind = kindOf(word, 'import');
  if (file === undefined || file.startsWith('--')) throw new UsageError('name the CSV file to import (for example merchants.csv)');
  const options = parseOptions(rest, { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
  let bytes: Buffer;
  try {
    if (statSync(file).size > csvImportMaxBytes) throw new UsageError(`${file} is larger than ${csvImportMaxBytes / 1024 / 1024} MB; split it into smaller files`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const dataDir = cliDataDir(options['data-dir']);
  const held = openHeldDatabase(dataDir, 'rebind import');
  try {
    const encryption = kind === 'merchants' && !options['dry-run'] ? await openCliKeys(held.db, dataDir, io) : null;
    const outcome = csvService(held.db, encryption).commit(currentCliActor(), kind, bytes, undefined, { dryRun: options['dry-run'] === true });
    if ('problems' in outcome) {
      const problems = outcome.problems.map((p) => ({ row: p.row, column: p.column, message: inEnglish(p.reason as MainReason) }));
      if (options.json) io.out(JSON.stringify({ problems }, null, 2));
      else io.err([`rebind import: ${file} has ${problems.length} problem(s); nothing was imported.`, ...outcome.problems.map((p) => `  ${problemLine(p)}`)].join('\n'));
      return exitCodes.usage;
    }
    const dryRun = options['dry-run'] === true;
    if (options.json) io.out(JSON.stringify(dryRun ? { imported: 0, checked: outcome.imported, encoding: outcome.encoding, dryRun } : outcome));
    else io.out(dryRun ? `rebind import: ${file} (${outcome.encoding}) is good: ${outcome.imported} ${kind} would be imported; nothing was written (--dry-run).` : `rebind import: ${outcome.imported} ${kind} imported from ${file} (${outcome.encoding}).`);
    return exitCodes.ok;
  } finally {
    held.close();
  }
}

/** `rebind export merchants|terminals [--data-dir DIR] [--out FILE] [--encoding utf-8|gbk] [--include-sensitive]`. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const [word, ...rest] = args;
  const kind = kindOf(word, 'export');
  const options = parseOptions(rest, { 'data-dir': { type: 'string' }, out: { type: 'string' }, encoding: { type: 'string' }, 'include-sensitive': { type: 'boolean' } });
  const encoding = (options.encoding ?? 'utf-8').toLowerCase();
  if (!(csvExportEncodings as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be ${csvExportEncodings.join(' or ')}, not "${options.encoding}"`);
  const sensitive = options['include-sensitive'] === true && kind === 'merchants';
  const dataDir = cliDataDir(options['data-dir']);
  // Nothing to export from a directory without a database: opening it would create an empty one
  // and export nothing, so a mistyped --data-dir would look like an empty desk.
  const held = openHeldExistingDatabase(dataDir, 'rebind export');
  if (held === null) throw new UsageError(`${dataDir} holds no RebindDesk database (${DATABASE_FILE}); nothing was exported and nothing was created. Check --data-dir or REBINDDESK_DATA_DIR.`);
  try {
    const encryption = sensitive ? await openCliKeys(held.db, dataDir, io) : null;
    const exported = csvService(held.db, encryption).exportBytes(currentCliActor(), kind, encoding as CsvExportEncoding, sensitive);
    if (!exported.ok) {
      io.err([`rebind export: the ${kind} cannot be written in ${encoding.toUpperCase()}; nothing was written.`, ...exported.problems.map((p) => `  ${problemLine(p)}`)].join('\n'));
      return exitCodes.usage;
    }
    if (options.out === undefined) process.stdout.write(exported.bytes);
    else {
      writeFileSync(options.out, exported.bytes);
      io.err(`rebind export: ${exported.rows} ${kind} written to ${options.out} (${encoding === 'gbk' ? 'GBK' : 'UTF-8 with BOM'}${sensitive ? ', with the ID and account numbers in full; audited' : ', ID and account numbers masked'}).`);
    }
    return exitCodes.ok;
  } finally {
    held.close();
  }
}
