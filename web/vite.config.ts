import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
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

const proxy = { '/api': { target: apiUrl, changeOrigin: true } };

export default defineConfig(({ command }) => ({
  root: webRoot,
  plugins: [preact()],
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
