// The console's bundle: built into dist/web/ beside the compiled server, which serves it at /.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // `npx vite web`: hot reload against a running server (XENGRAPH_URL, http://localhost:4000 by default).
  server: { proxy: { '/graphql': { target: process.env.XENGRAPH_URL ?? 'http://localhost:4000', ws: true } } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Served to management networks from the API itself: no CDN, nothing fetched at run time.
    assetsInlineLimit: 4096,
    sourcemap: false,
  },
});
