// The GitHub stand-in's releases and assets, driven by @octokit/rest as production code drives GitHub.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { createHash } from 'node:crypto';
import { githubAssetName, quietLog, startStandIn, type StandIn } from '../support/github/index.js';

let gh: StandIn;
let octokit: Octokit;
const owner = 'octo';
const repo = 'tool';

beforeEach(async () => {
  gh = await startStandIn({ tokens: [{ token: 'tok-octo', login: owner }] });
  await gh.createRepo({ owner, name: repo, files: { 'README.md': '# tool\n' } });
  octokit = new Octokit({ baseUrl: gh.apiUrl, auth: 'tok-octo', log: quietLog });
});

afterEach(async () => {
  await gh.close();
});

async function upload(uploadUrl: string, name: string, data: Buffer) {
  return octokit.rest.repos.uploadReleaseAsset({
    owner, repo, release_id: 0, url: uploadUrl, name, data: data as unknown as string,
    headers: { 'content-type': 'application/octet-stream', 'content-length': data.length },
  });
}

describe('releases', () => {
  it('create draft → upload → publish → list → download, with digest and download counts', async () => {
    const draft = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.2.3', name: 'v1.2.3', draft: true });
    expect(draft.status).toBe(201);
    expect(draft.data.upload_url).toBe(`${gh.uploadsUrl}/repos/octo/tool/releases/${draft.data.id}/assets{?name,label}`);
    // A draft has no tag yet: get-by-tag does not find it.
    await expect(octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.2.3' })).rejects.toMatchObject({ status: 404 });
    expect(await gh.resolve(owner, repo, 'refs/tags/v1.2.3')).toBeUndefined();

    const deb = Buffer.from('pretend this is a .deb\n');
    const sums = Buffer.from('abc  tool.deb\n');
    const a1 = await upload(draft.data.upload_url, 'tool_1.2.3_amd64.deb', deb);
    expect(a1.status).toBe(201);
    expect(a1.data.digest).toBe(`sha256:${createHash('sha256').update(deb).digest('hex')}`);
    expect(a1.data.size).toBe(deb.length);
    expect(a1.data.state).toBe('uploaded');
    await upload(draft.data.upload_url, 'SHA256SUMS', sums);

    const published = await octokit.rest.repos.updateRelease({ owner, repo, release_id: draft.data.id, draft: false });
    expect(published.data.draft).toBe(false);
    expect(published.data.published_at).not.toBeNull();
    expect(await gh.resolve(owner, repo, 'refs/tags/v1.2.3')).toBe(await gh.resolve(owner, repo, 'refs/heads/main'));
    const byTag = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'v1.2.3' });
    expect(byTag.data.id).toBe(draft.data.id);
    expect(byTag.data.assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', 'tool_1.2.3_amd64.deb']);

    const listed = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: draft.data.id });
    const deb1 = listed.data.find((a) => a.name === 'tool_1.2.3_amd64.deb');
    expect(deb1?.download_count).toBe(0);
    expect(deb1?.browser_download_url).toBe(`${gh.serverUrl}/octo/tool/releases/download/v1.2.3/tool_1.2.3_amd64.deb`);

    // Browser download (redirects to the object) and API download both bump the count.
    const web = await fetch(deb1?.browser_download_url as string);
    expect(web.status).toBe(200);
    expect(Buffer.from(await web.arrayBuffer())).toEqual(deb);
    const viaApi = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: deb1?.id as number, headers: { accept: 'application/octet-stream' } });
    expect(Buffer.from(viaApi.data as unknown as ArrayBuffer)).toEqual(deb);
    const after = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: deb1?.id as number });
    expect(after.data.download_count).toBe(2);
    const latest = await octokit.rest.repos.getLatestRelease({ owner, repo });
    expect(latest.data.tag_name).toBe('v1.2.3');
  });

  it('lists releases page by page with Link headers', async () => {
    for (let i = 1; i <= 5; i++) await gh.seedRelease({ owner, repo, tag: `v0.${i}.0` });
    const first = await octokit.rest.repos.listReleases({ owner, repo, per_page: 2 });
    expect(first.data.map((r) => r.tag_name)).toEqual(['v0.5.0', 'v0.4.0']);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 2 });
    expect(all.map((r) => r.tag_name)).toEqual(['v0.5.0', 'v0.4.0', 'v0.3.0', 'v0.2.0', 'v0.1.0']);
    expect(gh.requests.filter((r) => r.route === '/repos/{owner}/{repo}/releases' && r.method === 'GET')).toHaveLength(4);
  });

  it('drafts are listed only to users with push access', async () => {
    await gh.seedRelease({ owner, repo, tag: 'v1.0.0' });
    await gh.seedRelease({ owner, repo, tag: 'v2.0.0', draft: true });
    gh.addToken({ token: 'tok-other', login: 'someone' });
    const other = new Octokit({ baseUrl: gh.apiUrl, auth: 'tok-other', log: quietLog });
    expect((await other.rest.repos.listReleases({ owner, repo })).data.map((r) => r.tag_name)).toEqual(['v1.0.0']);
    expect((await octokit.rest.repos.listReleases({ owner, repo })).data.map((r) => r.tag_name)).toEqual(['v2.0.0', 'v1.0.0']);
  });

  it('rejects a second published release for a tag, and a duplicate asset name (after renaming)', async () => {
    const r = await octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' });
    await expect(octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v1.0.0' })).rejects.toMatchObject({
      status: 422, response: { data: { errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] } },
    });
    await upload(r.data.upload_url, 'my tool.tar.gz', Buffer.from('x'));
    const again = upload(r.data.upload_url, 'my.tool.tar.gz', Buffer.from('y'));
    await expect(again).rejects.toMatchObject({ status: 422, response: { data: { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }] } } });
    const assets = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: r.data.id });
    expect(assets.data.map((a) => a.name)).toEqual(['my.tool.tar.gz']);
  });

  it('two concurrent creations of one tag: one wins, the other gets 422', async () => {
    const results = await Promise.allSettled([1, 2].map(() => octokit.rest.repos.createRelease({ owner, repo, tag_name: 'v9.0.0' })));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.status : (r.reason as { status: number }).status)).sort()).toEqual([201, 422]);
  });

  it('replaces an asset by deleting and re-uploading it', async () => {
    const rel = await gh.seedRelease({ owner, repo, tag: 'v1.0.0', draft: true, assets: [{ name: 'a.txt', data: 'old' }] });
    const [old] = rel.assets;
    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: old?.id as number });
    const fresh = await upload(`${gh.uploadsUrl}/repos/octo/tool/releases/${rel.id}/assets{?name,label}`, 'a.txt', Buffer.from('new'));
    expect(fresh.data.digest).toBe(`sha256:${createHash('sha256').update('new').digest('hex')}`);
    expect(gh.writes()).toBe(2);
  });

  it('renames assets like GitHub', () => {
    expect(githubAssetName('My App 1.0 Setup.exe')).toBe('My.App.1.0.Setup.exe');
    expect(githubAssetName('tool_1.0~beta1_amd64.deb')).toBe('tool_1.0.beta1_amd64.deb');
    expect(githubAssetName('pkg-1:2.0-1-x86_64.pkg.tar.zst')).toBe('pkg-1.2.0-1-x86_64.pkg.tar.zst');
    expect(githubAssetName('app (15-5).apk')).toBe('app.15-5.apk');
    expect(githubAssetName('a5_ð_æ_©_ŋ.txt')).toBe('a5_d_ae_._ng.txt');
    expect(githubAssetName('żółw.txt')).toBe('zolw.txt');
    expect(githubAssetName('.env')).toBe('default.env');
    expect(githubAssetName('notes.')).toBe('notes');
    expect(githubAssetName('c++-tool+x.tgz')).toBe('c++-tool+x.tgz');
  });

  it('generates release notes from merged pull requests', async () => {
    await gh.seedRelease({ owner, repo, tag: 'v1.0.0' });
    await gh.commitFiles(owner, repo, 'feature', { 'a.txt': 'a' }, 'Add a');
    const pr = await octokit.rest.pulls.create({ owner, repo, head: 'feature', base: 'main', title: 'Add a' });
    await gh.mergePull(owner, repo, pr.data.number);
    const notes = await octokit.rest.repos.generateReleaseNotes({ owner, repo, tag_name: 'v1.1.0' });
    expect(notes.data.name).toBe('v1.1.0');
    expect(notes.data.body).toBe(`## What's Changed\n* Add a by @octo in ${gh.serverUrl}/octo/tool/pull/${pr.data.number}\n\n**Full Changelog**: ${gh.serverUrl}/octo/tool/compare/v1.0.0...v1.1.0`);
  });
});

