import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { DEV_STYLE_NONCE, localSecurityHeaders } from './security-headers.ts';

/*
 * Run from the repository root: `vite --config web/vite.config.ts` (dev), `vite build --config ...` (to
 * web/dist), `vite preview --config ...`. Paths are resolved from this file, not the working directory.
 *
 * Environment:
 *   KOOPERACJA_API_URL   where the dev and preview servers proxy /api (default http://localhost:3000)
 *   KOOPERACJA_WEB_PORT  dev server port (default 5173); preview keeps Vite's 4173 unless given --port
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiUrl = process.env.KOOPERACJA_API_URL ?? 'http://localhost:3000';
const port = Number(process.env.KOOPERACJA_WEB_PORT ?? 5173);

/**
 * The panel's registration of cards from paper (src/admin/register-card.tsx) shows the card form's own
 * steps. Imported as they are, the form's modules would be shared by two routes and the bundler would split
 * the clerk's form route into more files (more bytes on the gmina's slow link). So that screen, and every
 * module it reaches under card/, components/, shared/ and zod, is built as a copy of its own (the same
 * source under another id); Preact and src/lib (the router, the language, the API client), which must be
 * one instance, stay shared from the entry chunk. Only in the build: the dev server has no chunks.
 */
const panelCopies = () =>
  copies(
    'panel-copy',
    /\/web\/src\/admin\/register-card\.tsx$/,
    /\/(web\/src\/(card|components)|shared|node_modules\/zod)\//,
  );

/**
 * The public checks of a receipt and of an agreement share components/digest-check.tsx; shared by their two
 * routes it would be a chunk of its own, a file more in the entry's import map (+29 B gzipped on the card
 * form's route). The agreement route's page takes a copy instead, as the receipt route has its own.
 */
const digestCheckCopy = () =>
  copies(
    'agreement-copy',
    /\/web\/src\/agreements\/verification-page\.tsx$/,
    /\/web\/src\/components\/digest-check\.tsx$/,
  );

/** Builds each module `copied` that `from` (or a copy) imports as a copy of its own, marked `?${mark}`. */
function copies(mark: string, from: RegExp, copied: RegExp): Plugin {
  const markedAs = new RegExp(`[?&]${mark}$`);
  const marked = (id: string) => markedAs.test(id);
  const original = (id: string) => id.replace(markedAs, '');
  return {
    name: `kooperacja-${mark}`,
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(marked(importer) || from.test(importer))) return null;
      const resolved = await this.resolve(source, original(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external || !copied.test(resolved.id)) return resolved;
      return { ...resolved, id: `${resolved.id}${resolved.id.includes('?') ? '&' : '?'}${mark}` };
    },
    load(id) {
      // Files only; a copy of `…?url` is left to Vite's asset plugin, which reads past the mark.
      return marked(id) && !original(id).includes('?') ? readFileSync(original(id), 'utf8') : null;
    },
  };
}

const proxy = { '/api': { target: apiUrl, changeOrigin: true } };

export default defineConfig(({ command }) => ({
  root: webRoot,
  plugins: [panelCopies(), digestCheckCopy(), preact()],
  // Only the dev server injects <style> elements; a production build has just <link rel="stylesheet">.
  html: command === 'serve' ? { cspNonce: DEV_STYLE_NONCE } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Gmina offices keep old laptops: Chrome 80, Firefox 72, Safari 14 and newer run this.
    target: 'es2020',
    cssTarget: ['chrome80', 'firefox72', 'safari14'],
    // The lazy pages import only from the entry chunk, which is loaded by then: nothing for a
    // modulepreload polyfill to do in old browsers, so its bytes are left out.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // File names' content hashes in hex: fewer distinct characters, so the names every chunk and the
        // page's HTML repeat compress better than base64's, and a change elsewhere (a panel chunk's new
        // name in the entry's import map) moves the form route's gzipped bytes less.
        hashCharacters: 'hex',
        codeSplitting: {
          groups: [
            // In the entry: the API client, the resource hook and the error notice, which every page but "not
            // found" needs, and shared modules of a few dozen bytes, which would each be a file of their own.
            {
              name: 'index',
              test: /web\/src\/(main\.tsx|lib\/(api|shape|use-resource)\.ts|components\/error-notice\.tsx)$|shared\/(error-codes|card-form-version|gmina-kinds)\.ts$/,
            },
          ],
        },
      },
    },
  },
  // Pre-bundled by the dev server at start, all of them: one found later (a lazy page's import) makes it
  // bundle again and reload whatever page is open — a fresh clone's e2e run lost a click to that reload.
  optimizeDeps: {
    include: [
      'preact',
      'preact/hooks',
      'preact/jsx-runtime',
      'preact/jsx-dev-runtime',
      'preact/debug',
      'preact/devtools',
      'zod/mini',
    ],
  },
  server: {
    port,
    strictPort: true,
    proxy,
    headers: localSecurityHeaders('dev'),
    // The site imports contracts from ../shared.
    fs: { allow: [repoRoot] },
  },
  preview: {
    strictPort: true,
    proxy,
    headers: localSecurityHeaders('preview'),
  },
}));
