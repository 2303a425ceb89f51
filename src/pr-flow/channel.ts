// What every manifest channel's action does before its own rendering: load the config, work out
// the release (tag, version, repository) and the sha256 of its archives.
import { resolve } from 'node:path';
import { loadConfig, type LoadedConfig, type Os, type Platform } from '../config/index.js';
import type { ActionIO } from '../core/io.js';
import type { Inputs } from '../core/inputs.js';
import { parseRepository, type GitHubClient } from '../github/client.js';
import type { ParsedVersion } from '../version/index.js';
import { releaseArchives, downloadUrl, releaseTag, type ArchiveAsset } from './release.js';
import { localChecksums, pickChecksums, releaseChecksums } from './release-assets.js';

export interface ChannelRelease {
  workdir: string;
  loaded: LoadedConfig;
  /** owner/name of the repository that holds the release. */
  repo: string;
  tag: string;
  version: ParsedVersion;
  serverUrl: string;
  fast: boolean;
}

export async function loadChannelRelease(inputs: Inputs, env: NodeJS.ProcessEnv, cwd: string): Promise<ChannelRelease> {
  const workdir = resolve(cwd, inputs.required('working-directory'));
  const loaded = await loadConfig(resolve(workdir, inputs.required('config')), { cwd: workdir, displayRoot: env.GITHUB_WORKSPACE ?? cwd });
  const { owner, repo } = parseRepository(inputs.string('repository') ?? env.GITHUB_REPOSITORY);
  const { tag, version } = releaseTag({ tag: inputs.string('tag'), version: inputs.string('version'), prefix: inputs.required('tag-prefix'), configVersion: loaded.config.version, env });
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return { workdir, loaded, repo: `${owner}/${repo}`, tag, version, serverUrl, fast: env.PACKAGE_ACTIONS_FAST_RETRIES === '1' };
}

export interface PricedArchive extends ArchiveAsset {
  url: string;
  sha256: string;
}

/**
 * The release archives of these OSes with their download URL and sha256: from the local files
 * given in `files`, else from the release's checksums asset. A platform without a checksum is an
 * error, never a guess.
 */
export async function archivesWithChecksums(rel: ChannelRelease, oses: readonly Os[], inputs: Inputs, io: ActionIO, keep: (p: Platform) => boolean = () => true): Promise<PricedArchive[]> {
  const archives = releaseArchives(rel.loaded, rel.version, oses).filter((a) => keep(a.platform));
  const files = inputs.list('files');
  const checksumsName = inputs.required('checksums');
  const sums = files.length
    ? await localChecksums(files, rel.workdir)
    : await releaseChecksums(downloadUrl(rel.serverUrl, rel.repo, rel.tag, checksumsName), checksumsName, { fast: rel.fast, log: io });
  const source = files.length ? `the local files (${files.join(', ')})` : `${checksumsName} of ${rel.repo} ${rel.tag}`;
  const picked = pickChecksums(sums, archives.map((a) => a.assetName), source);
  return archives.map((a) => ({ ...a, url: downloadUrl(rel.serverUrl, rel.repo, rel.tag, a.assetName), sha256: picked.get(a.assetName) as string }));
}

/** The release's web page. */
export function releaseUrl(rel: ChannelRelease): string {
  return `${rel.serverUrl}/${rel.repo}/releases/tag/${rel.tag.split('/').map(encodeURIComponent).join('/')}`;
}

/** The published release's date (YYYY-MM-DD) and page, when the token can read it; stable across reruns. */
export async function releasePage(client: GitHubClient, rel: ChannelRelease, io: ActionIO): Promise<{ date?: string; url: string }> {
  const [owner, repo] = rel.repo.split('/') as [string, string];
  const fallback = releaseUrl(rel);
  try {
    const r = await client.octokit.rest.repos.getReleaseByTag({ owner, repo, tag: rel.tag });
    return { date: r.data.published_at?.slice(0, 10), url: r.data.html_url };
  } catch (e) {
    io.info(`could not read release ${rel.tag} of ${rel.repo} (${(e as Error).message}); the release date is left out`);
    return { url: fallback };
  }
}
