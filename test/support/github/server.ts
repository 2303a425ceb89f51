// Request dispatch: faults first, then the REST API (/api/v3, uploads under /api/uploads, as on
// GitHub Enterprise Server), git smart-HTTP, and release downloads. Every API request and response
// is checked against GitHub's OpenAPI description; a mismatch answers 599 and is recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assetRoutes, serveDownload, startAsset } from './assets.js';
import { tokenFrom, tokenHeaders } from './auth.js';
import { faultReply, type Faults } from './faults.js';
import { forkRoutes } from './forks.js';
import { gitDataRoutes } from './git-data.js';
import { isGitPath, serveGit } from './git-http.js';
import { DOCS, HttpError, matchRoute, type Core, type Ctx, type Reply, type Route } from './http.js';
import { pullRoutes } from './pulls.js';
import { releaseRoutes } from './releases.js';
import { repoRoutes } from './repos.js';
import type { Token } from './state.js';
import { checkRequest, checkResponse, operation, type Violation } from './validate.js';

export interface RequestLog {
  method: string;
  /** Path without the query, e.g. /api/v3/repos/o/r/releases. */
  path: string;
  /** Path and query as sent. */
  url: string;
  /** OpenAPI template of the API route, if one matched. */
  route?: string;
  /** 0 when the connection was reset. */
  status: number;
  /** The request changed state (gh.writes() counts these). */
  write: boolean;
  fault?: string;
}

export interface Dispatcher {
  core: Core;
  faults: Faults;
  requests: RequestLog[];
  violations: Violation[];
  validate: boolean;
  gitEnv: NodeJS.ProcessEnv;
}

export const ROUTES: Route[] = [...releaseRoutes(), ...assetRoutes(), ...gitDataRoutes(), ...repoRoutes(), ...forkRoutes(), ...pullRoutes()];
for (const r of ROUTES) if (!operation(r.method, r.template)) throw new Error(`stand-in route ${r.method} ${r.template} is not in the OpenAPI subset`);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(Object.assign(new Error('aborted'), { partial: Buffer.concat(chunks) })));
  });
}

/** Reads part of the body, then destroys the connection (a reset mid-request or mid-upload). */
function readThenReset(req: IncomingMessage, afterBytes: number | undefined): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const limit = afterBytes ?? Math.floor(declared / 2);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      req.removeAllListeners('data');
      req.socket.destroy();
      resolve(Buffer.concat(chunks).subarray(0, limit));
    };
    if (limit <= 0 || (!declared && !req.headers['transfer-encoding'])) return done();
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      size += c.length;
      if (size >= limit) done();
    });
    req.on('end', done);
  });
}

function resolveToken(d: Dispatcher, req: IncomingMessage): Token | null | undefined {
  const t = tokenFrom(req.headers);
  if (t === undefined) return req.headers.authorization ? undefined : null;
  return d.core.st.tokens.get(t);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer | undefined): void {
  res.writeHead(status, { ...headers, 'content-length': String(body ? Buffer.byteLength(body) : 0) });
  res.end(body);
}

const rateUsed = new WeakMap<Token, number>();

function commonHeaders(token: Token | null): Record<string, string> {
  const limit = token ? 5000 : 60;
  const used = token ? (rateUsed.get(token) ?? 0) + 1 : 1;
  if (token) rateUsed.set(token, used);
  return {
    'x-github-api-version-selected': '2022-11-28', 'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `0000:${Math.floor(Math.random() * 1e9).toString(16)}`,
    'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(1, limit - used)), 'x-ratelimit-used': String(used),
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), 'x-ratelimit-resource': 'core', ...tokenHeaders(token),
  };
}

export async function dispatch(d: Dispatcher, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', d.core.urls.server);
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  const base = path.startsWith('/api/v3/') || path === '/api/v3' ? 'api' : path.startsWith('/api/uploads/') ? 'uploads' : undefined;
  const rel = base === 'api' ? path.slice(7) || '/' : base === 'uploads' ? path.slice(12) : path;
  const found = base ? matchRoute(ROUTES, method, base, rel) : undefined;
  const entry: RequestLog = { method, path, url: url.pathname + url.search, route: found?.route.template, status: 0, write: false };
  d.requests.push(entry);
  const fault = d.faults.take(method, [path, rel, found?.route.template ?? '']);
  if (fault) {
    entry.fault = typeof fault.kind === 'string' ? fault.kind : `custom ${fault.kind.status}`;
    if (fault.kind === 'reset') {
      const partial = await readThenReset(req, fault.afterBytes);
      if (found?.route.template.endsWith('/assets') && method === 'POST') entry.write = leaveOpenAsset(d, req, url, found.params, partial);
      return;
    }
    const raw = await readBody(req).catch(() => Buffer.alloc(0));
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(raw.toString() || '{}') as Record<string, unknown>;
    } catch {
      parsed = {};
    }
    const r = faultReply(fault, found?.route.template, parsed);
    entry.status = r.status;
    send(res, r.status, r.headers, r.body);
    return;
  }
  if (base) {
    entry.status = await api(d, req, res, url, found, entry);
    return;
  }
  if (isGitPath(path)) {
    const token = resolveToken(d, req);
    entry.status = await serveGit(d.core, req, res, url, d.gitEnv, token, () => {
      entry.write = true;
    });
    return;
  }
  await readBody(req).catch(() => Buffer.alloc(0));
  if (serveDownload(d.core, req, res, url)) {
    entry.status = res.statusCode;
    return;
  }
  entry.status = 404;
  send(res, 404, { 'content-type': 'text/plain' }, 'Not Found');
}

