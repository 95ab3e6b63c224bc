#!/usr/bin/env node
// `npm test`: the whole suite in one command — lint (with the layer rules), type checks of every
// layer, the Electronegativity security check, unit + integration tests (vitest), the renderer
// build, the browser and Electron e2e
// (Playwright). Every step runs even when an earlier one fails, then one summary line is printed.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tmp = join(root, 'test-results');
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules/.bin', name);
const shown = (command, args) => [command, ...args].map((a) => a.replace(root + '/', '')).join(' ');

const steps = [];
function step(name, command, args, extraEnv = {}) {
  console.log(`\n━━ ${name}: ${shown(command, args)}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  const ok = run.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

// The checks that share nothing (lint, type checks, the security check) are single-threaded, so
// they run side by side, one per core. Each one's output is held and printed whole when it ends,
// so the log reads like the sequential one.
function quietStep(name, command, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, env: process.env });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    // A program that cannot be started fails its step ('close' follows with no status).
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (status) => {
      const ok = status === 0;
      const seconds = (Date.now() - started) / 1000;
      console.log(`\n━━ ${name}: ${shown(command, args)} (${seconds.toFixed(1)} s)`);
      process.stdout.write(Buffer.concat(output));
      resolve({ name, ok, seconds });
    });
  });
}
async function sideBySide(checks, width) {
  const queue = [...checks];
  const done = [];
  const lane = async () => {
    while (queue.length > 0) done.push(await quietStep(...queue.shift()));
  };
  await Promise.all(Array.from({ length: width }, lane));
  // The summary keeps the listed order, not the order they finished in.
  for (const [name] of checks) steps.push(done.find((d) => d.name === name));
}

await sideBySide(
  [
    // The slowest first, so the two lanes end near the same time.
    ['lint', bin('eslint'), ['.']],
    ['typecheck renderer', bin('vue-tsc'), ['-p', 'tsconfig.web.json', '--noEmit']],
    ['typecheck tests', bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']],
    ['typecheck main', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']],
    ['typecheck shared', bin('tsc'), ['-p', 'tsconfig.shared.json', '--noEmit']],
    // Electron hardening, checked by Doyensec's Electronegativity: fails on any HIGH or MEDIUM finding.
    ['electronegativity', process.execPath, [join(root, 'scripts/electronegativity.mjs')]],
  ],
  Math.max(1, Math.min(2, availableParallelism())),
);

// The app bundles (renderer for the browser e2e) and the Node entry points (the `rebind` CLI the
// integration tests run as a program) are built first, so no test sees a stale build.
const built = step('build app', bin('electron-vite'), ['build']) && step('build CLI', bin('vite'), ['build', '--config', 'vite.node.config.ts']);

const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
step('unit + integration', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);

const playwrightJson = join(tmp, 'playwright.json');
rmSync(playwrightJson, { force: true });
if (built) step('e2e (browser, electron)', bin('playwright'), ['test']);
else steps.push({ name: 'e2e (browser, electron)', ok: false, seconds: 0 });

// Totals across the test runners; lint, type checks and Electronegativity count as one check each.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const s of steps.filter((s) => !['unit + integration', 'e2e (browser, electron)'].includes(s.name))) {
  if (s.ok) passed++;
  else failed++;
}
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  if (!steps.find((s) => s.name === 'unit + integration').ok && v.numFailedTests === 0) failed++;
} else failed++;
const skipReasons = [];
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  const p = report.stats;
  // Every skipped test says why (its skip annotation), in the summary as well as in the log.
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const run of spec.tests ?? []) {
        if (run.status !== 'skipped') continue;
        const reason = (run.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        skipReasons.push(`${[...path, spec.title].join(' › ')}: ${reason}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  passed += p.expected + p.flaky;
  failed += p.unexpected;
  skipped += p.skipped;
  if (!steps.find((s) => s.name === 'e2e (browser, electron)').ok && p.unexpected === 0) failed++;
} else failed++;

console.log('\n━━ summary');
for (const s of steps) console.log(`${s.ok ? '✔' : '✖'} ${s.name} (${s.seconds.toFixed(1)} s)`);
if (skipReasons.length > 0) {
  console.log('\nskipped:');
  for (const line of skipReasons) console.log(`- ${line}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || steps.some((s) => !s.ok) ? 1 : 0);
