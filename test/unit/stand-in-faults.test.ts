// The GitHub stand-in's fault injection, schema checking, and the throttling + retry plugins
// recovering from injected faults the way production's client will.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { quietLog, startStandIn, type StandIn } from '../support/github/index.js';

let gh: StandIn;
const auth = { authorization: 'token tok', 'content-type': 'application/json' };

beforeEach(async () => {
  gh = await startStandIn({ tokens: [{ token: 'tok', login: 'octo' }], repos: [{ owner: 'octo', name: 'tool', files: { 'README.md': 'x' } }] });
});

afterEach(async () => {
  await gh.close();
});

const releases = (): string => `${gh.apiUrl}/repos/octo/tool/releases`;

describe('faults, seen by a raw fetch', () => {
  it('secondary403 / secondary429: GitHub wording and retry-after', async () => {
    gh.fail({ method: 'GET', path: '/repos/{owner}/{repo}/releases', kind: 'secondary403', retryAfter: 7 });
    gh.fail({ method: 'GET', path: '/repos/octo/tool/releases', kind: 'secondary429' });
    const a = await fetch(releases(), { headers: auth });
    expect(a.status).toBe(403);
    expect(a.headers.get('retry-after')).toBe('7');
    expect(((await a.json()) as { message: string }).message).toMatch(/\bsecondary rate\b/i);
    const b = await fetch(releases(), { headers: auth });
    expect(b.status).toBe(429);
    expect(b.headers.get('retry-after')).toBe('1');
    expect((await fetch(releases(), { headers: auth })).status).toBe(200);
    expect(gh.requests.map((r) => [r.status, r.fault])).toEqual([[403, 'secondary403'], [429, 'secondary429'], [200, undefined]]);
  });

  it('primary: 403 with x-ratelimit-remaining 0 and a reset time', async () => {
    gh.fail({ path: /\/releases$/, kind: 'primary', resetIn: 30 });
    const r = await fetch(releases(), { headers: auth });
    expect(r.status).toBe(403);
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(r.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000 + 20);
    expect(((await r.json()) as { message: string }).message).toMatch(/^API rate limit exceeded/);
  });

  it('502: an HTML body, `times` times', async () => {
    gh.fail({ path: '/repos/{owner}/{repo}/releases', kind: '502', times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await fetch(releases(), { headers: auth });
      expect(r.status).toBe(502);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(await r.text()).toMatch(/<html>/);
    }
    expect(gh.pendingFaults()).toEqual([]);
    expect((await fetch(releases(), { headers: auth })).status).toBe(200);
  });

  it('reset: the connection is destroyed', async () => {
    gh.fail({ method: 'GET', path: '/repos/{owner}/{repo}', kind: 'reset' });
    await expect(fetch(`${gh.apiUrl}/repos/octo/tool`, { headers: auth })).rejects.toThrow(/fetch failed/);
    expect(gh.requests[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it('reset mid-upload leaves an "open" asset that blocks the name until deleted (as on GitHub)', async () => {
    const rel = await gh.seedRelease({ owner: 'octo', repo: 'tool', tag: 'v1', draft: true });
    const url = `${gh.uploadsUrl}/repos/octo/tool/releases/${rel.id}/assets?name=big.bin`;
    const body = Buffer.alloc(256 * 1024, 7);
    gh.fail({ method: 'POST', path: /\/assets$/, kind: 'reset', afterBytes: 64 * 1024 });
    const up = () => fetch(url, { method: 'POST', body, headers: { authorization: 'token tok', 'content-type': 'application/octet-stream' } });
    await expect(up()).rejects.toThrow(/fetch failed/);
    const octokit = new Octokit({ baseUrl: gh.apiUrl, auth: 'tok', log: quietLog });
    const [open] = (await octokit.rest.repos.listReleaseAssets({ owner: 'octo', repo: 'tool', release_id: rel.id })).data;
    expect(open).toMatchObject({ name: 'big.bin', state: 'open' });
    expect((await up()).status).toBe(422);
    await octokit.rest.repos.deleteReleaseAsset({ owner: 'octo', repo: 'tool', asset_id: open?.id as number });
    expect((await up()).status).toBe(201);
  });

  it('alreadyExists422 and a custom reply', async () => {
    gh.fail({ method: 'POST', path: '/repos/{owner}/{repo}/releases', kind: 'alreadyExists422' });
    gh.fail({ method: 'POST', path: '/repos/{owner}/{repo}/releases', kind: { status: 500, headers: { 'x-test': 'yes' }, body: { message: 'Server Error' } } });
    const post = () => fetch(releases(), { method: 'POST', headers: auth, body: JSON.stringify({ tag_name: 'v1' }) });
    const a = await post();
    expect(a.status).toBe(422);
    expect(await a.json()).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] });
    const b = await post();
    expect([b.status, b.headers.get('x-test'), await b.json()]).toEqual([500, 'yes', { message: 'Server Error' }]);
    expect((await post()).status).toBe(201);
    expect(gh.writes()).toBe(1);
  });
});

describe('OpenAPI checking', () => {
  it('a response that breaks the schema answers 599 and is recorded', async () => {
    gh.tamper({ method: 'GET', path: '/repos/{owner}/{repo}', edit: (b) => ({ ...(b as object), id: 'not-a-number', full_name: undefined }) });
    const r = await fetch(`${gh.apiUrl}/repos/octo/tool`, { headers: auth });
    expect(r.status).toBe(599);
    const [v, ...rest] = gh.takeViolations();
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ where: 'response', operationId: 'repos/get', status: 200 });
    expect(v?.errors.join('\n')).toMatch(/\/id must be integer/);
    expect(v?.errors.join('\n')).toMatch(/full_name/);
  });

  it('a request body that breaks the schema is a violation too', async () => {
    const r = await fetch(`${gh.apiUrl}/repos/octo/tool/pulls`, { method: 'POST', headers: auth, body: JSON.stringify({ head: 'x', title: 't' }) });
    expect(r.status).toBe(599);
    expect(gh.takeViolations()[0]?.errors.join()).toMatch(/must have required property 'base'/);
    const q = await fetch(`${gh.apiUrl}/repos/octo/tool/pulls?state=opened`, { headers: auth });
    expect(q.status).toBe(599);
    expect(gh.takeViolations()[0]?.errors.join()).toMatch(/query "state"/);
  });

  it('an unmodelled endpoint is a violation, and close() throws while violations remain', async () => {
    const other = await startStandIn();
    expect((await fetch(`${other.apiUrl}/repos/a/b/issues`)).status).toBe(599);
    await expect(other.close()).rejects.toThrow(/does not model GET \/api\/v3\/repos\/a\/b\/issues/);
  });
});

