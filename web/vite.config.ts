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
  },
  server: {
    // `npm run dev:web` against a server started with `npm run serve` (port 3000).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
