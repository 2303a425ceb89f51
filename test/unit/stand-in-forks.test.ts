// The GitHub stand-in's forks, merge-upstream and pull requests (the WinGet/Homebrew PR flows).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { quietLog, startStandIn, type StandIn } from '../support/github/index.js';

let gh: StandIn;
let me: Octokit;

beforeEach(async () => {
  gh = await startStandIn({
    users: [{ login: 'microsoft', type: 'Organization' }],
    tokens: [{ token: 'tok-me', login: 'me', scopes: ['public_repo'] }, { token: 'tok-ms', login: 'microsoft-bot' }],
    repos: [{ owner: 'microsoft', name: 'winget-pkgs', files: { 'manifests/README.md': 'manifests\n' }, collaborators: ['microsoft-bot'] }],
  });
  me = new Octokit({ baseUrl: gh.apiUrl, auth: 'tok-me', log: quietLog });
});

afterEach(async () => {
  await gh.close();
});

describe('forks', () => {
  it('answers 202 at once and 404 until the fork is ready', async () => {
    gh.setForkDelay(2);
    const fork = await me.rest.repos.createFork({ owner: 'microsoft', repo: 'winget-pkgs' });
    expect(fork.status).toBe(202);
    expect(fork.data.full_name).toBe('me/winget-pkgs');
    expect(fork.data.fork).toBe(true);
    expect(fork.data.parent?.full_name).toBe('microsoft/winget-pkgs');
    await expect(me.rest.repos.get({ owner: 'me', repo: 'winget-pkgs' })).rejects.toMatchObject({ status: 404 });
    await expect(me.rest.git.getRef({ owner: 'me', repo: 'winget-pkgs', ref: 'heads/master' })).rejects.toMatchObject({ status: 404 });
    const ready = await me.rest.repos.get({ owner: 'me', repo: 'winget-pkgs' });
    expect(ready.data.permissions).toMatchObject({ admin: true, push: true, pull: true });
    expect(ready.data.source?.full_name).toBe('microsoft/winget-pkgs');
    // Forking again returns the existing fork.
    const again = await me.rest.repos.createFork({ owner: 'microsoft', repo: 'winget-pkgs' });
    expect(again.data.id).toBe(fork.data.id);
  });

  it('merge-upstream: none, fast-forward, merge, and 409 on conflict', async () => {
    await me.rest.repos.createFork({ owner: 'microsoft', repo: 'winget-pkgs' });
    const sync = () => me.rest.repos.mergeUpstream({ owner: 'me', repo: 'winget-pkgs', branch: 'main' });
    expect((await sync()).data).toEqual({ message: 'This branch is not behind the upstream microsoft:main.', merge_type: 'none', base_branch: 'microsoft:main' });

    const up1 = await gh.commitFiles('microsoft', 'winget-pkgs', 'main', { 'manifests/a.yaml': 'a\n' }, 'upstream moved');
    const ff = await sync();
    expect(ff.data.merge_type).toBe('fast-forward');
    expect(await gh.resolve('me', 'winget-pkgs', 'refs/heads/main')).toBe(up1);

    await gh.commitFiles('me', 'winget-pkgs', 'main', { 'mine.txt': 'mine\n' }, 'fork commit');
    await gh.commitFiles('microsoft', 'winget-pkgs', 'main', { 'manifests/b.yaml': 'b\n' }, 'upstream again');
    const merged = await sync();
    expect(merged.data.merge_type).toBe('merge');
    expect((await gh.readFile('me', 'winget-pkgs', 'main', 'manifests/b.yaml'))?.toString()).toBe('b\n');
    expect((await gh.readFile('me', 'winget-pkgs', 'main', 'mine.txt'))?.toString()).toBe('mine\n');

    await gh.commitFiles('me', 'winget-pkgs', 'main', { 'manifests/a.yaml': 'fork edit\n' }, 'fork edits a');
    await gh.commitFiles('microsoft', 'winget-pkgs', 'main', { 'manifests/a.yaml': 'upstream edit\n' }, 'upstream edits a');
    const before = await gh.resolve('me', 'winget-pkgs', 'refs/heads/main');
    await expect(sync()).rejects.toMatchObject({ status: 409, message: expect.stringContaining('There are merge conflicts') });
    expect(await gh.resolve('me', 'winget-pkgs', 'refs/heads/main')).toBe(before);
  });
});

