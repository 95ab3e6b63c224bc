import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './support/temp-dir';

// Lints code snippets as if they sat at the given paths, with the project's real eslint config.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (DESIGN.md §2, docs/main-layers.md)', () => {
  it.each([
    ['shared/ importing a Node built-in', 'shared/rtp/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", /no Node built-ins/],
    ['shared/ importing bare crypto', 'shared/rtp/bad.ts', "import { createHash } from 'crypto';\nexport const x = createHash;\n", /no Node built-ins/],
    ['shared/ importing electron', 'shared/bad.ts', "import { app } from 'electron';\nexport const x = app;\n", /must not import Electron/],
    ['shared/ importing the main process', 'shared/bad.ts', "import { AppError } from '../electron/main/app-error';\nexport const x = AppError;\n", /must not import electron\/ or renderer\//],
    ['shared/ importing vue', 'shared/bad.ts', "import { ref } from 'vue';\nexport const x = ref;\n", /runtime-specific/],
    ['renderer importing electron', 'renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", /must not import Electron/],
    ['renderer importing the main process', 'renderer/src/bad.ts', "import { createRouter } from '../../electron/main/ipc/router';\nexport const x = createRouter;\n", /must not import electron\//],
    ['renderer importing node:fs', 'renderer/src/bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n", /no Node/],
    ['main importing the renderer', 'electron/main/bad.ts', "import { i18n } from '../../renderer/src/i18n';\nexport const x = i18n;\n", /must not import the renderer/],
    // Main's inner layers (docs/main-layers.md): the imports that ran up the layers before issue 9.
    ['a terminal service importing the rebinding engine', 'electron/main/terminal/service/bad.ts', "import type { TerminalAccess } from '../../rebind/engine-types';\nexport type X = TerminalAccess;\n", /terminal\/ may import only/],
    ['a terminal service importing ipc/', 'electron/main/terminal/service/bad.ts', "import type { EventBus } from '../../ipc/event-bus';\nexport type X = EventBus;\n", /terminal\/ may import only/],
    ['the settings service importing ipc/', 'electron/main/settings/bad.ts', "import type { EventBus } from '../ipc/event-bus';\nexport type X = EventBus;\n", /settings\/ may import only/],
    ['db/ importing the audit feature', 'electron/main/db/bad.ts', "import { exportAuditCsv } from '../audit/audit-export';\nexport const x = exportAuditCsv;\n", /db\/ may import only/],
    ['db/ importing a feature', 'electron/main/db/bad.ts', "import { pidAlive } from '../rebind/operation-owner';\nexport const x = pidAlive;\n", /db\/ may import only/],
    ['the audit log importing backups', 'electron/main/audit/bad.ts', "import { openBackupHistory } from '../backup/backup-history';\nexport const x = openBackupHistory;\n", /audit\/ may import only/],
    ['a feature reaching ipc/ through electron/main', 'electron/main/audit/bad.ts', "import { createRouter } from '../../main/ipc/router';\nexport const x = createRouter;\n", /audit\/ may import only/],
    ['ipc/ importing the window', 'electron/main/ipc/bad.ts', "import { createAppWindow } from '../security/app-window';\nexport const x = createAppWindow;\n", /ipc\/ may import only/],
    ['a service importing main-context', 'electron/main/onsite/bad.ts', "import { createMainContext } from '../main-context';\nexport const x = createMainContext;\n", /composition roots/],
    ['ipc/ importing a feature module', 'electron/main/ipc/bad.ts', "import { createAuditModule } from '../audit/audit-module';\nexport const x = createAuditModule;\n", /composed only in main-context/],
    ['a service importing electron', 'electron/main/backup/bad.ts', "import { dialog } from 'electron';\nexport const x = dialog;\n", /Only the window, the IPC wrapper/],
    ['the CLI importing electron', 'electron/cli/bad.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only the window, the IPC wrapper/],
    ['main importing the CLI', 'electron/main/rebind/bad.ts', "import { outcomeLines } from '../../cli/rebind-cli-support';\nexport const x = outcomeLines;\n", /must not import electron\/cli/],
    ['main-context importing the CLI', 'electron/main/bad.ts', "import { outcomeLines } from '../cli/rebind-cli-support';\nexport const x = outcomeLines;\n", /must not import electron\/cli/],
    ['the CLI importing the IPC router', 'electron/cli/commands/bad.ts', "import { createRouter } from '../../main/ipc/router';\nexport const x = createRouter;\n", /never its IPC layer/],
    ['the preload importing main', 'electron/preload/bad.ts', "import { createRouter } from '../main/ipc/router';\nexport const x = createRouter;\n", /only through IPC/],
  ])('flags %s', async (_name, filePath, code, expected) => {
    const errors = await layerErrors(filePath, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(expected);
  });

  it.each([
    ['shared/ importing zod and other shared code', 'shared/ok.ts', "import { z } from 'zod';\nimport { ok } from './ipc/result';\nexport const x = [z, ok];\n"],
    ['shared/ importing a relative folder named like a Node built-in', 'shared/rtp/ok.ts', "import { digest } from '../crypto/digest';\nexport const x = digest;\n"],
    ['renderer importing shared/', 'renderer/src/ok.ts', "import { ok } from '../../shared/ipc/result';\nexport const x = ok;\n"],
    ['main importing shared/ and node', 'electron/main/ok.ts', "import { join } from 'node:path';\nimport { ok } from '../../shared/ipc/result';\nexport const x = [join, ok];\n"],
    ['the rebinding engine importing the terminal driver', 'electron/main/rebind/ok.ts', "import type { TerminalAccess } from '../terminal/driver/terminal-access';\nexport type X = TerminalAccess;\n"],
    ['a terminal service importing shared/rebind (not main\'s rebind/)', 'electron/main/terminal/service/ok.ts', "import type { RebindEvent } from '../../../../shared/rebind/rebind-events';\nexport type X = RebindEvent;\n"],
    ['a service taking the event port from shared/', 'electron/main/settings/ok.ts', "import type { EventPort } from '../../../shared/ipc/event-port';\nexport type X = EventPort;\n"],
    ['a feature appending to the audit chain in db/', 'electron/main/settings/ok.ts', "import { audited } from '../db/audited';\nexport const x = audited;\n"],
    ['db/ importing platform/', 'electron/main/db/ok.ts', "import { pidAlive } from '../platform/process-identity';\nexport const x = pidAlive;\n"],
    ['a service importing app-error', 'electron/main/terminal/service/ok.ts', "import { AppError } from '../../app-error';\nexport const x = AppError;\n"],
    ['ipc/ importing a service', 'electron/main/ipc/ok.ts', "import type { SettingsService } from '../settings/settings-service';\nexport type X = SettingsService;\n"],
    ['a feature module importing ipc/', 'electron/main/audit/audit-module.ts', "import type { FeatureModule } from '../ipc/compose-modules';\nexport type X = FeatureModule<'audit:list'>;\n"],
    ['main-context importing a feature module', 'electron/main/main-context.ts', "import { createAuditModule } from './audit/audit-module';\nexport const x = createAuditModule;\n"],
    ['the IPC wrapper importing electron', 'electron/main/ipc/electron-ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['the safeStorage protector importing electron', 'electron/main/crypto/safe-storage-protector.ts', "import { safeStorage } from 'electron';\nexport const x = safeStorage;\n"],
    ['index.ts importing electron', 'electron/main/index.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['the CLI importing a service', 'electron/cli/commands/ok.ts', "import { verifyAuditChain } from '../../main/audit/audit-verify';\nexport const x = verifyAuditChain;\n"],
  ])('allows %s', async (_name, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });

  describe('npm run lint:layers (the resolved import graph)', () => {
    const script = join(import.meta.dirname, '../../scripts/lint-layers.mjs');
    const tempDir = useTempDir('layers-');
    const run = (dir: string): { status: number; out: string } => {
      try {
        return { status: 0, out: execFileSync(process.execPath, [script, dir], { encoding: 'utf8' }) };
      } catch (error) {
        const failed = error as { status: number; stdout: string };
        return { status: failed.status, out: failed.stdout };
      }
    };
    const write = (dir: string, path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };

    it('finds no import running up the layers in the project', () => {
      const { status, out } = run(join(import.meta.dirname, '../..'));
      expect(out).toContain('No import runs up the layers');
      expect(out).toMatch(/rebind -> terminal\s+\d+ import\(s\)\s+ok/);
      expect(out).toMatch(/audit\/\*-module -> ipc\s+\d+ import\(s\)\s+ok/);
      expect(status).toBe(0);
    });

    it('prints an upward import and Electron outside its files, and fails', () => {
      const dir = tempDir();
      write(dir, 'electron/main/ipc/event-bus.ts', 'export interface EventBus { emit(): void }\n');
      write(dir, 'electron/main/settings/settings-service.ts', "import type { EventBus } from '../ipc/event-bus';\nimport { app } from 'electron';\nexport type X = EventBus;\n");
      write(dir, 'electron/main/ipc/router.ts', "import type { X } from '../settings/settings-service';\nexport type Y = X;\n");
      const { status, out } = run(dir);
      expect(out).toMatch(/settings -> ipc\s+1 import\(s\)\s+UP THE LAYERS: settings\/ sits below ipc\//);
      expect(out).toMatch(/ipc -> settings\s+1 import\(s\)\s+ok/);
      expect(out).toContain('electron/main/settings/settings-service.ts: imports Electron');
      expect(status).toBe(1);
    });
  });

  it('flags raw ipcMain outside the one wrapper', async () => {
    const [result] = await eslint.lintText("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", { filePath: 'electron/main/services/bad.ts' });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });
});
