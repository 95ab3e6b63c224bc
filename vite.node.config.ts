import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Node-only entry points (benchmark probes, later the `rebind` CLI) built as ESM for plain Node,
// so their timings do not include a TypeScript loader.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/node',
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: {
      input: {
        rebind: resolve(import.meta.dirname, 'electron/cli/rebind.ts'),
        'startup-probe': resolve(import.meta.dirname, 'tests/bench/startup-probe.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
