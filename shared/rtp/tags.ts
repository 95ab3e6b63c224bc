// TLV tags of RTP/1: the protocol's own F0xx tags and the terminal parameters (PROTOCOL.md §3-§4).

/** Tags by their hex code, e.g. Tag.A001 === 0xa001. */
export const Tag = {
  F001: 0xf001,
  F002: 0xf002,
  F003: 0xf003,
  F004: 0xf004,
  F005: 0xf005,
  F006: 0xf006,
  F007: 0xf007,
  F008: 0xf008,
  F009: 0xf009,
  F00A: 0xf00a,
  F010: 0xf010,
  F011: 0xf011,
  F012: 0xf012,
  F013: 0xf013,
  F014: 0xf014,
  F015: 0xf015,
  F020: 0xf020,
  F030: 0xf030,
  F031: 0xf031,
  F040: 0xf040,
  F041: 0xf041,
  F050: 0xf050,
  F051: 0xf051,
  F052: 0xf052,
  F053: 0xf053,
  F054: 0xf054,
  F055: 0xf055,
  F056: 0xf056,
  F060: 0xf060,
  F061: 0xf061,
  F062: 0xf062,
  F070: 0xf070,
  A001: 0xa001,
  A002: 0xa002,
  A003: 0xa003,
  A008: 0xa008,
  A009: 0xa009,
  A00A: 0xa00a,
  A00B: 0xa00b,
  A010: 0xa010,
  A011: 0xa011,
  A012: 0xa012,
  A013: 0xa013,
  A014: 0xa014,
  A015: 0xa015,
  A016: 0xa016,
  E0E0: 0xe0e0,
  E0E1: 0xe0e1,
} as const;

/** How a tag's value is written on the wire, which decides how logs show it. */
export type TagValueKind = 'text' | 'decimal' | 'digest' | 'percent' | 'group' | 'chunk' | 'secret';

/** What a tag means and how its value is written. */
export interface TagInfo {
  /** Short English name, e.g. "TID". */
  readonly name: string;
  readonly kind: TagValueKind;
}

/** Every tag RTP/1 defines, with its name and value kind. */
export const TAG_INFO: ReadonlyMap<number, TagInfo> = new Map<number, TagInfo>([
  [Tag.F001, { name: 'protocol version', kind: 'text' }],
  [Tag.F002, { name: 'max body', kind: 'decimal' }],
  [Tag.F003, { name: 'vendor', kind: 'text' }],
  [Tag.F004, { name: 'model', kind: 'text' }],
  [Tag.F005, { name: 'serial number', kind: 'text' }],
  [Tag.F006, { name: 'firmware', kind: 'text' }],
  [Tag.F007, { name: 'active slot', kind: 'text' }],
  [Tag.F008, { name: 'digest', kind: 'digest' }],
  [Tag.F009, { name: 'previous slot present', kind: 'text' }],
  [Tag.F00A, { name: 'locked', kind: 'text' }],
  [Tag.F010, { name: 'progress', kind: 'percent' }],
  [Tag.F011, { name: 'transaction count', kind: 'decimal' }],
  [Tag.F012, { name: 'total amount (fen)', kind: 'decimal' }],
  [Tag.F013, { name: 'reversal pending', kind: 'text' }],
  [Tag.F014, { name: 'offline records pending', kind: 'decimal' }],
  [Tag.F015, { name: 'balanced', kind: 'text' }],
  [Tag.F020, { name: 'offending tag', kind: 'text' }],
  [Tag.F030, { name: 'host response code (field 39)', kind: 'text' }],
  [Tag.F031, { name: 'round trip (ms)', kind: 'decimal' }],
  [Tag.F040, { name: 'cursor', kind: 'text' }],
  [Tag.F041, { name: 'next cursor', kind: 'text' }],
  [Tag.F050, { name: 'journal record', kind: 'group' }],
  [Tag.F051, { name: 'STAN', kind: 'decimal' }],
  [Tag.F052, { name: 'time', kind: 'text' }],
  [Tag.F053, { name: 'amount (fen)', kind: 'decimal' }],
  [Tag.F054, { name: 'masked PAN', kind: 'text' }],
  [Tag.F055, { name: 'type', kind: 'text' }],
  [Tag.F056, { name: 'status', kind: 'text' }],
  [Tag.F060, { name: 'stage length', kind: 'decimal' }],
  [Tag.F061, { name: 'offset', kind: 'decimal' }],
  [Tag.F062, { name: 'chunk', kind: 'chunk' }],
  [Tag.F070, { name: 'printed lines', kind: 'text' }],
  [Tag.A001, { name: 'TID', kind: 'text' }],
  [Tag.A002, { name: 'MID', kind: 'text' }],
  [Tag.A003, { name: 'merchant name', kind: 'text' }],
  [Tag.A008, { name: 'TPDU', kind: 'text' }],
  [Tag.A009, { name: 'STAN', kind: 'text' }],
  [Tag.A00A, { name: 'batch number', kind: 'text' }],
  [Tag.A00B, { name: 'communication mode', kind: 'text' }],
  [Tag.A010, { name: 'acquirer institution id', kind: 'text' }],
  [Tag.A011, { name: 'primary host', kind: 'text' }],
  [Tag.A012, { name: 'backup host', kind: 'text' }],
  [Tag.A013, { name: 'NII', kind: 'text' }],
  [Tag.A014, { name: 'MCC', kind: 'text' }],
  [Tag.A015, { name: 'receipt header', kind: 'text' }],
  [Tag.A016, { name: 'TLS', kind: 'text' }],
  [Tag.E0E0, { name: 'master key index', kind: 'text' }],
  // A key check value is secret (DESIGN.md §4): logs mask it.
  [Tag.E0E1, { name: 'master key check value', kind: 'secret' }],
]);

/** A tag as the 4 upper-case hex digits PROTOCOL.md and F020 use, e.g. "A001". */
export function tagToText(tag: number): string {
  return tag.toString(16).toUpperCase().padStart(4, '0');
}

/** Parses 4 hex digits (either case) into a tag; undefined for anything else. */
export function tagFromText(text: string): number | undefined {
  return /^[0-9A-Fa-f]{4}$/.test(text) ? Number.parseInt(text, 16) : undefined;
}
