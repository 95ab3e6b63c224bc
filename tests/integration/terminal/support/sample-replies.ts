// Replies of a plausible terminal for AutoTerminal handlers: HELLO, paged GET_PARAMS and
// EXPORT_JOURNAL over fixed data, so driver tests need no simulator.
import { hexToBytes } from '../../../../shared/bytes';
import { decimalTlv, findText, groupTlv, ResultCode, Tag, tagFromText, textTlv } from '../../../../shared/rtp';
import type { RtpRequest, Tlv } from '../../../../shared/rtp';
import { SAMPLE_OLD_DIGEST_HEX, SAMPLE_OLD_PARAMETERS } from '../../../fixtures/rtp-vectors';
import type { Reply } from './auto-terminal';

/** HELLO's TLVs for the sample terminal; `overrides` replace or (with undefined) remove tags. */
export function helloTlvs(overrides: Partial<Record<string, string | undefined>> = {}): Tlv[] {
  const fields: Record<string, string | undefined> = {
    F001: '1',
    F002: '1024',
    F003: 'RebindDesk',
    F004: 'RTP-SIM-1',
    F005: 'SIM0000001',
    F006: '1.0.0',
    A001: '12345678',
    A002: '898310048140001',
    A010: '48021000',
    F007: 'A',
    F009: '0',
    F00A: '0',
    ...overrides,
  };
  const tlvs: Tlv[] = [];
  for (const [tag, value] of Object.entries(fields)) if (value !== undefined) tlvs.push(textTlv(tagFromText(tag)!, value));
  tlvs.push({ tag: Tag.F008, value: hexToBytes(SAMPLE_OLD_DIGEST_HEX) });
  return tlvs;
}

/** Serves a list of TLVs in pages of `perPage`, with F041 = index of the next item as text. */
export function pagedReply(request: RtpRequest, items: readonly Tlv[], perPage: number): Reply {
  const cursor = findText(request.tlvs, Tag.F040);
  const start = cursor === undefined ? 0 : Number(cursor);
  if (!Number.isInteger(start) || (cursor !== undefined && start < 1) || start > items.length) {
    return { rc: ResultCode.INVALID_VALUE, tlvs: [textTlv(Tag.F020, 'F040')] };
  }
  const page = items.slice(start, start + perPage);
  const next = start + perPage < items.length ? [textTlv(Tag.F041, String(start + perPage))] : [];
  return { rc: ResultCode.OK, tlvs: [...page, ...next] };
}

/** The sample terminal's parameters as GET_PARAMS TLVs, sorted by tag, volatile ones included. */
export function sampleParameterTlvs(): Tlv[] {
  return Object.entries(SAMPLE_OLD_PARAMETERS)
    .map(([tag, value]) => textTlv(tagFromText(tag)!, value))
    .sort((a, b) => a.tag - b.tag);
}

/** `count` journal records as F050 groups. */
export function journalTlvs(count: number): Tlv[] {
  return Array.from({ length: count }, (_, i) =>
    groupTlv(Tag.F050, [
      textTlv(Tag.F051, String(121 + i).padStart(6, '0')),
      textTlv(Tag.F052, '20250312101502'),
      decimalTlv(Tag.F053, 1000 * (i + 1)),
      textTlv(Tag.F054, '622848******1234'),
      textTlv(Tag.F055, 'SALE'),
      textTlv(Tag.F056, 'APPROVED'),
    ]),
  );
}