describe('throttling and retry plugins against injected faults', () => {
  const Client = Octokit.plugin(throttling, retry);
  // Fast test settings: milliseconds instead of seconds, and private Bottleneck groups so the
  // plugin's module-wide pacing (1 s between writes, 3 s between notifications) doesn't apply.
  const client = (seen: string[]) => new Client({
    baseUrl: gh.apiUrl, auth: 'tok', log: quietLog,
    retry: { retryAfterBaseValue: 10 },
    throttle: {
      retryAfterBaseValue: 10,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onSecondaryRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
        seen.push(`secondary ${after}`);
        return count < 2;
      },
      onRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
        seen.push(`primary ${after}`);
        return count < 2;
      },
    },
  });

  it('retries a secondary-rate-limited release creation and succeeds', async () => {
    const seen: string[] = [];
    gh.fail({ method: 'POST', path: '/repos/{owner}/{repo}/releases', kind: 'secondary403', retryAfter: 2 });
    const r = await client(seen).rest.repos.createRelease({ owner: 'octo', repo: 'tool', tag_name: 'v1' });
    expect(r.status).toBe(201);
    expect(seen).toEqual(['secondary 2']);
    expect(gh.requests.map((x) => x.status)).toEqual([403, 201]);
  });

  it('gives up after the handler says so (3 × secondary403)', async () => {
    const seen: string[] = [];
    gh.fail({ method: 'POST', path: '/repos/{owner}/{repo}/releases', kind: 'secondary403', times: 3 });
    await expect(client(seen).rest.repos.createRelease({ owner: 'octo', repo: 'tool', tag_name: 'v1' })).rejects.toMatchObject({ status: 403 });
    expect(seen).toHaveLength(3);
    expect(gh.writes()).toBe(0);
  });

  it('waits out a primary limit, retries 502s and resets, and lets a 429 reach the throttling handler', async () => {
    const seen: string[] = [];
    const c = client(seen);
    gh.fail({ method: 'GET', path: '/repos/{owner}/{repo}', kind: 'primary', resetIn: 0 });
    expect((await c.rest.repos.get({ owner: 'octo', repo: 'tool' })).status).toBe(200);
    gh.fail({ method: 'GET', path: '/repos/{owner}/{repo}/releases', kind: '502', times: 2 });
    expect((await c.rest.repos.listReleases({ owner: 'octo', repo: 'tool' })).status).toBe(200);
    gh.fail({ method: 'GET', path: '/repos/{owner}/{repo}/releases', kind: 'reset' });
    expect((await c.rest.repos.listReleases({ owner: 'octo', repo: 'tool' })).status).toBe(200);
    gh.fail({ method: 'GET', path: '/repos/{owner}/{repo}/releases', kind: 'secondary429', retryAfter: 3 });
    expect((await c.rest.repos.listReleases({ owner: 'octo', repo: 'tool' })).status).toBe(200);
    expect(seen).toEqual([expect.stringMatching(/^primary [01]$/), 'secondary 3']);
    expect(gh.requests.map((x) => x.status)).toEqual([403, 200, 502, 502, 200, 0, 200, 429, 200]);
  });
});
