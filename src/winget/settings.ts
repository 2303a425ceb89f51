// The `winget` config block with its defaults, checked against winget's own limits. The config
// schema checks what the user wrote; this also checks what the defaults make of the top-level
// keys (a 300-character summary is fine for a .deb, not for ShortDescription).
import type { PackageConfig, WingetConfig } from '../config/types.js';
import { ConfigurationError } from '../core/errors.js';
import { windowsPlatforms, type WingetArch } from './arch.js';
import { checkIdentifier } from './paths.js';

export interface WingetSettings {
  packageIdentifier: string;
  publisher: string;
  publisherUrl?: string;
  publisherSupportUrl?: string;
  author?: string;
  packageName: string;
  /** PackageUrl: the config's homepage. */
  packageUrl?: string;
  moniker?: string;
  /** Lowercase, spaces as `-`, duplicates dropped. */
  tags: string[];
  license: string;
  licenseUrl?: string;
  copyright?: string;
  shortDescription: string;
  description?: string;
  /** Command names without `.exe`; `<command>.exe` is the file in the zip. */
  commands: string[];
  minimumOSVersion?: string;
  archiveBinariesDependOnPath: boolean;
  /** The architectures of the config's windows platforms, in a fixed order (x86, x64, arm, arm64). */
  architectures: WingetArch[];
}

