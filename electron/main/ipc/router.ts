import { checkChannelAccess, type AccessRefusal } from '../../../shared/auth/roles';
import { isInvokeChannel, type EventChannel, type InvokeChannel } from '../../../shared/ipc/channels';
import { eventRoles, invokeContract, type InvokeOutput, type ParsedInput, type RolesOf } from '../../../shared/ipc/contract';
import { describeFirstIssue } from '../../../shared/ipc/describe-issue';
import { fail, ok, type IpcError, type IpcErrorCode, type IpcResult } from '../../../shared/ipc/result';
import { trainingScopeOf, windowGetsEvent, type EventSide } from '../../../shared/training/training-scope';
import type { TrainingLeaveCause } from '../../../shared/training/training';
import { AppError } from '../app-error';
import { AuthError } from '../auth/auth-error';
import type { Caller, SessionService } from '../auth/session-service';
import { defaultPayloadBudget, measurePayload } from './payload-budget';

/** Who sent a call: the frame's URL and the window it came from, as Electron or the browser harness reports them. */
export interface SenderInfo {
  url: string;
  /** The sending window (Electron's webContents id, the harness's page number): each one has its own session. */
  id: string | number;
}

/** What a handler knows about the call besides its input. */
export interface CallContext<C extends InvokeChannel = InvokeChannel> {
  /** The signed-in operator; null only on a public channel called without a session. */
  caller: RolesOf<C> extends 'public' ? Caller | null : Caller;
  /** The calling window, as the router tells windows apart (ties a sign-in challenge to where it began). */
  window: string;
  /** True while the window's idle lock is on. */
  locked: boolean;
  /** Ties a new session to the calling window, ending the one it had; the id never leaves main. */
  attachSession(sessionId: string): void;
  /** Ends the window's session (sign-out). */
  endSession(): void;
  /** Turns the window's idle lock on or off. */
  setLocked(locked: boolean): void;
}

/**
 * Training mode per window (electron/main/training/): which windows train, the handlers composed
 * over the training file, and what to do when a training window's session ends.
 */
export interface WindowModes {
  inTraining(window: string): boolean;
  /** The training side's handlers (composed over the training file when first asked). */
  trainingHandlers(): Partial<ChannelHandlers>;
  /** A window's session ended (signed out, closed, replaced, disabled): training ends with it. */
  sessionEnded(window: string, cause: Exclude<TrainingLeaveCause, 'left' | 'restart'>): void;
}

/** One service function per channel; it receives input already parsed by the channel's schema, and the call's context. */
export type ChannelHandlers = {
  [C in InvokeChannel]: (input: ParsedInput<C>, context: CallContext<C>) => InvokeOutput<C> | Promise<InvokeOutput<C>>;
};

export interface RouterOptions {
  handlers: ChannelHandlers;
  /** Decides whether a frame may call main at all (our own renderer only). */
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** Resolves and ends sessions; `current` is asked on every call, so a disabled account stops at once. */
  sessions: Pick<SessionService, 'current' | 'signOut'>;
  /** Where unexpected errors are reported; they reach the renderer only as `internal`. */
  logError?: (channel: string, error: unknown) => void;
  /** The log file logError writes to; an `internal` answer names it (reason `unexpected-error`, params.logFile). */
  logFile?: string;
  /** Training mode; without it every window is in real mode. */
  modes?: WindowModes;
}

/** The IPC router: one entry point for every renderer call, shared by Electron and the browser harness. */
export interface Router {
  /** Checks the sender and its session's roles, parses the input, calls the service and wraps the answer in an envelope. */
  handle(channel: unknown, input: unknown, sender: SenderInfo): Promise<IpcResult<unknown>>;
  /**
   * True when the window may receive `event` (the same role check as a call) emitted by `side`: a
   * window in training gets the training terminal's events, a real window the real one's.
   */
  mayReceive(event: EventChannel, senderId: string | number, side?: EventSide): boolean;
  /** Ends the session of a window that closed. */
  forgetSender(senderId: string | number): void;
}

// While the idle lock is on, only these (and public channels) answer: unlocking asks the password again.
const allowedWhileLocked: ReadonlySet<InvokeChannel> = new Set(['auth:unlock', 'auth:sign-out', 'auth:lock']);

const refusalCodes: Record<AccessRefusal, IpcErrorCode> = {
  'sign-in-required': 'unauthenticated',
  'password-change-required': 'forbidden',
  'two-factor-enrolment-required': 'forbidden',
  'role-not-allowed': 'forbidden',
};

interface Binding {
  sessionId: string;
  locked: boolean;
}

