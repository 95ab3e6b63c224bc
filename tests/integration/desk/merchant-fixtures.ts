// Valid merchants and terminals for the desk's tests: credit codes and ID numbers made with their
// real check characters, so any count of distinct ones passes the validators.
import { residentIdCheckCharacter } from '../../../shared/desk/validators/resident-id';
import { usccCheckCharacter } from '../../../shared/desk/validators/uscc';
import { orgCodeCheckCharacter } from '../../../shared/desk/validators/org-code';

/** The n-th valid USCC: 91 350100 and an organisation code built from n. */
export function uscc(n: number): string {
  const body = `M${String(n).padStart(7, '0')}`;
  const first17 = `91350100${body}${orgCodeCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}

/** The n-th valid resident ID number (born 1980-01-01, Beijing Dongcheng). */
export function residentId(n: number): string {
  const first17 = `11010119800101${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A merchant form as the desk enters it. */
export function merchantForm(n: number, overrides: Record<string, unknown> = {}) {
  return {
    name: `福州示例便利店${n}号有限公司`,
    uscc: uscc(n),
    legalRep: '张三',
    legalRepId: residentId(n),
    contact: '李四',
    phone: '0591-87654321',
    address: '福建省福州市鼓楼区示例路 1 号',
    area: '350102',
    settlement: { bank: '中国银行', branch: '福州鼓楼支行', cnaps: '104391000011', accountNo: `40612345678${String(n).padStart(5, '0')}` },
    accountStatus: 'normal',
    accountCheckedOn: '2026-11-30',
    shortName: `示例便利店${n}`,
    ...overrides,
  };
}

/** The n-th terminal's serial, TID and MID. */
export function terminalIds(n: number) {
  return { serial: `SN${String(n).padStart(8, '0')}`, tid: String(10_000_000 + n), mid: `898350154${String(n).padStart(6, '0')}` };
}
