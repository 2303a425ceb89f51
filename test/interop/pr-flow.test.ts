// The shared pull-request flow, called in-process against the loopback GitHub (whose git objects
// are written by real git): tree ids computed locally agree with git's, races between runs end
// in one branch and one pull request, and the corners the channel tests do not reach.
import { afterEach, describe, expect, test } from '@jest/globals';
import { createGitHubClient } from '../../src/github/client.js';
import { runPrFlow, type FlowLog, type PrFlowRequest } from '../../src/pr-flow/index.js';
import type { StandIn } from '../support/github/index.js';
import { BOT, BOT_TOKEN, cloneBranch, git, OWNER_TOKEN, prStandIn, TAP, WINGET } from '../support/pr-fixture.js';

let gh: StandIn | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

function recorder(): FlowLog & { lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  return { lines, warnings, info: (m) => void lines.push(m), debug: () => undefined, warning: (m) => void warnings.push(m) };
}

const client = (s: StandIn, token: string) =>
  createGitHubClient({ token, env: { GITHUB_API_URL: s.apiUrl, GITHUB_SERVER_URL: s.serverUrl, PACKAGE_ACTIONS_FAST_RETRIES: '1' }, log: { info: () => undefined, warning: () => undefined, debug: () => undefined } });

const request = (o: Partial<PrFlowRequest> = {}): PrFlowRequest => ({
  target: WINGET, files: [{ path: 'manifests/s/Servin/Servin/1.0.0/Servin.Servin.yaml', content: 'PackageIdentifier: Servin.Servin\n' }],
  branch: 'package-actions/test/servin-1.0.0', commitMessage: 'servin 1.0.0', title: 'servin 1.0.0', body: 'body\n', pullRequest: true, dryRun: false, ...o,
});

describe('tree ids computed locally agree with git', () => {
  test('nested paths, git\'s sort order, executables, binary content, non-ASCII names and deletions: no mismatch, and the rerun writes nothing', async () => {
    gh = await prStandIn();
    await gh.commitFiles(TAP.owner, TAP.repo, 'main', { 'a/old.txt': 'old\n', 'a/keep.txt': 'keep\n', 'gone/only.txt': 'x\n' });
    const files: PrFlowRequest['files'] = [
      { path: 'a.b', content: 'x' },
      { path: 'a-c', content: 'y' },
      { path: 'a/b/run', content: '#!/bin/sh\necho hi\n', executable: true },
      { path: 'a/old.txt', content: null },
      { path: 'gone/only.txt', content: null },
      { path: 'bin/data.bin', content: Buffer.from([0, 255, 254, 10, 13, 0x80]) },
      { path: 'docs/ünïcode – file.md', content: 'ü\r\n' },
      { path: 'deep/er/and/deeper/file', content: '' },
    ];
    const log = recorder();
    const r = await runPrFlow(client(gh, OWNER_TOKEN), request({ target: TAP, files, pullRequest: false }), log, { fast: true });
    expect(log.warnings).toEqual([]); // "GitHub wrote tree X where Y was expected" would be here
    expect(r).toMatchObject({ route: 'direct', changed: true, branch: 'main' });
    const clone = await cloneBranch(gh, TAP.owner, TAP.repo, 'main');
    expect((await git(clone, 'ls-tree', '-r', '--name-only', 'HEAD')).split('\n').sort()).toEqual(
      ['README.md', 'a-c', 'a.b', 'a/b/run', 'a/keep.txt', 'bin/data.bin', 'deep/er/and/deeper/file', '"docs/\\303\\274n\\303\\257code \\342\\200\\223 file.md"'].sort(),
    );
    expect(await git(clone, 'ls-tree', 'HEAD', 'a/b/run')).toMatch(/^100755 /);
    const writes = gh.writes();
    const again = await runPrFlow(client(gh, OWNER_TOKEN), request({ target: TAP, files, pullRequest: false }), recorder(), { fast: true });
    expect(again).toMatchObject({ changed: false, commitSha: r.commitSha });
    expect(gh.writes()).toBe(writes);
  });
});

