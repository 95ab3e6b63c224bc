import { formatAuditVerifyReport, runAuditVerify } from '../audit-verify-cli';
import { exitCodes, UsageError, type CliIo } from '../cli-io';
import { parseOptions, requireOption } from '../parse-options';

/** The head an earlier export recorded, as `SEQ:HASH`. */
function parseAnchor(text: string | undefined): { seq: number; hash: string } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match || Number(match[1]) < 1) {
    throw new UsageError(`--expect-head must be SEQ:HASH as an export's last line gives them (for example 42:${'0'.repeat(64)}), not "${text}"`);
  }
  return { seq: Number(match[1]), hash: match[2]! };
}

/**
 * `rebind audit verify --data-dir DIR [--expect-head SEQ:HASH] [--json]`: walks the audit chain of
 * the database in DIR, read-only, against every head recorded outside it (the backups' side
 * records and the backup history, plus --expect-head), and says up to which entry those reach.
 * Exit 0 when it is intact, 1 when it is broken or cannot be checked, 2 for a usage error.
 */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new UsageError(sub ? `unknown audit command "${sub}"` : 'say what to do: audit verify');
  const options = parseOptions(rest, { 'data-dir': { type: 'string' }, 'expect-head': { type: 'string' }, json: { type: 'boolean' } });
  const dataDir = requireOption(options['data-dir'], 'data-dir', '~/.config/RebindDesk');
  const anchor = parseAnchor(options['expect-head']);
  const report = runAuditVerify(dataDir, anchor ? { anchor } : {});
  if (options.json) io.out(JSON.stringify(report, null, 2));
  else if (report.ok) io.out(formatAuditVerifyReport(report));
  else io.err(formatAuditVerifyReport(report));
  return report.ok ? exitCodes.ok : exitCodes.failure;
}
