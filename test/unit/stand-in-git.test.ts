// The GitHub stand-in's Git Data API, contents API and git smart-HTTP (clone and push with tokens).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { quietLog, startStandIn, type StandIn } from '../support/github/index.js';

// Async on purpose: the stand-in runs in this process, so a sync child would block its answers.
const run = promisify(execFile);
let gh: StandIn;
let octokit: Octokit;
let work: string;
const owner = 'octo';
const repo = 'tap';

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return { ...env, ...gh.gitClientEnv(), GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' };
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await run('git', args, { cwd, env: gitEnv() })).stdout.trim();
}

async function gitFails(cwd: string, ...args: string[]): Promise<string> {
  try {
    await run('git', args, { cwd, env: gitEnv() });
  } catch (e) {
    return String((e as { stderr?: string }).stderr);
  }
  throw new Error(`git ${args.join(' ')} succeeded`);
}

beforeEach(async () => {
  gh = await startStandIn({ tokens: [{ token: 'tok-octo', login: owner }, { token: 'tok-eve', login: 'eve' }] });
  await gh.createRepo({ owner, name: repo, files: { 'README.md': '# tap\n' } });
  octokit = new Octokit({ baseUrl: gh.apiUrl, auth: 'tok-octo', log: quietLog });
  work = mkdtempSync(join(tmpdir(), 'stand-in-git-'));
});

afterEach(async () => {
  rmSync(work, { recursive: true, force: true });
  await gh.close();
});

describe('Git Data API', () => {
  it('commits nested files on a new branch; git clone over HTTP shows them', async () => {
    const main = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
    const base = await octokit.rest.git.getCommit({ owner, repo, commit_sha: main.data.object.sha });
    const blob = await octokit.rest.git.createBlob({ owner, repo, content: Buffer.from('class Tool < Formula\nend\n').toString('base64'), encoding: 'base64' });
    const tree = await octokit.rest.git.createTree({
      owner, repo, base_tree: base.data.tree.sha,
      tree: [
        { path: 'Formula/tool.rb', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'manifests/t/Tool/1.0/Tool.yaml', mode: '100644', type: 'blob', content: 'PackageIdentifier: Tool\n' },
      ],
    });
    expect(tree.data.truncated).toBe(false);
    const commit = await octokit.rest.git.createCommit({ owner, repo, message: 'tool 1.0', tree: tree.data.sha, parents: [base.data.sha] });
    expect(commit.data.parents.map((p) => p.sha)).toEqual([base.data.sha]);
    await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/bump-tool', sha: commit.data.sha });
    await expect(octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/bump-tool', sha: commit.data.sha })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Reference already exists') });

    const matching = await octokit.rest.git.listMatchingRefs({ owner, repo, ref: 'heads/bump' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/bump-tool']);

    await git(work, 'clone', '--quiet', '-b', 'bump-tool', gh.cloneUrl(owner, repo), 'c');
    expect(readFileSync(join(work, 'c', 'Formula', 'tool.rb'), 'utf8')).toBe('class Tool < Formula\nend\n');
    expect(readFileSync(join(work, 'c', 'manifests', 't', 'Tool', '1.0', 'Tool.yaml'), 'utf8')).toBe('PackageIdentifier: Tool\n');
    expect(readFileSync(join(work, 'c', 'README.md'), 'utf8')).toBe('# tap\n');
    expect(await git(join(work, 'c'), 'log', '-1', '--format=%s')).toBe('tool 1.0');
  });

  it('updates refs only by fast-forward unless forced; deletes them', async () => {
    const old = (await gh.resolve(owner, repo, 'refs/heads/main')) as string;
    const next = await gh.commitFiles(owner, repo, 'side', { 'b.txt': 'b' }, 'side');
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: next });
    expect(await gh.resolve(owner, repo, 'refs/heads/main')).toBe(next);
    await expect(octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: old })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Update is not a fast forward') });
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/main', sha: old, force: true });
    expect(await gh.resolve(owner, repo, 'refs/heads/main')).toBe(old);
    await octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/side' });
    await expect(octokit.rest.git.getRef({ owner, repo, ref: 'heads/side' })).rejects.toMatchObject({ status: 404 });
    expect(gh.writes()).toBe(3);
  });

  it('refuses the Git Data API on an empty repository (409), as GitHub does', async () => {
    await gh.createRepo({ owner, name: 'empty' });
    await expect(octokit.rest.git.createBlob({ owner, repo: 'empty', content: 'x' })).rejects.toMatchObject({ status: 409, message: expect.stringContaining('Git Repository is empty.') });
  });
});

