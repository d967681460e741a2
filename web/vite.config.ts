import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The desk is served by athar itself (src/modules/desk) from web/dist; in development, `npx vite
// --config web/vite.config.ts` serves it with the API proxied to a running `athar serve`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Nothing inline: the desk's Content-Security-Policy allows scripts from athar only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4000', '/public': 'http://127.0.0.1:4000' } },
});
