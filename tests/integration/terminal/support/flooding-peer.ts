// A broken terminal in its own process, on the terminal end of a pty. It ACKs ENQ and every
// request; `--answers` lists what it does with each request in turn, the last one repeating:
//   flood      send STX, LEN 9999 (over any maxBody) and an endless stream: the host discards forever
//   hello4096  answer HELLO advertising maxBody 4096
//   long:N     answer with SEQ and CMD right but none of the fields, in a frame whose link log
//              text is exactly N characters
// Run: npx tsx flooding-peer.ts PTY_PATH [--rate BYTES_PER_SECOND] [--answers hello4096,long:5893,flood]
// No rate (or 0): the flood goes as fast as the pty takes it. It prints "ready" once it listens,
// "flooding" once the flood starts, and "sent N" (flood bytes) on SIGTERM.
import { randomBytes } from 'node:crypto';
import { createReadStream, openSync, write, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ACK, decodeRequest, describeDecoderEvent, encodeFrame, encodeResponse, ENQ, FrameDecoder, ResultCode, Tag, textTlv } from '../../../../shared/rtp';
import type { RtpRequest, Tlv } from '../../../../shared/rtp';
import { helloTlvs } from './sample-replies';

const [path, ...rest] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: flooding-peer.ts PTY_PATH [--rate N] [--answers a,b,c]');
const option = (name: string) => {
  const at = rest.indexOf(name);
  return at < 0 ? undefined : rest[at + 1];
};
const rate = Number(option('--rate') ?? 0);
const answers = (option('--answers') ?? 'flood').split(',');
const fd = openSync(path, 'r+');
// Line garbage without STX or control bytes: if the flood ever pauses past the quiet time (a loaded
// machine), what follows is noise, never an EOT or a frame start that would change the outcome.
const garbage = randomBytes(4096).map((b) => ([0x02, 0x04, 0x05, 0x06, 0x15].includes(b) ? 0x55 : b));
const decoder = new FrameDecoder({ maxBody: 0xffff });
let requests = 0;
let flooding = false;
let sent = 0;

/**
 * Leaves at once. process.exit() would wait for the thread-pool thread blocked reading the pty,
 * which never returns, so the process ends itself with SIGKILL once stdout is flushed.
 */
function leave(message = ''): void {
  process.stdout.write(message, () => process.kill(process.pid, 'SIGKILL'));
}

/** Writes in order (the flood chains its own writes; short answers go at once). */
function send(bytes: Uint8Array, then?: () => void): void {
  if (then === undefined) {
    writeSync(fd, bytes);
    return;
  }
  write(fd, bytes, 0, bytes.length, null, (error) => (error ? leave() : then()));
}

function flood(): void {
  flooding = true;
  send(Uint8Array.of(0x02, 0x27, 0x0f), () => {
    process.stdout.write('flooding\n');
    if (rate > 0) {
      // 10 ms slices of the rate, like a UART that never stops.
      const slice = garbage.subarray(0, Math.max(1, Math.min(garbage.length, Math.round(rate / 100))));
      setInterval(() => send(slice, () => (sent += slice.length)), 10);
      return;
    }
    const again = () => send(garbage, () => ((sent += garbage.length), setImmediate(again)));
    again();
  });
}

/**
 * A well-framed answer with the request's SEQ and CMD but none of its fields, whose link log text
 * is exactly `chars` characters: a long F008 (shown as hex, 2 characters a byte) and a short text
 * TLV to land on the exact length.
 */
function longAnswer(request: RtpRequest, chars: number): Uint8Array {
  for (let length = 1; length < 4000; length++) {
    for (const extra of ['', 'a', 'ab']) {
      const tlvs: Tlv[] = [{ tag: Tag.F008, value: new Uint8Array(length).fill(0xab) }];
      if (extra !== '') tlvs.push(textTlv(0xe9e9, extra));
      const body = encodeResponse({ seq: request.seq, cmd: request.cmd, rc: ResultCode.OK, tlvs });
      if (describeDecoderEvent({ type: 'frame', body }, 'in').length === chars) return body;
    }
  }
  throw new Error(`no answer describes in exactly ${chars} characters`);
}

function answer(request: RtpRequest): void {
  const plan = answers[Math.min(requests, answers.length - 1)]!;
  requests++;
  send(Uint8Array.of(ACK));
  if (plan === 'flood') return flood();
  if (plan === 'hello4096') {
    send(encodeFrame(encodeResponse({ seq: request.seq, cmd: request.cmd, rc: ResultCode.OK, tlvs: helloTlvs({ F002: '4096' }) }), { maxBody: 0xffff }));
  } else if (plan.startsWith('long:')) {
    send(encodeFrame(longAnswer(request, Number(plan.slice(5))), { maxBody: 0xffff }));
  } else {
    throw new Error(`unknown answer ${plan}`);
  }
}

createReadStream('', { fd, autoClose: false }).on('data', (data: string | Buffer) => {
  if (typeof data === 'string') return;
  if (flooding) return;
  for (const event of decoder.push(data, performance.now())) {
    if (event.type === 'control' && event.byte === ENQ) send(Uint8Array.of(ACK));
    if (event.type !== 'frame') continue;
    const decoded = decodeRequest(event.body);
    if (decoded.ok) answer(decoded.request);
  }
});

process.stdout.write('ready\n');
// The starter holds our stdin open; when it goes away (even by a crash), so do we.
process.stdin.on('end', () => leave()).resume();

process.on('SIGTERM', () => leave(`sent ${sent}\n`));
