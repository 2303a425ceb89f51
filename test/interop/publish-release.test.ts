import { afterEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { quietLog, type StandIn } from '../support/github/index.js';
import { OWNER, publish, releaseStandIn, releaseWorkspace, REPO, TOKEN } from '../support/release-fixture.js';

let gh: StandIn | undefined;
afterEach(async () => {
  await gh?.close(); // throws if any request or response broke GitHub's OpenAPI description
  gh = undefined;
});

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function releaseState(s: StandIn, tag: string) {
  const o = new Octokit({ baseUrl: s.apiUrl, auth: TOKEN, log: quietLog });
  const releases = (await o.paginate(o.rest.repos.listReleases, { owner: OWNER, repo: REPO })).filter((r) => r.tag_name === tag);
  const assets = releases[0] ? await o.paginate(o.rest.repos.listReleaseAssets, { owner: OWNER, repo: REPO, release_id: releases[0].id }) : [];
  const download = async (name: string) => {
    const a = assets.find((x) => x.name === name);
    if (!a) throw new Error(`no asset ${name}`);
    const res = await fetch(a.browser_download_url);
    return Buffer.from(await res.arrayBuffer());
  };
  return { releases, assets, names: assets.map((a) => a.name).sort(), download };
}

describe('publish-release against the loopback GitHub', () => {
  test('first release: draft, upload, SHA256SUMS over every asset, install scripts, then publish', async () => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    const r = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const st = await releaseState(gh, 'v0.9.2');
    expect(st.releases).toHaveLength(1);
    expect(st.releases[0]).toMatchObject({ draft: false, prerelease: false, name: 'v0.9.2' });
    expect(st.names).toEqual(['SHA256SUMS', 'install.sh', 'servin_0.9.2-1_amd64.deb', 'servin_0.9.2_darwin_arm64.tar.gz', 'servin_0.9.2_linux_amd64.tar.gz', 'servin_0.9.2_linux_arm64.tar.gz']);
    // SHA256SUMS lists every other asset with its real digest.
    const sums = (await st.download('SHA256SUMS')).toString();
    for (const a of st.assets.filter((x) => x.name !== 'SHA256SUMS')) expect(sums).toContain(`${sha256(await st.download(a.name))}  ${a.name}\n`);
    expect(sums.trim().split('\n')).toHaveLength(5);
    // The draft was created first and published last.
    const writes = gh.requests.filter((q) => q.write).map((q) => `${q.method} ${q.route}`);
    expect(writes[0]).toMatch(/^POST .*\/releases$/);
    expect(writes[writes.length - 1]).toMatch(/^PATCH .*\/releases\/\{release_id\}$/);
    const outputs = JSON.parse(r.outputs.assets!) as { name: string; sha256: string; url: string }[];
    expect(outputs.map((a) => a.name).sort()).toEqual(st.names);
    expect(r.outputs['html-url']).toBe(`${gh.serverUrl}/${OWNER}/${REPO}/releases/tag/v0.9.2`);
    expect(r.outputs['upload-url']).toContain(gh.uploadsUrl);
    expect(r.summary).toContain('uploaded');
  });

  test('rerun after success writes nothing and reports every asset unchanged', async () => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    expect((await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' })).status).toBe(0);
    const before = gh.writes();
    const again = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(again.status).toBe(0);
    expect(gh.writes()).toBe(before);
    expect(again.summary).toContain('unchanged');
    expect(again.summary).not.toMatch(/>uploaded<|>replaced</);
  });

  test('an upload that keeps failing fails the step, leaves an unpublished draft, and the rerun completes it without duplicates', async () => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    // The first asset's upload is cut mid-body on every attempt (4 = the first try and 3 retries).
    gh.fail({ method: 'POST', path: /\/releases\/\d+\/assets$/, kind: 'reset', times: 4, afterBytes: 5 });
    const first = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/::error::publish-release: 1 upload\(s\) failed after retries \(servin_0\.9\.2-1_amd64\.deb/);
    expect(first.summary).toMatch(/failed: /);
    expect(first.summary).toMatch(/servin_0\.9\.2_linux_amd64\.tar\.gz.*uploaded/s);
    const mid = await releaseState(gh, 'v0.9.2');
    expect(mid.releases).toHaveLength(1);
    expect(mid.releases[0]!.draft).toBe(true); // nobody sees a half-filled release
    expect(mid.names).not.toContain('SHA256SUMS');

    const rerun = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(rerun.status).toBe(0);
    const done = await releaseState(gh, 'v0.9.2');
    expect(done.releases).toHaveLength(1);
    expect(done.releases[0]!.draft).toBe(false);
    expect(done.names).toEqual(['SHA256SUMS', 'install.sh', 'servin_0.9.2-1_amd64.deb', 'servin_0.9.2_darwin_arm64.tar.gz', 'servin_0.9.2_linux_amd64.tar.gz', 'servin_0.9.2_linux_arm64.tar.gz']);
    for (const a of done.assets) expect(a.state).toBe('uploaded');
    expect((await done.download('servin_0.9.2-1_amd64.deb')).toString()).toBe('not really a deb 0.9.2\n');
    expect(rerun.summary).toMatch(/servin_0\.9\.2_linux_amd64\.tar\.gz.*unchanged/s);
  });

  test('a changed asset is replaced on a mutable release, and SHA256SUMS follows', async () => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    expect((await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' })).status).toBe(0);
    writeFileSync(join(ws.dir, 'dist', 'servin_0.9.2-1_amd64.deb'), 'rebuilt deb\n');
    const replaced = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(replaced.status).toBe(0);
    expect(replaced.summary).toMatch(/servin_0\.9\.2-1_amd64\.deb.*replaced/s);
    const st = await releaseState(gh, 'v0.9.2');
    expect((await st.download('servin_0.9.2-1_amd64.deb')).toString()).toBe('rebuilt deb\n');
    expect((await st.download('SHA256SUMS')).toString()).toContain(`${sha256('rebuilt deb\n')}  servin_0.9.2-1_amd64.deb`);

  });

  test('on a published immutable release a changed asset is a clear error and nothing is written', async () => {
    gh = await releaseStandIn({ immutable: true });
    const ws = releaseWorkspace();
    expect((await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' })).status).toBe(0);
    expect((await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' })).status).toBe(0); // identical: fine
    writeFileSync(join(ws.dir, 'dist', 'servin_0.9.2-1_amd64.deb'), 'rebuilt again\n');
    const before = gh.writes();
    const refused = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/published and immutable, so its assets cannot change: servin_0\.9\.2-1_amd64\.deb/);
    expect(gh.writes()).toBe(before);
  });

  test('two matrix jobs publishing to one tag at once end with one release holding both jobs\' assets, covered by SHA256SUMS', async () => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    const job = (files: string) => publish(gh!, { 'working-directory': ws.dir, files, version: '0.9.2', 'install-script': 'false' });
    const [a, b] = await Promise.all([job('dist/*linux*'), job('dist/*darwin*\ndist/*.deb')]);
    expect([a.status, b.status, a.stdout.match(/::error.*/g), b.stdout.match(/::error.*/g)]).toEqual([0, 0, null, null]);
    const st = await releaseState(gh, 'v0.9.2');
    expect(st.releases).toHaveLength(1);
    expect(st.names).toEqual(['SHA256SUMS', 'servin_0.9.2-1_amd64.deb', 'servin_0.9.2_darwin_arm64.tar.gz', 'servin_0.9.2_linux_amd64.tar.gz', 'servin_0.9.2_linux_arm64.tar.gz']);
    const sums = (await st.download('SHA256SUMS')).toString();
    for (const name of st.names.filter((n) => n !== 'SHA256SUMS')) expect(sums).toContain(`${sha256(readFileSync(join(ws.dir, 'dist', name)))}  ${name}\n`);
  });

  test('dry-run reads the release but writes nothing', async () => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    const r = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2', 'dry-run': 'true' });
    expect(r.status).toBe(0);
    expect(gh.writes()).toBe(0);
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(r.stdout).toMatch(/dry-run: would upload servin_0\.9\.2_linux_amd64\.tar\.gz/);
  });

  test('a token that may only read gets a preflight error naming contents: write, before any write', async () => {
    gh = await releaseStandIn({ tokens: [{ token: 'github_pat_readonly', login: OWNER, permissions: { contents: 'read' } }] });
    const ws = releaseWorkspace();
    const r = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2', token: 'github_pat_readonly' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/contents: write/);
    expect(r.stdout).not.toMatch(/internal error/);
    expect(gh.writes()).toBe(0);
  });

  test.each([
    ['secondary403', 'POST', /\/releases$/],
    ['secondary429', 'GET', /\/releases\/\d+\/assets$/],
    ['502', 'POST', /\/releases\/\d+\/assets$/],
    ['primary', 'PATCH', /\/releases\/\d+$/],
  ] as const)('a %s fault on %s is retried and the release completes', async (kind, method, path) => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    gh.fail({ method, path, kind, times: 1, retryAfter: 1, resetIn: 1 });
    const r = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(r.status).toBe(0);
    expect(gh.pendingFaults()).toHaveLength(0);
    expect(gh.requests.some((q) => q.fault)).toBe(true);
    const st = await releaseState(gh, 'v0.9.2');
    expect(st.releases[0]!.draft).toBe(false);
    expect(st.names).toHaveLength(6);
  });

  test('a fault that persists fails the step clearly and publishes nothing', async () => {
    gh = await releaseStandIn();
    const ws = releaseWorkspace();
    gh.fail({ method: 'POST', path: /\/releases$/, kind: '502', times: 20 });
    const r = await publish(gh, { 'working-directory': ws.dir, files: ws.files, version: '0.9.2' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/::error::publish-release/);
    expect((await releaseState(gh, 'v0.9.2')).releases).toHaveLength(0);
    while (gh.pendingFaults().length > 0) await fetch(`${gh.apiUrl}/repos/${OWNER}/${REPO}/releases`, { method: 'POST', headers: { authorization: `token ${TOKEN}` }, body: '{}' });
    gh.takeViolations();
  });
});
