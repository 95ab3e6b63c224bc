import { describe, expect, it } from 'vitest';
import { describeBody, describeControl, describeDecoderEvent, describeFrame } from './describe';

function bytes(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

describe('describe', () => {
  it('renders the HELLO request frame', () => {
    expect(describeFrame(bytes('02 0002 0101 03 01'), 'out')).toBe('→ HELLO seq=1');
  });

  it('renders control bytes', () => {
    expect(describeControl(0x06, 'in')).toBe('← ACK');
    expect(describeControl(0x05, 'out')).toBe('→ ENQ');
    expect(describeFrame(bytes('15'), 'in')).toBe('← NAK');
    expect(describeControl(0x7e, 'in')).toBe('← 0x7E');
  });

  it('renders a response with text, decimal, digest and flag values', () => {
    const body = bytes('01 81 00' + 'f001 01 31' + 'f002 04 31303234' + 'f004 04 58393930' + 'f008 20' + 'ab'.repeat(32));
    expect(describeBody(body, 'in')).toBe(`← HELLO seq=1 rc=00 OK F001="1" F002=1024 F004="X990" F008=${'ab'.repeat(32)}`);
  });

  it('renders RC names, progress, chunks, groups and masks the KCV', () => {
    expect(describeBody(bytes('07 a0 7f f010 01 28'), 'in')).toBe('← SETTLE seq=7 rc=7F in progress F010=40%');
    expect(describeBody(bytes('08 11 f061 01 30 f062 03 010203'), 'out')).toBe('→ PUT_STAGE seq=8 F061=0 F062=<3 bytes>');
    expect(describeBody(bytes('09 83 00 e0e1 06 413142324333'), 'in')).toBe('← GET_PARAMS seq=9 rc=00 OK E0E1=<masked>');
    expect(describeBody(bytes('0a 84 00 f050 0d f051 06 303030313233 f053 01 35'), 'in')).toBe('← EXPORT_JOURNAL seq=10 rc=00 OK F050{F051=000123 F053=5}');
    expect(describeBody(bytes('0b 90 03 f020 04 46303630'), 'in')).toBe('← BEGIN_STAGE seq=11 rc=03 invalid parameter value F020="F060"');
  });

  it('renders unknown commands, binary text and malformed bodies', () => {
    expect(describeBody(bytes('05 42'), 'out')).toBe('→ CMD 0x42 seq=5');
    expect(describeBody(bytes('05 c2 01'), 'in')).toBe('← CMD 0x42 seq=5 rc=01 unknown command');
    expect(describeBody(bytes('05 01 f004 02 0a41'), 'out')).toBe('→ HELLO seq=5 F004="\\nA"');
    expect(describeBody(bytes('05 01 f004 02 ff41'), 'out')).toBe('→ HELLO seq=5 F004=0xff41');
    expect(describeBody(bytes('05 81'), 'in')).toBe('← malformed response (too-short): 05 81');
    expect(describeBody(bytes('05 01 f0'), 'out')).toBe('→ malformed request (tlv): 05 01 F0');
    expect(describeFrame(bytes('02 0002 0101 03 00'), 'in')).toBe('← bad frame (lrc): 02 00 02 01 01 03 00');
  });

  it('cuts long text', () => {
    const long = Buffer.from('x'.repeat(50)).toString('hex');
    expect(describeBody(bytes('01 a3 00 f070 32' + long), 'in')).toBe(`← PRINT_TEST seq=1 rc=00 OK F070="${'x'.repeat(40)}…"`);
  });

  it('renders decoder events', () => {
    expect(describeDecoderEvent({ type: 'noise', count: 3 })).toBe('← 3 noise bytes skipped');
    expect(describeDecoderEvent({ type: 'noise', count: 1 })).toBe('← 1 noise byte skipped');
    expect(describeDecoderEvent({ type: 'stalled', received: 4 })).toBe('← frame stalled after 4 bytes: dropped without answer');
    expect(describeDecoderEvent({ type: 'bad-frame', reason: 'lrc', discarded: 0 })).toBe('← bad frame (LRC wrong): NAK due');
    expect(describeDecoderEvent({ type: 'bad-frame', reason: 'no-etx', discarded: 9 })).toBe('← bad frame (no ETX after body), 9 bytes discarded: NAK due');
    expect(describeDecoderEvent({ type: 'discarding', reason: 'len-over-max' })).toBe('← bad frame (LEN over maxBody): discarding input until the line is quiet');
    expect(describeDecoderEvent({ type: 'control', byte: 0x04 }, 'out')).toBe('→ EOT');
    expect(describeDecoderEvent({ type: 'frame', body: bytes('01 01') })).toBe('← HELLO seq=1');
  });
});
