/**
 * The checkout builds like any shop's front end: Vite, two pages, `@referkit/sdk` from npm (here,
 * the workspace's built package). The backend serves `dist/` at `/checkout/`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/checkout/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { index: page('index.html'), thanks: page('thanks.html') } },
  },
});
