import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';

// @fontsource's CSS offers each unicode-range chunk as woff2 with a woff fallback. Chromium (and
// so Electron) reads woff2, so the fallback is dropped before Vite resolves the URLs: only the
// woff2 chunks are emitted and shipped, and a page loads only the chunks of the glyphs it shows.
function woff2OnlyFonts(): Plugin {
  return {
    name: 'woff2-only-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/][^\\/]+[\\/][^\\/]+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

// main and preload run in Electron; the preload is CommonJS so the window can be sandboxed.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [woff2OnlyFonts(), vue()],
    build: {
      // Two pages: the app, and the print view the report printers load (renderer/src/print/).
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html'), print: resolve(import.meta.dirname, 'renderer/print.html') },
      },
    },
  },
});
