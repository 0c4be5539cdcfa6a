import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    // The server serves dist/web (with SPA fallback) from the repository root.
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd's core is one large, shared chunk; the limit is raised so the warning flags real growth.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React, the router and the query cache change together and rarely: one long-cached chunk.
        // antd is left to the automatic split, so pages that need no Table never load it.
        codeSplitting: {
          groups: [{ name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // `npm run dev:web` against a server started with `npm run serve` (port 3000).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
