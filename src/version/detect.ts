import { readFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { ConfigurationError } from '../core/errors.js';
import type { ActionIO } from '../core/io.js';
import { debVersion, rpmVersion } from './formats.js';
import { globEscape, type GitPort } from './git.js';
import { compareVersions, parseReleases, parseVersion, type ParsedVersion } from './parse.js';
import { dockerTags, isLatest, previousVersion } from './releases.js';

export const SOURCES = ['auto', 'ref', 'git', 'file'] as const;
export type SourceMode = (typeof SOURCES)[number];
/** What actually supplied the version. */
export type VersionOrigin = 'input' | 'ref' | 'git' | 'file';

export interface DetectOptions {
  /** An explicit version (or tag); when set it always wins. */
  version?: string;
  tagPrefix: string;
  source: SourceMode;
  versionFile: string;
  allowNonSemver: boolean;
  /** deb revision and rpm release. */
  release: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  git: GitPort;
  log: Pick<ActionIO, 'info' | 'warning' | 'debug'>;
}

export interface DetectedVersion {
  parsed: ParsedVersion;
  origin: VersionOrigin;
  /** The release tag (`v1.2.3`); '' for a snapshot of an untagged commit. */
  tag: string;
  /** True when the version was derived from the nearest tag because HEAD is not tagged. */
  snapshot: boolean;
  /** Versions (no prefix) of every release tag found, SemVer ones only, highest first. */
  releases: string[];
  debVersion: string;
  rpm: { version: string; release: string };
  dockerTags: string[];
  previousVersion: string;
  isLatest: boolean;
}

interface Found {
  parsed: ParsedVersion;
  origin: VersionOrigin;
  tag: string;
  snapshot?: boolean;
}

/**
 * True when a tag is one of our release tags: the prefix followed by a digit. With the default
 * prefix `v`, bare `1.2.3` tags count too (both conventions are common, often in one repository).
 */
export function isReleaseTag(tag: string, tagPrefix: string): boolean {
  if (tag.startsWith(tagPrefix) && /^\d/.test(tag.slice(tagPrefix.length))) return true;
  return tagPrefix === 'v' && /^\d/.test(tag);
}

/**
 * Decides the release version. `auto` tries, in order: the `version` input; the pushed tag in
 * GITHUB_REF; a release tag on HEAD; the version file; and last a snapshot version derived from the
 * nearest release tag (`1.2.1-dev.5+gabc1234`, a prerelease between 1.2.0 and 1.2.1).
 */
export async function detectVersion(o: DetectOptions): Promise<DetectedVersion> {
  const found = await resolve(o);
  const parsed = found.parsed;
  const all = await releaseVersions(o);
  const result: DetectedVersion = {
    ...found,
    snapshot: found.snapshot ?? false,
    releases: all,
    debVersion: '',
    rpm: { version: '', release: '' },
    dockerTags: [],
    previousVersion: previousVersion(parsed, all) ?? '',
    isLatest: isLatest(parsed, all),
  };
  // A SemVer version always maps; a non-semver one may not fit every format, which is not fatal
  // here because the build actions fail for the formats actually in use.
  const map = <T>(what: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      if (parsed.semver || !(e instanceof ConfigurationError)) throw e;
      o.log.warning(`${what}: ${e.message}`);
      return fallback;
    }
  };
  result.debVersion = map('deb-version', () => debVersion(parsed, { release: o.release }), '');
  result.rpm = map('rpm-version', () => rpmVersion(parsed, { release: o.release }), { version: '', release: '' });
  result.dockerTags = map('docker-tags', () => dockerTags(parsed, all), []);
  return result;
}

async function resolve(o: DetectOptions): Promise<Found> {
  const parse = (s: string) => parseVersion(s, { tagPrefix: o.tagPrefix, allowNonSemver: o.allowNonSemver });
  if (o.version !== undefined && o.version.trim() !== '') {
    const given = o.version.trim();
    const parsed = parse(given);
    return { parsed, origin: 'input', tag: given.startsWith(o.tagPrefix) ? given : `${o.tagPrefix}${parsed.version}` };
  }
  const auto = o.source === 'auto';
  if (auto || o.source === 'ref') {
    const found = fromRef(o, parse);
    if (found) return found;
  }
  if (auto || o.source === 'git') {
    const found = await fromHeadTag(o, parse);
    if (found) return found;
  }
  if (auto || o.source === 'file') {
    const found = await fromFile(o, parse);
    if (found) return found;
  }
  if (auto || o.source === 'git') {
    const found = await fromNearestTag(o);
    if (found) return found;
  }
  const shallow = await o.git.isShallow();
  throw new ConfigurationError(`no version found (source: ${o.source})`, {
    fix:
      `push a release tag such as ${o.tagPrefix}1.2.3, set "version:", or add a ${o.versionFile} file` +
      (shallow ? '; this is a shallow clone, so set fetch-depth: 0 on actions/checkout to see the tags' : ''),
  });
}