/** Creates the router over the given handlers. */
export function createRouter(options: RouterOptions): Router {
  const { handlers, isTrustedSender, sessions, modes } = options;
  const ended = (key: string, cause: Parameters<WindowModes['sessionEnded']>[1]) => modes?.sessionEnded(key, cause);
  const logError = options.logError ?? ((channel, error) => console.error(`[ipc] ${channel} failed`, error));
  // An unexpected failure: the details stay in main's log; the answer says where that log is.
  const internal = (message: string): IpcResult<never> =>
    options.logFile === undefined
      ? fail('internal', `${message} See the app log.`)
      : { ok: false, error: { code: 'internal', message: `${message} The details are in the app log: ${options.logFile}`, reason: 'unexpected-error', params: { logFile: options.logFile } } };
  // Window → session. The session id stays here, in main; the renderer only ever sees SessionInfo.
  const bindings = new Map<string, Binding>();

  /** The window's binding and caller; a binding whose session ended (signed out, disabled, reset) is dropped. */
  const resolve = (key: string): { binding: Binding | undefined; caller: Caller | null } => {
    const binding = bindings.get(key);
    if (!binding) return { binding, caller: null };
    const caller = sessions.current(binding.sessionId);
    if (!caller) {
      bindings.delete(key);
      ended(key, 'session-ended');
      return { binding: undefined, caller: null };
    }
    return { binding, caller };
  };

  const contextFor = (key: string, binding: Binding | undefined, caller: Caller | null): CallContext => ({
    caller: caller as Caller,
    window: key,
    locked: binding?.locked ?? false,
    attachSession(sessionId) {
      const previous = bindings.get(key);
      if (previous && previous.sessionId !== sessionId) {
        sessions.signOut(previous.sessionId);
        ended(key, 'signed-out');
      }
      bindings.set(key, { sessionId, locked: false });
    },
    endSession() {
      const previous = bindings.get(key);
      bindings.delete(key);
      if (previous) {
        sessions.signOut(previous.sessionId);
        ended(key, 'signed-out');
      }
    },
    setLocked(locked) {
      const current = bindings.get(key);
      if (current) current.locked = locked;
    },
  });

  return {
    async handle(channel, input, sender) {
      if (!isTrustedSender(sender)) {
        return fail('untrusted-sender', `Refused a call from an untrusted frame (${String(sender.url).slice(0, 200)}).`);
      }
      if (!isInvokeChannel(channel)) {
        return fail('unknown-channel', `Unknown channel "${String(channel).slice(0, 100)}".`);
      }
      // Before anything else looks at it: a hostile input must not cost main more than the budget.
      const measure = measurePayload(input);
      if (!measure.ok) {
        return refuse({ code: 'invalid-input', message: `Input for ${channel} refused before parsing (${measure.reason}; limits: ${describeBudget()}).`, reason: measure.reason });
      }
      const spec = invokeContract[channel];
      // Roles before parsing: a caller who may not use a channel learns nothing about its input either.
      const key = String(sender.id);
      let resolved: ReturnType<typeof resolve>;
      try {
        resolved = resolve(key);
      } catch (error) {
        // Sessions are read from the database on every call; a database that fails (a wrong file,
        // a full disk) must still answer this call, not reject the whole invoke.
        logError(channel, error);
        return fail('database-error', `${channel}: the session could not be read from the database (${(error as Error).message}). Restart the app; if it persists, restore a backup.`);
      }
      const { binding, caller } = resolved;
      const access = checkChannelAccess(spec.roles, caller);
      if (!access.allowed) return refuse({ code: refusalCodes[access.reason], message: `${channel}: ${access.message}`, reason: access.reason });
      if (binding?.locked && spec.roles !== 'public' && !allowedWhileLocked.has(channel)) {
        return refuse({ code: 'locked', message: `${channel}: the screen is locked; enter your password to unlock it.`, reason: 'screen-locked' });
      }
      // A window in training reaches the training file's handlers, or nothing (training-scope.ts).
      let handler = handlers[channel] as (input: unknown, context: CallContext) => unknown;
      if (caller && modes?.inTraining(key)) {
        const scope = trainingScopeOf(channel);
        const trained = scope === 'training' ? modes.trainingHandlers()[channel] : undefined;
        if (scope === 'refused' || (scope === 'training' && trained === undefined)) {
          return refuse({ code: 'forbidden', message: `${channel} is not available in training mode; leave training mode first.`, reason: 'training-channel-refused', params: { channel } });
        }
        if (trained) handler = trained as (input: unknown, context: CallContext) => unknown;
      }
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        // The log keeps the channel and zod's words; the renderer says the field and what to fix.
        const { field, message, reason } = describeFirstIssue(parsed.error);
        return refuse({ code: 'invalid-input', message: `Invalid input for ${channel} at "${field}": ${message}`, field, reason: reason.code, params: reason.params });
      }
      try {
        const value = await handler(parsed.data, contextFor(key, binding, caller));
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          logError(channel, checked.error);
          return internal(`The ${channel} service returned an answer outside the contract.`);
        }
        return ok(checked.data);
      } catch (error) {
        if (error instanceof AppError) return appFailure(error);
        logError(channel, error);
        return internal(`${channel} failed unexpectedly.`);
      }
    },

    mayReceive(event, senderId, side = 'real') {
      let resolved: ReturnType<typeof resolve>;
      try {
        resolved = resolve(String(senderId));
      } catch (error) {
        // Without a readable session nobody is known to be allowed: send nothing.
        logError(`event ${event}`, error);
        return false;
      }
      const { binding, caller } = resolved;
      const roles = eventRoles[event];
      if (binding?.locked && roles !== 'public') return false;
      if (!windowGetsEvent(event, side, caller !== null && (modes?.inTraining(String(senderId)) ?? false))) return false;
      return checkChannelAccess(roles, caller).allowed;
    },

    forgetSender(senderId) {
      const key = String(senderId);
      const binding = bindings.get(key);
      bindings.delete(key);
      if (binding) {
        sessions.signOut(binding.sessionId);
        ended(key, 'window-closed');
      }
    },
  };
}

/** An expected failure as an envelope, with its reason and parameters when it has them. */
function appFailure(error: AppError): IpcResult<never> {
  const retryAfterMs = error instanceof AuthError ? error.retryAfterMs : undefined;
  return refuse({
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
    reason: error.refusal.reason,
    ...(error.refusal.params && Object.keys(error.refusal.params).length > 0 ? { params: error.refusal.params } : {}),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function refuse(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

function describeBudget(): string {
  const { maxChars, maxNodes, maxDepth } = defaultPayloadBudget;
  return `${maxChars} characters, ${maxNodes} values, ${maxDepth} levels, no holes in arrays, plain values only`;
}
