// The multi-file manifest set for one version (FORMATS.md 8.2-8.4): version, installer and
// defaultLocale manifests for a portable CLI inside the windows .zip release archives.
import type { PackageConfig } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';
import { archiveBaseName, archiveSettings } from '../packagers/archive/settings.js';
import type { PackageInfo } from '../packagers/types.js';
import { parseVersion, wingetVersion, type ParsedVersion } from '../version/index.js';
import { ARCH_ORDER, windowsPlatforms, type WingetArch } from './arch.js';
import { DEFAULT_LOCALE, MANIFEST_VERSION, manifestDir, manifestFileNames } from './paths.js';
import { wingetSettings, type WingetSettings } from './settings.js';
import { manifestYaml } from './yaml.js';

export interface WingetInstaller {
  arch: WingetArch;
  /** Where winget downloads the zip (the release asset's URL). */
  url: string;
  /** SHA-256 of the zip, hex in either case; written uppercase. */
  sha256: string;
}

export interface WingetInput {
  config: PackageConfig;
  /** The release version (a leading `v` is dropped); PackageVersion drops +build metadata. */
  version: string;
  /** YYYY-MM-DD. */
  releaseDate?: string;
  releaseNotesUrl?: string;
  installers: WingetInstaller[];
  /** The config file, for error locations. */
  file?: string;
}

export interface ManifestFile {
  /** Repository path, `/`-separated: `manifests/s/Servin/Servin/0.9.2/Servin.Servin.yaml`. */
  path: string;
  content: string;
}

const TOOL_COMMENT = 'Created with package-actions';
const schemaComment = (type: string) => `yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.${MANIFEST_VERSION}.schema.json`;
const HEX64 = /^[0-9A-Fa-f]{64}$/;
const URL = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/;

/** The version, installer and defaultLocale manifests, in that order, all in manifestDir(). */
export function renderWingetManifests(input: WingetInput): ManifestFile[] {
  const file = input.file ?? '(config)';
  const s = wingetSettings(input.config, file);
  const parsed = parseVersion(input.version, { allowNonSemver: true });
  const packageVersion = wingetVersion(parsed);
  const dir = manifestDir(s.packageIdentifier, packageVersion);
  const names = manifestFileNames(s.packageIdentifier);
  const head = { PackageIdentifier: s.packageIdentifier, PackageVersion: packageVersion };
  const tail = (type: string) => ({ ManifestType: type, ManifestVersion: MANIFEST_VERSION });
  if (input.releaseNotesUrl !== undefined && (!URL.test(input.releaseNotesUrl) || input.releaseNotesUrl.length > 2048)) {
    throw new Error(`releaseNotesUrl ${JSON.stringify(input.releaseNotesUrl)} is not an http(s) URL of at most 2048 characters`);
  }

  const version = manifestYaml([schemaComment('version'), TOOL_COMMENT], { ...head, DefaultLocale: DEFAULT_LOCALE, ...tail('version') });
  const installer = manifestYaml([schemaComment('installer'), TOOL_COMMENT], { ...head, ...installerFields(input, s, parsed, file), ...tail('installer') });
  const locale = manifestYaml([schemaComment('defaultLocale'), TOOL_COMMENT], {
    ...head,
    PackageLocale: DEFAULT_LOCALE,
    Publisher: s.publisher,
    PublisherUrl: s.publisherUrl,
    PublisherSupportUrl: s.publisherSupportUrl,
    Author: s.author,
    PackageName: s.packageName,
    PackageUrl: s.packageUrl,
    License: s.license,
    LicenseUrl: s.licenseUrl,
    Copyright: s.copyright,
    ShortDescription: s.shortDescription,
    Description: s.description,
    Moniker: s.moniker,
    Tags: s.tags.length > 0 ? s.tags : undefined,
    ReleaseNotesUrl: input.releaseNotesUrl,
    ...tail('defaultLocale'),
  });
  return [
    { path: `${dir}/${names.version}`, content: version },
    { path: `${dir}/${names.installer}`, content: installer },
    { path: `${dir}/${names.defaultLocale}`, content: locale },
  ];
}

