/**
 * Build of the reader: `npx vite build --config renderer/vite.config.ts` → `build/out/renderer/`.
 *
 * The same files are served under `palimpseste://app/` (Electron) and `http://127.0.0.1:PORT/` (web
 * edition), so every asset URL is relative (`base: './'`). The strict CSP (`script-src 'self'`,
 * `style-src 'self'`) rules out inline scripts, inline styles and `data:` URLs: nothing is inlined.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The entry (`src/main.tsx`) imports React and the views (`app/boot.tsx`) only once it has sent the
 * first page's requests; without a hint in the page, the browser only learns of that chunk (0.5 MB)
 * when the entry has run — one more round trip and its parse, after the entry's, on the way to
 * the first article. Named in the page, it is fetched and compiled beside the entry.
 */
function preloadBoot(): Plugin {
  return {
    name: 'palimpseste-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunks = Object.values(context.bundle ?? {});
        // Not its facade: the lazy views share its modules, so Rollup makes it a shared chunk.
        const boot = chunks.find((chunk) => chunk.type === 'chunk' && chunk.moduleIds.some((id) => id.endsWith('/src/app/boot.tsx')));
        if (boot?.type !== 'chunk') throw new Error('renderer build: the chunk of src/app/boot.tsx was not found (renamed?).');
        const tags: HtmlTagDescriptor[] = [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${boot.fileName}` }, injectTo: 'head' },
        ];
        for (const css of boot.viteMetadata?.importedCss ?? [])
          tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${css}` }, injectTo: 'head' });
        return tags;
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), preloadBoot()],
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
