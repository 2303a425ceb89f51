// update-homebrew-tap end to end: the bundled action run as the runner runs it, against the
// loopback GitHub (own tap pushed directly, or a pull request from a bot's synced fork); the
// tap is cloned with git afterwards and the formula read back.
import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StandIn } from '../support/github/index.js';
import {
  annotations, archiveData, archiveName, BOT, BOT_TOKEN, cloneBranch, CONFIG, git, octokit, OWNER_TOKEN, prStandIn, prWorkspace, runChannel, seedServinRelease, sha256, TAG, TAP,
} from '../support/pr-fixture.js';

let gh: StandIn | undefined;
afterEach(async () => {
  await gh?.close(); // throws if any request or response broke GitHub's OpenAPI description
  gh = undefined;
});

const BRANCH = 'package-actions/homebrew/servin-0.9.2';
const FORMULA = 'Formula/servin.rb';
const HOMEBREW = [['darwin', 'amd64'], ['darwin', 'arm64'], ['linux', 'amd64'], ['linux', 'arm64']] as const;

const update = (s: StandIn, dir: string, inputs: Record<string, string> = {}) => runChannel(s, 'update-homebrew-tap', dir, { token: BOT_TOKEN, ...inputs });
const pulls = (s: StandIn) => s.repo(TAP.owner, TAP.repo).pulls;
const tapHead = (s: StandIn) => s.resolve(TAP.owner, TAP.repo, 'refs/heads/main') as Promise<string>;

async function world(opts: Parameters<typeof prStandIn>[0] = {}) {
  gh = await prStandIn(opts);
  await seedServinRelease(gh);
  return { gh, dir: prWorkspace() };
}

async function formulaAt(s: StandIn, owner: string, branch: string) {
  const clone = await cloneBranch(s, owner, TAP.repo, branch);
  return {
    clone,
    text: readFileSync(join(clone, FORMULA), 'utf8'),
    parents: (await git(clone, 'log', '-1', '--format=%P')).split(' '),
    subject: await git(clone, 'log', '-1', '--format=%s'),
    changed: await git(clone, 'diff', '--name-only', 'HEAD~1', 'HEAD'),
    head: await git(clone, 'rev-parse', 'HEAD'),
  };
}

/** Every darwin/linux platform has its own url and the sha256 of exactly that archive. */
function expectEveryPlatform(s: StandIn, formula: string): void {
  for (const [os, arch] of HOMEBREW) {
    const url = `${s.serverUrl}/servin/servin/releases/download/${TAG}/${archiveName(os, arch)}`;
    expect(formula).toContain(`url "${url}"\n${formula.slice(formula.indexOf(url)).match(/\n(\s*)/)![1]}sha256 "${sha256(archiveData(os, arch))}"`);
  }
}

