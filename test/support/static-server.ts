// A tiny loopback HTTP server for tests: serves the files under a directory (GET and HEAD only)
// and records every request, so a test can assert what a client did and did not download.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

export interface ServedRequest {
  method: string;
  path: string;
  userAgent: string;
  status: number;
}

export interface StaticServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    const record = (status: number) => requests.push({ method: req.method ?? '', path, userAgent: req.headers['user-agent'] ?? '', status });
    let size = -1;
    try {
      const st = statSync(file);
      if (st.isFile() && (file + sep).startsWith(normalize(root + sep))) size = st.size;
    } catch {
      size = -1;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      record(405);
      res.writeHead(405).end();
    } else if (size < 0) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    } else {
      record(200);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
