import { createHash } from 'node:crypto';
import type { GitHubClient } from '../github/client.js';
import { explainGitHubError } from '../github/errors.js';
import { uploadReleaseAsset } from '../github/upload.js';

export interface RemoteAsset {
  id: number;
  name: string;
  size: number;
  /** "uploaded", or "starter"/"open" for an upload that never finished. */
  state: string;
  /** "sha256:<hex>" where GitHub provides it. */
  digest: string | null;
  url: string;
  apiUrl: string;
}

export interface RemoteRelease {
  id: number;
  tag: string;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  name: string | null;
  body: string | null;
  htmlUrl: string;
  uploadUrl: string;
}

interface ApiRelease {
  id: number;
  tag_name: string;
  draft: boolean;
  prerelease: boolean;
  immutable?: boolean;
  name: string | null;
  body?: string | null;
  html_url: string;
  upload_url: string;
}

interface ApiAsset {
  id: number;
  name: string;
  size: number;
  state: string;
  digest?: string | null;
  browser_download_url: string;
  url: string;
}

const release = (r: ApiRelease): RemoteRelease => ({ id: r.id, tag: r.tag_name, draft: r.draft, prerelease: r.prerelease, immutable: r.immutable === true, name: r.name, body: r.body ?? null, htmlUrl: r.html_url, uploadUrl: r.upload_url });
const asset = (a: ApiAsset): RemoteAsset => ({ id: a.id, name: a.name, size: a.size, state: a.state, digest: a.digest ?? null, url: a.browser_download_url, apiUrl: a.url });

/** The release operations publish-release needs, through the shared client. */
export class ReleaseRemote {
  /** Counts state-changing calls, for the summary and for dry-run checks. */
  writes = 0;

  constructor(
    private readonly client: GitHubClient,
    readonly owner: string,
    readonly repo: string,
    private readonly fast: boolean,
    private readonly onRetry: (why: string) => void,
  ) {}

  private get rest() {
    return this.client.octokit.rest;
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw explainGitHubError(e, what, 'contents: write');
    }
  }

  /** Every release with this tag, drafts included (the by-tag endpoint hides drafts), oldest first. */
  async releasesForTag(tag: string): Promise<RemoteRelease[]> {
    const all = await this.call('list releases', () => this.client.octokit.paginate(this.rest.repos.listReleases, { owner: this.owner, repo: this.repo, per_page: 100 }));
    return (all as ApiRelease[]).filter((r) => r.tag_name === tag).map(release).sort((a, b) => a.id - b.id);
  }

  async allTags(): Promise<string[]> {
    const all = await this.call('list releases', () => this.client.octokit.paginate(this.rest.repos.listReleases, { owner: this.owner, repo: this.repo, per_page: 100 }));
    return (all as ApiRelease[]).filter((r) => !r.draft).map((r) => r.tag_name);
  }

  async createDraft(p: { tag: string; name: string; body: string; prerelease: boolean; target?: string; generateNotes: boolean }): Promise<RemoteRelease> {
    this.writes++;
    const r = await this.call(`create the release ${p.tag}`, () =>
      this.rest.repos.createRelease({ owner: this.owner, repo: this.repo, tag_name: p.tag, name: p.name, body: p.body, draft: true, prerelease: p.prerelease, target_commitish: p.target, generate_release_notes: p.generateNotes }),
    );
    return release(r.data as ApiRelease);
  }

  async update(id: number, fields: { name?: string; body?: string; draft?: boolean; prerelease?: boolean; make_latest?: 'true' | 'false' | 'legacy' }): Promise<RemoteRelease> {
    this.writes++;
    const r = await this.call('update the release', () => this.rest.repos.updateRelease({ owner: this.owner, repo: this.repo, release_id: id, ...fields }));
    return release(r.data as ApiRelease);
  }

  async deleteRelease(id: number): Promise<void> {
    this.writes++;
    await this.call('delete a duplicate draft release', () => this.rest.repos.deleteRelease({ owner: this.owner, repo: this.repo, release_id: id }));
  }

  async assets(id: number): Promise<RemoteAsset[]> {
    const all = await this.call('list release assets', () => this.client.octokit.paginate(this.rest.repos.listReleaseAssets, { owner: this.owner, repo: this.repo, release_id: id, per_page: 100 }));
    return (all as ApiAsset[]).map(asset);
  }

  /** Deletes an asset; one already gone (another job replaced it meanwhile) is fine. */
  async deleteAsset(id: number): Promise<void> {
    this.writes++;
    try {
      await this.rest.repos.deleteReleaseAsset({ owner: this.owner, repo: this.repo, asset_id: id });
    } catch (e) {
      if ((e as { status?: number }).status === 404) return;
      throw explainGitHubError(e, 'delete a release asset', 'contents: write');
    }
  }

  async upload(rel: RemoteRelease, name: string, path: string, size: number): Promise<RemoteAsset> {
    this.writes++;
    try {
      const a = await uploadReleaseAsset(this.client, rel.uploadUrl, name, path, size, { fast: this.fast, onRetry: (why) => this.onRetry(why) });
      return { id: a.id, name: a.name, size: a.size, state: 'uploaded', digest: a.digest ?? null, url: a.browser_download_url, apiUrl: '' };
    } catch (e) {
      throw explainGitHubError(e, `upload ${name}`, 'contents: write');
    }
  }

  /** SHA-256 of an asset GitHub has no digest for (older GHES): streamed download. */
  async downloadSha256(a: RemoteAsset): Promise<string> {
    const res = await fetch(a.apiUrl, { headers: { authorization: `token ${this.client.token}`, accept: 'application/octet-stream', 'user-agent': 'package-actions' } });
    if (!res.ok || !res.body) throw new Error(`download of ${a.name} failed: ${res.status}`);
    const hash = createHash('sha256');
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
    return hash.digest('hex');
  }
}