// winget's Url type: http(s), at most 2048 characters.
const URL = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/;
const MIN_OS = /^(0|[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])(\.(0|[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])){0,3}$/;
const COMMAND_BAD = /[\s\\/:*?"<>|]/;

class Checker {
  constructor(readonly file: string) {}

  fail(field: string, message: string, fix: string): never {
    throw new ConfigurationError(`${field} ${message}`, { location: { file: this.file, field }, fix });
  }

  /** A text field: no templates (nothing renders them here), length within winget's limits. */
  text(field: string, value: string, min: number, max: number, fix: string, opts: { singleLine?: boolean } = {}): string {
    if (value.includes('{{')) this.fail(field, 'uses a template, but WinGet values are written as given', `write the value out, without {{ ... }}`);
    const n = [...value].length;
    if (n < min) this.fail(field, `is ${n} characters long; WinGet needs at least ${min}`, fix);
    if (n > max) this.fail(field, `is ${n} characters long; WinGet allows at most ${max}`, fix);
    if (opts.singleLine && /[\r\n]/.test(value)) this.fail(field, 'must be a single line for WinGet', fix);
    return value;
  }

  url(field: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    this.text(field, value, 1, 2048, `use a URL of at most 2048 characters`);
    if (!URL.test(value)) this.fail(field, `must be an http:// or https:// URL for WinGet, got ${JSON.stringify(value)}`, `write ${field.split('.').pop()}: https://...`);
    return value;
  }
}

/** The `winget` block with its defaults filled in from the top-level keys. */
export function wingetSettings(config: PackageConfig, file = '(config)'): WingetSettings {
  const w: WingetConfig = config.winget ?? {};
  const c = new Checker(file);
  const architectures = windowsPlatforms(config, file).map((p) => p.arch);

  const publisher = w.publisher !== undefined ? c.text('winget.publisher', w.publisher, 2, 256, 'use 2 to 256 characters') : defaultPublisher(config, c);
  const packageName =
    w.package_name !== undefined
      ? c.text('winget.package_name', w.package_name, 2, 256, 'use 2 to 256 characters')
      : c.text('name', config.name, 2, 256, 'set winget.package_name to a name of at least 2 characters');

  let packageIdentifier: string;
  if (w.package_identifier !== undefined) {
    packageIdentifier = c.text('winget.package_identifier', w.package_identifier, 1, 128, 'use Publisher.Package, e.g. Servin.Servin');
    checkIdentifier(packageIdentifier, { file });
  } else {
    packageIdentifier = `${identifierPart(publisher)}.${identifierPart(packageName)}`;
    checkIdentifier(packageIdentifier, { file, derived: `publisher "${publisher}" and package name "${packageName}"` });
  }

  const license = licenseOf(config, w, c);
  const shortDescription =
    w.short_description !== undefined
      ? c.text('winget.short_description', w.short_description, 3, 256, 'write one line of 3 to 256 characters', { singleLine: true })
      : c.text('summary', (config.summary ?? '').trim(), 3, 256, 'set winget.short_description to one line of 3 to 256 characters', { singleLine: true });
  const rawDescription = w.description ?? config.description;
  const descriptionField = w.description !== undefined ? 'winget.description' : 'description';
  // Trailing blanks are invisible and make linters (yamllint, winget-pkgs checks) complain.
  const cleaned = rawDescription?.split(/\r?\n/).map((l) => l.trimEnd()).join('\n').trimEnd();
  const description = cleaned === undefined ? undefined : c.text(descriptionField, cleaned, 3, 10000, 'set winget.description to 3 to 10000 characters');

  return {
    packageIdentifier,
    publisher,
    publisherUrl: c.url('winget.publisher_url', w.publisher_url),
    publisherSupportUrl: c.url('winget.publisher_support_url', w.publisher_support_url),
    author: w.author === undefined ? undefined : c.text('winget.author', w.author, 2, 256, 'use 2 to 256 characters'),
    packageName,
    packageUrl: c.url('homepage', config.homepage),
    moniker: w.moniker === undefined ? undefined : moniker(w.moniker, c),
    tags: tags(w.tags ?? [], c),
    license,
    licenseUrl: c.url('winget.license_url', w.license_url),
    copyright: w.copyright === undefined ? undefined : c.text('winget.copyright', w.copyright, 3, 512, 'use 3 to 512 characters', { singleLine: true }),
    shortDescription,
    description,
    commands: commands(w.commands, config.name, c),
    minimumOSVersion: w.minimum_os_version === undefined ? undefined : minimumOS(w.minimum_os_version, c),
    archiveBinariesDependOnPath: w.archive_binaries_depend_on_path ?? false,
    architectures,
  };
}

/** vendor, else the maintainer's name without the email. */
function defaultPublisher(config: PackageConfig, c: Checker): string {
  if (config.vendor !== undefined) return c.text('vendor', config.vendor.trim(), 2, 256, 'set winget.publisher to 2 to 256 characters');
  const name = (config.maintainer ?? '').replace(/<[^>]*>/g, '').trim();
  return c.text('maintainer', name, 2, 256, 'set vendor or winget.publisher to the publisher name WinGet should show');
}

/** One identifier part from a display name: words capitalised and joined, characters winget refuses dropped. */
function identifierPart(name: string): string {
  return name
    .split(/[\s.]+/u)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')
    .replace(/[\\/:*?"<>|]/g, '')
    .replace(/\p{Cc}/gu, '');
}

function licenseOf(config: PackageConfig, w: WingetConfig, c: Checker): string {
  if (w.license !== undefined) return c.text('winget.license', w.license, 3, 512, 'use 3 to 512 characters, e.g. MIT or Apache-2.0', { singleLine: true });
  if (config.license === undefined) {
    c.fail('license', 'is not set, and WinGet manifests require a License', 'set license (an SPDX expression such as MIT), or winget.license');
  }
  return c.text('license', config.license, 3, 512, 'set winget.license to 3 to 512 characters (e.g. "MIT License" where the SPDX id is shorter)', { singleLine: true });
}

function moniker(value: string, c: Checker): string {
  c.text('winget.moniker', value, 1, 40, 'use one word of at most 40 characters');
  if (/\s/.test(value)) c.fail('winget.moniker', 'must be a single word', `write moniker: ${value.trim().split(/\s+/).join('-').toLowerCase()}`);
  return value;
}

/** winget-pkgs convention: lowercase, `-` for spaces. Limits: 16 tags, 40 characters each. */
function tags(list: string[], c: Checker): string[] {
  const out: string[] = [];
  list.forEach((raw, i) => {
    const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
    c.text(`winget.tags[${i}]`, tag, 1, 40, 'use a tag of 1 to 40 characters');
    if (!out.includes(tag)) out.push(tag);
  });
  if (out.length > 16) c.fail('winget.tags', `lists ${out.length} tags; WinGet allows at most 16`, 'keep the 16 most useful search terms');
  return out;
}

function commands(list: string[] | undefined, name: string, c: Checker): string[] {
  const given = list !== undefined;
  const raw = list ?? [name];
  if (raw.length === 0) c.fail('winget.commands', 'is empty', `list the programs in the zip, e.g. commands: [${name}]`);
  if (raw.length > 16) c.fail('winget.commands', `lists ${raw.length} commands; WinGet allows at most 16`, 'list only the programs users run');
  const out: string[] = [];
  raw.forEach((value, i) => {
    const field = given ? `winget.commands[${i}]` : 'name';
    const cmd = value.replace(/\.exe$/i, '');
    c.text(field, cmd, 1, 40, 'use a command name of at most 40 characters');
    if (COMMAND_BAD.test(cmd)) c.fail(field, `"${cmd}" is not a command name (no spaces, folders or \\ / : * ? " < > |)`, given ? 'name the program without its folder or .exe, e.g. servin' : 'set winget.commands to the program names in the zip');
    if (out.some((o) => o.toLowerCase() === cmd.toLowerCase())) c.fail(field, `repeats "${cmd}" (Windows file names ignore case)`, 'list each program once');
    out.push(cmd);
  });
  return out;
}

function minimumOS(value: string, c: Checker): string {
  if (!MIN_OS.test(value)) c.fail('winget.minimum_os_version', `must be 1 to 4 numbers (0-65535) separated by dots, got ${JSON.stringify(value)}`, 'write e.g. minimum_os_version: "10.0.17763.0"');
  return value;
}
