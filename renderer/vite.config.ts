/**
 * Build of the reader: `npx vite build --config renderer/vite.config.ts` → `build/out/renderer/`.
 *
 * The same files are served under `palimpseste://app/` (Electron) and `http://127.0.0.1:PORT/` (web
 * edition), so every asset URL is relative (`base: './'`). The strict CSP (`script-src 'self'`,
 * `style-src 'self'`) rules out inline scripts, inline styles and `data:` URLs: nothing is inlined.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(root, '../build/out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // A `data:` URL would be refused by the CSP; every asset stays a file.
    assetsInlineLimit: 0,
    // Chromium supports module preload natively: the polyfill would only add code.
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
