// RTP/1 test vectors: the frames docs/protocol.md documents, with what each means. The hex was
// produced once by the codec's encoders; shared/rtp/test-vectors.test.ts checks every frame against
// an independent reference encoding and against docs/protocol.md, so the three cannot drift apart.
// Simulator and link-layer tests may use them too.

/** A TLV value: UTF-8 text, raw bytes as hex, or a nested TLV group (F050). */
export type VectorValue = string | { readonly hex: string } | { readonly group: readonly VectorTlv[] };

/** A TLV as [tag as 4 hex digits, value]. */
export type VectorTlv = readonly [string, VectorValue];

/** What a vector's bytes mean. */
export type VectorMeaning =
  | { readonly kind: 'request'; readonly seq: number; readonly cmd: number; readonly tlvs: readonly VectorTlv[] }
  | { readonly kind: 'response'; readonly seq: number; readonly cmd: number; readonly rc: number; readonly tlvs: readonly VectorTlv[] }
  | { readonly kind: 'control'; readonly name: 'ACK' | 'NAK' | 'EOT' | 'ENQ' }
  /** Decoder events when the bytes arrive at once and the line then stays quiet: "type" or "type:detail". */
  | { readonly kind: 'link'; readonly events: readonly string[] };

/** One documented frame or byte sequence. */
export interface ProtocolVector {
  /** Stable id, also the anchor in docs/protocol.md. */
  readonly id: string;
  /** What the vector shows, with its SEQ. */
  readonly title: string;
  /** Which side sends it. */
  readonly from: 'host' | 'terminal';
  /** The bytes on the wire, upper-case hex separated by spaces. */
  readonly hex: string;
  /** What they mean. */
  readonly meaning: VectorMeaning;
  /** Which part of docs/protocol.md lists it. */
  readonly section: 'commands' | 'errors' | 'link';
  /** Extra explanation for the document. */
  readonly note?: string;
}

/** Parameters of the sample terminal before rebinding (GET_PARAMS pages, HELLO). */
export const SAMPLE_OLD_PARAMETERS: Readonly<Record<string, string>> = {
  A001: '12345678',
  A002: '898310048140001',
  A003: '上海示例便利店',
  A008: '6000030000',
  A009: '000123',
  A00A: '000012',
  A00B: '3',
  A010: '48021000',
  A011: '203.0.113.10:5000',
  A012: '203.0.113.11:5000',
  A013: '003',
  A014: '5411',
  A015: '欢迎光临 Welcome',
  A016: '1',
  E0E0: '01',
  E0E1: 'A1B2C3',
};

/** The sample new bank's parameter set that the vectors stage. */
export const SAMPLE_NEW_PARAMETERS: Readonly<Record<string, string>> = {
  A001: '87654321',
  A002: '105290058120007',
  A003: '上海示例便利店',
  A008: '6000120000',
  A00B: '4',
  A010: '03055800',
  A011: 'pos.acquirer-b.example:8443',
  A013: '012',
  A014: '5411',
  A015: '欢迎光临 Welcome',
  A016: '1',
  E0E0: '02',
  E0E1: '3F9A0C',
};

/** Canonical set of SAMPLE_NEW_PARAMETERS (165 bytes). */
export const SAMPLE_NEW_CANONICAL_HEX =
  'a001083837363534333231a0020f313035323930303538313230303037a00315e4b88ae6b5b7e7a4bae4be8be4bebfe5' +
  '88a9e5ba97a0080a36303030313230303030a00b0134a010083033303535383030a0111b706f732e6163717569726572' +
  '2d622e6578616d706c653a38343433a01303303132a0140435343131a01514e6aca2e8bf8ee58589e4b8b42057656c63' +
  '6f6d65a0160131e0e0023032e0e106334639413043';

/** SHA-256 of the canonical set of SAMPLE_NEW_PARAMETERS. */
export const SAMPLE_NEW_DIGEST_HEX = 'f2b5292ffb220a6e6ace7fbc60756bc50fd3fef6d1e513e8be08faeaccc97f3f';

/** SHA-256 of the canonical set of SAMPLE_OLD_PARAMETERS (volatile A009/A00A left out). */
export const SAMPLE_OLD_DIGEST_HEX = '52b609ffc7b87325b4656bbbe409cb2a483d36c28ad64d7dafc157e3c9844669';

