import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      // Dependencies (PGlite with its WASM, drizzle, pg) stay in node_modules rather than the bundle.
      externalizeDeps: true,
      // node-llama-cpp (with its native binaries) stays external like every dependency; the embedded
      // model's worker is its own entry, loaded by path from the main bundle's folder.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), 'embedded-worker': resolve(__dirname, 'src/core/ai/embedded/embedded-worker.ts') },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // The page loads from disk or 127.0.0.1, but a smaller bundle still parses faster on a slow school computer.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