/** Installer manifest keys between PackageVersion and ManifestType, in the schema's order. */
function installerFields(input: WingetInput, s: WingetSettings, version: ParsedVersion, file: string): Record<string, unknown> {
  const { config } = input;
  if (archiveSettings(config).formatFor('windows') !== 'zip') {
    throw new ConfigurationError('the windows release archive is not a .zip, and WinGet installs portable programs only from zip archives', {
      location: { file, field: 'archives.format_overrides.windows' },
      fix: 'remove archives.format_overrides.windows (the default is zip) or set it to zip',
    });
  }
  const byArch = checkInstallers(input.installers, s.architectures, file);
  // With wrap_in_directory every zip holds its files under a folder named like the archive, which
  // differs per architecture: then each installer carries its own paths.
  const wrapped = archiveSettings(config).wrapInDirectory;
  const nested = (folder: string) =>
    s.commands.map((cmd) => ({
      RelativeFilePath: `${folder}${cmd}.exe`,
      // With the install folder on PATH winget creates no aliases, so naming one would mislead.
      PortableCommandAlias: s.archiveBinariesDependOnPath ? undefined : cmd,
    }));
  const platforms = new Map(windowsPlatforms(config, file).map((p) => [p.arch, p.platform]));
  const installers = s.architectures.map((arch) => {
    const inst = byArch.get(arch)!;
    const folder = wrapped ? `${archiveBaseName(archiveInfo(config, version, platforms.get(arch)!, file))}\\` : '';
    return { Architecture: arch, NestedInstallerFiles: wrapped ? nested(folder) : undefined, InstallerUrl: inst.url, InstallerSha256: inst.sha256.toUpperCase() };
  });
  return {
    MinimumOSVersion: s.minimumOSVersion,
    InstallerType: 'zip',
    NestedInstallerType: 'portable',
    NestedInstallerFiles: wrapped ? undefined : nested(''),
    Commands: s.commands,
    ReleaseDate: input.releaseDate === undefined ? undefined : checkDate(input.releaseDate),
    ArchiveBinariesDependOnPath: s.archiveBinariesDependOnPath ? true : undefined,
    Installers: installers,
  };
}

/** What archiveBaseName needs: the name template sees the same values the archive packager gave it. */
function archiveInfo(config: PackageConfig, version: ParsedVersion, platform: PackageInfo['platform'], file: string): PackageInfo {
  return { config, version, platform, entries: [], scripts: {}, mtime: 0, file };
}

/**
 * One installer per windows platform of the config. A missing one is the user's release (its zip
 * was not built or not uploaded); anything else malformed is the caller's bug.
 */
function checkInstallers(installers: WingetInstaller[], wanted: WingetArch[], file: string): Map<WingetArch, WingetInstaller> {
  const byArch = new Map<WingetArch, WingetInstaller>();
  for (const inst of installers) {
    if (!ARCH_ORDER.includes(inst.arch)) throw new Error(`installer architecture "${String(inst.arch)}" is not one of ${ARCH_ORDER.join(', ')}`);
    if (!wanted.includes(inst.arch)) throw new Error(`an installer for ${inst.arch} was given, but the config has no windows platform for it (windows platforms: ${wanted.join(', ')})`);
    if (byArch.has(inst.arch)) throw new Error(`two installers for ${inst.arch}`);
    if (!HEX64.test(inst.sha256)) throw new Error(`installer sha256 for ${inst.arch} is not 64 hex digits: ${JSON.stringify(inst.sha256)}`);
    if (!URL.test(inst.url) || inst.url.length > 2048) throw new Error(`installer URL for ${inst.arch} is not an http(s) URL of at most 2048 characters: ${JSON.stringify(inst.url)}`);
    byArch.set(inst.arch, inst);
  }
  const missing = wanted.filter((a) => !byArch.has(a));
  if (missing.length > 0) {
    throw new ConfigurationError(`no windows zip for WinGet architecture ${missing.join(', ')}, though the config lists the platform`, {
      location: { file, field: 'platforms' },
      fix: 'build and publish the windows release archive for every windows platform (build-archive, publish-release) before the WinGet step',
    });
  }
  return byArch;
}

/** A real calendar date written YYYY-MM-DD (the schema's `format: date`). */
function checkDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== date) throw new Error(`releaseDate ${JSON.stringify(date)} is not a date written YYYY-MM-DD`);
  return date;
}
