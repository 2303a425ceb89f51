// submit-winget-pr end to end: the bundled action run as the runner runs it, against the loopback
// GitHub with a real microsoft/winget-pkgs stand-in, forks and pull requests; results cloned with git.
import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StandIn } from '../support/github/index.js';
import {
  annotations, archiveData, archiveName, BOT, BOT_TOKEN, cloneBranch, CONFIG, git, octokit, prStandIn, prWorkspace, runChannel, seedServinRelease, sha256, TAG, WINGET,
} from '../support/pr-fixture.js';

let gh: StandIn | undefined;
afterEach(async () => {
  await gh?.close(); // throws if any request or response broke GitHub's OpenAPI description
  gh = undefined;
});

const BRANCH = 'package-actions/winget/Servin.Servin-0.9.2';
const DIR = 'manifests/s/Servin/Servin/0.9.2';
const FILES = ['Servin.Servin.installer.yaml', 'Servin.Servin.locale.en-US.yaml', 'Servin.Servin.yaml'];

const submit = (s: StandIn, dir: string, inputs: Record<string, string> = {}) => runChannel(s, 'submit-winget-pr', dir, { token: BOT_TOKEN, 'winget-repository': `${WINGET.owner}/${WINGET.repo}`, ...inputs });
const pulls = (s: StandIn) => s.repo(WINGET.owner, WINGET.repo).pulls;
const upstreamHead = (s: StandIn) => s.resolve(WINGET.owner, WINGET.repo, 'refs/heads/master') as Promise<string>;

async function world(opts: Parameters<typeof prStandIn>[0] = {}) {
  gh = await prStandIn(opts);
  await seedServinRelease(gh);
  return { gh, dir: prWorkspace() };
}

/** The branch as git sees it: files in the manifest folder, and the commit's parents. */
async function branchState(s: StandIn, owner: string, branch = BRANCH) {
  const clone = await cloneBranch(s, owner, WINGET.repo, branch);
  const files = readdirSync(join(clone, DIR)).sort();
  const installer = readFileSync(join(clone, DIR, 'Servin.Servin.installer.yaml'), 'utf8');
  const parents = (await git(clone, 'log', '-1', '--format=%P')).split(' ');
  const changed = (await git(clone, 'diff', '--name-only', 'HEAD~1', 'HEAD')).split('\n').sort();
  return { clone, files, installer, parents, changed, head: await git(clone, 'rev-parse', 'HEAD') };
}