describe('pull requests', () => {
  it('from a fork: create, duplicate 422, list by head, update, merge', async () => {
    await me.rest.repos.createFork({ owner: 'microsoft', repo: 'winget-pkgs' });
    await gh.commitFiles('me', 'winget-pkgs', 'tool-1.0', { 'manifests/t/Tool/1.0/Tool.yaml': 'v: 1.0\n' }, 'New version: Tool 1.0');
    const pr = await me.rest.pulls.create({ owner: 'microsoft', repo: 'winget-pkgs', head: 'me:tool-1.0', base: 'main', title: 'New version: Tool 1.0' });
    expect(pr.status).toBe(201);
    expect(pr.data.head.label).toBe('me:tool-1.0');
    expect(pr.data.head.repo?.full_name).toBe('me/winget-pkgs');
    expect(await gh.resolve('microsoft', 'winget-pkgs', `refs/pull/${pr.data.number}/head`)).toBe(pr.data.head.sha);

    const dup = me.rest.pulls.create({ owner: 'microsoft', repo: 'winget-pkgs', head: 'me:tool-1.0', base: 'main', title: 'again' });
    await expect(dup).rejects.toMatchObject({ status: 422, message: expect.stringContaining('A pull request already exists for me:tool-1.0.') });

    const byHead = await me.rest.pulls.list({ owner: 'microsoft', repo: 'winget-pkgs', head: 'me:tool-1.0', state: 'open' });
    expect(byHead.data.map((p) => p.number)).toEqual([pr.data.number]);
    expect((await me.rest.pulls.list({ owner: 'microsoft', repo: 'winget-pkgs', head: 'me:other' })).data).toEqual([]);

    const edited = await me.rest.pulls.update({ owner: 'microsoft', repo: 'winget-pkgs', pull_number: pr.data.number, body: 'Automated' });
    expect(edited.data.body).toBe('Automated');

    await gh.mergePull('microsoft', 'winget-pkgs', pr.data.number);
    const merged = await me.rest.pulls.get({ owner: 'microsoft', repo: 'winget-pkgs', pull_number: pr.data.number });
    expect(merged.data.merged).toBe(true);
    expect(merged.data.state).toBe('closed');
    expect((await gh.readFile('microsoft', 'winget-pkgs', 'main', 'manifests/t/Tool/1.0/Tool.yaml'))?.toString()).toBe('v: 1.0\n');
    expect((await me.rest.pulls.list({ owner: 'microsoft', repo: 'winget-pkgs', head: 'me:tool-1.0', state: 'closed' })).data).toHaveLength(1);
  });

  it('rejects a missing head branch and a head with no new commits', async () => {
    await expect(me.rest.pulls.create({ owner: 'microsoft', repo: 'winget-pkgs', head: 'me:nope', base: 'main', title: 't' })).rejects.toMatchObject({ status: 422 });
    const ms = new Octokit({ baseUrl: gh.apiUrl, auth: 'tok-ms', log: quietLog });
    const main = (await gh.resolve('microsoft', 'winget-pkgs', 'refs/heads/main')) as string;
    await ms.rest.git.createRef({ owner: 'microsoft', repo: 'winget-pkgs', ref: 'refs/heads/same', sha: main });
    await expect(ms.rest.pulls.create({ owner: 'microsoft', repo: 'winget-pkgs', head: 'same', base: 'main', title: 't' })).rejects.toMatchObject({
      status: 422, message: expect.stringContaining('No commits between main and same'),
    });
  });
});

describe('tokens and permissions', () => {
  it('reports scopes and permissions so a client can preflight, and refuses writes like GitHub', async () => {
    gh.addToken({ token: 'tok-fine', login: 'me', permissions: { contents: 'write', pull_requests: 'write' }, repos: ['me/tap'] });
    gh.addToken({ token: 'tok-actions', kind: 'app', permissions: { contents: 'write' }, repos: ['me/tap'] });
    await gh.createRepo({ owner: 'me', name: 'tap', files: { 'README.md': 'tap\n' } });
    const raw = (token: string, path: string, init: RequestInit = {}) =>
      fetch(`${gh.apiUrl}${path}`, { ...init, headers: { authorization: `token ${token}`, 'content-type': 'application/json', ...init.headers } });

    const classic = await raw('tok-me', '/user');
    expect(classic.headers.get('x-oauth-scopes')).toBe('public_repo');
    expect((await classic.json()) as unknown).toMatchObject({ login: 'me' });

    // A fine-grained token limited to me/tap can't open a PR upstream (WinGet's classic-PAT pain).
    const pr = await raw('tok-fine', '/repos/microsoft/winget-pkgs/pulls', { method: 'POST', body: JSON.stringify({ head: 'me:x', base: 'main', title: 't' }) });
    expect(pr.status).toBe(403);
    expect(pr.headers.get('x-accepted-github-permissions')).toBe('pull_requests=write');
    expect(await pr.json()).toMatchObject({ message: 'Resource not accessible by personal access token' });

    // GITHUB_TOKEN: writes to its own repo, not elsewhere; GET /user is refused.
    const own = await raw('tok-actions', '/repos/me/tap/releases', { method: 'POST', body: JSON.stringify({ tag_name: 'v1' }) });
    expect(own.status).toBe(201);
    const other = await raw('tok-actions', '/repos/microsoft/winget-pkgs/releases', { method: 'POST', body: JSON.stringify({ tag_name: 'v1' }) });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    expect((await raw('tok-actions', '/user')).status).toBe(403);
    const repo = (await (await raw('tok-actions', '/repos/microsoft/winget-pkgs')).json()) as { permissions: { push: boolean } };
    expect(repo.permissions.push).toBe(false);

    expect(await (await raw('tok-me', '/users/microsoft')).json()).toMatchObject({ login: 'microsoft', type: 'Organization' });
    const bad = await raw('tok-nope', '/repos/me/tap');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: 'Bad credentials' });
    const anonymousWrite = await fetch(`${gh.apiUrl}/repos/me/tap/releases`, { method: 'POST', body: JSON.stringify({ tag_name: 'v2' }) });
    expect(anonymousWrite.status).toBe(401);
    expect(gh.writes()).toBe(1);
  });
});
