import { ipcErrorCodes, type IpcErrorCode } from '../../../shared/ipc/result';
import { BridgeError } from '../bridge/rebind-api';
import { i18n } from '../i18n';

const known: ReadonlySet<string> = new Set(ipcErrorCodes);

/** A message in the user's language for any error a call can end with. */
export function describeError(error: unknown): string {
  const t = i18n.global.t;
  if (error instanceof BridgeError && known.has(error.detail.code)) {
    return t(`errors.${error.detail.code as IpcErrorCode}`, { message: error.detail.message });
  }
  return t('errors.unknown', { message: error instanceof Error ? error.message : String(error) });
}
