// Lint rules, including the layer rule of DESIGN.md §2: shared/ is pure, the renderer never
// reaches Electron or Node, and the main process never imports the renderer; inside main, each
// folder imports only the layers below it (docs/main-layers.md, table in scripts/main-layers.mjs).
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import { electronFiles, forbiddenFor, mainFolders, moduleFileSuffix, topFiles } from './scripts/main-layers.mjs';

// Bare built-in names are matched exactly (a regex), so a relative `../crypto/sha256` is not caught.
const nodeBuiltinRegex = '^(node:.*|fs|fs/promises|path|os|crypto|child_process|net|stream|events|util|url|http|https|worker_threads|buffer|perf_hooks|timers)$';

/** Import patterns each layer must not use, with the reason shown to whoever breaks the rule. */
export const layerRules = {
  shared: [
    { regex: nodeBuiltinRegex, message: 'shared/ is pure TypeScript: no Node built-ins (DESIGN.md §2). Move this code to electron/main/.' },
    { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron (DESIGN.md §2).' },
    { group: ['vue', 'pinia', 'naive-ui', 'vue-i18n', 'better-sqlite3', 'serialport', '@serialport/*'], message: 'shared/ must not import runtime-specific packages (DESIGN.md §2).' },
    { group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'], message: 'shared/ must not import electron/ or renderer/ (DESIGN.md §2).' },
  ],
  renderer: [
    { regex: nodeBuiltinRegex, message: 'The renderer has no Node: reach the main process through the preload API (DESIGN.md §2).' },
    { group: ['electron', 'electron/*', 'better-sqlite3', 'serialport', '@serialport/*'], message: 'The renderer must not import Electron or native modules; use the typed bridge.' },
    { group: ['**/electron/**', '**/electron'], message: 'renderer/ must not import electron/; share types through shared/ (DESIGN.md §2).' },
  ],
  main: [
    { group: ['**/renderer/**', 'vue', 'pinia', 'naive-ui', 'vue-i18n'], message: 'electron/ must not import the renderer or its UI libraries (DESIGN.md §2).' },
  ],
  electron: [
    { group: ['electron', 'electron/*'], message: 'Only the window, the IPC wrapper, the file picker, the safeStorage protector and index.ts import Electron (docs/main-layers.md); take what you need as a parameter instead.' },
  ],
};

// Relative paths are matched at the file's exact depth below electron/main, so `../terminal/x` from
// rebind/ (main's terminal folder) and `../../../shared/terminal/x` (shared/) are told apart.
const up = (depth) => `^(\\.\\./){${depth}}(\\.\\./main/|\\.\\./\\.\\./electron/main/)?`;
const folderPattern = (depth, folders) => `${up(depth)}(${folders.join('|')})(/|$)`;

/** The patterns a file `depth` folders below electron/main/ in `folder` must not use. */
function mainLayerPatterns(folder, depth, { isModule = false } = {}) {
  const patterns = [];
  // A module file wires its feature to ipc/, so it may import every folder but the window.
  const forbidden = isModule ? ['security'] : forbiddenFor(folder);
  const allowed = mainFolders[folder] ?? [];
  if (forbidden.length > 0) {
    patterns.push({ regex: folderPattern(depth, forbidden), message: `electron/main/${folder}/ may import only ${allowed.join(', ') || 'shared/'} below it, never a layer above (docs/main-layers.md). Pass what you need in as a parameter or an interface.` });
  }
  patterns.push({ regex: `${up(depth)}(${topFiles.join('|')})$`, message: 'main-context.ts and index.ts are the composition roots; nothing imports them (docs/main-layers.md).' });
  patterns.push({ regex: `^(\\.\\./){${depth + 1}}cli(/|$)`, message: 'electron/main/ must not import electron/cli/: the command line is built on main, not the other way round.' });
  if (!isModule) patterns.push({ regex: `${moduleFileSuffix}$`, message: 'Feature modules (*-module.ts) are composed only in main-context.ts (docs/main-layers.md).' });
  return patterns;
}

// One block per folder and depth (and for module files), later blocks winning: the rule's options replace, never merge.
const mainLayerBlocks = Object.keys(mainFolders).flatMap((folder) =>
  [1, 2, 3].flatMap((depth) => {
    const files = [`electron/main/${folder}/${'*/'.repeat(depth - 1)}*.ts`];
    const block = (isModule, electron) => ({
      files: isModule ? [`electron/main/${folder}/*${moduleFileSuffix}.ts`] : files,
      ...(electron ? {} : { ignores: electronFiles }),
      rules: { 'no-restricted-imports': ['error', { patterns: [...layerRules.main, ...(electron ? [] : layerRules.electron), ...mainLayerPatterns(folder, depth, { isModule })] }] },
    });
    const allowed = electronFiles.filter((file) => file.startsWith(`electron/main/${folder}/`) && file.split('/').length === depth + 3);
    return [
      block(false, false),
      ...(allowed.length > 0 ? [{ ...block(false, true), files: allowed }] : []),
      ...(depth === 1 ? [block(true, false)] : []),
    ];
  }),
);

// The files directly in electron/main: the two roots and the base files (app-error, data-dir).
const mainRootPatterns = [...layerRules.main, { regex: '^\\.\\./cli(/|$)', message: 'electron/main/ must not import electron/cli/: the command line is built on main, not the other way round.' }];
const mainRootBlocks = [
  { files: ['electron/main/*.ts'], ignores: electronFiles, rules: { 'no-restricted-imports': ['error', { patterns: [...mainRootPatterns, ...layerRules.electron] }] } },
  { files: ['electron/main/index.ts'], rules: { 'no-restricted-imports': ['error', { patterns: mainRootPatterns }] } },
];

const cliPatterns = [
  ...layerRules.main,
  ...layerRules.electron,
  { regex: `^(\\.\\./)+main/(ipc|security)(/|$)|^(\\.\\./)+main/(${topFiles.join('|')})$|${moduleFileSuffix}$`, message: 'The command line uses main\'s services directly, never its IPC layer, window, feature modules or composition root (docs/main-layers.md).' },
];

const ipcWrapperRule = { selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]", message: 'Use the typed IPC wrapper in electron/main/ipc/electron-ipc.ts.' };

// Names that say a value is a time or a duration: elapsedMs, startedAt, at, waited, gap, …
const timeName = '/(Ms|At|Elapsed|Duration)$|^(elapsed|duration|waited|took|gap|ms|now|start|started)$/';
const wallTimeHelp = 'drive time with an injected clock (tests/support/simulated-clock.ts) and assert exact simulated times, or assert order ("it happened"), never wall time (issue 9, point 7).';

/**
 * No test asserts on wall time: a loaded machine fails an upper bound, and a lower bound on real
 * timers tells nothing a simulated clock does not tell exactly. Benchmarks (tests/bench/) measure
 * wall time and print it; they assert nothing, so they are left out.
 */
export const wallTimeRules = [
  {
    selector: "CallExpression[callee.name='expect'] CallExpression[callee.object.name=/^(performance|Date)$/][callee.property.name='now']",
    message: `A test asserts on performance.now()/Date.now(): ${wallTimeHelp}`,
  },
  {
    selector: `CallExpression[callee.property.name=/^toBeLessThan(OrEqual)?$/]:has(CallExpression[callee.name='expect'] Identifier[name=${timeName}])`,
    message: `An upper bound on a time (toBeLessThan on an elapsed/…Ms/…At value) fails on a loaded machine: ${wallTimeHelp}`,
  },
  {
    selector: `CallExpression[callee.name='expect'] > BinaryExpression[operator=/^[<>]=?$/]:has(Identifier[name=${timeName}])`,
    message: `A comparison of times inside expect() is a wall-time bound: ${wallTimeHelp}`,
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
    rules: {
      // Every visible string goes through vue-i18n (zh-CN and en-US).
      'vue/no-bare-strings-in-template': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layerRules.shared }] } },
  { files: ['renderer/**/*.ts', 'renderer/**/*.vue'], ignores: ['renderer/**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layerRules.renderer }] } },
  { files: ['electron/**/*.ts'], ignores: electronFiles, rules: { 'no-restricted-imports': ['error', { patterns: [...layerRules.main, ...layerRules.electron] }] } },
  { files: electronFiles, rules: { 'no-restricted-imports': ['error', { patterns: layerRules.main }] } },
  { files: ['electron/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: cliPatterns }] } },
  { files: ['electron/preload/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...layerRules.main, { regex: '^(\\.\\./)+main(/|$)', message: 'The preload reaches main only through IPC; share names through shared/.' }] }] } },
  ...mainRootBlocks,
  ...mainLayerBlocks,
  {
    // Raw ipcMain/ipcRenderer are wrapped once (GitHub Desktop's rule); nowhere else may use them.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc/electron-ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', ipcWrapperRule],
    },
  },
  // Both blocks set no-restricted-syntax, which does not merge: the main process's tests keep the IPC rule.
  { files: ['electron/**/*.test.ts'], rules: { 'no-restricted-syntax': ['error', ipcWrapperRule, ...wallTimeRules] } },
  { files: ['shared/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.ts'], ignores: ['tests/bench/**'], rules: { 'no-restricted-syntax': ['error', ...wallTimeRules] } },
);
