import { ConfigurationError } from '../core/errors.js';
import type { ParsedVersion } from './parse.js';

// One function per format, from FORMATS.md 0.1. Each result is checked against the format's
// own grammar, so a version we cannot express fails here, before anything is built.

function refuse(format: string, v: ParsedVersion, why: string, fix?: string): never {
  throw new ConfigurationError(`version "${v.raw}" cannot be used for ${format}: ${why}`, {
    fix: fix ?? 'use a plain semantic version such as 1.2.3 or 1.2.3-rc.1',
  });
}

function check(format: string, v: ParsedVersion, result: string, rule: RegExp, described: string): string {
  if (!rule.test(result)) refuse(format, v, `"${result}" breaks the rule: ${described}`);
  return result;
}

/** Release revision for deb/rpm: default 1. */
function revision(release: number | string | undefined): string {
  return release === undefined ? '1' : String(release).trim();
}

const DEB_UPSTREAM = /^[0-9][A-Za-z0-9.+~-]*$/;
const DEB_REVISION = /^[A-Za-z0-9.+~]+$/;

/**
 * Debian `Version`: `[epoch:]upstream[-revision]`. A prerelease becomes `~pre` so it sorts before
 * the release; `+build` is kept and sorts after. `release: ''` gives a native version (no revision).
 */
export function debVersion(v: ParsedVersion, opts: { release?: number | string; epoch?: number } = {}): string {
  const upstream = v.semver ? `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `~${v.prerelease}` : ''}${v.build ? `+${v.build}` : ''}` : v.version;
  check('deb', v, upstream, DEB_UPSTREAM, 'a Debian upstream version starts with a digit and holds only letters, digits and . + ~ -');
  const rev = revision(opts.release);
  if (rev === '') {
    // Without a revision, the last `-` would be read as the revision separator.
    if (upstream.includes('-')) refuse('deb', v, `"${upstream}" contains "-", which needs a Debian revision after it`, 'set a release (deb revision) such as 1');
  } else if (!DEB_REVISION.test(rev)) {
    refuse('deb', v, `the revision "${rev}" may hold only letters, digits and . + ~`, 'set release to a number such as 1');
  }
  let epoch = '';
  if (opts.epoch !== undefined) {
    if (!Number.isInteger(opts.epoch) || opts.epoch < 0) refuse('deb', v, `the epoch "${opts.epoch}" is not a whole number`, 'set epoch to a whole number such as 1');
    if (opts.epoch > 0) epoch = `${opts.epoch}:`;
  }
  return `${epoch}${upstream}${rev === '' ? '' : `-${rev}`}`;
}

const RPM_FIELD = /^[A-Za-z0-9._+~^]+$/;

/**
 * rpm VERSION and RELEASE. `-` is the V-R separator, so it never appears: a prerelease becomes
 * `~pre` (sorts before), build metadata `+build` (sorts after); `-` inside them becomes `_`.
 * Known divergence from SemVer: rpm ranks a numeric identifier above an alphabetic one at the
 * same place (`~alpha.1` > `~alpha.beta`, `~1` > `~alpha`); SemVer ranks it below.
 */
export function rpmVersion(v: ParsedVersion, opts: { release?: number | string } = {}): { version: string; release: string } {
  const dash = (s: string) => s.replace(/-/g, '_');
  const version = v.semver ? `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `~${dash(v.prerelease)}` : ''}${v.build ? `+${dash(v.build)}` : ''}` : v.version;
  check('rpm', v, version, RPM_FIELD, 'an rpm version holds only letters, digits and . _ + ~ ^ (no "-")');
  const release = revision(opts.release);
  if (!RPM_FIELD.test(release)) refuse('rpm', v, `the release "${release}" may hold only letters, digits and . _ + ~ ^`, 'set release to a number such as 1');
  return { version, release };
}

const PACMAN = /^[A-Za-z0-9._+~]+$/;

/**
 * Arch `pkgver` (pkgrel is separate). The prerelease is glued on without a separator (`1.2.0rc.1`):
 * pacman's vercmp ranks a trailing alphabetic segment below nothing, but a trailing separator or
 * number above it, so `1.2.0_rc.1` or `1.2.0.1` would sort after 1.2.0. Hence a prerelease must
 * start with a letter. Like rpm, pacman ranks `alpha.1` above `alpha.beta` (SemVer: below).
 */
