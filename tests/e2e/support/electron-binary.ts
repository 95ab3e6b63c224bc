import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join(import.meta.dirname, '../../../node_modules/electron');

/**
 * The installed Electron executable, or the reason there is none. Reads path.txt as Electron's own
 * index.js does, but never requires 'electron': that would try to download the binary.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { reason: `no Electron binary is installed (${pathFile} is missing: its download failed or was skipped)` };
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { reason: `the Electron binary ${binary} named by path.txt is missing` };
  return { path: binary };
}
