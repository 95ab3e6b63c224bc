// Reads the TLVs of a terminal's answer by tag (never by position, docs/protocol.md §7.8). A
// required tag that is missing or unreadable is the terminal breaking RTP/1: TerminalProtocolError.
import { bytesToHex } from '../../../../shared/bytes';
import { findTlv, parseDecimal, TAG_INFO, tagToText, tlvText } from '../../../../shared/rtp';
import type { Tlv } from '../../../../shared/rtp';
import { TerminalProtocolError } from '../link/link-errors';

/** Typed access to one response's TLVs, naming the command in every error. */
export class ResponseFields {
  constructor(
    private readonly command: string,
    private readonly tlvs: readonly Tlv[],
  ) {}

  /** UTF-8 text of a required tag. */
  text(tag: number): string {
    const value = this.optionalText(tag);
    if (value === undefined) throw this.missing(tag);
    return value;
  }

  /** UTF-8 text of an optional tag; undefined when absent. */
  optionalText(tag: number): string | undefined {
    const item = findTlv(this.tlvs, tag);
    if (item === undefined) return undefined;
    const text = tlvText(item);
    if (text === undefined) throw this.bad(tag, 'is not valid UTF-8');
    return text;
  }

  /** ASCII decimal number of a required tag. */
  decimal(tag: number): number {
    const value = this.optionalDecimal(tag);
    if (value === undefined) throw this.missing(tag);
    return value;
  }

  /** ASCII decimal number of an optional tag; undefined when absent. */
  optionalDecimal(tag: number): number | undefined {
    const text = this.optionalText(tag);
    if (text === undefined) return undefined;
    const value = parseDecimal(text);
    if (value === undefined) throw this.bad(tag, `is ${JSON.stringify(text)}, not a decimal number`);
    return value;
  }

  /** A "0"/"1" flag of a required tag. */
  flag(tag: number): boolean {
    const text = this.text(tag);
    if (text !== '0' && text !== '1') throw this.bad(tag, `is ${JSON.stringify(text)}, not "0" or "1"`);
    return text === '1';
  }

  /** A 32-byte digest (F008) of a required tag, as bytes and lower-case hex. */
  digest(tag: number): { bytes: Uint8Array; hex: string } {
    const item = findTlv(this.tlvs, tag);
    if (item === undefined) throw this.missing(tag);
    if (item.value.length !== 32) throw this.bad(tag, `has ${item.value.length} bytes, not 32`);
    const bytes = item.value.slice();
    return { bytes, hex: bytesToHex(bytes) };
  }

  /** A slot letter (F007), "A" or "B". */
  slot(tag: number): 'A' | 'B' {
    const text = this.text(tag);
    if (text !== 'A' && text !== 'B') throw this.bad(tag, `is ${JSON.stringify(text)}, not "A" or "B"`);
    return text;
  }

  private missing(tag: number): TerminalProtocolError {
    return new TerminalProtocolError(this.command, `${label(tag)} is missing`, tagToText(tag));
  }

  private bad(tag: number, problem: string): TerminalProtocolError {
    return new TerminalProtocolError(this.command, `${label(tag)} ${problem}`, tagToText(tag));
  }
}

/** "F002 max body". */
export function label(tag: number): string {
  const name = TAG_INFO.get(tag)?.name;
  return name === undefined ? tagToText(tag) : `${tagToText(tag)} ${name}`;
}
