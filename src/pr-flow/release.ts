// The release a channel points at: its tag and version, and the archive assets each platform
// downloads, named exactly as build-archive names them and GitHub stores them.
import { configFor, type LoadedConfig, type Os, type Platform } from '../config/index.js';
import { ConfigurationError } from '../core/errors.js';
import { archivePackager } from '../packagers/archive/index.js';
import { githubAssetName } from '../release/asset-names.js';
import { parseVersion, type ParsedVersion } from '../version/index.js';

export interface ReleaseTag {
  tag: string;
  version: ParsedVersion;
}

/** The tag input, else the version input with the prefix, else the pushed tag, else the config's version. */
export function releaseTag(o: { tag?: string; version?: string; prefix: string; configVersion?: string; env: NodeJS.ProcessEnv }): ReleaseTag {
  const ref = o.env.GITHUB_REF?.startsWith('refs/tags/') ? o.env.GITHUB_REF.slice('refs/tags/'.length) : undefined;
  const fromVersion = (v: string) => `${o.prefix}${v.replace(/^v(?=\d)/, '')}`;
  const tag = o.tag ?? (o.version ? fromVersion(o.version) : ref ?? (o.configVersion ? fromVersion(o.configVersion) : undefined));
  if (!tag) throw new ConfigurationError('no release tag', { fix: 'run on a tag push, or pass tag: v1.2.3 or version: 1.2.3 (e.g. from detect-version)' });
  return { tag, version: parseVersion(o.version ?? tag, { tagPrefix: o.prefix, allowNonSemver: true }) };
}

export interface ArchiveAsset {
  platform: Platform;
  /** The file build-archive writes. */
  fileName: string;
  /** The name GitHub gives it as a release asset (what SHA256SUMS lists and URLs use). */
  assetName: string;
}

/** The release archive of every config platform on these OSes, in config order. */
export function releaseArchives(loaded: LoadedConfig, version: ParsedVersion, oses: readonly Os[]): ArchiveAsset[] {
  const config = configFor(loaded, archivePackager.format);
  return config.platforms
    .filter((p) => oses.includes(p.os))
    .map((platform) => {
      const fileName = archivePackager.fileName({ config, version, platform, entries: [], scripts: {}, mtime: 0, file: loaded.file });
      return { platform, fileName, assetName: githubAssetName(fileName) };
    });
}

/** `${server}/${owner}/${repo}/releases/download/${tag}/${asset}`: the URL users' package managers fetch. */
export function downloadUrl(serverUrl: string, repo: string, tag: string, asset: string): string {
  const seg = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  return `${serverUrl.replace(/\/+$/, '')}/${repo}/releases/download/${seg(tag)}/${encodeURIComponent(asset)}`;
}
