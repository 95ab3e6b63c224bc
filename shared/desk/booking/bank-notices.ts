// A bank's notices in force on a day: what the desk must read before booking for it.
import type { Bank, BankNotice } from '../model/bank';

/** The notices of `bank` in force on `day` (YYYY-MM-DD in the bank's zone; from and until both count). */
export function noticesOn(bank: Bank, day: string): BankNotice[] {
  return bank.notices.filter((n) => (n.from === undefined || n.from <= day) && (n.until === undefined || day <= n.until));
}
