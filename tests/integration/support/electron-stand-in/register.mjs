// Loaded with `node --import` before the built main process (out/main/index.js): answers
// `import 'electron'` with the recording stand-in beside this file, and gives the process the
// Electron version it would have, so index.ts computes the native-binding path it computes in
// Electron. Used by tests/integration/electron-main-smoke.test.ts; see there why.
import { register } from 'node:module';

Object.defineProperty(process.versions, 'electron', { value: process.env.STAND_IN_ELECTRON_VERSION, enumerable: true });
Object.defineProperty(process.versions, 'chrome', { value: 'stand-in', enumerable: true });
register('./resolve-electron.mjs', import.meta.url);
