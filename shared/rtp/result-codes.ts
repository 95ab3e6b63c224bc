// Result codes of RTP/1 responses (PROTOCOL.md §2).

export const ResultCode = {
  OK: 0x00,
  UNKNOWN_COMMAND: 0x01,
  MALFORMED: 0x02,
  INVALID_VALUE: 0x03,
  WRONG_STATE: 0x04,
  BATCH_NOT_EMPTY: 0x05,
  DIGEST_MISMATCH: 0x06,
  BUSY: 0x07,
  HOST_FAILED: 0x08,
  STORAGE_ERROR: 0x09,
  LOCKED: 0x0a,
  IN_PROGRESS: 0x7f,
} as const;

/** A result code RTP/1 defines. */
export type ResultCodeValue = (typeof ResultCode)[keyof typeof ResultCode];

/** English meaning of each result code, as PROTOCOL.md words it. */
export const RESULT_CODE_MEANINGS: Readonly<Record<ResultCodeValue, string>> = {
  [ResultCode.OK]: 'OK',
  [ResultCode.UNKNOWN_COMMAND]: 'unknown command',
  [ResultCode.MALFORMED]: 'malformed body or TLV',
  [ResultCode.INVALID_VALUE]: 'invalid parameter value',
  [ResultCode.WRONG_STATE]: 'wrong state',
  [ResultCode.BATCH_NOT_EMPTY]: 'batch not empty: settle first',
  [ResultCode.DIGEST_MISMATCH]: 'digest mismatch',
  [ResultCode.BUSY]: 'busy',
  [ResultCode.HOST_FAILED]: 'host unreachable or declined',
  [ResultCode.STORAGE_ERROR]: 'storage error',
  [ResultCode.LOCKED]: 'not permitted (terminal locked)',
  [ResultCode.IN_PROGRESS]: 'in progress',
};

/** Name of a result code, e.g. "MALFORMED"; `RC 0x42` for codes RTP/1 does not define. */
export function resultCodeName(rc: number): string {
  return RC_NAMES.get(rc) ?? `RC 0x${rc.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** English meaning of a result code; "undefined result code" for codes RTP/1 does not define. */
export function resultCodeMeaning(rc: number): string {
  return isResultCode(rc) ? RESULT_CODE_MEANINGS[rc] : 'undefined result code';
}

/** True when RTP/1 defines `rc`. */
export function isResultCode(rc: number): rc is ResultCodeValue {
  return RC_NAMES.has(rc);
}

const RC_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(ResultCode).map(([name, rc]) => [rc, name]));
