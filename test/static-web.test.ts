import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './support/app.js';

/**
 * The built web app as the server sends it: the .br/.gz files the build writes beside each file
 * (web/vite.config.ts) are sent as they are, hashed assets may be kept for a year, index.html is
 * revalidated on every load.
 */
describe('static web files', () => {
  let app: FastifyInstance;
  let dir: string;
  const js = `export const x = ${JSON.stringify('协商'.repeat(400))};\n`;
  const html = '<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-web-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const write = (name: string, text: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, text);
      fs.writeFileSync(`${f}.br`, zlib.brotliCompressSync(Buffer.from(text)));
      fs.writeFileSync(`${f}.gz`, zlib.gzipSync(Buffer.from(text)));
    };
    write('assets/app-Ab12Cd34.js', js);
    write('index.html', html);
    app = await testApp({ WEB_DIST_DIR: dir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that takes br, the gzip file to one that takes only gzip, the plain file otherwise', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(js) / 4);

    const gz = await app.inject({ method: 'GET', url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);

    const plain = await app.inject({ method: 'GET', url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    for (const r of [br, gz, plain]) expect(r.headers.vary).toMatch(/accept-encoding/i);
  });

  it('lets the browser keep hashed assets for a year and makes it revalidate index.html', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/login', '/proposals/123']) {
      const page = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toBe(html);
    }
  });

  it('answers 404 for an asset of an older build instead of index.html', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-Old00000.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('request.not_found');
  });
});
