import type Database from 'better-sqlite3';
import { prepared } from '../db/statement-cache';
import type { OperationFacts, ReportSources, VisitFacts } from './report-sources';

const visitSql = `
  SELECT a.id AS appointmentId, a.starts_at AS startsAt, a.ends_at AS endsAt,
         c.id AS caseId, c.target_bank AS targetCode, tb.name AS targetName,
         m.id AS merchantId, m.name AS merchantName, m.address, m.contact,
         t.id AS terminalId, t.serial, t.tid, t.mid, t.firmware, t.current_bank AS currentBank, cb.name AS currentBankName,
         tm.vendor, tm.model,
         o.username AS engineerUsername, o.display_name AS engineerName
  FROM appointments a
  JOIN cases c ON c.id = a.case_id
  JOIN banks tb ON tb.code = c.target_bank
  JOIN merchants m ON m.id = c.merchant_id
  JOIN terminals t ON t.id = c.terminal_id
  LEFT JOIN banks cb ON cb.code = t.current_bank
  LEFT JOIN terminal_models tm ON tm.id = t.model_id
  JOIN engineers e ON e.id = a.engineer_id
  JOIN operators o ON o.id = e.operator_id
  WHERE a.id = ?`;

interface VisitRow {
  appointmentId: string; startsAt: string; endsAt: string; caseId: string; targetCode: string; targetName: string;
  merchantId: string; merchantName: string; address: string; contact: string;
  terminalId: string; serial: string; tid: string; mid: string; firmware: string | null; currentBank: string; currentBankName: string | null;
  vendor: string | null; model: string | null; engineerUsername: string; engineerName: string;
}

const opSql = 'SELECT id, outcome, identity_json, digest_before, target_digest, final_digest, target_params_json FROM rebind_operations WHERE id = ?';

const parsed = (text: string | null): Record<string, unknown> | null => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));
const orNull = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text);

export function createSqliteReportSources(connection: () => Database.Database): ReportSources {
  return {
    visit(appointmentId): VisitFacts | undefined {
      const row = prepared<[string], VisitRow>(connection(), visitSql).get(appointmentId);
      if (!row) return undefined;
      return {
        caseId: row.caseId,
        merchant: { id: row.merchantId, name: row.merchantName, address: orNull(row.address), contactName: orNull(row.contact) },
        terminal: { id: row.terminalId, vendor: row.vendor, model: row.model, serial: row.serial, firmware: orNull(row.firmware), tid: row.tid, mid: row.mid, currentBank: row.currentBank },
        targetBank: { code: row.targetCode, name: row.targetName },
        currentBankName: row.currentBank === row.targetCode ? null : (row.currentBankName ?? row.currentBank),
        appointment: { id: row.appointmentId, startsAt: row.startsAt, endsAt: row.endsAt, engineerUsername: row.engineerUsername, engineerName: row.engineerName },
      };
    },
    operation(id): OperationFacts | undefined {
      const row = prepared<[number], { id: number; outcome: OperationFacts['outcome']; identity_json: string | null; digest_before: string | null; target_digest: string; final_digest: string | null; target_params_json: string }>(connection(), opSql).get(id);
      if (!row) return undefined;
      const clear = parsed(row.target_params_json) ?? {};
      const tags = Object.fromEntries(Object.entries(clear).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return { id: row.id, outcome: row.outcome, identity: parsed(row.identity_json), digestBefore: row.digest_before, targetDigest: row.target_digest, finalDigest: row.final_digest, targetClearTags: tags };
    },
    finishedRunsOfCase: (caseId) =>
      prepared<[string], { runId: string; appointmentId: string; finishedAt: string; outcome: 'completed' | 'restored' | 'failed' }>(
        connection(),
        "SELECT id AS runId, appointment_id AS appointmentId, finished_at AS finishedAt, outcome FROM checklist_runs WHERE case_id = ? AND status = 'finished' ORDER BY finished_at, id",
      ).all(caseId),
    displayName(username) {
      const row = prepared<[string], { display_name: string }>(connection(), 'SELECT display_name FROM operators WHERE username = ?').get(username);
      return row?.display_name ?? username;
    },
  };
}