export function pacmanVersion(v: ParsedVersion): string {
  if (!v.semver) return check('pacman', v, v.version, PACMAN, 'pkgver holds no ":", "/", "-" or whitespace');
  if (v.prerelease && !/^[A-Za-z]/.test(v.prerelease)) {
    refuse('pacman', v, `a prerelease that starts with a digit ("${v.prerelease}") would sort after ${v.major}.${v.minor}.${v.patch} in pacman`, 'start prereleases with a word, e.g. 1.2.0-rc.1 or 1.2.0-beta.2');
  }
  const under = (s: string) => s.replace(/-/g, '_');
  const out = `${v.major}.${v.minor}.${v.patch}${under(v.prerelease)}${v.build ? `+${under(v.build)}` : ''}`;
  return check('pacman', v, out, PACMAN, 'pkgver holds no ":", "/", "-" or whitespace');
}

/** snap `version`: free-form label (no ordering; prereleases go to beta/candidate channels), ≤ 32 characters. */
export function snapVersion(v: ParsedVersion): string {
  const out = v.version;
  if (out.length > 32) refuse('snap', v, `"${out}" is ${out.length} characters; snap versions are at most 32`, 'shorten the build metadata (+...) or the prerelease');
  return check('snap', v, out, /^[A-Za-z0-9](?:[A-Za-z0-9:.+~-]*[A-Za-z0-9+~])?$/, 'letters, digits and : . + ~ -, starting with a letter or digit and ending with one or + ~');
}

/** WinGet `PackageVersion` (also the folder name): build metadata dropped. Publishing prereleases under a stable id is the caller's call. */
export function wingetVersion(v: ParsedVersion): string {
  const out = withoutBuild(v);
  if (out.length > 128) refuse('WinGet', v, 'PackageVersion is at most 128 characters');
  // Written out rather than as a regex range of control characters (no-control-regex).
  if ([...out].some((c) => c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c))) refuse('WinGet', v, `"${out}" breaks the rule: no \\ / : * ? " < > | or control characters`);
  return out;
}

/**
 * Chocolatey `<version>` (NuGet): build metadata dropped; numeric parts lose leading zeros because
 * choco 2 rejects them. `semver1: true` writes a prerelease the 1.x CLI accepts (`rc.1` → `rc1`).
 */
export function chocolateyVersion(v: ParsedVersion, opts: { semver1?: boolean } = {}): string {
  if (v.semver) {
    const pre = opts.semver1 ? v.prerelease.replace(/\./g, '') : v.prerelease;
    return check('Chocolatey', v, `${v.major}.${v.minor}.${v.patch}${pre ? `-${pre}` : ''}`, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'NuGet version');
  }
  const m = /^(\d+(?:\.\d+){0,3})(-[0-9A-Za-z.-]+)?$/.exec(v.version);
  if (!m) refuse('Chocolatey', v, 'NuGet versions are 1 to 4 dot-separated numbers with an optional -prerelease');
  return m[1]!.split('.').map((n) => String(Number(n))).join('.') + (m[2] ?? '');
}

/** Homebrew `version`: must not start with `v`; build metadata dropped (formula versions have no use for it). */
export function homebrewVersion(v: ParsedVersion): string {
  return check('Homebrew', v, withoutBuild(v), /^[0-9A-Za-z][0-9A-Za-z._+~-]*$/, 'no leading "v", no spaces');
}

/** Scoop `version`: `^[\w.\-+_]+$`, SemVer kept whole. */
export function scoopVersion(v: ParsedVersion): string {
  return check('Scoop', v, v.version, /^[\w.\-+]+$/, 'letters, digits and . - + _');
}

/** MacPorts `version`: final releases only (no prerelease ordering); build metadata dropped. */
export function macportsVersion(v: ParsedVersion): string {
  if (v.isPrerelease) refuse('MacPorts', v, 'MacPorts has no prerelease ordering; publish only final releases there', 'skip the MacPorts channel for prereleases');
  return check('MacPorts', v, withoutBuild(v), /^[0-9A-Za-z][0-9A-Za-z._+-]*$/, 'letters, digits and . _ + -');
}

/** OCI tag: `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`, so `+` becomes `_` (`1.2.0_g1a2b`). */
export function ociTag(v: ParsedVersion): string {
  return check('OCI tag', v, v.version.replace(/\+/g, '_'), /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/, 'letters, digits and . _ -, at most 128 characters');
}

function withoutBuild(v: ParsedVersion): string {
  return v.semver ? `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}` : v.version;
}