describe('immutable releases', () => {
  it('freeze assets and tag once published; drafts stay editable', async () => {
    await gh.createRepo({ owner, name: 'locked', files: { 'x': 'x' }, immutableReleases: true });
    const r = await octokit.rest.repos.createRelease({ owner, repo: 'locked', tag_name: 'v1.0.0', draft: true });
    expect(r.data.immutable).toBe(false);
    const a = await octokit.rest.repos.uploadReleaseAsset({ owner, repo: 'locked', release_id: r.data.id, url: r.data.upload_url, name: 'a.bin', data: 'a' });
    const pub = await octokit.rest.repos.updateRelease({ owner, repo: 'locked', release_id: r.data.id, draft: false });
    expect(pub.data.immutable).toBe(true);
    const late = octokit.rest.repos.uploadReleaseAsset({ owner, repo: 'locked', release_id: r.data.id, url: r.data.upload_url, name: 'b.bin', data: 'b' });
    await expect(late).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Cannot upload assets to an immutable release.') });
    await expect(octokit.rest.repos.deleteReleaseAsset({ owner, repo: 'locked', asset_id: a.data.id })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.rest.git.deleteRef({ owner, repo: 'locked', ref: 'tags/v1.0.0' })).rejects.toMatchObject({ status: 422 });
    // Notes can still change; a deleted immutable release's tag can never be used again.
    await octokit.rest.repos.updateRelease({ owner, repo: 'locked', release_id: r.data.id, body: 'notes' });
    await octokit.rest.repos.deleteRelease({ owner, repo: 'locked', release_id: r.data.id });
    await expect(octokit.rest.repos.createRelease({ owner, repo: 'locked', tag_name: 'v1.0.0' })).rejects.toMatchObject({
      status: 422, response: { data: { errors: [{ field: 'tag_name', message: 'tag_name was used by an immutable release' }] } },
    });
  });
});
