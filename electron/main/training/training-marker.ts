// Which windows are in training, kept in a small file beside the training file as they enter and
// leave. Sessions live in memory, so after a crash every window starts in real mode; this file is
// how the next start knows whom to record as having left training ("restart").
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/write-file-atomic';

const entrySchema = z.strictObject({ window: z.string(), operatorId: z.int(), username: z.string(), since: z.string() });
/** A window in training. */
export type TrainingWindow = z.infer<typeof entrySchema>;

/** Reads the windows a previous run left in training; a missing or unreadable file is none. */
export function readTrainingMarker(path: string): TrainingWindow[] {
  if (!existsSync(path)) return [];
  try {
    return z.array(entrySchema).parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // A torn or hand-edited file cannot name anyone: nothing to record, and it is replaced below.
    return [];
  }
}

/** Writes the windows now in training (removes the file when there are none). */
export function writeTrainingMarker(path: string, windows: readonly TrainingWindow[]): void {
  if (windows.length === 0) rmSync(path, { force: true });
  else writeFileAtomic(path, JSON.stringify(windows));
}
