import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, test, type ElectronApplication } from '@playwright/test';

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

const root = join(import.meta.dirname, '../../..');

/**
 * Call inside a describe block: skips it when no Electron binary is installed, printing the reason
 * and which browser e2e covers the same flows instead. Returns how to launch the built app.
 */
export function electronAppOrSkip(coveredBy: string): { launch(dataDir: string): Promise<ElectronApplication> } {
  const found = findElectronBinary();
  if ('reason' in found) {
    const reason = `Electron e2e skipped: ${found.reason}. ${coveredBy} covers the same flows against the real main-process router.`;
    console.log(`\n[electron e2e] ${reason}\n`);
    test.skip(true, reason);
  }
  return {
    launch(dataDir) {
      if (!('path' in found)) throw new Error(`No Electron binary: ${found.reason}.`);
      return electron.launch({ executablePath: found.path, args: [join(root, 'out/main/index.js'), `--data-dir=${dataDir}`], cwd: root });
    },
  };
}
