import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes a file so that a reader, a crash or a power loss sees the old content or the new, never half. */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      if (typeof text === 'string') writeSync(fd, text);
      // A large buffer may be written in parts.
      else for (let done = 0; done < text.length; ) done += writeSync(fd, text, done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

/** Makes the rename itself durable; some platforms cannot fsync a directory, which is fine there. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for fsync; its rename is already durable enough.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
