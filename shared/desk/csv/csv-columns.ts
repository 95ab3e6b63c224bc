// The columns of the merchant and terminal CSV files (issue 10, point 7): the English header the
// export writes, the Chinese header a desk's spreadsheet may use instead, and the structural rules
// every value must meet before the field validators look at it. One table per kind, so the import,
// the export and the app's preview agree on names and order.

/** What a CSV file holds. */
export const csvKinds = ['merchants', 'terminals'] as const;
export type CsvKind = (typeof csvKinds)[number];

/** How a value is tidied before it is checked: letters of codes upper-cased, spaces inside numbers removed. */
export type CsvNormalise = 'trim' | 'upper' | 'no-spaces';

export interface CsvColumn<K extends string = string> {
  key: K;
  english: string;
  chinese: string;
  /** The header must be in the file and every row must fill it. Optional columns may be left out entirely. */
  required: boolean;
  /** At most this many characters (Unicode code points). */
  maxLength: number;
  /** Exactly this many characters, when the value has a fixed form (USCC, CNAPS, TID, MID). */
  exactLength?: number;
  normalise: CsvNormalise;
  /** Shown masked in an export unless sensitive values are asked for. */
  sensitive?: boolean;
}

export const merchantColumnKeys = ['name', 'uscc', 'legalRep', 'legalRepId', 'contact', 'phone', 'address', 'bank', 'branch', 'cnaps', 'accountNo', 'accountStatus'] as const;
export type MerchantColumnKey = (typeof merchantColumnKeys)[number];

export const terminalColumnKeys = ['serial', 'tid', 'mid', 'model', 'merchantUscc', 'bank'] as const;
export type TerminalColumnKey = (typeof terminalColumnKeys)[number];

export const merchantColumns: readonly CsvColumn<MerchantColumnKey>[] = [
  { key: 'name', english: 'name', chinese: '商户名称', required: true, maxLength: 100, normalise: 'trim' },
  { key: 'uscc', english: 'uscc', chinese: '统一社会信用代码', required: true, maxLength: 18, exactLength: 18, normalise: 'upper' },
  { key: 'legalRep', english: 'legal_rep', chinese: '法定代表人', required: true, maxLength: 50, normalise: 'trim' },
  { key: 'legalRepId', english: 'legal_rep_id', chinese: '法定代表人身份证号', required: true, maxLength: 18, exactLength: 18, normalise: 'upper', sensitive: true },
  { key: 'contact', english: 'contact', chinese: '联系人', required: false, maxLength: 50, normalise: 'trim' },
  { key: 'phone', english: 'phone', chinese: '联系电话', required: true, maxLength: 20, normalise: 'no-spaces' },
  { key: 'address', english: 'address', chinese: '地址', required: false, maxLength: 200, normalise: 'trim' },
  { key: 'bank', english: 'bank', chinese: '开户银行', required: true, maxLength: 100, normalise: 'trim' },
  { key: 'branch', english: 'branch', chinese: '开户支行', required: false, maxLength: 100, normalise: 'trim' },
  { key: 'cnaps', english: 'cnaps', chinese: '开户行行号', required: true, maxLength: 12, exactLength: 12, normalise: 'no-spaces' },
  { key: 'accountNo', english: 'account_no', chinese: '银行账号', required: true, maxLength: 32, normalise: 'no-spaces', sensitive: true },
  { key: 'accountStatus', english: 'account_status', chinese: '账户状态', required: false, maxLength: 10, normalise: 'trim' },
];

export const terminalColumns: readonly CsvColumn<TerminalColumnKey>[] = [
  { key: 'serial', english: 'serial', chinese: '终端序列号', required: true, maxLength: 32, normalise: 'trim' },
  { key: 'tid', english: 'tid', chinese: '终端号', required: true, maxLength: 8, exactLength: 8, normalise: 'no-spaces' },
  { key: 'mid', english: 'mid', chinese: '商户号', required: true, maxLength: 15, exactLength: 15, normalise: 'no-spaces' },
  { key: 'model', english: 'model', chinese: '终端型号', required: true, maxLength: 40, normalise: 'trim' },
  { key: 'merchantUscc', english: 'merchant_uscc', chinese: '商户统一社会信用代码', required: true, maxLength: 18, exactLength: 18, normalise: 'upper' },
  { key: 'bank', english: 'bank', chinese: '当前收单银行', required: true, maxLength: 40, normalise: 'trim' },
];

/** The account statuses a merchant file may give, in either language, and what each means. */
export const accountStatusWords: Readonly<Record<string, AccountStatus>> = {
  normal: 'normal',
  frozen: 'frozen',
  arrears: 'arrears',
  正常: 'normal',
  冻结: 'frozen',
  欠款: 'arrears',
};
export const accountStatuses = ['normal', 'frozen', 'arrears'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** The columns of a kind. */
export function columnsOf(kind: CsvKind): readonly CsvColumn[] {
  return kind === 'merchants' ? merchantColumns : terminalColumns;
}

/** The column a header cell names (English case-insensitive, or Chinese), or undefined. */
export function columnForHeader(kind: CsvKind, header: string): CsvColumn | undefined {
  const wanted = header.trim().toLowerCase();
  return columnsOf(kind).find((column) => column.english === wanted || column.chinese === wanted);
}
