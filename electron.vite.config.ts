import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three builds (electron-vite "Customizing"):
 * - main: the Electron shell, plus the headless host CLI (`out/main/host.js`) that `npm run host`
 *   runs and the shell starts as a child process;
 * - preload: CommonJS, because a sandboxed preload cannot be an ES module;
 * - renderer: the one React UI for facilitator, participants and projector.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          host: resolve(__dirname, 'src/host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Participants load this page over hospital Wi-Fi on older phones: minify, and target
      // browsers a few years old rather than Electron's own Chromium.
      minify: true,
      target: 'es2020',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
