import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** A small file system mounted for a test, so "disk full" and "read-only" are real, not simulated. */
export interface TestMount {
  path: string;
  unmount(): void;
}

/**
 * Whether this machine lets the tests mount a tmpfs (root, with mount allowed), and if not, why:
 * the suites that need one print the reason and skip, since a full disk cannot be made otherwise
 * without a mock.
 */
export function tmpfsSupport(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: `tmpfs mounts need Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'mounting a small tmpfs needs root; run as root to test a real full or read-only disk' };
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
  } catch {
    return { ok: false, reason: 'no mount command' };
  }
  return { ok: true };
}

/** Mounts a tmpfs of `sizeKiB` at `path` (read-only when asked); unmount it in the test's finally. */
export function mountTmpfs(path: string, sizeKiB: number, options: { readOnly?: boolean } = {}): TestMount {
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k${options.readOnly ? ',ro' : ''}`, 'tmpfs', path]);
  return { path, unmount: () => execFileSync('umount', ['-l', path]) };
}
