import { AppError } from '../../app-error';

/** Turns an error from opening a serial port into a message that says what to do. */
export function explainOpenError(path: string, error: unknown): AppError {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code ?? '';
  if (code === 'EACCES' || /permission denied/i.test(text)) {
    return new AppError(
      'forbidden',
      `Permission denied on ${path}. On Linux, add your user to the dialout group (sudo usermod -aG dialout $USER), log out and in again, then reconnect.`,
    );
  }
  if (code === 'ENOENT' || /no such file|cannot open|not found/i.test(text)) {
    return new AppError('not-found', `${path} does not exist. Check the cable and that the terminal is on, or pick the port again from the list.`);
  }
  if (code === 'EBUSY' || /busy|locked|resource temporarily unavailable/i.test(text)) {
    return new AppError('conflict', `${path} is in use by another program. Close that program (or another RebindDesk window) and try again.`);
  }
  return new AppError('internal', `${path} could not be opened: ${text}`);
}