describe('submit-winget-pr against the loopback GitHub', () => {
  test('first submission: the fork is created and waited for, one commit with the three manifests, a "New package" pull request', async () => {
    const { gh: s, dir } = await world({ forkDelay: 3 });
    const r = await submit(s, dir);
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    // The fork exists now, under the bot, and answered 404 a few times before it was ready.
    expect(s.repo(BOT, WINGET.repo).parent).toBe('microsoft/winget-pkgs');
    expect(s.requests.filter((q) => q.path.includes(`/repos/${BOT}/winget-pkgs`) && q.status === 404).length).toBeGreaterThanOrEqual(3);
    const [pr] = pulls(s);
    expect(pulls(s)).toHaveLength(1);
    expect(pr).toMatchObject({ title: 'New package: Servin.Servin version 0.9.2', headRepo: `${BOT}/winget-pkgs`, headRef: BRANCH, baseRef: 'master', state: 'open', maintainerCanModify: true });
    expect(pr!.body).toContain(`releases/tag/${TAG}`);
    expect(r.outputs).toMatchObject({ 'pull-request-number': String(pr!.number), branch: BRANCH, changed: 'true', 'manifest-dir': DIR });
    expect(r.outputs['pull-request-url']).toBe(`${s.serverUrl}/${WINGET.owner}/${WINGET.repo}/pull/${pr!.number}`);
    const b = await branchState(s, BOT);
    expect(b.files).toEqual(FILES);
    expect(b.changed).toEqual(FILES.map((f) => `${DIR}/${f}`).sort());
    expect(b.parents).toEqual([await upstreamHead(s)]);
    expect(r.outputs['commit-sha']).toBe(b.head);
    for (const arch of ['amd64', 'arm64']) {
      const name = archiveName('windows', arch);
      expect(b.installer).toContain(`InstallerUrl: ${s.serverUrl}/servin/servin/releases/download/${TAG}/${name}`);
      expect(b.installer).toContain(`InstallerSha256: ${sha256(archiveData('windows', arch)).toUpperCase()}`);
    }
    // microsoft/winget-pkgs itself got only the fork request (which writes the fork) and the pull request.
    const upstreamWrites = s.requests.filter((q) => q.write && q.path.includes('/repos/microsoft/'));
    expect(upstreamWrites.map((q) => `${q.method} ${q.route}`)).toEqual(['POST /repos/{owner}/{repo}/forks', 'POST /repos/{owner}/{repo}/pulls']);
    // Before submitting, each installer URL answered a HEAD request.
    expect(s.requests.filter((q) => q.method === 'HEAD' && q.path.endsWith('.zip')).length).toBeGreaterThanOrEqual(2);
  });

  test('an identifier already in winget-pkgs gets "New version:"; a rerun with nothing changed writes nothing', async () => {
    const { gh: s, dir } = await world({ wingetFiles: { 'manifests/s/Servin/Servin/0.9.1/Servin.Servin.yaml': 'PackageIdentifier: Servin.Servin\n' } });
    const first = await submit(s, dir);
    expect(first.status).toBe(0);
    expect(pulls(s)[0]!.title).toBe('New version: Servin.Servin version 0.9.2');
    const writes = s.writes();
    const again = await submit(s, dir);
    expect(annotations(again, 'error')).toEqual([]);
    expect(again.status).toBe(0);
    expect(s.writes()).toBe(writes);
    expect(pulls(s)).toHaveLength(1);
    expect(again.outputs).toMatchObject({ changed: 'false', 'pull-request-number': first.outputs['pull-request-number'], 'commit-sha': first.outputs['commit-sha'], branch: BRANCH });
  });

  test('upstream moved: the fork is synced and the branch rebuilt on the new head; the pull request is kept and retitled', async () => {
    const { gh: s, dir } = await world();
    const first = await submit(s, dir);
    expect(first.status).toBe(0);
    // Meanwhile someone else's submission of 0.9.1 was merged upstream.
    const moved = await s.commitFiles(WINGET.owner, WINGET.repo, 'master', { 'manifests/s/Servin/Servin/0.9.1/Servin.Servin.yaml': 'PackageIdentifier: Servin.Servin\n' });
    const again = await submit(s, dir);
    expect(again.status).toBe(0);
    expect(again.outputs.changed).toBe('true');
    const b = await branchState(s, BOT);
    expect(b.parents).toEqual([moved]);
    expect(b.files).toEqual(FILES);
    expect(await git(b.clone, 'merge-base', '--is-ancestor', first.outputs['commit-sha']!, 'HEAD').catch(() => 'not an ancestor')).toBe('not an ancestor');
    expect(pulls(s)).toHaveLength(1);
    expect(pulls(s)[0]!.title).toBe('New version: Servin.Servin version 0.9.2');
    expect(again.outputs['pull-request-number']).toBe(first.outputs['pull-request-number']);
    expect(await s.resolve(BOT, WINGET.repo, 'refs/heads/master')).toBe(moved); // the fork was synced
  });

  test('an open pull request is updated in place when the manifests change (force-updated branch, same number)', async () => {
    const { gh: s, dir } = await world();
    const first = await submit(s, dir);
    writeFileSync(join(dir, 'package-actions.yml'), CONFIG().replace('short_description: Container runtime', 'short_description: Fast container runtime'));
    const again = await submit(s, dir);
    expect(again.status).toBe(0);
    expect(again.outputs).toMatchObject({ changed: 'true', 'pull-request-number': first.outputs['pull-request-number'] });
    expect(again.outputs['commit-sha']).not.toBe(first.outputs['commit-sha']);
    expect(pulls(s)).toHaveLength(1);
    const b = await branchState(s, BOT);
    expect(readFileSync(join(b.clone, DIR, 'Servin.Servin.locale.en-US.yaml'), 'utf8')).toContain('ShortDescription: Fast container runtime');
    expect(b.parents).toEqual([await upstreamHead(s)]); // one commit on upstream's head, not a stack
  });

  test('a merged pull request for this version means nothing to do', async () => {
    const { gh: s, dir } = await world();
    const first = await submit(s, dir);
    await s.mergePull(WINGET.owner, WINGET.repo, Number(first.outputs['pull-request-number']));
    const writes = s.writes();
    const again = await submit(s, dir);
    expect(again.status).toBe(0);
    expect(again.outputs).toMatchObject({ changed: 'false', 'pull-request-number': first.outputs['pull-request-number'] });
    expect(s.writes()).toBe(writes);
    expect(pulls(s)).toHaveLength(1);
    expect(again.stdout).toMatch(/merged already/);
  });

  test('a fork behind upstream is synced first; a fork that cannot be synced (conflict) still gets a branch built from upstream', async () => {
    const { gh: s, dir } = await world();
    await octokit(s, BOT_TOKEN).rest.repos.createFork({ owner: WINGET.owner, repo: WINGET.repo });
    const behind = await s.commitFiles(WINGET.owner, WINGET.repo, 'master', { 'README.md': '# winget-pkgs, moved on\n' });
    const r = await submit(s, dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/synced the fork servin-bot\/winget-pkgs with upstream \(fast-forward\)/);
    expect(await s.resolve(BOT, WINGET.repo, 'refs/heads/master')).toBe(behind);
    expect(s.state.repos.size).toBe(4); // the existing fork was reused

    // Now the fork's master diverges with a conflicting edit, and upstream moves again.
    const forkOwn = await s.commitFiles(BOT, WINGET.repo, 'master', { 'README.md': '# my fork\n' }, 'fork edit', BOT);
    const moved = await s.commitFiles(WINGET.owner, WINGET.repo, 'master', { 'README.md': '# winget-pkgs, moved again\n' });
    const again = await submit(s, dir);
    expect(annotations(again, 'error')).toEqual([]);
    expect(again.status).toBe(0);
    expect(annotations(again, 'warning').join('\n')).toMatch(/cannot be synced \(merge conflict\)/);
    expect(await s.resolve(BOT, WINGET.repo, 'refs/heads/master')).toBe(forkOwn); // left as it was
    const b = await branchState(s, BOT);
    expect(b.parents).toEqual([moved]);
    expect(readFileSync(join(b.clone, 'README.md'), 'utf8')).toBe('# winget-pkgs, moved again\n');
    expect(pulls(s)).toHaveLength(1);
  });

  test('dry-run prints the manifests and the pull request it would open, and writes nothing', async () => {
    const { gh: s, dir } = await world();
    // Storage that signs its URLs for GET only answers HEAD with 403: one byte is fetched instead.
    s.fail({ method: 'HEAD', path: /windows_amd64\.zip$/, kind: { status: 403 } });
    const r = await submit(s, dir, { 'dry-run': 'true' });
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    expect(s.writes()).toBe(0);
    expect(s.requests.filter((q) => !['GET', 'HEAD'].includes(q.method))).toEqual([]);
    expect(r.stdout).toContain(`dry-run: would write ${DIR}/Servin.Servin.installer.yaml`);
    expect(r.stdout).toContain('InstallerType: zip');
    expect(r.stdout).toContain('dry-run: would fork microsoft/winget-pkgs into servin-bot');
    expect(r.stdout).toMatch(/dry-run: would open a pull request on microsoft\/winget-pkgs from servin-bot:package-actions\/winget\/Servin\.Servin-0\.9\.2 into master\ntitle: New package: Servin\.Servin version 0\.9\.2/);
    expect(r.outputs).toMatchObject({ changed: 'true', 'commit-sha': '', 'pull-request-url': '' });
    expect(s.requests.filter((q) => q.method === 'GET' && q.path.endsWith('windows_amd64.zip')).map((q) => q.status)).toEqual([302]);
    expect(s.pendingFaults()).toEqual([]);
  });

  test('a token without public_repo is stopped by the preflight, naming the scope, before any write', async () => {
    gh = await prStandIn({ tokens: [{ token: 'ghp_noscope', login: BOT, scopes: ['read:user'] }, { token: 'ghs_installation', kind: 'app', permissions: { contents: 'write', pull_requests: 'write' }, repos: ['servin/servin'] }] });
    await seedServinRelease(gh);
    const dir = prWorkspace();
    const r = await submit(gh, dir, { token: 'ghp_noscope' });
    expect(r.status).toBe(1);
    expect(annotations(r, 'error').join('\n')).toMatch(/scopes are read:user.*public_repo/s);
    const app = await submit(gh, dir, { token: 'ghs_installation' });
    expect(app.status).toBe(1);
    expect(annotations(app, 'error').join('\n')).toMatch(/installation token \(GITHUB_TOKEN or a GitHub App's\) cannot fork it.*personal access token/s);
    for (const x of [r, app]) expect(x.stdout).not.toMatch(/internal error/);
    expect(gh.writes()).toBe(0);
  });

  test('a secondary rate limit on the fork, the commit and the pull request is waited out and the submission completes', async () => {
    const { gh: s, dir } = await world();
    s.fail({ method: 'POST', path: '/repos/{owner}/{repo}/forks', kind: 'secondary403' });
    s.fail({ method: 'POST', path: '/repos/{owner}/{repo}/git/commits', kind: 'secondary429' });
    s.fail({ method: 'POST', path: '/repos/{owner}/{repo}/pulls', kind: 'secondary403' });
    const r = await submit(s, dir);
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    expect(s.pendingFaults()).toEqual([]);
    expect(pulls(s)).toHaveLength(1);
    expect(r.stdout).toMatch(/secondary rate limit/);
  });

  test('an installer missing from the release fails before any write, naming the URL', async () => {
    gh = await prStandIn();
    await seedServinRelease(gh, { omit: [archiveName('windows', 'arm64')] });
    const r = await submit(gh, prWorkspace());
    expect(r.status).toBe(1);
    expect(annotations(r, 'error').join('\n')).toMatch(/not downloadable: .*servin_0\.9\.2_windows_arm64\.zip \(404\)/);
    expect(gh.writes()).toBe(0);
  });

  test('a platform missing from SHA256SUMS is an error, never a guess', async () => {
    gh = await prStandIn();
    await seedServinRelease(gh, { sums: { [archiveName('windows', 'amd64')]: sha256(archiveData('windows', 'amd64')) } });
    const r = await submit(gh, prWorkspace());
    expect(r.status).toBe(1);
    expect(annotations(r, 'error').join('\n')).toMatch(/SHA256SUMS of servin\/servin v0\.9\.2 has no sha256 for servin_0\.9\.2_windows_arm64\.zip/);
    expect(gh.writes()).toBe(0);
  });

  test('verify-hashes downloads each installer: a checksum that does not match the asset stops the submission', async () => {
    gh = await prStandIn();
    const good = Object.fromEntries(['amd64', 'arm64'].map((a) => [archiveName('windows', a), sha256(archiveData('windows', a))]));
    await seedServinRelease(gh, { sums: { ...good, [archiveName('windows', 'arm64')]: sha256('something else') } });
    const dir = prWorkspace();
    const r = await submit(gh, dir, { 'verify-hashes': 'true', 'dry-run': 'true' });
    expect(r.status).toBe(1);
    expect(annotations(r, 'error').join('\n')).toMatch(/do not match their checksums: .*windows_arm64\.zip: sha256 [0-9a-f]{64}, expected/);
    // With local files the checksums come from the files themselves, and verification passes.
    const local = await submit(gh, dir, { 'verify-hashes': 'true', files: 'dist/*.zip' });
    expect(annotations(local, 'error')).toEqual([]);
    expect(local.status).toBe(0);
    expect(local.stdout).toMatch(/verified: .*windows_arm64\.zip/);
  });
});

describe('submit-winget-pr on the Servin example config', () => {
  test('the manifests of examples/servin land in the fork at manifests/s/Servin/Servin/0.9.2', async () => {
    const { gh: s } = await world();
    const r = await submit(s, join(process.cwd(), 'examples/servin'));
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    const b = await branchState(s, BOT);
    expect(b.files).toEqual(FILES);
    expect(readFileSync(join(b.clone, DIR, 'Servin.Servin.locale.en-US.yaml'), 'utf8')).toContain('Moniker: servin');
    expect(b.installer).toContain('RelativeFilePath: servin.exe');
  });
});
