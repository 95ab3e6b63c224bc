// The columns of the merchant and terminal CSV files (issue 10, point 7): the English header the
// export writes, the Chinese header a desk's spreadsheet may use instead, whether the column must be
// there and whether an export masks it. One table per kind, so the import, the export and the app's
// preview agree on names and order; each value is checked by its desk field validator.

/** What a CSV file holds. */
export const csvKinds = ['merchants', 'terminals'] as const;
export type CsvKind = (typeof csvKinds)[number];

export interface CsvColumn<K extends string = string> {
  key: K;
  english: string;
  chinese: string;
  /** The header must be in the file and every row must fill it. Optional columns may be left out entirely. */
  required: boolean;
  /** Shown masked in an export unless sensitive values are asked for. */
  sensitive?: boolean;
}

export const merchantColumnKeys = ['name', 'uscc', 'legalRep', 'legalRepId', 'contact', 'phone', 'address', 'bank', 'branch', 'cnaps', 'accountNo', 'accountStatus'] as const;
export type MerchantColumnKey = (typeof merchantColumnKeys)[number];

export const terminalColumnKeys = ['serial', 'tid', 'mid', 'model', 'merchantUscc', 'bank'] as const;
export type TerminalColumnKey = (typeof terminalColumnKeys)[number];

export const merchantColumns: readonly CsvColumn<MerchantColumnKey>[] = [
  { key: 'name', english: 'name', chinese: '商户名称', required: true },
  { key: 'uscc', english: 'uscc', chinese: '统一社会信用代码', required: true },
  { key: 'legalRep', english: 'legal_rep', chinese: '法定代表人', required: true },
  { key: 'legalRepId', english: 'legal_rep_id', chinese: '法定代表人身份证号', required: true, sensitive: true },
  { key: 'contact', english: 'contact', chinese: '联系人', required: false },
  { key: 'phone', english: 'phone', chinese: '联系电话', required: true },
  { key: 'address', english: 'address', chinese: '地址', required: false },
  { key: 'bank', english: 'bank', chinese: '开户银行', required: true },
  { key: 'branch', english: 'branch', chinese: '开户支行', required: false },
  { key: 'cnaps', english: 'cnaps', chinese: '开户行行号', required: true },
  { key: 'accountNo', english: 'account_no', chinese: '银行账号', required: true, sensitive: true },
  { key: 'accountStatus', english: 'account_status', chinese: '账户状态', required: false },
];

export const terminalColumns: readonly CsvColumn<TerminalColumnKey>[] = [
  { key: 'serial', english: 'serial', chinese: '终端序列号', required: true },
  { key: 'tid', english: 'tid', chinese: '终端号', required: true },
  { key: 'mid', english: 'mid', chinese: '商户号', required: true },
  { key: 'model', english: 'model', chinese: '终端型号', required: true },
  { key: 'merchantUscc', english: 'merchant_uscc', chinese: '商户统一社会信用代码', required: true },
  { key: 'bank', english: 'bank', chinese: '当前收单银行', required: true },
];

/** The columns of a kind. */
export function columnsOf(kind: CsvKind): readonly CsvColumn[] {
  return kind === 'merchants' ? merchantColumns : terminalColumns;
}

/** The column a header cell names (English case-insensitive, or Chinese), or undefined. */
export function columnForHeader(kind: CsvKind, header: string): CsvColumn | undefined {
  const wanted = header.trim().toLowerCase();
  return columnsOf(kind).find((column) => column.english === wanted || column.chinese === wanted);
}