describe('update-homebrew-tap: own tap, pushed directly', () => {
  test('commits Formula/servin.rb onto main in one commit; a rerun with nothing changed writes nothing', async () => {
    const { gh: s, dir } = await world();
    const before = await tapHead(s);
    const r = await update(s, dir, { token: OWNER_TOKEN });
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    const f = await formulaAt(s, TAP.owner, 'main');
    expect(f.text).toBe(`${r.outputs.formula}\n`.replace(/\n\n$/, '\n'));
    expect(f.parents).toEqual([before]);
    expect(f.subject).toBe('servin 0.9.2 (new formula)');
    expect(f.changed).toBe(FORMULA);
    expect(f.text).toMatch(/^class Servin < Formula$/m);
    expectEveryPlatform(s, f.text);
    expect(pulls(s)).toEqual([]);
    expect(r.outputs).toMatchObject({ branch: 'main', changed: 'true', 'commit-sha': f.head, 'pull-request-url': '', 'pull-request-number': '', 'formula-path': FORMULA });

    const writes = s.writes();
    const again = await update(s, dir, { token: OWNER_TOKEN });
    expect(again.status).toBe(0);
    expect(s.writes()).toBe(writes);
    expect(again.outputs).toMatchObject({ changed: 'false', 'commit-sha': f.head, branch: 'main' });
    expect(await tapHead(s)).toBe(f.head);
  });

  test('pull-request: true goes through a branch and a pull request in the tap itself', async () => {
    const { gh: s, dir } = await world();
    const r = await update(s, dir, { token: OWNER_TOKEN, 'pull-request': 'true' });
    expect(r.status).toBe(0);
    expect(pulls(s)).toHaveLength(1);
    expect(pulls(s)[0]).toMatchObject({ headRepo: 'servin/homebrew-tap', headRef: BRANCH, baseRef: 'main', title: 'servin 0.9.2 (new formula)' });
    const f = await formulaAt(s, TAP.owner, BRANCH);
    expect(f.parents).toEqual([await tapHead(s)]);
    expect(r.outputs.branch).toBe(BRANCH);
    expect(s.state.repos.size).toBe(3); // no fork
  });

  test('a secondary rate limit while committing is waited out', async () => {
    const { gh: s, dir } = await world();
    s.fail({ method: 'POST', path: '/repos/{owner}/{repo}/git/trees', kind: 'secondary429' });
    s.fail({ method: 'PATCH', path: /\/git\/refs\/heads/, kind: 'secondary403' });
    const r = await update(s, dir, { token: OWNER_TOKEN });
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    expect(s.pendingFaults()).toEqual([]);
    expect(r.stdout).toMatch(/secondary rate limit/);
    expect((await formulaAt(s, TAP.owner, 'main')).changed).toBe(FORMULA);
  });

  test('a token that may only read its own tap is stopped by the preflight (it cannot fork its own repository either)', async () => {
    gh = await prStandIn({ tokens: [{ token: 'github_pat_readonly', login: 'servin', permissions: { contents: 'read', pull_requests: 'write' }, repos: ['servin/homebrew-tap'] }] });
    await seedServinRelease(gh);
    const dir = prWorkspace();
    const r = await update(gh, dir, { token: 'github_pat_readonly' });
    expect(r.status).toBe(1);
    expect(annotations(r, 'error').join('\n')).toMatch(/cannot push to servin\/homebrew-tap, and a repository cannot be forked into its own owner.*Contents and Pull requests: Read and write on servin\/homebrew-tap/s);
    const none = await update(gh, dir, { token: '' });
    expect(none.status).toBe(1);
    expect(annotations(none, 'error').join('\n')).toMatch(/input "token" is required.*GITHUB_TOKEN cannot/s);
    expect(gh.writes()).toBe(0);
  });
});

