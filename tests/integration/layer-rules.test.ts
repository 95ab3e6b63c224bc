import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints code snippets as if they sat at the given paths, with the project's real eslint config.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (DESIGN.md §2)', () => {
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
  ])('allows %s', async (_name, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });

  it('flags raw ipcMain outside the one wrapper', async () => {
    const [result] = await eslint.lintText("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", { filePath: 'electron/main/services/bad.ts' });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });
});
