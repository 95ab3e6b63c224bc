import { exitCodes, UsageError, type CliIo } from '../cli-io';
import { parseOptions } from '../parse-options';
import { cliDataDir } from '../rebind-cli-support';
import { cliLanguage, formatReportVerify, ReportVerifyInputError, runReportVerify } from '../report-verify-cli';

/**
 * `rebind report verify FILE [--data-dir DIR] [--json]`: exit 0 when FILE is a report issued in
 * the data directory, unchanged; 1 when it is altered or unknown there; 2 when it cannot be checked
 * (no such file, no database, a usage error).
 */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(sub ? `unknown report command "${sub}"` : 'say what to do: report verify FILE');
  const [file, ...options] = rest;
  if (!file || file.startsWith('--')) throw new UsageError('report verify needs the PDF to check (for example rebind report verify SR-20261202-0001.pdf)');
  const parsed = parseOptions(options, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
  const dataDir = cliDataDir(parsed['data-dir']);
  const language = cliLanguage();
  let result;
  try {
    result = runReportVerify(file, dataDir, language);
  } catch (error) {
    if (error instanceof ReportVerifyInputError) throw new UsageError(error.message);
    throw error;
  }
  const ok = result.status === 'genuine';
  if (parsed.json) io.out(JSON.stringify({ file, dataDir, ...result, message: formatReportVerify(result, language).split('\n')[0] }, null, 2));
  else if (ok) io.out(formatReportVerify(result, language));
  else io.err(formatReportVerify(result, language));
  return ok ? exitCodes.ok : exitCodes.failure;
}