describe('update-homebrew-tap: someone else\'s tap, through a bot\'s fork', () => {
  test('fork missing: created and waited for; the pull request holds one commit on the tap\'s head', async () => {
    const { gh: s, dir } = await world({ forkDelay: 2 });
    const r = await update(s, dir);
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    expect(s.repo(BOT, TAP.repo).parent).toBe('servin/homebrew-tap');
    expect(pulls(s)).toHaveLength(1);
    const [pr] = pulls(s);
    expect(pr).toMatchObject({ headRepo: `${BOT}/homebrew-tap`, headRef: BRANCH, title: 'servin 0.9.2 (new formula)', state: 'open' });
    const f = await formulaAt(s, BOT, BRANCH);
    expect(f.parents).toEqual([await tapHead(s)]);
    expect(f.text).toBe(`${r.outputs.formula}\n`.replace(/\n\n$/, '\n'));
    expectEveryPlatform(s, f.text);
    expect(r.outputs).toMatchObject({ branch: BRANCH, changed: 'true', 'commit-sha': f.head, 'pull-request-number': String(pr!.number) });
  });

  test('rerun unchanged → no writes; tap moved → branch rebuilt on the new head; changed formula → the open pull request is updated; merged → nothing to do', async () => {
    const { gh: s, dir } = await world();
    const first = await update(s, dir);
    expect(first.status).toBe(0);
    const number = first.outputs['pull-request-number'];

    let writes = s.writes();
    const same = await update(s, dir);
    expect(same.outputs.changed).toBe('false');
    expect(s.writes()).toBe(writes);

    const moved = await s.commitFiles(TAP.owner, TAP.repo, 'main', { 'Formula/other.rb': 'class Other < Formula\nend\n' });
    const rebuilt = await update(s, dir);
    expect(rebuilt.outputs).toMatchObject({ changed: 'true', 'pull-request-number': number });
    const f = await formulaAt(s, BOT, BRANCH);
    expect(f.parents).toEqual([moved]);
    expect(readFileSync(join(f.clone, 'Formula/other.rb'), 'utf8')).toContain('class Other');

    writeFileSync(join(dir, 'package-actions.yml'), CONFIG('homebrew:\n  caveats: Run servin init first.'));
    const edited = await update(s, dir);
    expect(edited.outputs).toMatchObject({ changed: 'true', 'pull-request-number': number });
    expect((await formulaAt(s, BOT, BRANCH)).text).toContain('Run servin init first.');
    expect(pulls(s)).toHaveLength(1);

    await s.mergePull(TAP.owner, TAP.repo, Number(number));
    writes = s.writes();
    const merged = await update(s, dir);
    expect(merged.status).toBe(0);
    expect(merged.outputs).toMatchObject({ changed: 'false', 'pull-request-number': number });
    expect(s.writes()).toBe(writes);
    expect((await s.readFile(TAP.owner, TAP.repo, 'main', FORMULA))?.toString()).toContain('Run servin init first.');
  });

  test('a fork behind the tap is synced; a fork whose main conflicts is left alone and the branch still comes from the tap\'s head', async () => {
    const { gh: s, dir } = await world();
    await octokit(s, BOT_TOKEN).rest.repos.createFork({ owner: TAP.owner, repo: TAP.repo });
    const ahead = await s.commitFiles(TAP.owner, TAP.repo, 'main', { 'README.md': '# servin tap\n\nbrew install servin/tap/servin\n' });
    const r = await update(s, dir);
    expect(r.status).toBe(0);
    expect(await s.resolve(BOT, TAP.repo, 'refs/heads/main')).toBe(ahead);

    await s.commitFiles(BOT, TAP.repo, 'main', { 'README.md': '# the bot\'s fork\n' }, 'fork edit', BOT);
    const moved = await s.commitFiles(TAP.owner, TAP.repo, 'main', { 'README.md': '# servin tap, edited upstream\n' });
    const again = await update(s, dir);
    expect(again.status).toBe(0);
    expect(annotations(again, 'warning').join('\n')).toMatch(/cannot be synced \(merge conflict\)/);
    expect((await formulaAt(s, BOT, BRANCH)).parents).toEqual([moved]);
  });

  test('dry-run prints the formula and the pull request, and writes nothing', async () => {
    const { gh: s, dir } = await world();
    const r = await update(s, dir, { 'dry-run': 'true' });
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    expect(s.writes()).toBe(0);
    expect(s.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(r.stdout).toContain(`dry-run: would write ${FORMULA}`);
    expect(r.stdout).toContain('class Servin < Formula');
    expect(r.stdout).toContain(`dry-run: would open a pull request on servin/homebrew-tap from servin-bot:${BRANCH} into main`);
    expect(r.outputs.formula).toMatch(/^class Servin < Formula$/m);
  });

  test('a platform missing from SHA256SUMS is a clear error; local files can be hashed instead', async () => {
    gh = await prStandIn();
    const sums = await seedServinRelease(gh, { sums: {} });
    expect(sums).toEqual({});
    const dir = prWorkspace();
    const r = await update(gh, dir, { token: OWNER_TOKEN });
    expect(r.status).toBe(1);
    expect(annotations(r, 'error').join('\n')).toMatch(/SHA256SUMS of servin\/servin v0\.9\.2 has no sha256 for servin_0\.9\.2_linux_amd64\.tar\.gz, servin_0\.9\.2_linux_arm64\.tar\.gz, servin_0\.9\.2_darwin_amd64\.tar\.gz, servin_0\.9\.2_darwin_arm64\.tar\.gz/);
    expect(gh.writes()).toBe(0);
    const local = await update(gh, dir, { token: OWNER_TOKEN, files: 'dist/*.tar.gz' });
    expect(annotations(local, 'error')).toEqual([]);
    expectEveryPlatform(gh, local.outputs.formula!);
  });
});

describe('update-homebrew-tap on the Servin example config', () => {
  test('both programs and every platform; committed to the own tap', async () => {
    const { gh: s } = await world();
    const r = await runChannel(s, 'update-homebrew-tap', join(process.cwd(), 'examples/servin'), { token: OWNER_TOKEN });
    expect(annotations(r, 'error')).toEqual([]);
    expect(r.status).toBe(0);
    const f = await formulaAt(s, TAP.owner, 'main');
    expectEveryPlatform(s, f.text);
    expect(f.text).toMatch(/bin\.install "servin"/);
    expect(f.text).toMatch(/bin\.install "servin-desktop"/);
    expect(f.text).toBe(`${r.outputs.formula}\n`.replace(/\n\n$/, '\n'));
  });
});