/** Every documented vector, in document order. */
export const PROTOCOL_VECTORS: readonly ProtocolVector[] = [
  {
    id: 'hello-req',
    title: 'HELLO request, SEQ 1',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 01 01 03 01',
    meaning: { kind: 'request', seq: 1, cmd: 0x01, tlvs: [] },
  },
  {
    id: 'hello-res',
    title: 'HELLO response, SEQ 1, RC 00',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 93 01 81 00 F0 01 01 31 F0 02 04 31 30 32 34 F0 03 0A 52 65 62 69 6E 64 44 65 73 6B F0 04 09 52 54 50 2D 53 49 4D 2D 31 F0 05 0A 53 49 4D 30 30 30 30 30 30 31 F0 06 05 31 2E 30 2E 30 A0 01 08 31 32 33 34 35 36 37 38 A0 02 0F 38 39 38 33 31 30 30 34 38 31 34 30 30 30 31 A0 10 08 34 38 30 32 31 30 30 30 F0 07 01 41 F0 08 20 52 B6 09 FF C7 B8 73 25 B4 65 6B BB E4 09 CB 2A 48 3D 36 C2 8A D6 4D 7D AF C1 57 E3 C9 84 46 69 F0 09 01 30 F0 0A 01 30 03 C7',
    meaning: { kind: 'response', seq: 1, cmd: 0x01, rc: 0x00, tlvs: [['F001', '1'], ['F002', '1024'], ['F003', 'RebindDesk'], ['F004', 'RTP-SIM-1'], ['F005', 'SIM0000001'], ['F006', '1.0.0'], ['A001', '12345678'], ['A002', '898310048140001'], ['A010', '48021000'], ['F007', 'A'], ['F008', { hex: '52b609ffc7b87325b4656bbbe409cb2a483d36c28ad64d7dafc157e3c9844669' }], ['F009', '0'], ['F00A', '0']] },
  },
  {
    id: 'get-batch-req',
    title: 'GET_BATCH request, SEQ 2',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 02 02 03 01',
    meaning: { kind: 'request', seq: 2, cmd: 0x02, tlvs: [] },
  },
  {
    id: 'get-batch-res',
    title: 'GET_BATCH response, SEQ 2, RC 00: 3 transactions, 158.00 CNY, one offline record pending',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 20 02 82 00 F0 11 01 33 F0 12 05 31 35 38 30 30 F0 13 01 30 F0 14 01 31 A0 0A 06 30 30 30 30 31 32 03 02',
    meaning: { kind: 'response', seq: 2, cmd: 0x02, rc: 0x00, tlvs: [['F011', '3'], ['F012', '15800'], ['F013', '0'], ['F014', '1'], ['A00A', '000012']] },
  },
  {
    id: 'get-params-req',
    title: 'GET_PARAMS request, SEQ 3, first page',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 03 03 03 01',
    meaning: { kind: 'request', seq: 3, cmd: 0x03, tlvs: [] },
  },
  {
    id: 'get-params-res',
    title: 'GET_PARAMS response, SEQ 3, RC 00: first 8 parameters and cursor "8"',
    from: 'terminal',
    section: 'commands',
    note: 'This terminal uses small pages; a page may hold up to maxBody bytes.',
    hex: '02 00 6A 03 83 00 A0 01 08 31 32 33 34 35 36 37 38 A0 02 0F 38 39 38 33 31 30 30 34 38 31 34 30 30 30 31 A0 03 15 E4 B8 8A E6 B5 B7 E7 A4 BA E4 BE 8B E4 BE BF E5 88 A9 E5 BA 97 A0 08 0A 36 30 30 30 30 33 30 30 30 30 A0 09 06 30 30 30 31 32 33 A0 0A 06 30 30 30 30 31 32 A0 0B 01 33 A0 10 08 34 38 30 32 31 30 30 30 F0 41 01 38 03 92',
    meaning: { kind: 'response', seq: 3, cmd: 0x03, rc: 0x00, tlvs: [['A001', '12345678'], ['A002', '898310048140001'], ['A003', '上海示例便利店'], ['A008', '6000030000'], ['A009', '000123'], ['A00A', '000012'], ['A00B', '3'], ['A010', '48021000'], ['F041', '8']] },
  },
  {
    id: 'get-params-next-req',
    title: 'GET_PARAMS request, SEQ 4, cursor "8"',
    from: 'host',
    section: 'commands',
    hex: '02 00 06 04 03 F0 40 01 38 03 8B',
    meaning: { kind: 'request', seq: 4, cmd: 0x03, tlvs: [['F040', '8']] },
  },
  {
    id: 'get-params-next-res',
    title: 'GET_PARAMS response, SEQ 4, RC 00: last 8 parameters, no F041',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 61 04 83 00 A0 11 11 32 30 33 2E 30 2E 31 31 33 2E 31 30 3A 35 30 30 30 A0 12 11 32 30 33 2E 30 2E 31 31 33 2E 31 31 3A 35 30 30 30 A0 13 03 30 30 33 A0 14 04 35 34 31 31 A0 15 14 E6 AC A2 E8 BF 8E E5 85 89 E4 B8 B4 20 57 65 6C 63 6F 6D 65 A0 16 01 31 E0 E0 02 30 31 E0 E1 06 41 31 42 32 43 33 03 CC',
    meaning: { kind: 'response', seq: 4, cmd: 0x03, rc: 0x00, tlvs: [['A011', '203.0.113.10:5000'], ['A012', '203.0.113.11:5000'], ['A013', '003'], ['A014', '5411'], ['A015', '欢迎光临 Welcome'], ['A016', '1'], ['E0E0', '01'], ['E0E1', 'A1B2C3']] },
  },
  {
    id: 'export-journal-req',
    title: 'EXPORT_JOURNAL request, SEQ 5',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 05 04 03 00',
    meaning: { kind: 'request', seq: 5, cmd: 0x04, tlvs: [] },
  },
  {
    id: 'export-journal-res',
    title: 'EXPORT_JOURNAL response, SEQ 5, RC 00: two records and cursor "2"',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 99 05 84 00 F0 50 46 F0 51 06 30 30 30 31 32 31 F0 52 0E 32 30 32 35 30 33 31 32 31 30 31 35 30 32 F0 53 04 35 30 30 30 F0 54 10 36 32 32 38 34 38 2A 2A 2A 2A 2A 2A 31 32 33 34 F0 55 04 53 41 4C 45 F0 56 08 41 50 50 52 4F 56 45 44 F0 50 46 F0 51 06 30 30 30 31 32 32 F0 52 0E 32 30 32 35 30 33 31 32 31 31 34 37 33 30 F0 53 04 38 38 30 30 F0 54 10 36 32 31 37 30 30 2A 2A 2A 2A 2A 2A 35 36 37 38 F0 55 04 53 41 4C 45 F0 56 08 41 50 50 52 4F 56 45 44 F0 41 01 32 03 90',
    meaning: { kind: 'response', seq: 5, cmd: 0x04, rc: 0x00, tlvs: [['F050', { group: [['F051', '000121'], ['F052', '20250312101502'], ['F053', '5000'], ['F054', '622848******1234'], ['F055', 'SALE'], ['F056', 'APPROVED']] }], ['F050', { group: [['F051', '000122'], ['F052', '20250312114730'], ['F053', '8800'], ['F054', '621700******5678'], ['F055', 'SALE'], ['F056', 'APPROVED']] }], ['F041', '2']] },
  },
  {
    id: 'export-journal-next-req',
    title: 'EXPORT_JOURNAL request, SEQ 6, cursor "2"',
    from: 'host',
    section: 'commands',
    hex: '02 00 06 06 04 F0 40 01 32 03 84',
    meaning: { kind: 'request', seq: 6, cmd: 0x04, tlvs: [['F040', '2']] },
  },
  {
    id: 'export-journal-next-res',
    title: 'EXPORT_JOURNAL response, SEQ 6, RC 00: the last record, no F041',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 4B 06 84 00 F0 50 45 F0 51 06 30 30 30 31 32 33 F0 52 0E 32 30 32 35 30 33 31 32 31 32 30 30 31 31 F0 53 04 32 30 30 30 F0 54 10 36 32 32 35 38 38 2A 2A 2A 2A 2A 2A 39 30 31 32 F0 55 04 53 41 4C 45 F0 56 07 4F 46 46 4C 49 4E 45 03 60',
    meaning: { kind: 'response', seq: 6, cmd: 0x04, rc: 0x00, tlvs: [['F050', { group: [['F051', '000123'], ['F052', '20250312120011'], ['F053', '2000'], ['F054', '622588******9012'], ['F055', 'SALE'], ['F056', 'OFFLINE']] }]] },
  },
  {
    id: 'settle-req',
    title: 'SETTLE request, SEQ 7',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 07 20 03 26',
    meaning: { kind: 'request', seq: 7, cmd: 0x20, tlvs: [] },
  },
  {
    id: 'settle-interim',
    title: 'SETTLE interim response, SEQ 7, RC 7F, F010 = 40 %',
    from: 'terminal',
    section: 'commands',
    note: 'F010 is one binary byte: 0x28 = 40. The host ACKs it and restarts T2.',
    hex: '02 00 07 07 A0 7F F0 10 01 28 03 15',
    meaning: { kind: 'response', seq: 7, cmd: 0x20, rc: 0x7f, tlvs: [['F010', { hex: '28' }]] },
  },
  {
    id: 'settle-res',
    title: 'SETTLE final response, SEQ 7, RC 00: balanced',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 13 07 A0 00 F0 11 01 33 F0 12 05 31 35 38 30 30 F0 15 01 31 03 6A',
    meaning: { kind: 'response', seq: 7, cmd: 0x20, rc: 0x00, tlvs: [['F011', '3'], ['F012', '15800'], ['F015', '1']] },
  },
  {
    id: 'begin-stage-req',
    title: 'BEGIN_STAGE request, SEQ 8: 165 bytes, digest of the sample new set',
    from: 'host',
    section: 'commands',
    hex: '02 00 2B 08 10 F0 60 03 31 36 35 F0 08 20 F2 B5 29 2F FB 22 0A 6E 6A CE 7F BC 60 75 6B C5 0F D3 FE F6 D1 E5 13 E8 BE 08 FA EA CC C9 7F 3F 03 91',
    meaning: { kind: 'request', seq: 8, cmd: 0x10, tlvs: [['F060', '165'], ['F008', { hex: 'f2b5292ffb220a6e6ace7fbc60756bc50fd3fef6d1e513e8be08faeaccc97f3f' }]] },
  },
  {
    id: 'begin-stage-res',
    title: 'BEGIN_STAGE response, SEQ 8, RC 00',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 03 08 90 00 03 98',
    meaning: { kind: 'response', seq: 8, cmd: 0x10, rc: 0x00, tlvs: [] },
  },
  {
    id: 'put-stage-req',
    title: 'PUT_STAGE request, SEQ 9: offset 0, first 128 bytes',
    from: 'host',
    section: 'commands',
    hex: '02 00 8A 09 11 F0 61 01 30 F0 62 81 80 A0 01 08 38 37 36 35 34 33 32 31 A0 02 0F 31 30 35 32 39 30 30 35 38 31 32 30 30 30 37 A0 03 15 E4 B8 8A E6 B5 B7 E7 A4 BA E4 BE 8B E4 BE BF E5 88 A9 E5 BA 97 A0 08 0A 36 30 30 30 31 32 30 30 30 30 A0 0B 01 34 A0 10 08 30 33 30 35 35 38 30 30 A0 11 1B 70 6F 73 2E 61 63 71 75 69 72 65 72 2D 62 2E 65 78 61 6D 70 6C 65 3A 38 34 34 33 A0 13 03 30 31 32 A0 14 04 35 34 31 31 A0 15 14 E6 03 F8',
    meaning: { kind: 'request', seq: 9, cmd: 0x11, tlvs: [['F061', '0'], ['F062', { hex: 'a001083837363534333231a0020f313035323930303538313230303037a00315e4b88ae6b5b7e7a4bae4be8be4bebfe588a9e5ba97a0080a36303030313230303030a00b0134a010083033303535383030a0111b706f732e61637175697265722d622e6578616d706c653a38343433a01303303132a0140435343131a01514e6' }]] },
  },
  {
    id: 'put-stage-res',
    title: 'PUT_STAGE response, SEQ 9, RC 00: 128 bytes received',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 09 09 91 00 F0 61 03 31 32 38 03 3B',
    meaning: { kind: 'response', seq: 9, cmd: 0x11, rc: 0x00, tlvs: [['F061', '128']] },
  },
  {
    id: 'put-stage-last-req',
    title: 'PUT_STAGE request, SEQ 10: offset 128, last 37 bytes',
    from: 'host',
    section: 'commands',
    hex: '02 00 30 0A 11 F0 61 03 31 32 38 F0 62 25 AC A2 E8 BF 8E E5 85 89 E4 B8 B4 20 57 65 6C 63 6F 6D 65 A0 16 01 31 E0 E0 02 30 32 E0 E1 06 33 46 39 41 30 43 03 65',
    meaning: { kind: 'request', seq: 10, cmd: 0x11, tlvs: [['F061', '128'], ['F062', { hex: 'aca2e8bf8ee58589e4b8b42057656c636f6d65a0160131e0e0023032e0e106334639413043' }]] },
  },
  {
    id: 'put-stage-last-res',
    title: 'PUT_STAGE response, SEQ 10, RC 00: 165 bytes received',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 09 0A 91 00 F0 61 03 31 36 35 03 31',
    meaning: { kind: 'response', seq: 10, cmd: 0x11, rc: 0x00, tlvs: [['F061', '165']] },
  },
  {
    id: 'verify-stage-req',
    title: 'VERIFY_STAGE request, SEQ 11',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 0B 12 03 18',
    meaning: { kind: 'request', seq: 11, cmd: 0x12, tlvs: [] },
  },
  {
    id: 'verify-stage-res',
    title: 'VERIFY_STAGE response, SEQ 11, RC 00 with the staged digest',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 26 0B 92 00 F0 08 20 F2 B5 29 2F FB 22 0A 6E 6A CE 7F BC 60 75 6B C5 0F D3 FE F6 D1 E5 13 E8 BE 08 FA EA CC C9 7F 3F 03 BC',
    meaning: { kind: 'response', seq: 11, cmd: 0x12, rc: 0x00, tlvs: [['F008', { hex: 'f2b5292ffb220a6e6ace7fbc60756bc50fd3fef6d1e513e8be08faeaccc97f3f' }]] },
  },
  {
    id: 'commit-req',
    title: 'COMMIT request, SEQ 12',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 0C 13 03 1E',
    meaning: { kind: 'request', seq: 12, cmd: 0x13, tlvs: [] },
  },
  {
    id: 'commit-res',
    title: 'COMMIT response, SEQ 12, RC 00: slot B active',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 2A 0C 93 00 F0 07 01 42 F0 08 20 F2 B5 29 2F FB 22 0A 6E 6A CE 7F BC 60 75 6B C5 0F D3 FE F6 D1 E5 13 E8 BE 08 FA EA CC C9 7F 3F 03 02',
    meaning: { kind: 'response', seq: 12, cmd: 0x13, rc: 0x00, tlvs: [['F007', 'B'], ['F008', { hex: 'f2b5292ffb220a6e6ace7fbc60756bc50fd3fef6d1e513e8be08faeaccc97f3f' }]] },
  },
  {
    id: 'sign-on-req',
    title: 'SIGN_ON request, SEQ 13',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 0D 21 03 2D',
    meaning: { kind: 'request', seq: 13, cmd: 0x21, tlvs: [] },
  },
  {
    id: 'sign-on-res',
    title: 'SIGN_ON response, SEQ 13, RC 00: field 39 "00", 850 ms',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 0E 0D A1 00 F0 30 02 30 30 F0 31 03 38 35 30 03 9C',
    meaning: { kind: 'response', seq: 13, cmd: 0x21, rc: 0x00, tlvs: [['F030', '00'], ['F031', '850']] },
  },
  {
    id: 'echo-test-req',
    title: 'ECHO_TEST request, SEQ 14',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 0E 22 03 2D',
    meaning: { kind: 'request', seq: 14, cmd: 0x22, tlvs: [] },
  },
  {
    id: 'echo-test-res',
    title: 'ECHO_TEST response, SEQ 14, RC 00: field 39 "00", 412 ms',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 0E 0E A2 00 F0 30 02 30 30 F0 31 03 34 31 32 03 96',
    meaning: { kind: 'response', seq: 14, cmd: 0x22, rc: 0x00, tlvs: [['F030', '00'], ['F031', '412']] },
  },
  {
    id: 'print-test-req',
    title: 'PRINT_TEST request, SEQ 15',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 0F 23 03 2D',
    meaning: { kind: 'request', seq: 15, cmd: 0x23, tlvs: [] },
  },
  {
    id: 'print-test-res',
    title: 'PRINT_TEST response, SEQ 15, RC 00 with the printed lines',
    from: 'terminal',
    section: 'commands',
    note: 'Lines are separated by LF (0x0A).',
    hex: '02 00 49 0F A3 00 F0 70 43 52 65 62 69 6E 64 44 65 73 6B 20 70 72 69 6E 74 20 74 65 73 74 0A 54 49 44 20 38 37 36 35 34 33 32 31 0A 4D 49 44 20 31 30 35 32 39 30 30 35 38 31 32 30 30 30 37 0A 41 43 51 20 30 33 30 35 35 38 30 30 03 18',
    meaning: { kind: 'response', seq: 15, cmd: 0x23, rc: 0x00, tlvs: [['F070', 'RebindDesk print test\nTID 87654321\nMID 105290058120007\nACQ 03055800']] },
  },
  {
    id: 'confirm-req',
    title: 'CONFIRM request, SEQ 16',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 10 16 03 07',
    meaning: { kind: 'request', seq: 16, cmd: 0x16, tlvs: [] },
  },
  {
    id: 'confirm-res',
    title: 'CONFIRM response, SEQ 16, RC 00',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 03 10 96 00 03 86',
    meaning: { kind: 'response', seq: 16, cmd: 0x16, rc: 0x00, tlvs: [] },
  },
  {
    id: 'rollback-req',
    title: 'ROLLBACK request, SEQ 17 (instead of CONFIRM, when a check after COMMIT failed)',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 11 15 03 05',
    meaning: { kind: 'request', seq: 17, cmd: 0x15, tlvs: [] },
  },
  {
    id: 'rollback-res',
    title: 'ROLLBACK response, SEQ 17, RC 00: slot A and the old digest restored',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 2A 11 95 00 F0 07 01 41 F0 08 20 52 B6 09 FF C7 B8 73 25 B4 65 6B BB E4 09 CB 2A 48 3D 36 C2 8A D6 4D 7D AF C1 57 E3 C9 84 46 69 03 A1',
    meaning: { kind: 'response', seq: 17, cmd: 0x15, rc: 0x00, tlvs: [['F007', 'A'], ['F008', { hex: '52b609ffc7b87325b4656bbbe409cb2a483d36c28ad64d7dafc157e3c9844669' }]] },
  },
  {
    id: 'abort-stage-req',
    title: 'ABORT_STAGE request, SEQ 18',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 12 14 03 07',
    meaning: { kind: 'request', seq: 18, cmd: 0x14, tlvs: [] },
  },
  {
    id: 'abort-stage-res',
    title: 'ABORT_STAGE response, SEQ 18, RC 00',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 03 12 94 00 03 86',
    meaning: { kind: 'response', seq: 18, cmd: 0x14, rc: 0x00, tlvs: [] },
  },
  {
    id: 'reboot-req',
    title: 'REBOOT request, SEQ 19',
    from: 'host',
    section: 'commands',
    hex: '02 00 02 13 30 03 22',
    meaning: { kind: 'request', seq: 19, cmd: 0x30, tlvs: [] },
  },
  {
    id: 'reboot-res',
    title: 'REBOOT response, SEQ 19, RC 00 (then silent while it restarts)',
    from: 'terminal',
    section: 'commands',
    hex: '02 00 03 13 B0 00 03 A3',
    meaning: { kind: 'response', seq: 19, cmd: 0x30, rc: 0x00, tlvs: [] },
  },
  {
    id: 'rc01-req',
    title: 'Unknown command 0x42, SEQ 20',
    from: 'host',
    section: 'errors',
    hex: '02 00 02 14 42 03 57',
    meaning: { kind: 'request', seq: 20, cmd: 0x42, tlvs: [] },
  },
  {
    id: 'rc01-res',
    title: 'RC 01 unknown command, SEQ 20',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 14 C2 01 03 D7',
    meaning: { kind: 'response', seq: 20, cmd: 0x42, rc: 0x01, tlvs: [] },
  },
  {
    id: 'rc02-short-req',
    title: 'A 1-byte body (07)',
    from: 'host',
    section: 'errors',
    note: 'The frame itself is good and is ACKed; the message is too short.',
    hex: '02 00 01 07 03 05',
    meaning: { kind: 'link', events: ['frame'] },
  },
  {
    id: 'rc02-short-res',
    title: 'RC 02 to a body shorter than 2 bytes: SEQ and CMD answered as 00',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 00 80 02 03 82',
    meaning: { kind: 'response', seq: 0, cmd: 0x00, rc: 0x02, tlvs: [] },
  },
  {
    id: 'rc02-tag-req',
    title: 'HELLO with a tag it does not take (F040), SEQ 21',
    from: 'host',
    section: 'errors',
    hex: '02 00 06 15 01 F0 40 01 38 03 98',
    meaning: { kind: 'request', seq: 21, cmd: 0x01, tlvs: [['F040', '8']] },
  },
  {
    id: 'rc02-tag-res',
    title: 'RC 02 malformed, SEQ 21',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 15 81 02 03 96',
    meaning: { kind: 'response', seq: 21, cmd: 0x01, rc: 0x02, tlvs: [] },
  },
  {
    id: 'rc03-req',
    title: 'BEGIN_STAGE with a non-decimal F060, SEQ 22',
    from: 'host',
    section: 'errors',
    hex: '02 00 2B 16 10 F0 60 03 61 62 63 F0 08 20 F2 B5 29 2F FB 22 0A 6E 6A CE 7F BC 60 75 6B C5 0F D3 FE F6 D1 E5 13 E8 BE 08 FA EA CC C9 7F 3F 03 DD',
    meaning: { kind: 'request', seq: 22, cmd: 0x10, tlvs: [['F060', 'abc'], ['F008', { hex: 'f2b5292ffb220a6e6ace7fbc60756bc50fd3fef6d1e513e8be08faeaccc97f3f' }]] },
  },
  {
    id: 'rc03-res',
    title: 'RC 03 naming F060, SEQ 22',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 0A 16 90 03 F0 20 04 46 30 36 30 03 28',
    meaning: { kind: 'response', seq: 22, cmd: 0x10, rc: 0x03, tlvs: [['F020', 'F060']] },
  },
  {
    id: 'rc03-verify-res',
    title: 'VERIFY_STAGE response, SEQ 23, RC 03: staged A013 is "12" (not 3 digits)',
    from: 'terminal',
    section: 'errors',
    note: 'Every VERIFY answer after a complete stage carries F008, the digest of the staged bytes.',
    hex: '02 00 2D 17 92 03 F0 20 04 41 30 31 33 F0 08 20 36 14 E5 F2 D3 06 98 C1 41 7F F9 89 B9 2A D0 3F DD 86 5E 24 32 3F E8 C1 5D 56 38 0A 5E E6 6D C9 03 7C',
    meaning: { kind: 'response', seq: 23, cmd: 0x12, rc: 0x03, tlvs: [['F020', 'A013'], ['F008', { hex: '3614e5f2d30698c1417ff989b92ad03fdd865e24323fe8c15d56380a5ee66dc9' }]] },
  },
  {
    id: 'rc04-put-req',
    title: 'PUT_STAGE at offset 64 when 128 bytes were received, SEQ 24',
    from: 'host',
    section: 'errors',
    hex: '02 00 2F 18 11 F0 61 02 36 34 F0 62 25 AC A2 E8 BF 8E E5 85 89 E4 B8 B4 20 57 65 6C 63 6F 6D 65 A0 16 01 31 E0 E0 02 30 32 E0 E1 06 33 46 39 41 30 43 03 50',
    meaning: { kind: 'request', seq: 24, cmd: 0x11, tlvs: [['F061', '64'], ['F062', { hex: 'aca2e8bf8ee58589e4b8b42057656c636f6d65a0160131e0e0023032e0e106334639413043' }]] },
  },
  {
    id: 'rc04-put-res',
    title: 'RC 04 wrong state with F061 = bytes received so far, SEQ 24',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 09 18 91 04 F0 61 03 31 32 38 03 2E',
    meaning: { kind: 'response', seq: 24, cmd: 0x11, rc: 0x04, tlvs: [['F061', '128']] },
  },
  {
    id: 'rc04-commit-res',
    title: 'COMMIT without a verified stage: RC 04, SEQ 25',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 19 93 04 03 8E',
    meaning: { kind: 'response', seq: 25, cmd: 0x13, rc: 0x04, tlvs: [] },
  },
  {
    id: 'rc05-res',
    title: 'COMMIT with a batch not empty: RC 05, SEQ 26',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 1A 93 05 03 8C',
    meaning: { kind: 'response', seq: 26, cmd: 0x13, rc: 0x05, tlvs: [] },
  },
  {
    id: 'rc06-res',
    title: 'VERIFY_STAGE when the staged digest differs from BEGIN\'s: RC 06 with the staged digest, SEQ 27',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 26 1B 92 06 F0 08 20 F9 4A C2 69 0F CE B9 0E 01 E2 F0 55 27 BA 30 F1 7F E5 36 01 D3 12 57 E4 03 26 62 19 57 68 AE 1F 03 09',
    meaning: { kind: 'response', seq: 27, cmd: 0x12, rc: 0x06, tlvs: [['F008', { hex: 'f94ac2690fceb90e01e2f05527ba30f17fe53601d31257e4032662195768ae1f' }]] },
  },
  {
    id: 'rc07-res',
    title: 'SIGN_ON while the terminal is busy: RC 07, SEQ 28',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 1C A1 07 03 BA',
    meaning: { kind: 'response', seq: 28, cmd: 0x21, rc: 0x07, tlvs: [] },
  },
  {
    id: 'rc08-declined-res',
    title: 'SIGN_ON declined by the acquirer: RC 08, field 39 "96", 1350 ms, SEQ 29',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 0F 1D A1 08 F0 30 02 39 36 F0 31 04 31 33 35 30 03 B7',
    meaning: { kind: 'response', seq: 29, cmd: 0x21, rc: 0x08, tlvs: [['F030', '96'], ['F031', '1350']] },
  },
  {
    id: 'rc08-unreachable-res',
    title: 'ECHO_TEST with the acquirer unreachable: RC 08, no F030, 30000 ms spent, SEQ 30',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 0B 1E A2 08 F0 31 05 33 30 30 30 30 03 4B',
    meaning: { kind: 'response', seq: 30, cmd: 0x22, rc: 0x08, tlvs: [['F031', '30000']] },
  },
  {
    id: 'rc09-res',
    title: 'COMMIT failing to write the slot: RC 09, SEQ 31',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 1F 93 09 03 85',
    meaning: { kind: 'response', seq: 31, cmd: 0x13, rc: 0x09, tlvs: [] },
  },
  {
    id: 'rc0a-res',
    title: 'BEGIN_STAGE on a locked terminal: RC 0A, SEQ 32',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 03 20 90 0A 03 BA',
    meaning: { kind: 'response', seq: 32, cmd: 0x10, rc: 0x0a, tlvs: [] },
  },
  {
    id: 'rc7f-res',
    title: 'SETTLE interim, SEQ 33, RC 7F, F010 = 100 %',
    from: 'terminal',
    section: 'errors',
    hex: '02 00 07 21 A0 7F F0 10 01 64 03 7F',
    meaning: { kind: 'response', seq: 33, cmd: 0x20, rc: 0x7f, tlvs: [['F010', { hex: '64' }]] },
  },
  {
    id: 'enq',
    title: 'ENQ: "are you there"',
    from: 'host',
    section: 'link',
    hex: '05',
    meaning: { kind: 'control', name: 'ENQ' },
  },
  {
    id: 'ack',
    title: 'ACK',
    from: 'terminal',
    section: 'link',
    hex: '06',
    meaning: { kind: 'control', name: 'ACK' },
  },
  {
    id: 'nak',
    title: 'NAK',
    from: 'terminal',
    section: 'link',
    hex: '15',
    meaning: { kind: 'control', name: 'NAK' },
  },
  {
    id: 'eot',
    title: 'EOT: the sender gives up after 3 transmissions',
    from: 'host',
    section: 'link',
    hex: '04',
    meaning: { kind: 'control', name: 'EOT' },
  },
  {
    id: 'bad-lrc',
    title: 'HELLO, SEQ 1, with a wrong LRC (00 instead of 01): NAK at once',
    from: 'host',
    section: 'link',
    hex: '02 00 02 01 01 03 00',
    meaning: { kind: 'link', events: ['bad-frame:lrc'] },
  },
  {
    id: 'len-over-max',
    title: 'LEN 0x0401 = 1025 > maxBody 1024: discard until 100 ms quiet, then NAK',
    from: 'host',
    section: 'link',
    hex: '02 04 01 01 01 00 00',
    meaning: { kind: 'link', events: ['discarding:len-over-max','bad-frame:len-over-max'] },
  },
  {
    id: 'no-etx',
    title: 'HELLO, SEQ 1, with FF where ETX belongs: discard until 100 ms quiet, then NAK',
    from: 'host',
    section: 'link',
    hex: '02 00 02 01 01 FF 01',
    meaning: { kind: 'link', events: ['discarding:no-etx','bad-frame:no-etx'] },
  },
  {
    id: 'stalled',
    title: 'HELLO cut after 4 bytes, then silence: dropped after 100 ms, no answer',
    from: 'host',
    section: 'link',
    hex: '02 00 02 01',
    meaning: { kind: 'link', events: ['stalled:4'] },
  },
  {
    id: 'noise',
    title: 'Three noise bytes, then HELLO, SEQ 1: noise skipped, frame ACKed',
    from: 'host',
    section: 'link',
    hex: 'FF 00 41 02 00 02 01 01 03 01',
    meaning: { kind: 'link', events: ['noise:3','frame'] },
  },
];
