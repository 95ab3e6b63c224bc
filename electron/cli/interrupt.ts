// Ctrl-C during `rebind run` / `rebind recover`: the first asks the engine to stop at its next safe
// point and says what that means; the second stops the process at once and says how to finish the
// job (the journal keeps the operation open, so `rebind recover` takes it from there).
import { interruptedExitCode, type CliIo } from './cli-io';

/** What the handler needs to say what happens. */
export interface InterruptContext {
  command: 'run' | 'recover-resume' | 'recover-restore';
  /** The command that finishes the job after a second Ctrl-C. */
  recoverCommand: string;
  /** The operation, once the engine has announced it. */
  operationId(): number | null;
}

/** Installs the handler; returns the signal to hand the engine and a function that removes the handler. */
export function handleInterrupts(io: CliIo, context: InterruptContext): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  let count = 0;
  const dispose =
    io.onInterrupt?.(() => {
      count++;
      const op = context.operationId();
      const which = op === null ? 'The rebind' : `Operation #${op}`;
      if (count === 1) {
        controller.abort();
        io.err(
          context.command === 'recover-restore'
            ? 'Ctrl-C: the restore goes on until the old set is read back (it is the way back). Press Ctrl-C again to stop at once and leave it to recovery.'
            : `Ctrl-C: cancelling at the next safe point — before COMMIT the stage is dropped and the old set read back, after COMMIT the terminal is rolled back and read back. Wait for the outcome; press Ctrl-C again to stop at once and leave it to recovery.`,
        );
        return;
      }
      io.err(`Stopped at once. ${which} is left open in the journal; the terminal may be between steps. To finish or undo it, run: ${context.recoverCommand} (add --restore to undo).`);
      io.exit?.(interruptedExitCode);
    }) ?? (() => undefined);
  return { signal: controller.signal, dispose };
}
