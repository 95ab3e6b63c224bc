// Lint rules, including the layer rule of DESIGN.md §2: shared/ is pure, the renderer never
// reaches Electron or Node, and the main process never imports the renderer.
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

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
};

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
  { files: ['electron/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: layerRules.main }] } },
  {
    // Raw ipcMain/ipcRenderer are wrapped once (GitHub Desktop's rule); nowhere else may use them.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc/electron-ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]", message: 'Use the typed IPC wrapper in electron/main/ipc/electron-ipc.ts.' }],
    },
  },
);
