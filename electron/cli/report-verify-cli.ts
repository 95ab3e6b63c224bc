// `rebind report verify FILE`: is this PDF a service report issued in the data directory, unchanged?
// Opens the database read-only (never migrates or writes, like `rebind audit verify`) and answers as
// the case page does: genuine (which report, case, terminal, issued by whom and when), altered or
// unknown. The words follow the user's locale (LC_ALL / LC_MESSAGES / LANG: zh* → Chinese, else English).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { IssuedReport, ReportVerifyResult } from '../../shared/report/report-record';
import { REPORT_VERIFY_MAX_BYTES } from '../../shared/ipc/contract-report';
import type { Language } from '../../shared/settings/settings';
import { applicationId } from '../main/db/migrate';
import { createSqliteReportRepository } from '../main/report/sqlite-report-repository';
import { verifyReportBytes } from '../main/report/report-verify';
import { DATABASE_FILE } from './rebind-cli-support';

/** The language of the CLI's words, from the locale variables as POSIX orders them. */
export function cliLanguage(env: Readonly<Record<string, string | undefined>> = process.env): Language {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en-US';
}

/** Why the file could not be checked at all (exit 2): the words, in the CLI's language. */
export class ReportVerifyInputError extends Error {}

const inputProblems = {
  'en-US': {
    noFile: (file: string) => `There is no file ${file}. Give the path of the report PDF.`,
    notFile: (file: string) => `${file} is not a file. Give the path of the report PDF.`,
    empty: (file: string) => `${file} is empty. Give the report PDF itself.`,
    tooLarge: (file: string, max: number) => `${file} is larger than ${Math.round(max / 1024 / 1024)} MiB; no issued report is that large.`,
    noDatabase: (dir: string) => `${dir} holds no RebindDesk database (${DATABASE_FILE}); check --data-dir or REBINDDESK_DATA_DIR.`,
    notOurs: (path: string) => `${path} is not a RebindDesk database.`,
    tooOld: (path: string) => `${path} has no service reports yet (its schema is older than this command); start the app once to upgrade it.`,
  },
  'zh-CN': {
    noFile: (file: string) => `文件 ${file} 不存在。请给出报告 PDF 的路径。`,
    notFile: (file: string) => `${file} 不是文件。请给出报告 PDF 的路径。`,
    empty: (file: string) => `${file} 是空文件。请给出报告 PDF 本身。`,
    tooLarge: (file: string, max: number) => `${file} 大于 ${Math.round(max / 1024 / 1024)} MiB；出具的报告不会这么大。`,
    noDatabase: (dir: string) => `${dir} 中没有 RebindDesk 数据库（${DATABASE_FILE}）；请检查 --data-dir 或 REBINDDESK_DATA_DIR。`,
    notOurs: (path: string) => `${path} 不是 RebindDesk 数据库。`,
    tooOld: (path: string) => `${path} 中还没有服务报告（其结构早于此命令）；请先启动一次应用以升级。`,
  },
} as const;

/** Reads FILE and verifies it against the database in `dataDir`, read-only. */
export function runReportVerify(file: string, dataDir: string, language: Language, nativeBinding?: string): ReportVerifyResult {
  const say = inputProblems[language];
  if (!existsSync(file)) throw new ReportVerifyInputError(say.noFile(file));
  const stat = statSync(file);
  if (!stat.isFile()) throw new ReportVerifyInputError(say.notFile(file));
  if (stat.size === 0) throw new ReportVerifyInputError(say.empty(file));
  if (stat.size > REPORT_VERIFY_MAX_BYTES) throw new ReportVerifyInputError(say.tooLarge(file, REPORT_VERIFY_MAX_BYTES));
  const path = join(dataDir, DATABASE_FILE);
  if (!existsSync(path)) throw new ReportVerifyInputError(say.noDatabase(dataDir));
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (db.pragma('application_id', { simple: true }) !== applicationId) throw new ReportVerifyInputError(say.notOurs(path));
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'service_reports'").get()) throw new ReportVerifyInputError(say.tooOld(path));
    return verifyReportBytes(readFileSync(file), createSqliteReportRepository(() => db));
  } finally {
    db.close();
  }
}

