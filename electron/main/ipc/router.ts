import { isInvokeChannel, type InvokeChannel } from '../../../shared/ipc/channels';
import { invokeContract, type InvokeOutput, type ParsedInput } from '../../../shared/ipc/contract';
import { describeFirstIssue } from '../../../shared/ipc/describe-issue';
import { fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { AppError } from '../app-error';

/** Who sent a call: the frame's URL, as Electron or the browser harness reports it. */
export interface SenderInfo {
  url: string;
}

/** One service function per channel; it receives input already parsed by the channel's schema. */
export type ChannelHandlers = {
  [C in InvokeChannel]: (input: ParsedInput<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>>;
};

/** Dependencies of the router. */
export interface RouterOptions {
  handlers: ChannelHandlers;
  /** Decides whether a frame may call main at all (our own renderer only). */
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** Where unexpected errors are reported; they reach the renderer only as `internal`. */
  logError?: (channel: string, error: unknown) => void;
}

/** The IPC router: one entry point for every renderer call, shared by Electron and the browser harness. */
export interface Router {
  /** Checks the sender, parses the input, calls the service and wraps the answer in an envelope. */
  handle(channel: unknown, input: unknown, sender: SenderInfo): Promise<IpcResult<unknown>>;
}

// Far above any legitimate payload; keeps a hostile renderer from making main parse megabytes.
const maxPayloadChars = 256 * 1024;

/** Creates the router over the given handlers. */
export function createRouter(options: RouterOptions): Router {
  const { handlers, isTrustedSender } = options;
  const logError = options.logError ?? ((channel, error) => console.error(`[ipc] ${channel} failed`, error));

  return {
    async handle(channel, input, sender) {
      if (!isTrustedSender(sender)) {
        return fail('untrusted-sender', `Refused a call from an untrusted frame (${String(sender.url).slice(0, 200)}).`);
      }
      if (!isInvokeChannel(channel)) {
        return fail('unknown-channel', `Unknown channel "${String(channel).slice(0, 100)}".`);
      }
      const size = payloadSize(input);
      if (size === null || size > maxPayloadChars) {
        return fail('invalid-input', `Input for ${channel} is too large or not serialisable (limit ${maxPayloadChars} characters).`);
      }
      const spec = invokeContract[channel];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const { field, message } = describeFirstIssue(parsed.error);
        return fail('invalid-input', `Invalid input for ${channel} at "${field}": ${message}`, field);
      }
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          logError(channel, checked.error);
          return fail('internal', `The ${channel} service returned an answer outside the contract.`);
        }
        return ok(checked.data);
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.field);
        logError(channel, error);
        return fail('internal', `${channel} failed unexpectedly; see the app log.`);
      }
    },
  };
}

function payloadSize(input: unknown): number | null {
  if (input === undefined) return 0;
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch {
    return null;
  }
}
