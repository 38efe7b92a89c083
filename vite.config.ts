import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: sources in web/, built to web/dist with assets under /assets/ (src/server.ts serves both). */
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `npx vite` for UI work: the API comes from a running `baton serve` on :3000.
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
