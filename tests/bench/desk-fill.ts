// The merchants, terminals and (optionally) cases the search benches run on, inserted raw into a
// migrated file (the encrypted columns hold stand-in `v1:` text; searching never decrypts). Names are
// drawn from a few thousand words so a name part hits a realistic handful; one merchant in 50 has a
// two-character name (茶庄-like shop names), the length FTS5's trigram tokenizer cannot match.
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { residentId, uscc } from '../integration/desk/merchant-fixtures';

const at = new Date('2026-12-01T08:00:00.000Z').toISOString();
const meta = (id: string) => [id, at, 'bench', at, 'bench', 1];

const places = ['福州', '厦门', '泉州', '漳州', '莆田', '三明', '南平', '龙岩', '宁德', '上海', '杭州', '广州'];
const districts = ['鼓楼', '台江', '仓山', '晋安', '马尾'];
const shops = ['便利店', '超市', '餐馆', '咖啡馆', '药房', '书店', '花店', '面包房', '茶庄', '五金店'];
// 20 × 20 two-character names, each given to a handful of merchants.
const firsts = [...'鑫盛隆兴旺德福顺祥瑞恒泰丰源鸿嘉宏昌万永'];
const seconds = [...'记轩阁坊斋堂铺居园苑楼庄行号栈舍屋馆台亭'];

export const twoCharacterName = (n: number) => `${firsts[n % 20]}${seconds[Math.floor(n / 20) % 20]}`;
export const merchantName = (n: number) =>
  n % 50 === 0 ? twoCharacterName(n / 50) : `${places[n % places.length]}${districts[(n >> 4) % 5]}${String(n).padStart(6, '0')}号${shops[(n >> 2) % shops.length]}有限公司`;
export const terminalKeys = (n: number) => ({ serial: `SN${String(n).padStart(10, '0')}`, tid: String(10_000_000 + n).slice(-8), mid: `898350100${String(n).padStart(6, '0')}` });
export { districts, places, shops, uscc };

/** The i-th key's merchant among `count`, spread over the file, one of the long names (every 50th has two characters). */
export function longNamed(i: number, count: number): number {
  const n = 1 + ((i * 7919) % count);
  return n % 50 === 0 ? n + 1 : n;
}

/** Inserts `count` merchants with one terminal each and, with `cases`, one case per terminal (a third closed). */
export function fillDesk(db: Database.Database, count: number, options: { cases?: boolean } = {}): void {
  const bankId = uuidv7();
  const modelId = uuidv7();
  db.prepare(`INSERT INTO banks (id, created_at, created_by, updated_at, updated_by, version, code, name, time_zone, template_id, windows, exceptions, required_materials, notices, fee_rates, areas) VALUES (?, ?, ?, ?, ?, ?, 'acquirer-b', 'B', 'Asia/Shanghai', 'acquirer-b', '{}', '[]', '[]', '[]', '{}', '[]')`).run(...meta(bankId));
  db.prepare(`INSERT INTO terminal_models (id, created_at, created_by, updated_at, updated_by, version, vendor, model) VALUES (?, ?, ?, ?, ?, ?, 'PAX', 'A920')`).run(...meta(modelId));
  const merchant = db.prepare(`INSERT INTO merchants (id, created_at, created_by, updated_at, updated_by, version, name, uscc, legal_rep, legal_rep_id, legal_rep_id_last4, contact, phone, address, area, settlement_bank, settlement_branch, cnaps, account_no, account_no_last4, account_status, short_name)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '张三', 'v1:stand-in', ?, '李四', '0591-87654321', '福州', '350102', '中国银行', '鼓楼支行', '104391000011', 'v1:stand-in', '0123', 'normal', '示例')`);
  const terminal = db.prepare(`INSERT INTO terminals (id, created_at, created_by, updated_at, updated_by, version, model_id, serial, tid, mid, current_bank, merchant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'acquirer-b', ?)`);
  const rebindCase = db.prepare(`INSERT INTO cases (id, created_at, created_by, updated_at, updated_by, version, state, terminal_id, merchant_id, target_bank) VALUES (?, ?, 'bench', ?, 'bench', 1, ?, ?, ?, 'acquirer-b')`);
  const opened = Date.parse('2026-01-01T00:00:00.000Z');
  db.transaction(() => {
    for (let n = 1; n <= count; n += 1) {
      const merchantId = uuidv7();
      merchant.run(...meta(merchantId), merchantName(n), uscc(n), residentId(n).slice(-4));
      const keys = terminalKeys(n);
      const terminalId = uuidv7();
      terminal.run(...meta(terminalId), modelId, keys.serial, keys.tid, keys.mid, merchantId);
      if (options.cases) {
        const time = new Date(opened + n * 60_000).toISOString();
        rebindCase.run(uuidv7(), time, time, n % 3 === 0 ? 'closed' : 'draft', terminalId, merchantId);
      }
    }
  })();
  db.exec('ANALYZE');
}