function fromRef(o: DetectOptions, parse: (s: string) => ParsedVersion): Found | undefined {
  const ref = o.env.GITHUB_REF ?? '';
  if (!ref.startsWith('refs/tags/')) {
    if (o.source === 'ref') {
      throw new ConfigurationError(`source is "ref" but GITHUB_REF is ${ref ? `"${ref}", not a tag` : 'not set'}`, {
        fix: 'run on a tag push (on: push: tags: ["v*"]), or use source: auto',
      });
    }
    return undefined;
  }
  const tag = ref.slice('refs/tags/'.length);
  if (!isReleaseTag(tag, o.tagPrefix)) {
    const msg = `the pushed tag "${tag}" does not start with tag-prefix "${o.tagPrefix}" and a digit`;
    if (o.source === 'ref') throw new ConfigurationError(msg, { fix: `set tag-prefix to the part before the version, or push ${o.tagPrefix}1.2.3` });
    o.log.warning(`${msg}; ignoring it`);
    return undefined;
  }
  return { parsed: parse(tag), origin: 'ref', tag };
}

async function fromHeadTag(o: DetectOptions, parse: (s: string) => ParsedVersion): Promise<Found | undefined> {
  const tags = (await o.git.tagsAtHead()).filter((t) => isReleaseTag(t, o.tagPrefix));
  if (tags.length === 0) return undefined;
  // Several release tags on one commit (v1.2.0-rc.3 then v1.2.0): the highest wins.
  // A tag that does not parse is skipped when another one does (v1.2 beside v1.2.0).
  const candidates: { tag: string; parsed: ParsedVersion }[] = [];
  let firstError: unknown;
  for (const tag of tags) {
    try {
      candidates.push({ tag, parsed: parse(tag) });
    } catch (e) {
      firstError ??= e;
    }
  }
  if (candidates.length === 0) throw firstError;
  candidates.sort((a, b) => rank(b.parsed, a.parsed));
  const best = candidates[0]!;
  if (candidates.length > 1) o.log.info(`HEAD has ${candidates.length} release tags (${tags.join(', ')}); using ${best.tag}`);
  return { parsed: best.parsed, origin: 'git', tag: best.tag };
}

/** SemVer versions above non-semver ones; SemVer by precedence; non-semver by text. */
function rank(a: ParsedVersion, b: ParsedVersion): number {
  if (a.semver !== b.semver) return a.semver ? 1 : -1;
  return a.semver ? compareVersions(a, b) : a.version.localeCompare(b.version);
}

async function fromFile(o: DetectOptions, parse: (s: string) => ParsedVersion): Promise<Found | undefined> {
  const file = path.resolve(o.cwd, o.versionFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (o.source === 'file') {
      throw new ConfigurationError(`cannot read the version file ${o.versionFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
        location: { file: o.versionFile },
        fix: 'create it with the version on its first line, or set version-file to its path',
      });
    }
    return undefined;
  }
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (index < 0) throw new ConfigurationError(`the version file ${o.versionFile} is empty`, { location: { file: o.versionFile }, fix: 'write the version (e.g. 1.2.3) on its first line' });
  const line = lines[index]!.trim();
  try {
    const parsed = parse(line);
    return { parsed, origin: 'file', tag: `${o.tagPrefix}${parsed.version}` };
  } catch (e) {
    if (!(e instanceof ConfigurationError)) throw e;
    throw new ConfigurationError(e.message, { location: { file: o.versionFile, line: index + 1 }, fix: e.fix });
  }
}

/** HEAD is untagged: a prerelease just above the nearest release tag, which no real release will collide with. */
async function fromNearestTag(o: DetectOptions): Promise<Found | undefined> {
  const match = [`${globEscape(o.tagPrefix)}[0-9]*`, ...(o.tagPrefix === 'v' ? ['[0-9]*'] : [])];
  const d = await o.git.describe(match);
  if (!d) return undefined;
  let base: ParsedVersion;
  try {
    base = parseVersion(d.tag, { tagPrefix: o.tagPrefix });
  } catch {
    o.log.warning(`the nearest tag "${d.tag}" is not a semantic version, so no snapshot version can be derived from it`);
    return undefined;
  }
  if (d.distance === 0) return { parsed: base, origin: 'git', tag: d.tag };
  const next = base.isPrerelease ? `${base.major}.${base.minor}.${base.patch}-${base.prerelease}` : semver.inc(`${base.major}.${base.minor}.${base.patch}`, 'patch')!;
  const version = `${next}${base.isPrerelease ? '.' : '-'}dev.${d.distance}+g${d.commit}`;
  o.log.warning(
    `HEAD is not tagged; using the snapshot version ${version} (${d.distance} commit${d.distance === 1 ? '' : 's'} after ${d.tag}). ` +
      `Push a tag such as ${o.tagPrefix}${next} to release.`,
  );
  return { parsed: parseVersion(version, { tagPrefix: '' }), origin: 'git', tag: '', snapshot: true };
}

async function releaseVersions(o: DetectOptions): Promise<string[]> {
  const tags = (await o.git.tags()).filter((t) => isReleaseTag(t, o.tagPrefix));
  const versions = parseReleases(tags, o.tagPrefix).sort((a, b) => compareVersions(b, a)).map((v) => v.version);
  const shallow = await o.git.isShallow();
  if (tags.length <= 1 && shallow) {
    o.log.warning(
      `only ${tags.length} release tag${tags.length === 1 ? ' is' : 's are'} in this shallow clone, so previous-version, is-latest and docker-tags may be wrong. ` +
        'Fetch history and tags with actions/checkout: fetch-depth: 0 (or fetch-tags: true).',
    );
  } else if (tags.length === 0) {
    o.log.info(`no release tags (${o.tagPrefix}1.2.3) found, so there is no previous version`);
  }
  return [...new Set(versions)];
}
