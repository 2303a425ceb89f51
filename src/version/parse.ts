// Only the two functions used, not semver's index: it loads every function, range and class
// (~8 ms of start-up for every build).
import semverCompare from 'semver/functions/compare.js';
import semverParse from 'semver/functions/parse.js';
import { ConfigurationError } from '../core/errors.js';
import { DEFAULT_TAG_PREFIX } from './prefix.js';

/** A release version, parsed once and mapped to each format's own rules by the functions in formats.ts. */
export interface ParsedVersion {
  /** The text as given, prefix included (e.g. `v1.2.0-rc.1`). */
  raw: string;
  /** SemVer without the tag prefix, build metadata kept: `1.2.0-rc.1+g1a2b`. For a non-semver version, the text after the prefix. */
  version: string;
  major: number;
  minor: number;
  patch: number;
  /** `rc.1`, or '' for a stable release. */
  prerelease: string;
  /** `g1a2b`, or ''. */
  build: string;
  isPrerelease: boolean;
  /** False only for a version accepted through `allowNonSemver`; its major/minor/patch are best effort. */
  semver: boolean;
}

export interface ParseOptions {
  /** Stripped from the front when present. Default `v`. */
  tagPrefix?: string;
  /** Accept a version that is not SemVer (e.g. `2024.01.05`, `1.2`) as it is, instead of failing. */
  allowNonSemver?: boolean;
}

export { DEFAULT_TAG_PREFIX };

/** Characters every package format we map to can carry in some form; anything else is refused even when non-semver is allowed. */
const NON_SEMVER = /^[0-9A-Za-z][0-9A-Za-z.+~_-]{0,127}$/;

/** The part after the tag prefix; without that prefix, a lone leading `v` before a digit goes (`v1.2.3` given as an explicit version). */
export function stripPrefix(input: string, tagPrefix: string = DEFAULT_TAG_PREFIX): string {
  const s = input.trim();
  if (tagPrefix && s.startsWith(tagPrefix)) return s.slice(tagPrefix.length);
  return /^v\d/.test(s) ? s.slice(1) : s;
}

export function parseVersion(input: string, opts: ParseOptions = {}): ParsedVersion {
  const raw = input.trim();
  const text = stripPrefix(raw, opts.tagPrefix ?? DEFAULT_TAG_PREFIX);
  // semver.parse accepts a leading `v`/`=`; we have stripped what we allow, so insist on a digit.
  const sv = /^\d/.test(text) ? semverParse(text) : null;
  if (sv) {
    const prerelease = sv.prerelease.join('.');
    const build = sv.build.join('.');
    const version = `${sv.major}.${sv.minor}.${sv.patch}${prerelease ? `-${prerelease}` : ''}${build ? `+${build}` : ''}`;
    return { raw, version, major: sv.major, minor: sv.minor, patch: sv.patch, prerelease, build, isPrerelease: prerelease !== '', semver: true };
  }
  if (opts.allowNonSemver && NON_SEMVER.test(text)) {
    // Best effort numbers for outputs such as `major`; nothing orders or maps by them.
    const nums = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
    const n = (s: string | undefined) => (s === undefined ? 0 : Number(s));
    return { raw, version: text, major: n(nums?.[1]), minor: n(nums?.[2]), patch: n(nums?.[3]), prerelease: '', build: '', isPrerelease: false, semver: false };
  }
  throw notSemver(raw, text, opts);
}

function notSemver(raw: string, text: string, opts: ParseOptions): ConfigurationError {
  const shape = 'a semantic version looks like MAJOR.MINOR.PATCH with an optional -prerelease and +build, e.g. 1.2.3, 1.2.3-rc.1 or 1.2.3+build.5';
  if (text === '') return new ConfigurationError(`the version is empty (${shape})`, { fix: 'give a version such as 1.2.3, or push a tag such as v1.2.3' });
  if (opts.allowNonSemver) {
    return new ConfigurationError(`"${raw}" cannot be used as a version even with allow-non-semver: it must start with a letter or digit, contain only letters, digits and . + ~ _ -, and be at most 128 characters`, {
      fix: 'use a version such as 1.2.3',
    });
  }
  const prefix = opts.tagPrefix ?? DEFAULT_TAG_PREFIX;
  const hint = /^\d+(\.\d+)?$/.test(text) ? ` (did you mean ${text}${'.0'.repeat(3 - text.split('.').length)}?)` : '';
  return new ConfigurationError(`"${raw}" is not a semantic version${hint}: ${shape}`, {
    fix: `tag releases as ${prefix}1.2.3 (tag-prefix "${prefix}"), or set allow-non-semver: true to use the version as it is (packages then sort by each format's own rules)`,
  });
}

/** Parses what can be parsed, for lists of tags where unrelated tags are expected; non-semver entries are dropped. */
export function parseReleases(versions: readonly string[], tagPrefix: string = DEFAULT_TAG_PREFIX): ParsedVersion[] {
  const out: ParsedVersion[] = [];
  for (const s of versions) {
    try {
      out.push(parseVersion(s, { tagPrefix }));
    } catch {
      // Not a release tag of ours (e.g. `docs-2024`): ignore it.
    }
  }
  return out;
}

/** SemVer precedence (build metadata ignored, as SemVer says). */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  return semverCompare(a.version, b.version);
}
