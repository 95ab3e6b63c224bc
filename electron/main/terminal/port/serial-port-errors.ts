import { AppError } from '../../app-error';
import { reason } from '../../../../shared/errors/reason';

/** Turns an error from opening a serial port into a message that says what to do. */
export function explainOpenError(path: string, error: unknown): AppError {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  if (code === 'EACCES' || /permission denied/i.test(text)) {
    return new AppError('forbidden', reason('port-permission-denied', { path, command: 'sudo usermod -aG dialout $USER' }));
  }
  if (code === 'ENOENT' || /no such file|cannot open|not found/i.test(text)) {
    return new AppError('not-found', reason('port-not-found', { path }));
  }
  if (code === 'EBUSY' || /busy|locked|resource temporarily unavailable/i.test(text)) {
    return new AppError('conflict', reason('port-busy', { path }));
  }
  return new AppError('internal', reason('port-open-failed', { path, detail: text }));
}