const words = {
  'en-US': {
    genuine: 'GENUINE: this is the report as it was issued.',
    altered: 'ALTERED: this file is not the report as it was issued.',
    bytesDiffer: (r: IssuedReport) => `It names report ${r.reportNumber}, but its bytes differ from the issued file's. Ask the desk for the issued PDF.`,
    recordDamaged: 'Its bytes are the issued file\'s, but this data directory\'s record of the report no longer holds (its stored content or audit entry was changed). Run rebind audit verify.',
    unknown: 'UNKNOWN: no report issued in this data directory is this file, or is named in it.',
    unknownHint: 'It may have been issued on another installation, or not be a RebindDesk service report.',
    notPdf: 'The file is not a PDF.',
    report: 'report', case: 'case', terminal: 'terminal', merchant: 'merchant', issued: 'issued', by: 'by',
    fingerprint: 'fingerprint', pdf: 'PDF SHA-256', fileSha: 'this file\'s SHA-256', audit: 'audit entry',
    supersedes: (n: string, why: string) => `corrects ${n}: ${why}`,
    supersededBy: (n: string, at: string) => `superseded by ${n} on ${at}: the newer report is the current one`,
  },
  'zh-CN': {
    genuine: '真实：此文件就是出具时的报告。',
    altered: '已被改动：此文件不是出具时的报告。',
    bytesDiffer: (r: IssuedReport) => `文件自称是报告 ${r.reportNumber}，但其内容与出具的文件不同。请向服务台索取出具的 PDF。`,
    recordDamaged: '文件内容与出具时一致，但本数据目录中该报告的记录已不成立（其保存的内容或审计记录被改动过）。请运行 rebind audit verify。',
    unknown: '未知：本数据目录出具的报告中没有此文件，文件中也没有指向任何一份。',
    unknownHint: '它可能出自另一台安装，或者不是 RebindDesk 的服务报告。',
    notPdf: '此文件不是 PDF。',
    report: '报告', case: '工单', terminal: '终端', merchant: '商户', issued: '出具时间', by: '出具人',
    fingerprint: '内容指纹', pdf: 'PDF SHA-256', fileSha: '此文件的 SHA-256', audit: '审计记录',
    supersedes: (n: string, why: string) => `更正 ${n}：${why}`,
    supersededBy: (n: string, at: string) => `已于 ${at} 被 ${n} 取代，以新报告为准`,
  },
} as const;

/** The answer as lines for a terminal, in `language`. */
export function formatReportVerify(result: ReportVerifyResult, language: Language): string {
  const w = words[language];
  if (result.status === 'unknown') return [w.unknown, w.unknownHint, ...(result.isPdf ? [] : [w.notPdf]), `  ${w.fileSha}: ${result.pdfSha256}`].join('\n');
  const r = result.report;
  const lines: string[] = [result.status === 'genuine' ? w.genuine : w.altered];
  if (result.status === 'altered') lines.push(result.why === 'bytes-differ' ? w.bytesDiffer(r) : w.recordDamaged);
  lines.push(
    `  ${w.report}: ${r.reportNumber}`,
    `  ${w.case}: ${r.caseId}`,
    `  ${w.terminal}: ${r.terminalSerial}`,
    `  ${w.merchant}: ${r.merchantName}`,
    `  ${w.issued}: ${r.issuedAt}`,
    `  ${w.by}: ${r.issuedBy.displayName} (${r.issuedBy.username})`,
    `  ${w.fingerprint}: ${r.fingerprint}`,
    `  ${w.pdf}: ${r.pdfSha256}`,
  );
  if (result.status === 'altered') lines.push(`  ${w.fileSha}: ${result.pdfSha256}`);
  if (r.auditSeq !== null) lines.push(`  ${w.audit}: #${r.auditSeq}`);
  if (r.supersedes) lines.push(`  ${w.supersedes(r.supersedes.reportNumber, r.supersedes.reason)}`);
  if (r.supersededBy) lines.push(`  ${w.supersededBy(r.supersededBy.reportNumber, r.supersededBy.issuedAt)}`);
  return lines.join('\n');
}
