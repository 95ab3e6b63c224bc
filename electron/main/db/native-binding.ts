import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `scripts/ensure-electron-sqlite.mjs` puts better-sqlite3 built for this Electron's ABI.
 * node_modules keeps the Node build, so `npm test` (Node) and `npm start` (Electron) never
 * rebuild over each other.
 */
export function electronSqliteBindingPath(projectRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(projectRoot, '.cache', 'electron-sqlite', `${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** The Electron binding when it was built for this runtime; undefined means "use the default" (packaged apps). */
export function findElectronSqliteBinding(projectRoot: string, electronVersion: string, platform: string, arch: string): string | undefined {
  const path = electronSqliteBindingPath(projectRoot, electronVersion, platform, arch);
  return existsSync(path) ? path : undefined;
}
