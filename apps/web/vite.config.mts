import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

/** The web app builds to dist/web, which the API serves at /; `vite` (dev) proxies the API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // React Router marks modules "use client" for React Server Components; irrelevant to a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/files': api,
      '/health': api,
      '/nns': api,
    },
  },
});
