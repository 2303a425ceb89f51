import { describe, expect, it } from '@jest/globals';
import { parseVersion } from '../../src/version/parse.js';
import { dockerTags, isLatest, previousVersion } from '../../src/version/releases.js';

const p = (s: string) => parseVersion(s);
const ALL = ['v0.9.0', 'v1.0.0', 'v1.1.0', 'v1.1.1', 'v1.2.0-rc.1', 'v1.2.0-rc.2', 'v1.2.0', 'v1.2.1', 'v2.0.0-beta.1', 'docs-1', 'v2.0'];

describe('dockerTags', () => {
  it.each([
    // highest stable overall: every rolling tag
    ['1.2.1', ALL, ['1.2.1', '1.2', '1', 'latest']],
    // not the highest in 1.2.x
    ['1.2.0', ALL, ['1.2.0']],
    // backport: highest in 1.1.x, but 1.2.x exists
    ['1.1.2', ALL, ['1.1.2', '1.1']],
    // a new major beats the prerelease of 2.0.0 (prereleases do not count)
    ['1.3.0', ALL, ['1.3.0', '1.3', '1', 'latest']],
    ['2.0.0', ALL, ['2.0.0', '2.0', '2', 'latest']],
    // prerelease: only the exact tag
    ['2.0.0-beta.2', ALL, ['2.0.0-beta.2']],
    // build metadata: `+` is not allowed in a tag
    ['1.2.2+g1a2b', ALL, ['1.2.2_g1a2b', '1.2', '1', 'latest']],
    // 0.x: no major tag (the minor is the breaking part), as docker/metadata-action does
    ['0.9.1', ALL, ['0.9.1', '0.9']],
    ['0.3.0', [], ['0.3.0', '0.3', 'latest']],
    // first release, empty list
    ['1.0.0', [], ['1.0.0', '1.0', '1', 'latest']],
    // v itself in the list, bare tags accepted
    ['1.2.1', ['1.2.1', '1.2.0'], ['1.2.1', '1.2', '1', 'latest']],
  ])('%s', (v, all, expected) => {
    expect(dockerTags(p(v), all)).toEqual(expected);
  });

  it('reads tags with a custom prefix', () => {
    expect(dockerTags(p('1.0.0'), ['cli/v1.5.0', 'lib/v9.0.0'], 'cli/v')).toEqual(['1.0.0', '1.0']);
  });
});

describe('isLatest', () => {
  it.each([
    ['1.2.1', ALL, true],
    ['1.2.0', ALL, false],
    ['1.2.1+build', ALL, true],
    ['1.3.0-rc.1', ALL, false],
    ['1.1.5', ALL, false],
    ['0.1.0', [], true],
  ])('%s → %s', (v, all, expected) => {
    expect(isLatest(p(v), all)).toBe(expected);
  });

  it('is false for a non-semver version', () => {
    expect(isLatest(parseVersion('2024.01.05', { allowNonSemver: true }), [])).toBe(false);
  });
});

describe('previousVersion', () => {
  it.each([
    // stable: highest earlier stable, skipping the rc of the same release
    ['1.2.0', ALL, '1.1.1'],
    ['1.2.1', ALL, '1.2.0'],
    ['1.2.2', ALL, '1.2.1'],
    // backport: highest earlier by version, not by date
    ['1.1.2', ALL, '1.1.1'],
    ['3.0.0', ALL, '1.2.1'],
    // prerelease: highest earlier of any kind
    ['1.2.0-rc.2', ALL, '1.2.0-rc.1'],
    ['1.2.0-rc.1', ALL, '1.1.1'],
    ['2.0.0-beta.2', ALL, '2.0.0-beta.1'],
    ['2.0.0-alpha.1', ALL, '1.2.1'],
    // first releases
    ['0.9.0', ALL, undefined],
    ['0.1.0', [], undefined],
    // same version with other build metadata is not "earlier"
    ['1.2.1+b2', ['v1.2.1+b1', 'v1.2.0'], '1.2.0'],
  ])('%s → %s', (v, all, expected) => {
    expect(previousVersion(p(v), all)).toBe(expected);
  });

  it('is undefined for a non-semver version', () => {
    expect(previousVersion(parseVersion('2024.01.05', { allowNonSemver: true }), ALL)).toBeUndefined();
  });
});