/** A cut upload leaves an asset in state "open" that blocks its name, as on GitHub. True if it did. */
function leaveOpenAsset(d: Dispatcher, req: IncomingMessage, url: URL, params: Record<string, string>, partial: Buffer): boolean {
  const token = resolveToken(d, req);
  if (!token) return false;
  const ctx = makeCtx(d, req, url, 'POST', '/repos/{owner}/{repo}/releases/{release_id}/assets', params, token, partial, {});
  try {
    const { release, asset } = startAsset(ctx);
    asset.data = partial;
    release.assets.push(asset);
    return true;
  } catch {
    // Not allowed anyway: nothing is left behind.
    return false;
  }
}

const locks = new WeakMap<Dispatcher, Map<string, Promise<unknown>>>();

/** Writes to one repository run one at a time, so check-then-act handlers can't interleave. */
function serialized<T>(d: Dispatcher, key: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!key) return fn();
  let map = locks.get(d);
  if (!map) locks.set(d, (map = new Map()));
  const prev = map.get(key) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  map.set(key, next.catch(() => undefined));
  return next;
}

function makeCtx(d: Dispatcher, req: IncomingMessage, url: URL, method: string, template: string, params: Record<string, string>, token: Token | null, raw: Buffer, body: Record<string, unknown>): Ctx & { wrote: boolean } {
  const ctx = {
    core: d.core, method, template, params, query: url.searchParams, body, raw, headers: req.headers, token, extraHeaders: {}, wrote: false,
    changed(): void {
      ctx.wrote = true;
    },
  };
  return ctx;
}

async function api(d: Dispatcher, req: IncomingMessage, res: ServerResponse, url: URL, found: ReturnType<typeof matchRoute>, entry: RequestLog): Promise<number> {
  const method = entry.method;
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (e) {
    const partial = (e as { partial?: Buffer }).partial ?? Buffer.alloc(0);
    if (found?.route.template.endsWith('/assets') && method === 'POST') entry.write = leaveOpenAsset(d, req, url, found.params, partial);
    return 0;
  }
  const token = resolveToken(d, req);
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}): number => {
    const json = body === undefined ? undefined : JSON.stringify(body);
    send(res, status, { ...commonHeaders(token ?? null), ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers }, json);
    return status;
  };
  const violation = (where: 'request' | 'response', errors: string[], operationId: string, status?: number): number => {
    const v: Violation = { where, method, path: entry.url, operationId, errors, ...(status !== undefined ? { status } : {}) };
    d.violations.push(v);
    return reply(599, { message: `GitHub stand-in: ${where} does not match GitHub's OpenAPI description`, violation: v });
  };
  if (!found) return violation('request', [`the stand-in does not model ${method} ${entry.path}`], '(none)');
  if (token === undefined) return reply(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
  const template = found.route.template;
  const op = operation(method, template);
  if (!op) return violation('request', ['no OpenAPI operation'], '(none)');
  const key = `${method} ${template}`;
  let body: Record<string, unknown> | undefined;
  if (found.route.base === 'api' && raw.length > 0) {
    try {
      body = JSON.parse(raw.toString()) as Record<string, unknown>;
    } catch {
      return reply(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
    }
  }
  if (d.validate) {
    const errors = checkRequest(op, key, url.searchParams, body, found.route.base === 'uploads' ? 'binary' : undefined);
    if (errors.length) return violation('request', errors, op.operationId);
  }
  const ctx = makeCtx(d, req, url, method, template, found.params, token, raw, body ?? {});
  let out: Reply;
  const repoLock = method !== 'GET' && ctx.params.owner ? `${ctx.params.owner}/${ctx.params.repo ?? ''}`.toLowerCase() : undefined;
  try {
    out = await serialized(d, repoLock, () => found.route.handler(ctx));
  } catch (e) {
    if (!(e instanceof HttpError)) return violation('response', [`stand-in error: ${(e as Error).stack ?? String(e)}`], op.operationId, 500);
    out = { status: e.status, body: e.body, headers: e.headers };
  }
  entry.write = ctx.wrote;
  const tamper = d.faults.takeTamper(method, [entry.path, url.pathname.replace(/^\/api\/(v3|uploads)/, ''), template]);
  const sent = tamper ? tamper.edit(out.body) : out.body;
  if (d.validate) {
    const errors = checkResponse(op, key, out.status, sent);
    if (errors.length) return violation('response', errors, op.operationId, out.status);
  }
  return reply(out.status, sent, { ...ctx.extraHeaders, ...out.headers });
}
