import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The app is built into dist/web, which the API serves at `/` (PRODUCT.md section 15).
// `npm run dev:web` serves it with hot reload and sends /api to a running API (npm start, port 3000).
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: { alias: { '@web': `${root}src` } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    // The budget that matters is the first screen's (scripts/web-budget.js), not one chunk's size.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.RUTA_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
