// Fault injection and response tampering. A fault answers instead of the route, `times` times, for
// requests matching method and path; the presets carry GitHub's own status, headers and wording,
// because clients key on them (plugin-throttling matches /\bsecondary rate\b/i on the message).

export type FaultKind =
  | 'secondary403'
  | 'secondary429'
  | 'primary'
  | '502'
  | 'reset'
  | 'alreadyExists422'
  | { status: number; headers?: Record<string, string>; body?: unknown };

export interface FaultSpec {
  /** HTTP method; any when omitted. */
  method?: string;
  /**
   * A string matches the request's full path, its path below the API/upload base, or the route's
   * OpenAPI template ("/repos/{owner}/{repo}/releases"); a RegExp is tested against the first two.
   */
  path: string | RegExp;
  /** How many matching requests fail (default 1); Infinity for all. */
  times?: number;
  kind: FaultKind;
  /** retry-after seconds for the secondary presets (default 1; null = no header). */
  retryAfter?: number | null;
  /** Seconds until x-ratelimit-reset for 'primary' (default 1). */
  resetIn?: number;
  /** 'reset': request body bytes to read before the connection is destroyed (default half). */
  afterBytes?: number;
}

export interface TamperSpec {
  method?: string;
  path: string | RegExp;
  times?: number;
  /** Gets the JSON body the route produced; returns the body to send instead (before validation). */
  edit: (body: unknown) => unknown;
}

interface Armed<T> {
  spec: T;
  left: number;
}

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.';
const RATE_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';

function matches(spec: { method?: string; path: string | RegExp }, method: string, candidates: string[]): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  if (typeof spec.path === 'string') return candidates.includes(spec.path);
  const re = spec.path;
  return candidates.slice(0, 2).some((c) => re.test(c));
}

export class Faults {
  private faults: Armed<FaultSpec>[] = [];
  private tampers: Armed<TamperSpec>[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, left: spec.times ?? 1 });
  }

  tamper(spec: TamperSpec): void {
    this.tampers.push({ spec, left: spec.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
    this.tampers = [];
  }

  /** Faults still armed (tests can assert every injected fault was hit). */
  pending(): FaultSpec[] {
    return this.faults.filter((f) => f.left > 0).map((f) => f.spec);
  }

  /** The first armed fault for this request, consumed. candidates: [full path, relative path, template]. */
  take(method: string, candidates: string[]): FaultSpec | undefined {
    const f = this.faults.find((x) => x.left > 0 && matches(x.spec, method, candidates));
    if (f) f.left--;
    return f?.spec;
  }

  takeTamper(method: string, candidates: string[]): TamperSpec | undefined {
    const t = this.tampers.find((x) => x.left > 0 && matches(x.spec, method, candidates));
    if (t) t.left--;
    return t?.spec;
  }
}

/** The response a non-reset fault sends. `template` picks the wording of alreadyExists422. */
export function faultReply(spec: FaultSpec, template: string | undefined, body: Record<string, unknown>): FaultReply {
  const json = (status: number, payload: unknown, headers: Record<string, string> = {}): FaultReply => ({
    status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(payload),
  });
  const now = Math.floor(Date.now() / 1000);
  const kind = spec.kind;
  if (typeof kind === 'object') {
    const text = typeof kind.body === 'string' ? kind.body : kind.body === undefined ? '' : JSON.stringify(kind.body);
    const type: Record<string, string> = typeof kind.body === 'string' || kind.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' };
    return { status: kind.status, headers: { ...type, ...kind.headers }, body: text };
  }
  switch (kind) {
    case 'secondary403':
    case 'secondary429': {
      const status = kind === 'secondary403' ? 403 : 429;
      const retry: Record<string, string> = spec.retryAfter === null ? {} : { 'retry-after': String(spec.retryAfter ?? 1) };
      return json(status, { message: SECONDARY, documentation_url: `${RATE_DOCS}#about-secondary-rate-limits`, status: String(status) }, {
        ...retry, 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4980', 'x-ratelimit-used': '20', 'x-ratelimit-reset': String(now + 3600), 'x-ratelimit-resource': 'core',
      });
    }
    case 'primary':
      return json(403, { message: 'API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.', documentation_url: `${RATE_DOCS}#about-primary-rate-limits`, status: '403' }, {
        'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(now + (spec.resetIn ?? 1)), 'x-ratelimit-resource': 'core',
      });
    case '502':
      return {
        status: 502, headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<!DOCTYPE html>\n<html><head><title>Unicorn! &middot; GitHub</title></head><body><h1>502 Bad Gateway</h1><p>We had issues producing the response to your request. Sorry about that. Please try resubmitting your request and contact us if the problem persists.</p></body></html>\n',
      };
    case 'alreadyExists422': {
      if (template?.endsWith('/pulls')) {
        const head = typeof body.head === 'string' ? body.head : 'owner:branch';
        return json(422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${head.includes(':') ? head : `owner:${head}`}.` }], documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request', status: '422' });
      }
      if (template?.endsWith('/git/refs')) return json(422, { message: 'Reference already exists', documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference', status: '422' });
      const [resource, field] = template?.endsWith('/assets') ? ['ReleaseAsset', 'name'] : template?.endsWith('/releases') ? ['Release', 'tag_name'] : ['Repository', 'name'];
      return json(422, { message: 'Validation Failed', errors: [{ resource, code: 'already_exists', field }], documentation_url: 'https://docs.github.com/rest', status: '422' });
    }
    default:
      throw new Error(`fault kind ${String(kind)} has no reply`);
  }
}
