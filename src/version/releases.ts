import { ociTag } from './formats.js';
import { compareVersions, DEFAULT_TAG_PREFIX, parseReleases, type ParsedVersion } from './parse.js';

// Where a release sits among the others. `allReleaseVersions` are versions or tags (`v1.2.3`);
// entries that are not SemVer are ignored, and `v` itself may or may not be among them.

function stablesAbove(v: ParsedVersion, all: readonly string[], tagPrefix: string, scope: (o: ParsedVersion) => boolean): boolean {
  return parseReleases(all, tagPrefix).some((o) => !o.isPrerelease && scope(o) && compareVersions(o, v) > 0);
}

/** True when `v` is a stable release and no stable release is higher (what "latest" should point at). */
export function isLatest(v: ParsedVersion, all: readonly string[], tagPrefix: string = DEFAULT_TAG_PREFIX): boolean {
  return v.semver && !v.isPrerelease && !stablesAbove(v, all, tagPrefix, () => true);
}

/**
 * Image tags in the manner of docker/metadata-action's semver patterns, made safe for backports:
 * always the exact version; for a stable release also `MAJOR.MINOR` if it is the highest of that
 * minor line, `MAJOR` if the highest of that major line (not for 0.x, where the minor is the
 * breaking part), and `latest` if the highest stable overall. A prerelease gets only its exact tag.
 */
export function dockerTags(v: ParsedVersion, all: readonly string[], tagPrefix: string = DEFAULT_TAG_PREFIX): string[] {
  const tags = [ociTag(v)];
  if (!v.semver || v.isPrerelease) return tags;
  if (!stablesAbove(v, all, tagPrefix, (o) => o.major === v.major && o.minor === v.minor)) tags.push(`${v.major}.${v.minor}`);
  if (v.major > 0 && !stablesAbove(v, all, tagPrefix, (o) => o.major === v.major)) tags.push(`${v.major}`);
  if (isLatest(v, all, tagPrefix)) tags.push('latest');
  return tags;
}

/**
 * The release to compare against (changelogs, release notes), as a version without prefix.
 * For a stable release: the highest earlier *stable* release, so 1.2.0's notes span everything
 * since 1.1.x and not just since 1.2.0-rc.3. For a prerelease: the highest earlier release of
 * any kind, so rc.2 is compared with rc.1. "Earlier" is SemVer precedence, not tag date.
 */
export function previousVersion(v: ParsedVersion, all: readonly string[], tagPrefix: string = DEFAULT_TAG_PREFIX): string | undefined {
  if (!v.semver) return undefined;
  let best: ParsedVersion | undefined;
  for (const o of parseReleases(all, tagPrefix)) {
    if (!v.isPrerelease && o.isPrerelease) continue;
    if (compareVersions(o, v) >= 0) continue;
    if (!best || compareVersions(o, best) > 0) best = o;
  }
  return best?.version;
}
