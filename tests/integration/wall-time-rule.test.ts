import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The rule that keeps wall time out of assertions (eslint.config.js, wallTimeRules), shown on
// snippets linted as if they sat at the given paths, with the project's real config.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function wallTimeErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const prelude = "import { expect, it } from 'vitest';\ndeclare const outcome: { elapsedMs: number };\ndeclare const first: { atMs: number };\ndeclare const second: { atMs: number };\n";

describe('no wall-time assertions in tests (issue 9, point 7)', () => {
  it.each([
    ['an upper bound on performance.now() deltas', 'tests/integration/terminal/bad.test.ts', "it('x', () => {\n  const started = performance.now();\n  expect(performance.now() - started).toBeLessThan(200);\n});\n"],
    ['Date.now() in an expect, beside the code', 'electron/main/terminal/link/bad.test.ts', "it('x', () => {\n  const started = Date.now();\n  expect(Date.now() - started).toBeGreaterThanOrEqual(0);\n});\n"],
    ['an upper bound on an elapsed value', 'tests/integration/bad.test.ts', "it('x', () => {\n  expect(outcome.elapsedMs).toBeLessThan(1500);\n});\n"],
    ['an upper bound on a difference of times', 'shared/rtp/bad.test.ts', "it('x', () => {\n  expect(second.atMs - first.atMs).toBeLessThanOrEqual(50);\n});\n"],
    ['a comparison of times turned into a boolean', 'tests/integration/bad.test.ts', "it('x', () => {\n  const waited = 3;\n  expect(waited < 100).toBe(true);\n});\n"],
    ['a wall-time bound in a test support file', 'tests/integration/support/bad.ts', "export function check(): void {\n  const start = Date.now();\n  expect(Date.now() - start).toBeLessThan(10);\n}\n"],
  ])('flags %s', async (_name, filePath, code) => {
    const errors = await wallTimeErrors(filePath, prelude + code);
    expect(errors).not.toEqual([]);
    expect(errors.join('\n')).toMatch(/simulated-clock\.ts/);
  });

  it.each([
    ['an exact figure on a simulated clock', 'tests/integration/ok.test.ts', "declare const clock: { monoMs(): number };\nit('x', () => {\n  expect(outcome.elapsedMs).toBe(250);\n  expect(clock.monoMs()).toBe(0);\n});\n"],
    ['upper bounds on sizes and counts', 'electron/main/ok.test.ts', "declare const entry: { text: string };\nit('x', () => {\n  expect(entry.text.length).toBeLessThanOrEqual(300);\n  expect([1, 2].indexOf(1)).toBeLessThan(1);\n});\n"],
    ['a benchmark that measures wall time (it prints, it does not assert)', 'tests/bench/ok.bench.ts', "it('x', () => {\n  const started = performance.now();\n  expect(performance.now() - started).toBeLessThan(1e9);\n});\n"],
    ['wall time in app code (the system clock itself)', 'electron/main/platform/ok.ts', 'export const now = (): number => performance.now() + Date.now();\n'],
  ])('allows %s', async (_name, filePath, code) => {
    expect(await wallTimeErrors(filePath, prelude + code)).toEqual([]);
  });
});