describe('contents API', () => {
  it('reads a file and updates it with the right sha only', async () => {
    const got = await octokit.rest.repos.getContent({ owner, repo, path: 'README.md' });
    const file = got.data as { sha: string; content: string; encoding: string };
    expect(Buffer.from(file.content, 'base64').toString()).toBe('# tap\n');
    const put = { owner, repo, path: 'README.md', message: 'Update README', content: Buffer.from('# tap v2\n').toString('base64') };
    await expect(octokit.rest.repos.createOrUpdateFileContents(put)).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.repos.createOrUpdateFileContents({ ...put, sha: '0'.repeat(40) })).rejects.toMatchObject({ status: 409 });
    const ok = await octokit.rest.repos.createOrUpdateFileContents({ ...put, sha: file.sha });
    expect(ok.status).toBe(200);
    expect((await gh.readFile(owner, repo, 'main', 'README.md'))?.toString()).toBe('# tap v2\n');
    const created = await octokit.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'Casks/tool.rb', message: 'Add cask', content: Buffer.from('cask').toString('base64') });
    expect(created.status).toBe(201);
    const dir = await octokit.rest.repos.getContent({ owner, repo, path: 'Casks' });
    expect((dir.data as { name: string }[]).map((e) => e.name)).toEqual(['tool.rb']);
  });
});

describe('git smart-HTTP', () => {
  it('push with a token works; without a token or with a wrong one it fails', async () => {
    await git(work, 'clone', '--quiet', gh.cloneUrl(owner, repo), 'c');
    const c = join(work, 'c');
    writeFileSync(join(c, 'new.txt'), 'pushed\n');
    await git(c, 'add', 'new.txt');
    await git(c, 'commit', '--quiet', '-m', 'push me');
    const sha = await git(c, 'rev-parse', 'HEAD');

    expect(await gitFails(c, 'push', gh.cloneUrl(owner, repo), 'HEAD:refs/heads/main')).toMatch(/could not read Username|Authentication failed|terminal prompts disabled/);
    expect(await gitFails(c, 'push', gh.cloneUrl(owner, repo, 'tok-wrong'), 'HEAD:refs/heads/main')).toMatch(/Authentication failed|Invalid username or token/);
    expect(await gitFails(c, 'push', gh.cloneUrl(owner, repo, 'tok-eve'), 'HEAD:refs/heads/main')).toMatch(/403|denied/);
    expect(await gh.resolve(owner, repo, 'refs/heads/main')).not.toBe(sha);
    expect(gh.writes()).toBe(0);

    await git(c, 'push', '--quiet', gh.cloneUrl(owner, repo, 'tok-octo'), 'HEAD:refs/heads/main');
    expect(await gh.resolve(owner, repo, 'refs/heads/main')).toBe(sha);
    expect(gh.writes()).toBe(1);
  });

  it('accepts an actions/checkout-style extraheader (lowercase "basic") and github.com URLs via insteadOf', async () => {
    const header = `AUTHORIZATION: basic ${Buffer.from('x-access-token:tok-octo').toString('base64')}`;
    await git(work, 'clone', '--quiet', 'https://github.com/octo/tap.git', 'c');
    const c = join(work, 'c');
    await git(c, 'checkout', '--quiet', '-b', 'topic');
    writeFileSync(join(c, 't.txt'), 't\n');
    await git(c, 'add', 't.txt');
    await git(c, 'commit', '--quiet', '-m', 'topic');
    await git(c, '-c', `http.extraheader=${header}`, 'push', '--quiet', 'origin', 'topic');
    expect((await gh.readFile(owner, repo, 'topic', 't.txt'))?.toString()).toBe('t\n');
  });

  it('hides private repositories from anonymous clones', async () => {
    await gh.createRepo({ owner, name: 'secret', private: true, files: { 's.txt': 's' } });
    expect(await gitFails(work, 'clone', '--quiet', gh.cloneUrl(owner, 'secret'), 'x')).toMatch(/could not read Username|Authentication failed|terminal prompts disabled/);
    expect(await gitFails(work, 'clone', '--quiet', gh.cloneUrl(owner, 'secret', 'tok-eve'), 'y')).toMatch(/not found|404/i);
    await git(work, 'clone', '--quiet', gh.cloneUrl(owner, 'secret', 'tok-octo'), 'z');
    expect(readFileSync(join(work, 'z', 's.txt'), 'utf8')).toBe('s');
  });
});
