// Request context, replies and GitHub-style errors shared by the route modules.
import type { IncomingHttpHeaders } from 'node:http';
import type { Git } from './git.js';
import type { Urls } from './shapes.js';
import type { State, Token } from './state.js';

export const DOCS = 'https://docs.github.com/rest';

export interface Reply {
  status: number;
  /** JSON body (undefined = empty). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** An answer GitHub would give instead of the normal one; thrown by handlers. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly body: Record<string, unknown>, readonly headers: Record<string, string> = {}) {
    super(`${status} ${String(body.message)}`);
  }
}

/** GitHub's error body: message, documentation_url and the status as a string. */
export function ghError(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): HttpError {
  return new HttpError(status, { message, ...extra, documentation_url: DOCS, status: String(status) }, headers);
}

export const notFound = (): HttpError => ghError(404, 'Not Found');

/** 422 "Validation Failed" with GitHub's `errors` array. */
export function validationFailed(...errors: Record<string, unknown>[]): HttpError {
  return ghError(422, 'Validation Failed', { errors });
}

/** Shared services every handler can reach. */
export interface Core {
  st: State;
  git: Git;
  urls: Urls;
  /** Scratch directory for temporary index files. */
  tmp: string;
  /** Root of the bare repositories (GIT_PROJECT_ROOT for http-backend). */
  reposRoot: string;
  /** Where the bare repository of owner/name lives (or will). */
  repoDir(owner: string, name: string): string;
}

export interface Ctx {
  core: Core;
  method: string;
  /** The OpenAPI path template of the route. */
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body ({} when none was sent). */
  body: Record<string, unknown>;
  /** Raw request body (uploads). */
  raw: Buffer;
  headers: IncomingHttpHeaders;
  /** null = anonymous request. */
  token: Token | null;
  /** Marks the request as one that changed state (counted by gh.writes()). */
  changed(): void;
  /** Response headers the handler wants on success and failure alike (x-accepted-*). */
  extraHeaders: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Promise<Reply>;

export interface Route {
  method: string;
  template: string;
  /** 'uploads' routes live under /api/uploads like GHES's upload host. */
  base: 'api' | 'uploads';
  regex: RegExp;
  keys: string[];
  handler: Handler;
}

/** Path params that may contain slashes (git refs, file paths). */
const GREEDY = new Set(['ref', 'path']);

export function route(method: string, template: string, handler: Handler, base: 'api' | 'uploads' = 'api'): Route {
  const keys: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, key: string) => {
    keys.push(key);
    return GREEDY.has(key) && template.endsWith(`{${key}}`) ? '(.+)' : '([^/]+)';
  });
  return { method, template, base, regex: new RegExp(`^${pattern}$`), keys, handler };
}

/** Most specific route first: more literal segments win ("releases/latest" over "releases/{id}"). */
export function matchRoute(routes: Route[], method: string, base: 'api' | 'uploads', path: string): { route: Route; params: Record<string, string> } | undefined {
  let best: { route: Route; params: Record<string, string>; score: number } | undefined;
  for (const r of routes) {
    if (r.method !== method || r.base !== base) continue;
    const m = r.regex.exec(path);
    if (!m) continue;
    const score = r.template.split('/').filter((s) => s && !s.startsWith('{')).length;
    if (best && best.score >= score) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => {
      params[k] = decodeURIComponent(m[i + 1] as string);
    });
    best = { route: r, params, score };
  }
  return best;
}

/** Link header and slice for a paginated list (per_page ≤ 100, like GitHub). */
export function paginate<T>(ctx: Ctx, selfUrl: string, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const u = new URL(selfUrl);
    for (const [k, v] of ctx.query) if (k !== 'page') u.searchParams.set(k, v);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { page: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
