// Checks an InstallScriptInput and derives what both scripts embed. Everything that reaches a
// script is validated here (and quoted by quote.ts), so a bad value is a ConfigurationError at
// release time, never a broken or unsafe script.
import { ConfigurationError } from '../core/errors.js';
import type { Os } from '../config/types.js';
import { installablePlatforms, type PlatformAsset } from './platforms.js';
import type { InstallScriptInput } from './types.js';

export interface Release {
  name: string;
  version: string;
  tag: string;
  /** The tag is `${tagPrefix}${version}${tagSuffix}`: how --version rebuilds it. */
  tagPrefix: string;
  tagSuffix: string;
  /** `${serverUrl}/${repo}/releases/download`; the tag and the asset name follow. */
  downloadRoot: string;
  /** Environment variable that replaces downloadRoot at run time (mirrors, tests). */
  baseUrlVariable: string;
  repo: string;
  binaries: string[];
  platforms: PlatformAsset[];
  checksums: string;
  signature?: string;
  publicKey?: string;
  publicKeyFingerprint?: string;
}

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+~-]*$/;
const TAG = /^[A-Za-z0-9][A-Za-z0-9._+/-]*$/;
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function bad(field: string, message: string, fix: string): ConfigurationError {
  return new ConfigurationError(message, { location: { file: 'install script input', field }, fix });
}

/** `servin` → SERVIN_INSTALL_BASE_URL; `my-tool` → MY_TOOL_INSTALL_BASE_URL; `7z` → _7Z_INSTALL_BASE_URL. */
export function baseUrlVariable(name: string): string {
  const stem = name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return `${/^[0-9]/.test(stem) ? '_' : ''}${stem}_INSTALL_BASE_URL`;
}

function checkAssetName(field: string, asset: string, assets: string[]): void {
  if (!PLAIN_NAME.test(asset)) throw bad(field, `asset name "${asset}" has characters an install script cannot download safely`, 'use letters, digits, ".", "_", "+" and "-" only');
  if (!assets.includes(asset)) throw bad(field, `the release has no asset "${asset}"`, `upload ${asset} with the release, or leave it out`);
}

export function prepare(input: InstallScriptInput, oses: readonly Os[]): Release {
  const { name, version, tag } = input;
  if (!PLAIN_NAME.test(name)) throw bad('name', `package name "${name}" cannot be used in an install script`, 'use letters, digits, ".", "_", "+" and "-", starting with a letter or digit');
  if (!VERSION.test(version) || /^v[0-9]/.test(version)) throw bad('version', `version "${version}" is not a plain version`, 'give the version without a leading "v", e.g. 1.2.3');
  if (!TAG.test(tag) || tag.split('/').some((s) => s === '' || s === '.' || s === '..')) throw bad('tag', `tag "${tag}" cannot be used in a download URL`, 'use a tag such as v1.2.3');
  const at = tag.lastIndexOf(version);
  if (at < 0) throw bad('tag', `tag "${tag}" does not contain the version ${version}`, 'name release tags after the version (v1.2.3), so the script can install other versions');
  if (!REPO.test(input.repo)) throw bad('repo', `repository "${input.repo}" is not owner/name`, 'pass GITHUB_REPOSITORY, e.g. octo-org/servin');
  let server: URL;
  try {
    server = new URL(input.serverUrl);
  } catch {
    throw bad('serverUrl', `server URL "${input.serverUrl}" is not a URL`, 'pass GITHUB_SERVER_URL, e.g. https://github.com');
  }
  if (!['https:', 'http:'].includes(server.protocol) || server.search || server.hash || server.username || server.password) {
    throw bad('serverUrl', `server URL "${input.serverUrl}" must be a plain http(s) URL`, 'pass GITHUB_SERVER_URL, e.g. https://github.com');
  }
  const binaries = input.binaries;
  if (binaries.length === 0) throw bad('binaries', 'no executables to install', 'list the executables inside each archive');
  for (const b of binaries) {
    if (!PLAIN_NAME.test(b)) throw bad('binaries', `executable name "${b}" must be a plain file name`, 'name files at the archive root: letters, digits, ".", "_", "+", "-"');
  }
  if (new Set(binaries).size !== binaries.length) throw bad('binaries', 'an executable is listed twice', 'list each executable once');

  const checksums = input.checksumsAsset ?? 'SHA256SUMS';
  checkAssetName('checksumsAsset', checksums, input.assets);
  const signature = input.assets.includes(`${checksums}.asc`) ? `${checksums}.asc` : undefined;
  if (input.publicKeyAsset !== undefined) checkAssetName('publicKeyAsset', input.publicKeyAsset, input.assets);
  let publicKeyFingerprint: string | undefined;
  if (input.publicKeyFingerprint !== undefined) {
    publicKeyFingerprint = input.publicKeyFingerprint.replace(/\s+/g, '').toUpperCase();
    if (!/^([0-9A-F]{40}|[0-9A-F]{64})$/.test(publicKeyFingerprint)) throw bad('publicKeyFingerprint', `"${input.publicKeyFingerprint}" is not an OpenPGP fingerprint`, 'give the 40 hex digits gpg --fingerprint prints');
  }

  const platforms = installablePlatforms(input, oses);
  if (platforms.length === 0) {
    throw bad('platforms', `the release has no archive for ${oses.join(' or ')} among its assets`, `upload e.g. ${name}_${version}_${oses[0]}_amd64${oses[0] === 'windows' ? '.zip' : '.tar.gz'}, or do not publish this install script`);
  }
  for (const p of platforms) checkAssetName('assets', p.asset, input.assets);

  return {
    name,
    version,
    tag,
    tagPrefix: tag.slice(0, at),
    tagSuffix: tag.slice(at + version.length),
    downloadRoot: `${server.href.replace(/\/+$/, '')}/${input.repo}/releases/download`,
    baseUrlVariable: baseUrlVariable(name),
    repo: input.repo,
    binaries,
    platforms,
    checksums,
    signature,
    publicKey: input.publicKeyAsset,
    publicKeyFingerprint,
  };
}
