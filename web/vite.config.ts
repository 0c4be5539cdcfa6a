import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `x.br` and `x.gz` beside every text file of the build, once, at maximum compression:
 * the server (@fastify/static `preCompressed`) sends them as they are, so no request pays for
 * compressing and the files are smaller than on-the-fly compression would make them.
 * Files under 256 bytes are left alone (the saving would not pay for the extra file).
 */
function precompress(): Plugin {
  let dir = outDir;
  return {
    name: 'xieshang-precompress',
    apply: 'build',
    configResolved(config) {
      dir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((f) => path.join(dir, f))
        .filter((f) => /\.(js|css|html|svg|json|txt|map)$/.test(f) && fs.statSync(f).size >= 256);
      await Promise.all(files.map(async (f) => {
        const data = fs.readFileSync(f);
        const [br, gz] = await Promise.all([
          brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
          gzip(data, { level: 9 }),
        ]);
        fs.writeFileSync(`${f}.br`, br);
        fs.writeFileSync(`${f}.gz`, gz);
      }));
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), precompress()],
  build: {
    // The server serves dist/web (with SPA fallback) from the repository root.
    outDir,
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