describe('races and corners', () => {
  test('the base branch moving during a direct commit: the flow starts again from the new head', async () => {
    gh = await prStandIn();
    gh.fail({ method: 'PATCH', path: /\/git\/refs\/heads(\/|%2F)main$/, kind: { status: 422, body: { message: 'Update is not a fast forward', documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference', status: '422' } } });
    const log = recorder();
    const r = await runPrFlow(client(gh, OWNER_TOKEN), request({ target: TAP, pullRequest: false }), log, { fast: true });
    expect(r.changed).toBe(true);
    expect(log.lines.join('\n')).toMatch(/moved while committing; starting again/);
    expect(await gh.resolve(TAP.owner, TAP.repo, 'refs/heads/main')).toBe(r.commitSha);
  });

  test('two runs of the same version at once end with one fork, one branch and one pull request', async () => {
    gh = await prStandIn();
    const [a, b] = await Promise.all([
      runPrFlow(client(gh, BOT_TOKEN), request(), recorder(), { fast: true }),
      runPrFlow(client(gh, BOT_TOKEN), request(), recorder(), { fast: true }),
    ]);
    const pulls = gh.repo(WINGET.owner, WINGET.repo).pulls;
    expect(pulls).toHaveLength(1);
    expect(a.pullRequest?.number).toBe(pulls[0]!.number);
    expect(b.pullRequest?.number).toBe(pulls[0]!.number);
    expect([...gh.state.repos.values()].filter((r) => r.parent === 'microsoft/winget-pkgs')).toHaveLength(1);
    expect(await gh.resolve(BOT, WINGET.repo, `refs/heads/${request().branch}`)).toMatch(new RegExp(`^(${a.commitSha}|${b.commitSha})$`));
  });

  test('a branch and a pull request that appear between our read and our write (another run) are adopted, not duplicated', async () => {
    gh = await prStandIn();
    const first = await runPrFlow(client(gh, BOT_TOKEN), request(), recorder(), { fast: true });
    // The second run does not see them when it reads: as if the other run had not written yet.
    gh.fail({ method: 'GET', path: /\/git\/ref\/heads(\/|%2F)package-actions/, kind: { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } } });
    gh.tamper({ method: 'GET', path: '/repos/{owner}/{repo}/pulls', edit: () => [] });
    const files = [{ path: 'manifests/s/Servin/Servin/1.0.0/Servin.Servin.yaml', content: 'PackageIdentifier: Servin.Servin\nPackageVersion: 1.0.0\n' }];
    const second = await runPrFlow(client(gh, BOT_TOKEN), request({ files, title: 'retitled' }), recorder(), { fast: true });
    expect(gh.pendingFaults()).toEqual([]);
    const pulls = gh.repo(WINGET.owner, WINGET.repo).pulls;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]!.title).toBe('retitled');
    expect(second.pullRequest!.number).toBe(first.pullRequest!.number);
    expect(await gh.resolve(BOT, WINGET.repo, `refs/heads/${request().branch}`)).toBe(second.commitSha);
    expect(gh.requests.filter((q) => q.method === 'POST' && q.route?.endsWith('/pulls')).map((q) => q.status)).toEqual([201, 422]);
    expect(gh.requests.filter((q) => q.method === 'POST' && q.route?.endsWith('/git/refs')).map((q) => q.status)).toEqual([201, 422]);
  });

  test('fork-owner an organization the bot belongs to: the fork lives there, without "allow edits by maintainers"', async () => {
    gh = await prStandIn();
    gh.addUser({ login: 'servin-bots', type: 'Organization', members: [BOT] });
    const r = await runPrFlow(client(gh, BOT_TOKEN), request({ forkOwner: 'servin-bots' }), recorder(), { fast: true });
    expect(r).toMatchObject({ route: 'fork', head: { owner: 'servin-bots', repo: 'winget-pkgs' } });
    expect(gh.repo(WINGET.owner, WINGET.repo).pulls[0]).toMatchObject({ headRepo: 'servin-bots/winget-pkgs', maintainerCanModify: false });
  });

  test('fork-owner another user: refused before any write', async () => {
    gh = await prStandIn();
    gh.addUser('someone-else');
    await expect(runPrFlow(client(gh, BOT_TOKEN), request({ forkOwner: 'someone-else' }), recorder(), { fast: true })).rejects.toThrow(/another user than the token's \(servin-bot\)/);
    expect(gh.writes()).toBe(0);
  });

  test('a pull request closed without merging: a new one is opened, with a warning', async () => {
    gh = await prStandIn();
    const first = await runPrFlow(client(gh, BOT_TOKEN), request(), recorder(), { fast: true });
    // Closed by a winget-pkgs maintainer.
    const closed = gh.repo(WINGET.owner, WINGET.repo).pulls[0]!;
    Object.assign(closed, { state: 'closed', closedAt: closed.updatedAt });
    const log = recorder();
    const again = await runPrFlow(client(gh, BOT_TOKEN), request(), log, { fast: true });
    expect(again.pullRequest!.number).not.toBe(first.pullRequest!.number);
    expect(log.warnings.join('\n')).toMatch(/was closed without merging; opening a new one/);
  });

  test('a fine-grained token is warned that GitHub refuses cross-owner pull requests from it', async () => {
    gh = await prStandIn({ tokens: [{ token: 'github_pat_bot', login: BOT, permissions: { contents: 'write', pull_requests: 'write', administration: 'write' } }] });
    const log = recorder();
    await runPrFlow(client(gh, 'github_pat_bot'), request(), log, { fast: true });
    expect(log.warnings.join('\n')).toMatch(/fine-grained token .* refuses that across owners/);
  });

  test('dry-run after a run, and after the merge: the files are printed and nothing would change', async () => {
    gh = await prStandIn();
    const first = await runPrFlow(client(gh, BOT_TOKEN), request(), recorder(), { fast: true });
    const writes = gh.writes();
    const log = recorder();
    expect(await runPrFlow(client(gh, BOT_TOKEN), request({ dryRun: true }), log, { fast: true })).toMatchObject({ changed: false, commitSha: first.commitSha, pullRequest: { number: first.pullRequest!.number, state: 'open' } });
    expect(log.lines.join('\n')).toMatch(/dry-run: would write manifests\/s\/Servin\/Servin\/1\.0\.0\/Servin\.Servin\.yaml[^]*dry-run: nothing would change/);
    await gh.mergePull(WINGET.owner, WINGET.repo, first.pullRequest!.number);
    const merged = await runPrFlow(client(gh, BOT_TOKEN), request({ dryRun: true }), recorder(), { fast: true });
    expect(merged).toMatchObject({ changed: false, pullRequest: { state: 'merged' } });
    expect(gh.writes()).toBe(writes);
  });

  test('an empty target repository is a clear error, not a bare 409', async () => {
    gh = await prStandIn();
    await gh.createRepo({ owner: 'servin', name: 'homebrew-empty' });
    await expect(runPrFlow(client(gh, OWNER_TOKEN), request({ target: { owner: 'servin', repo: 'homebrew-empty' }, pullRequest: false }), recorder(), { fast: true })).rejects.toThrow(/has no commits yet/);
  });

  test('GitHub failing past the retries is an external error that says to rerun', async () => {
    gh = await prStandIn();
    gh.fail({ method: 'POST', path: '/repos/{owner}/{repo}/git/trees', kind: '502', times: 50 });
    await expect(runPrFlow(client(gh, OWNER_TOKEN), request({ target: TAP, pullRequest: false }), recorder(), { fast: true })).rejects.toMatchObject({ name: 'ExternalError', message: expect.stringMatching(/rerun the job/) });
    while (gh.pendingFaults().length) await fetch(`${gh.apiUrl}/repos/${TAP.owner}/${TAP.repo}/git/trees`, { method: 'POST', headers: { authorization: `token ${OWNER_TOKEN}` }, body: '{}' });
    gh.takeViolations();
  });
});
