import http from 'node:http';

/** A minimal keep-alive HTTP client for sequential latency measurements (less overhead than fetch). */

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  port: number,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; json?: unknown } = {},
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The cookie header a login response sets (name=value pairs only). */
export function cookieHeader(res: HttpResponse): string {
  const set = res.headers['set-cookie'] ?? [];
  return set.map((c) => c.split(';')[0]).join('; ');
}

export async function login(port: number, username: string, password: string): Promise<{ cookie: string; res: HttpResponse }> {
  const res = await request(port, 'POST', '/api/auth/login', { json: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.body.slice(0, 300)}`);
  return { cookie: cookieHeader(res), res };
}

export const queryString = (q: Record<string, string>) => new URLSearchParams(q).toString();

export function closeClient() {
  agent.destroy();
}
