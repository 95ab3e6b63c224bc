import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// `<file>.<pid>.partial` (and SQLite's -wal/-shm/-journal beside it): the pid says whose it is, so a
// start-up clean-up removes what a killed process left without touching a live process's copy.
const partialName = /\.(\d+)\.partial(?:-wal|-shm|-journal)?$/;
// Names written before the pid was part of them; nothing writes them any more.
const legacyName = /(?:\.partial|\.restore-staging)(?:-wal|-shm|-journal)?$/;

/** Where a file being written to `target` lives until it is checked and renamed into place. */
export function partialPath(target: string, pid: number = process.pid): string {
  return `${target}.${pid}.partial`;
}

/** True while a process with this id runs (EPERM: it runs, under another user). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the half-written backups and staging copies a killed backup or restore left in `dirs`
 * (each as large as the database). A file whose writer still runs is kept. Returns what was removed.
 */
export function removeAbandonedPartials(dirs: readonly string[], alive: (pid: number) => boolean = processAlive): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // not created yet
    }
    for (const name of names) {
      const owned = partialName.exec(name);
      const abandoned = owned ? !alive(Number(owned[1])) : legacyName.test(name);
      if (!abandoned) continue;
      rmSync(join(dir, name), { force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}
