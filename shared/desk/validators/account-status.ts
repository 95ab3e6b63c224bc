// A settlement account's status as last checked with the bank: its code, or its Chinese name as a
// spreadsheet from the desk writes it (正常, 冻结, 欠款).
import { accountStatuses, type AccountStatus } from '../model/gate-views';
import { accepted, deskReason, refused, shown, type FieldCheck } from './field-check';

const byChineseName: Readonly<Record<string, AccountStatus>> = { 正常: 'normal', 冻结: 'frozen', 欠款: 'arrears' };

/** Checks an account status given as `normal|frozen|arrears` or `正常|冻结|欠款`; the value is the code. */
export function checkAccountStatus(input: string): FieldCheck {
  const text = input.normalize('NFKC').trim();
  if (text === '') return refused(text, [deskReason('desk-field-required')]);
  const code = byChineseName[text] ?? text.toLowerCase();
  return (accountStatuses as readonly string[]).includes(code) ? accepted(code) : refused(text, [deskReason('account-status-unknown', { value: shown(text) })]);
}
