import { describe, expect, it } from 'vitest';
import { auditMessages } from '../features/audit/audit-messages';
import { authMessages } from '../features/auth/auth-messages';
import { backupMessages } from '../features/backup/backup-messages';
import { onsiteMessages } from '../features/onsite/onsite-messages';
import { operatorsMessages } from '../features/operators/operators-messages';
import { referenceMessages } from '../features/desk-reference/reference-messages';
import { merchantsMessages } from '../features/desk-merchants/merchants-messages';
import { casesMessages } from '../features/desk-cases/cases-messages';
import { attachmentsMessages } from '../features/attachments/attachments-messages';
import { checklistMessages } from '../features/checklist/checklist-messages';
import { calendarMessages } from '../features/desk-calendar/calendar-messages';
import { deskImportMessages } from '../features/desk-import/import-messages';
import { todayMessages } from '../features/desk-today/today-messages';
import { helpMessages } from '../features/help/help-messages';
import { trainingMessages } from '../features/training/training-messages';
import { reportsMessages } from '../features/reports/reports-messages';
import { settingsMessages } from '../features/settings/settings-messages';
import { terminalMessages } from '../features/terminal/terminal-messages';
import { messages } from './index';
import { shellZhCN } from './messages/zh-cn';

const zhCN = messages['zh-CN'];
const enUS = messages['en-US'];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('UI messages', () => {
  it('zh-CN and en-US have the same keys', () => {
    expect(keys(enUS).sort()).toEqual(keys(zhCN).sort());
  });

  it('gives each namespace to one owner, so no feature silently replaces the texts of another', () => {
    const owners = [shellZhCN, authMessages, operatorsMessages, settingsMessages, backupMessages, auditMessages, terminalMessages, onsiteMessages, referenceMessages, merchantsMessages, casesMessages, attachmentsMessages, checklistMessages, calendarMessages, deskImportMessages, todayMessages, helpMessages, trainingMessages, reportsMessages].map((owner) =>
      Object.keys('zh-CN' in owner ? owner['zh-CN'] : owner),
    );
    const all = owners.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(zhCN).sort()).toEqual([...all].sort());
  });

  it('no message is empty', () => {
    for (const messages of [zhCN, enUS]) {
      const flat = keys(messages);
      for (const key of flat) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(String(value).trim(), key).not.toBe('');
      }
    }
  });
});

describe('On-site reasons', () => {
  it('has a message for every outcome reason the engine can give', async () => {
    const { rebindReasons } = await import('../../../shared/rebind/rebind-outcome');
    for (const reason of rebindReasons) {
      expect(zhCN.onsite.reasons[reason], reason).toBeTruthy();
      expect(enUS.onsite.reasons[reason], reason).toBeTruthy();
    }
  });

  it('has a banner title for every outcome, refused included', async () => {
    const { rebindOutcomes } = await import('../../../shared/rebind/rebind-outcome');
    for (const kind of rebindOutcomes) {
      expect(zhCN.onsite.outcome[kind], kind).toBeTruthy();
      expect(enUS.onsite.outcome[kind], kind).toBeTruthy();
    }
  });
});

describe('Backup reasons', () => {
  it('says every backup and restore failure in both languages, with the parameters main sends', async () => {
    const { backupFailureReasons } = await import('../../../shared/backup/backup');
    for (const reason of backupFailureReasons) {
      expect(zhCN.errors.reasons[reason], reason).toBeTruthy();
      expect(enUS.errors.reasons[reason], reason).toBeTruthy();
    }
    // The disk-full message names how much to free and where, in both languages.
    for (const messages of [zhCN, enUS]) expect(messages.errors.reasons['backup-disk-full']).toMatch(/\{freeMb\}.*\{path\}|\{path\}.*\{freeMb\}/);
  });
});

describe('Audit action names', () => {
  const nameOf = (catalog: typeof zhCN, code: string): unknown =>
    code.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog.audit.actions);

  it('names every action the app writes (security, data and rebind catalogs) in both languages, zh-CN in Chinese', async () => {
    const { auditActionCodes } = await import('../../../shared/audit/audit-catalog');
    expect(auditActionCodes.length).toBeGreaterThan(40);
    for (const code of auditActionCodes) {
      expect(typeof nameOf(zhCN, code), `zh-CN ${code}`).toBe('string');
      expect(typeof nameOf(enUS, code), `en-US ${code}`).toBe('string');
      expect(nameOf(zhCN, code), code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names no action the app does not write, so the catalog and the names cannot drift apart', async () => {
    const { auditActionCodes } = await import('../../../shared/audit/audit-catalog');
    const named = keys(zhCN.audit.actions);
    expect(named.sort()).toEqual([...auditActionCodes].sort());
  });
});
