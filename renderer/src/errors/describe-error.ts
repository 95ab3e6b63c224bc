import { ipcErrorCodes, type IpcErrorCode } from '../../../shared/ipc/result';
import { BridgeError } from '../bridge/rebind-api';
import { i18n } from '../i18n';
import { sayParams } from './say-reason';

const known: ReadonlySet<string> = new Set(ipcErrorCodes);

/** A message in the user's language for any error a call can end with; refused sign-ins and calls by their reason. */
export function describeError(error: unknown): string {
  const { t, te } = i18n.global;
  if (error instanceof BridgeError) {
    const { code, reason, retryAfterMs, message, params } = error.detail;
    if (reason && te(`errors.reasons.${reason}`)) {
      return t(`errors.reasons.${reason}`, { ...sayParams(params), seconds: Math.max(1, Math.ceil((retryAfterMs ?? 0) / 1000)) });
    }
    if (known.has(code)) return t(`errors.${code as IpcErrorCode}`, { message });
  }
  return t('errors.unknown', { message: error instanceof Error ? error.message : String(error) });
}
