/**
 * Homebrew formula for a tap (update-homebrew-tap): one formula that downloads the release
 * archive of every darwin/linux platform in the config, each with its own url and sha256, and
 * installs the programs, completions and man pages it holds. See FORMATS.md §7.
 */
import type { PackageConfig } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';
import { LicenseSyntaxError, licenseArgs } from './license.js';
import { renderFormulaText, type PlatformDownload } from './render.js';
import { formulaNameOf, homebrewSettings } from './settings.js';

export { formulaClassName } from './class-name.js';
export { fixDesc, MAX_DESC_LENGTH } from './desc.js';
export { rubyString } from './ruby.js';
export {
  formulaNameOf,
  homebrewPlatforms,
  homebrewSettings,
  tapName,
  tapRepository,
  type HomebrewDependency,
  type HomebrewPlatform,
  type HomebrewService,
  type HomebrewSettings,
  type HomebrewSettingsOptions,
  type HomebrewTest,
} from './settings.js';

export interface FormulaAsset {
  os: 'darwin' | 'linux';
  arch: 'amd64' | 'arm64';
  url: string;
  sha256: string;
}

export interface FormulaInput {
  config: PackageConfig;
  /** The formula version, without a leading v (homebrewVersion in src/version gives it). */
  version: string;
  /** One per darwin/linux amd64/arm64 platform of the config. */
  assets: FormulaAsset[];
  /** Config file named in errors (default "(config)"). */
  file?: string;
}

/** Where the formula lives in the tap. */
export function formulaPath(config: PackageConfig): string {
  return `Formula/${formulaNameOf(config)}.rb`;
}

/** The formula's Ruby source. Throws ConfigurationError for what the user can fix, Error for bad input from code. */
export function renderFormula(input: FormulaInput): string {
  const { config, version } = input;
  const file = input.file ?? '(config)';
  const fail = (field: string, message: string, fix: string) => new ConfigurationError(`${field} ${message}`, { location: { file, field }, fix });

  if (!/^[0-9A-Za-z][0-9A-Za-z._+~-]*$/.test(version) || /^v\d/i.test(version)) {
    throw fail('version', `${JSON.stringify(version)} is not a Homebrew formula version (no leading v, no spaces)`, `use ${JSON.stringify(version.replace(/^v(?=\d)/i, '').trim())}: pass the version without the tag's v`);
  }
  const settings = homebrewSettings(config, { version, file });
  if (config.homepage === undefined) throw fail('homepage', 'is required by Homebrew formulae', 'add homepage: https://... (the project site or repository)');
  let license: string | undefined;
  try {
    license = config.license === undefined ? undefined : licenseArgs(config.license);
  } catch (e) {
    if (!(e instanceof LicenseSyntaxError)) throw e;
    throw fail('license', `${JSON.stringify(config.license)} is not an SPDX expression Homebrew can write: ${e.message}`, 'write an SPDX id or expression such as MIT, Apache-2.0 or "MIT OR Apache-2.0"');
  }

  const downloads: PlatformDownload[] = [];
  for (const a of input.assets) {
    const id = `${a.os}/${a.arch}`;
    const platform = settings.platforms.find((p) => p.os === a.os && p.arch === a.arch);
    if (!platform) throw new Error(`formula asset for ${id}, which is not a Homebrew platform of the config (${settings.platforms.map((p) => `${p.os}/${p.arch}`).join(', ')})`);
    if (downloads.some((d) => d.platform === platform)) throw new Error(`two formula assets for ${id}`);
    if (!/^[0-9a-fA-F]{64}$/.test(a.sha256)) throw new Error(`formula asset for ${id} has sha256 ${JSON.stringify(a.sha256)}, not 64 hex digits`);
    if (!/^https?:\/\/[^\s]+$/.test(a.url)) throw new Error(`formula asset for ${id} has url ${JSON.stringify(a.url)}, not an http(s) URL`);
    // brew style wants lowercase digests (ChecksumCase).
    downloads.push({ platform, url: a.url, sha256: a.sha256.toLowerCase() });
  }
  const missing = settings.platforms.filter((p) => !downloads.some((d) => d.platform === p)).map((p) => `${p.os}/${p.arch}`);
  if (missing.length > 0) {
    throw fail('platforms', `lists ${missing.join(', ')}, but the release has no archive for ${missing.length === 1 ? 'it' : 'them'}; a formula without a url for a platform fails to install there`, 'build and upload the release archives for every darwin/linux platform (build-archive), or remove the platform from platforms');
  }
  // Config order: the formula text does not depend on the order assets were listed in.
  downloads.sort((x, y) => settings.platforms.indexOf(x.platform) - settings.platforms.indexOf(y.platform));
  return renderFormulaText({ settings, homepage: config.homepage, version, license, downloads });
}
