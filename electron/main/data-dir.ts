import { join } from 'node:path';

/** The environment variable that overrides the data directory (tests, portable use). */
export const dataDirEnvVar = 'REBINDDESK_DATA_DIR';

/**
 * Picks the data directory: `--data-dir=DIR` or `--data-dir DIR` on the command line, else the
 * environment variable, else the platform default (Electron's userData).
 */
export function resolveDataDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) return nonEmpty(arg.slice('--data-dir='.length), fallback);
    if (arg === '--data-dir' && argv[i + 1] !== undefined) return nonEmpty(argv[i + 1]!, fallback);
  }
  return nonEmpty(env[dataDirEnvVar] ?? '', fallback);
}

function nonEmpty(value: string, fallback: string): string {
  return value.trim() === '' ? fallback : value;
}

/** Where case attachments are kept, by content hash (fs/content-store.ts); backups carry them. */
export function attachmentsDirOf(dataDir: string): string {
  return join(dataDir, 'attachments');
}
